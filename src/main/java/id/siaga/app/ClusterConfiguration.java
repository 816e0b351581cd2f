package id.siaga.app;

import id.siaga.cluster.ClusterView;
import id.siaga.cluster.NodeStore;
import id.siaga.journal.Journal;
import id.siaga.org.StationId;
import id.siaga.store.JdbcNodeStore;
import id.siaga.telephony.CallRecordStore;
import id.siaga.telephony.CallRecovery;
import id.siaga.telephony.CallbackTasks;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

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
    NodeStore nodeStore(DataSource dataSource) {
        return new JdbcNodeStore(dataSource);
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
        ClusterMembership membership = new ClusterMembership(store, props, address, journal, recovery, telephony.recoveryWindow(), clock);
        membership.join();
        return membership;
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
