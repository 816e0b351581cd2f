package id.siaga.app;

import id.siaga.cluster.ClusterView;
import id.siaga.cluster.NodeStore;
import id.siaga.cluster.internal.NatsTables;
import id.siaga.journal.Journal;
import id.siaga.org.StationId;
import id.siaga.store.JdbcNodeStore;
import id.siaga.telephony.CallCoordinator;
import id.siaga.telephony.CallRecordStore;
import id.siaga.telephony.CallRecovery;
import id.siaga.telephony.CallbackTasks;
import id.siaga.telephony.LocationPolicy;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cluster's membership (docs/CLUSTER.md): with {@code siaga.cluster.enabled} this node takes its lease as it is
 * built, before the call path's start-up recovery runs (the coordinator asks for this bean first), and takes over lost
 * nodes from then on. Without it the node is alone: {@link ClusterView} says so.
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    @Bean
    @DependsOnDatabaseInitialization
    @ConditionalOnProperty(prefix = "siaga.cluster", name = "enabled", havingValue = "true")
    NodeStore nodeStore(DataSource dataSource, ClusterProperties props) {
        // a renewal that has waited half a lease is useless (the node is fenced by then): it fails and the next one starts
        return new JdbcNodeStore(dataSource, props.leaseTimeout().dividedBy(2));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(prefix = "siaga.cluster", name = "enabled", havingValue = "true")
    ClusterMembership clusterMembership(NodeStore store, ClusterProperties props, TelephonyProperties telephony, Journal journal,
                                        CallRecordStore records, CallbackTasks callbacks, Clock clock, Environment env) {
        String url = env.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:h2:")) {
            throw new IllegalStateException("siaga.cluster.enabled needs a database every node reaches: PostgreSQL (--spring.profiles.active=postgres"
                    + " and spring.datasource.url); this node's database is an embedded H2 file, which no other node can open");
        }
        if (!journal.node().equals(props.nodeId())) {
            throw new IllegalStateException("the journal writes node " + journal.node() + "'s chain, not " + props.nodeId());
        }
        String address = "sip " + telephony.sipAddress() + ":" + telephony.sipPort() + ", http " + env.getProperty("server.port", "8080");
        CallRecovery recovery = new CallRecovery(journal, records, callbacks, clock, StationId.of(telephony.defaultStation()), telephony.shortCall());
        ClusterMembership membership = new ClusterMembership(store, props, address, journal, recovery, telephony.recoveryWindow());
        membership.join();
        return membership;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(prefix = "siaga.cluster", name = "enabled", havingValue = "true")
    id.siaga.cluster.internal.NatsTables natsTables(ClusterProperties props) {
        return new id.siaga.cluster.internal.NatsTables(props.natsUrl(), props.natsPrefix(), "siaga110 " + props.nodeId(), props.busTimeout(),
                props.natsReplicas());
    }

    /**
     * The live state the nodes share over NATS: presence (READY on one node is READY for all; BUSY follows the phone) and
     * which node rings which phone. Built once this node holds its lease.
     */
    @Bean
    @ConditionalOnProperty(prefix = "siaga.cluster", name = "enabled", havingValue = "true")
    SharedLiveState sharedLiveState(id.siaga.cluster.internal.NatsTables tables, ClusterProperties props, ClusterMembership membership,
                                    PresenceService presence, id.siaga.org.OperatorRoster roster, id.siaga.telephony.CallCoordinator coordinator,
                                    TelephonyProperties telephony) {
        PresenceReplication replication = new PresenceReplication(tables.table("presence"), props.nodeId(), presence,
                () -> PresenceReplication.busyIn(coordinator.live(), op -> telephony.lines().getOrDefault(op.value(), 1)));
        NatsPhoneClaims claims = new NatsPhoneClaims(tables.table("phones"), props.nodeId(), roster, coordinator::phonesFreedElsewhere);
        replication.start();
        claims.start();
        coordinator.claimPhonesWith(claims);
        membership.onNodeLost(claims::nodeLost);
        membership.onNodeLost(replication::nodeLost);
        // taken over while alive: the phones its calls ring and the operators in its calls are this node's again
        membership.onRejoined(() -> {
            List<id.siaga.telephony.CallView> live = coordinator.live();
            claims.rejoined(NatsPhoneClaims.ringingIn(live));
            replication.rejoined(PresenceReplication.busyIn(live, op -> telephony.lines().getOrDefault(op.value(), 1)));
        });
        return new SharedLiveState(replication, claims);
    }

    /** Requests to the node that carries a call: over NATS in a cluster, none on a single server. */
    @Bean
    id.siaga.cluster.NodeRequests nodeRequests(ObjectProvider<id.siaga.cluster.internal.NatsTables> tables, ClusterProperties props) {
        id.siaga.cluster.internal.NatsTables nats = tables.getIfAvailable();
        return nats == null ? id.siaga.cluster.NodeRequests.NONE : nats.requests(props.nodeId());
    }

    /**
     * What this node does when another node's console works one of its calls: the silent caller's prompt, played through
     * this node's media plane (the answer is the outcome's name, as the console's own node would have had it).
     */
    @Bean
    @ConditionalOnProperty(prefix = "siaga.cluster", name = "enabled", havingValue = "true")
    Object silentPromptsForOtherNodes(id.siaga.cluster.NodeRequests requests, id.siaga.telephony.CallCoordinator coordinator,
                                      tools.jackson.databind.json.JsonMapper json) {
        requests.answer(id.siaga.telephony.CallCoordinator.SilentAsk.REQUEST, request -> {
            SilentPromptAsked asked = json.readValue(request, SilentPromptAsked.class);
            id.siaga.telephony.CallCoordinator.SilentAsk outcome = coordinator.askSilentCaller(new id.siaga.telephony.CallId(asked.call()),
                    new id.siaga.org.OperatorId(asked.operator()), coordinator.gate().mediaPlane());
            return json.writeValueAsString(java.util.Map.of("outcome", outcome.name()));
        });
        return id.siaga.telephony.CallCoordinator.SilentAsk.REQUEST;
    }

    /** What the silent prompt's request carries: the call and the operator position on the line. */
    record SilentPromptAsked(String call, String operator) {
    }

    /** The live calls other nodes carry: none on a single server. */
    @Bean
    id.siaga.telephony.RemoteCalls remoteCalls(Clock clock) {
        return new id.siaga.telephony.RemoteCalls(clock);
    }

    /** This node's calls told to the other nodes, theirs heard: every console lists and follows every call of the cluster. */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(prefix = "siaga.cluster", name = "enabled", havingValue = "true")
    CallRelay callRelay(id.siaga.cluster.internal.NatsTables tables, ClusterProperties props, ClusterMembership membership,
                        id.siaga.telephony.RemoteCalls remote, id.siaga.telephony.CallCoordinator coordinator, TelephonyProperties telephony,
                        CallRecordStore records, tools.jackson.databind.json.JsonMapper json,
                        @org.springframework.beans.factory.annotation.Qualifier("clusterSweeper")
                        java.util.concurrent.ScheduledExecutorService sweeper) {
        CallRelay relay = new CallRelay(tables.topic("calls", java.time.Duration.ofHours(1)), props.nodeId(), remote, json);
        relay.start(coordinator, telephony.maxWait());
        membership.onNodeLost(relay::nodeLost);
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                relay.sweep(records);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(CallRelay.class).debug("cluster: the other nodes' calls could not be checked: {}", e.toString());
            }
        }, 30, 30, java.util.concurrent.TimeUnit.SECONDS);
        return relay;
    }

    /**
     * Station statuses and names changed on one node, read again from the database by the others when it says so, and
     * every {@link StationChangesReplication#POLL} whatever they heard.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(prefix = "siaga.cluster", name = "enabled", havingValue = "true")
    StationChangesReplication stationChangesReplication(NatsTables tables, ClusterProperties props, id.siaga.org.StationDirectory stations,
                                                        StationAdministration administration,
                                                        @org.springframework.beans.factory.annotation.Qualifier("clusterSweeper")
                                                        java.util.concurrent.ScheduledExecutorService sweeper) {
        StationChangesReplication replication = new StationChangesReplication(tables.topic("stations", java.time.Duration.ofHours(1)),
                props.nodeId(), stations);
        replication.start(administration);
        long every = StationChangesReplication.POLL.toSeconds();
        sweeper.scheduleWithFixedDelay(replication::poll, every, every, java.util.concurrent.TimeUnit.SECONDS);
        return replication;
    }

    /** Location reports (AML) that reach this node for a call another node carries, and theirs for this node's calls; once this node holds its lease. */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(prefix = "siaga.cluster", name = "enabled", havingValue = "true")
    LocationSharing locationSharing(NatsTables tables, ClusterProperties props, ClusterMembership membership, CallCoordinator coordinator,
                                    JsonMapper json) {
        LocationSharing sharing = new LocationSharing(tables.topic("locations", LocationSharing.KEPT), props.nodeId(), json);
        sharing.start(coordinator, LocationPolicy.EARLY_REPORT_WAIT);
        return sharing;
    }

    /**
     * Positions and phones changed on one node are in force on every node: the node that made the change says so on the
     * "roster" topic and every other node rebuilds its roster and phones from the shared database at once. A notice the
     * bus dropped is made up by reading the database every {@link #POSITIONS_POLL} anyway (the tables are small).
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(prefix = "siaga.cluster", name = "enabled", havingValue = "true")
    AutoCloseable rosterSharing(NatsTables tables, ClusterProperties props, PositionAdministration positions, SharedLiveState live,
                                  @org.springframework.beans.factory.annotation.Qualifier("clusterSweeper")
                                  java.util.concurrent.ScheduledExecutorService sweeper) {
        id.siaga.cluster.SharedTopic topic = tables.topic("roster", java.time.Duration.ofMinutes(10));
        String self = props.nodeId();
        positions.onChange(() -> topic.publish("changed." + BusSubjects.token(self), "{}"));
        live.presence().learnPositionsWith(positions::learn);
        AutoCloseable subscription = topic.subscribe("changed.*", java.time.Duration.ZERO, message -> {
            if (!message.subject().endsWith("." + BusSubjects.token(self))) {
                reloadPositions(positions);
            }
        });
        sweeper.scheduleWithFixedDelay(() -> reloadPositions(positions), POSITIONS_POLL.toSeconds(), POSITIONS_POLL.toSeconds(),
                java.util.concurrent.TimeUnit.SECONDS);
        return subscription;
    }

    /** How often each node of a cluster reads the positions and phones again, whatever the bus said. */
    static final java.time.Duration POSITIONS_POLL = java.time.Duration.ofSeconds(30);

    private static void reloadPositions(PositionAdministration positions) {
        try {
            positions.reload();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(PositionAdministration.class).warn("positions could not be read again: {}", e.toString());
        }
    }

    @Bean(name = "clusterSweeper", destroyMethod = "shutdownNow")
    @ConditionalOnProperty(prefix = "siaga.cluster", name = "enabled", havingValue = "true")
    java.util.concurrent.ScheduledExecutorService clusterSweeper() {
        return java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cluster-sweeper");
            t.setDaemon(true);
            return t;
        });
    }

    /** The shared live state's parts, as one bean. */
    record SharedLiveState(PresenceReplication presence, NatsPhoneClaims phones) {
    }

    /** What the cluster page shows: the membership when clustered, else this node alone. */
    @Bean
    @org.springframework.context.annotation.Primary
    ClusterView clusterView(ObjectProvider<ClusterMembership> membership, ClusterProperties props, Clock clock) {
        ClusterMembership m = membership.getIfAvailable();
        if (m != null) {
            return m;
        }
        return new ClusterView() {
            @Override
            public String self() {
                return props.nodeId();
            }

            @Override
            public boolean clustered() {
                return false;
            }

            @Override
            public NodeStore.Leases leases() {
                return new NodeStore.Leases(List.of(), clock.instant());
            }
        };
    }
}
