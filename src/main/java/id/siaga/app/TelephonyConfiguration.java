package id.siaga.app;

import id.siaga.journal.Journal;
import id.siaga.location.Locator;
import id.siaga.org.InvalidStationDataException;
import id.siaga.org.OperatorId;
import id.siaga.org.OperatorRoster;
import id.siaga.org.PresenceBoard;
import id.siaga.org.PresenceChanged;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.org.StationKind;
import id.siaga.routing.EscalationLadder;
import id.siaga.routing.RingPolicy;
import id.siaga.screening.Screening;
import id.siaga.telephony.CallCoordinator;
import id.siaga.telephony.CallRecord;
import id.siaga.telephony.Gate;
import id.siaga.telephony.CallRecovery;
import id.siaga.telephony.CallerWatch;
import org.springframework.context.SmartLifecycle;
import id.siaga.telephony.CallRecordStore;
import id.siaga.telephony.CallbackTasks;
import id.siaga.location.AreaCodeTable;
import id.siaga.location.CellTable;
import id.siaga.telephony.sip.InviteLocations;
import id.siaga.telephony.sip.LocationDereferencer;
import id.siaga.location.LocationFusion;
import id.siaga.telephony.LocationPolicy;
import id.siaga.org.Presence;
import id.siaga.store.JdbcBindingStore;
import id.siaga.telephony.registrar.BindingStore;
import id.siaga.telephony.registrar.DigestAuthenticator;
import id.siaga.telephony.registrar.ExpiryPolicy;
import id.siaga.telephony.registrar.OperatorPhone;
import id.siaga.telephony.registrar.OperatorPhones;
import id.siaga.telephony.registrar.RegisterHandler;
import id.siaga.telephony.registrar.Registrar;
import id.siaga.telephony.registrar.RegistrationExpired;
import java.util.LinkedHashMap;
import org.springframework.core.io.ResourceLoader;
import id.siaga.telephony.sip.CallerLocationReader;
import id.siaga.telephony.sip.PhoneContacts;
import id.siaga.telephony.sip.SipEdge;
import id.siaga.telephony.sip.SipTls;
import java.util.Optional;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslOptions;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import id.siaga.journal.JsonLinesSpool;
import id.siaga.store.JdbcCallRecordStore;
import id.siaga.store.JdbcCallbackTaskStore;
import id.siaga.store.SpooledWrites;
import id.siaga.store.SpoolingCallRecordStore;
import id.siaga.store.SpoolingCallbackTaskStore;
import id.siaga.telephony.CallRecord;
import id.siaga.telephony.Gate;
import id.siaga.telephony.CallbackTask;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RoutingProperties.class, TelephonyProperties.class})
class TelephonyConfiguration {

    /** Call-back tasks the database could not take yet, beside the journal's spool. */
    @Bean(destroyMethod = "close")
    SpooledWrites<CallbackTask> callbackTaskWrites(org.springframework.jdbc.core.JdbcTemplate jdbc, JournalProperties journal) {
        JdbcCallbackTaskStore db = new JdbcCallbackTaskStore(jdbc);
        return new SpooledWrites<>("call-back task", new JsonLinesSpool<>(besideJournalSpool(journal, "callback-task-spool.jsonl"),
                CallbackTask.class, "call-back task spool"), db::save, SpoolingCallbackTaskStore::key, CallbackTask.class, journal.retryInterval());
    }

    @Bean
    CallbackTasks callbackTasks(org.springframework.jdbc.core.JdbcTemplate jdbc, SpooledWrites<CallbackTask> writes, Journal journal, Clock clock) {
        return new CallbackTasks(new SpoolingCallbackTaskStore(new JdbcCallbackTaskStore(jdbc), writes), journal, clock);
    }

    /** The thread the automatic screening signals are written on (hang-ups on answer, silent callers). */
    @Bean(destroyMethod = "close")
    ScreeningSignals screeningSignals() {
        return new ScreeningSignals();
    }

    /** Call records the database could not take yet, beside the journal's spool. */
    @Bean(destroyMethod = "close")
    SpooledWrites<CallRecord> callRecordWrites(org.springframework.jdbc.core.JdbcTemplate jdbc, JournalProperties journal) {
        JdbcCallRecordStore db = new JdbcCallRecordStore(jdbc);
        return new SpooledWrites<>("call record", new JsonLinesSpool<>(besideJournalSpool(journal, "call-record-spool.jsonl"),
                CallRecord.class, "call record spool"), db::save, SpoolingCallRecordStore::key, CallRecord.class, journal.retryInterval());
    }

    @Bean
    CallRecordStore callRecordStore(org.springframework.jdbc.core.JdbcTemplate jdbc, SpooledWrites<CallRecord> writes) {
        return new SpoolingCallRecordStore(new JdbcCallRecordStore(jdbc), writes);
    }

    private static java.nio.file.Path besideJournalSpool(JournalProperties journal, String name) {
        return java.nio.file.Path.of(journal.spoolFile()).toAbsolutePath().resolveSibling(name);
    }

    @Bean
    EscalationLadder escalationLadder(RoutingProperties props) {
        return new EscalationLadder(new RingPolicy(Map.of(StationKind.POLSEK, props.polsekRingTime(),
                StationKind.POLRES, props.polresRingTime(), StationKind.POLDA, props.poldaRingTime()), props.mode()));
    }

    @Bean(destroyMethod = "close")
    CallCoordinator callCoordinator(Locator locator, StationDirectory stations, PresenceBoard board, PresenceService presence,
                                    EscalationLadder ladder, Journal journal, Clock clock, TelephonyProperties props,
                                    CallbackTasks callbacks, CallRecordStore records, LocationProperties where, Screening screening,
                                    ScreeningSignals signals, Gate gate,
                                    org.springframework.beans.factory.ObjectProvider<id.siaga.telephony.media.Rtpengine> mediaPlane,
                                    org.springframework.beans.factory.ObjectProvider<ClusterMembership> cluster) {
        // in a cluster, this node holds its lease before it recovers its own calls: nobody takes them over meanwhile
        cluster.getIfAvailable();
        LocationPolicy locationPolicy = new LocationPolicy(new LocationFusion(where.freshness(), where.maxAge()), where.routeWait(), where.reroute(),
                where.matchWindow());
        StationId fallback = StationId.of(props.defaultStation());
        if (!stations.tree().contains(fallback)) {
            throw new InvalidStationDataException("siaga.telephony.default-station names unknown station " + fallback);
        }
        CallCoordinator coordinator = new CallCoordinator(locator, stations, board,
                change -> presence.change(change.operator(), change.to(), "sip"), ladder, journal, clock, fallback, props.shortCall(),
                callbacks::open, locationPolicy);
        Map<OperatorId, Integer> lines = props.lines().entrySet().stream()
                .collect(Collectors.toMap(e -> new OperatorId(e.getKey()), Map.Entry::getValue));
        coordinator.linesPerPosition(op -> lines.getOrDefault(op, 1));
        coordinator.recordInto(record -> {
            records.save(record);
            if (record.outcome() == CallRecord.Outcome.CUT_OFF && record.answeredAt() != null) {
                // on the signals' thread: a database that is away must not hold the next calls' records and "ended"
                signals.write("call " + record.id() + ": the hang-up on answer",
                        () -> screening.hungUpOnAnswer(record.id().value(), record.callerNumber(), record.answeredAt()));
            }
        });
        coordinator.screenWith(screening.reputation());
        coordinator.gate(gate); // without a media plane: each flagged call at a gate station says the gate is off (MediaConfiguration turns it on)
        if (gate.configured() && mediaPlane.getIfAvailable() == null) {
            org.slf4j.LoggerFactory.getLogger(Screening.class).warn("the gate is set for {}, but it speaks through the media plane: off until"
                    + " one is configured (siaga.media.rtpengines)", gate.stations());
        }
        coordinator.watchCallers(new CallerWatch(props.callerProbeInterval(), props.maxWait(), props.maxUnansweredPerSource(),
                new HashSet<>(props.trustedSources())));
        // before the SIP edge takes a call: every call the journal shows unfinished gets its ending and call-back task
        new CallRecovery(journal, records, callbacks, clock, fallback, props.shortCall()).recover(props.recoveryWindow(), java.util.Set.of());
        return coordinator;
    }

    /**
     * On shutdown, before the SIP edge closes: the edge refuses new calls with 503 at once, for
     * {@code siaga.telephony.drain-time} while the calls ringing here may still be answered (a cluster's SIP front takes
     * the node out meanwhile); then every live call is closed: waiting callers are refused with 503 and get a call-back
     * task, so none waits for a restart that may not come.
     */
    @Bean
    SmartLifecycle callPathShutdown(CallCoordinator coordinator, org.springframework.beans.factory.ObjectProvider<SipEdge> edge,
                                    TelephonyProperties props) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                running = true;
                // started again after a stop that did not close the context (a paused context resumed): take calls again
                SipEdge sip = edge.getIfAvailable();
                if (sip != null) {
                    sip.acceptNewCalls();
                }
            }

            @Override
            public void stop() {
                running = false;
                SipEdge sip = edge.getIfAvailable();
                if (sip != null) {
                    sip.refuseNewCalls();
                    if (!props.drainTime().isZero()) {
                        org.slf4j.LoggerFactory.getLogger(TelephonyConfiguration.class).info(
                                "stopping: new calls refused for {} ms before the calls still waiting are closed", props.drainTime().toMillis());
                        try {
                            Thread.sleep(props.drainTime().toMillis());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
                coordinator.interruptAll("the server is shutting down");
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }

    /** Presence changes reach the call pipeline, so a newly READY operator at the top is offered waiting calls. */
    @Bean
    CallPresenceBridge callPresenceBridge(CallCoordinator coordinator) {
        return new CallPresenceBridge(coordinator);
    }

    static final class CallPresenceBridge {
        private final CallCoordinator coordinator;

        CallPresenceBridge(CallCoordinator coordinator) {
            this.coordinator = coordinator;
        }

        @EventListener
        void onPresenceChanged(PresenceChanged change) {
            coordinator.presenceChanged(change);
        }
    }

    /**
     * The registrar keeps its bindings in the database every node shares (PostgreSQL in a cluster, the H2 file for one
     * node): a phone registered through any node is rung by every node.
     */
    @Bean(destroyMethod = "close")
    Registrar registrar(org.springframework.jdbc.core.JdbcTemplate jdbc, TelephonyProperties props) {
        return new Registrar(ExpiryPolicy.DEFAULT, new JdbcBindingStore(jdbc), props.registrationsFreshFor(), props.registrationsReadWait());
    }

    @Bean
    id.siaga.telephony.registrar.PhoneStore phoneStore(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        return new id.siaga.store.JdbcPhoneStore(jdbc);
    }

    /**
     * The positions' phones, from the database. On the first start that finds no phone there, the phones file seeds it (the
     * demo's, or {@code siaga.telephony.phones-file}); from then on phones are set in the console. The static contacts of
     * {@code siaga.telephony.phones} are configuration: they are not stored and win over the database for their positions.
     */
    @Bean
    OperatorPhones operatorPhones(TelephonyProperties props, OrgProperties orgProps, OperatorRoster roster, Registrar registrar,
                                  ResourceLoader resources, id.siaga.telephony.registrar.PhoneStore store, Clock clock) {
        String file = props.phonesFile();
        if (file.isBlank() && orgProps.dataset() == OrgProperties.Dataset.DEMO) {
            file = "classpath:demo/phones.csv";
        }
        if (!file.isBlank() && store.isEmpty()) {
            Map<OperatorId, OperatorPhone> seed = SettingFiles.read(resources, "siaga.telephony.phones-file", file,
                    (reader, source) -> PhonesCsv.read(reader, source, roster));
            java.time.Instant at = clock.instant();
            String by = "seed " + file;
            seed.forEach((op, phone) -> store.put(op, phone, by, at));
            org.slf4j.LoggerFactory.getLogger(TelephonyConfiguration.class).info("phones: {} seeded from {} into the database", seed.size(), file);
        }
        return new OperatorPhones(PositionAdministration.phonesOf(store.all(), configuredPhones(props, roster), roster), registrar);
    }

    /** The static contacts named in {@code siaga.telephony.phones}, each for a known position. */
    static Map<OperatorId, OperatorPhone.Static> configuredPhones(TelephonyProperties props, OperatorRoster roster) {
        Map<OperatorId, OperatorPhone.Static> phones = new LinkedHashMap<>();
        props.phones().forEach((op, uri) -> {
            OperatorId id = new OperatorId(op);
            if (roster.find(id).isEmpty()) {
                throw new InvalidStationDataException("siaga.telephony.phones names unknown operator " + op);
            }
            phones.put(id, new OperatorPhone.Static(uri));
        });
        return phones;
    }

    /** Positions and phones as administered in the console, put in force at once on this node (and, clustered, on the others). */
    @Bean
    PositionAdministration positionAdministration(id.siaga.org.PositionStore positions, id.siaga.telephony.registrar.PhoneStore phones,
                                                  OperatorRoster roster, OperatorPhones live, TelephonyProperties props,
                                                  id.siaga.org.StationDirectory stations, id.siaga.security.UserAccountStore accounts,
                                                  PresenceService presence, id.siaga.journal.Journal journal, Clock clock) {
        return new PositionAdministration(new PositionAdministration.Parts(positions, phones, roster, live, configuredPhones(props, roster),
                () -> stations.tree(), accounts, props.realm()), presence, journal, clock);
    }

    @Bean
    PhoneContacts phoneContacts(OperatorPhones phones, Clock clock) {
        return op -> phones.contactsFor(op, clock.instant());
    }

    @Bean
    RegisterHandler registerHandler(TelephonyProperties props, OperatorPhones phones, Registrar registrar, Clock clock) {
        byte[] secret;
        if (props.digestSecret().isBlank()) {
            secret = new byte[32];
            new java.security.SecureRandom().nextBytes(secret);
        } else {
            secret = java.util.HexFormat.of().parseHex(props.digestSecret());
        }
        return new RegisterHandler(props.realm(), new DigestAuthenticator(secret, clock), phones, registrar, clock);
    }

    /**
     * A phone whose registration lapsed or was withdrawn takes its position OFFLINE: nobody can be rung there. Every node
     * sweeps; the store reports each lapse to one of them only, so one node changes the position's presence. While the
     * database is away the sweep waits for it (the registrar's ringing says so once in the log) and catches up after.
     */
    @Bean(destroyMethod = "shutdownNow")
    java.util.concurrent.ScheduledExecutorService registrationSweeper(Registrar registrar, OperatorPhones phones, PresenceService presence,
                                                                   Clock clock) {
        var sweeper = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "registration-sweeper");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                for (RegistrationExpired expired : registrar.expireUntil(clock.instant())) {
                    phones.operatorBySipUsername(expired.aor()).ifPresent(op -> presence.change(op, Presence.OFFLINE, "registrar"));
                }
            } catch (BindingStore.Unavailable e) {
                org.slf4j.LoggerFactory.getLogger(TelephonyConfiguration.class).debug("registration sweep waits for the database: {}", e.getMessage());
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(TelephonyConfiguration.class).warn("registration sweep failed", e);
            }
        }, 5, 5, java.util.concurrent.TimeUnit.SECONDS);
        return sweeper;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(prefix = "siaga.telephony", name = "enabled", havingValue = "true", matchIfMissing = true)
    SipEdge sipEdge(TelephonyProperties props, CallCoordinator coordinator, PhoneContacts phones, RegisterHandler registerHandler,
                    PresenceService presence, CellTable cells, AreaCodeTable areaCodes,
                    LocationConfiguration.MobileNetworksView networks, LocationProperties where, SslBundles sslBundles,
                    org.springframework.beans.factory.ObjectProvider<ClusterMembership> cluster) throws Exception {
        CallerLocationReader pidfLo = new InviteLocations(cells, networks.mncLengths(), areaCodes);
        Optional<SipTls> tls = props.sipTlsPort() == -1 ? Optional.empty() : Optional.of(sipTls(props, sslBundles));
        SipEdge edge = new SipEdge(new SipEdge.Settings(props.sipAddress(), props.sipPort(), new HashSet<>(props.emergencyNumbers()),
                props.maxMessageBytes(), props.keepAlive(), tls), coordinator, pidfLo,
                new LocationDereferencer(new HashSet<>(where.dereferenceHosts()), where.dereferenceTimeout()), phones, registerHandler,
                (operator, reachable) -> {
                    if (!reachable) {
                        presence.change(operator, Presence.OFFLINE, "registrar");
                    }
                });
        // in a cluster: a node that has not renewed its lease lately asks the front (its OPTIONS probes) for no new calls
        ClusterMembership membership = cluster.getIfAvailable();
        if (membership != null) {
            edge.fencedWhile(membership::fenced);
        }
        return edge;
    }

    /** SIP over TLS with the key, certificate and trust store of the configured SSL bundle (its key alias, protocols, ciphers). */
    static SipTls sipTls(TelephonyProperties props, SslBundles bundles) {
        SslBundle bundle;
        try {
            bundle = bundles.getBundle(props.sipTlsBundle());
        } catch (NoSuchSslBundleException e) {
            throw new IllegalStateException("siaga.telephony.sip-tls-port is " + props.sipTlsPort() + " but siaga.telephony.sip-tls-bundle names no SSL bundle '"
                    + props.sipTlsBundle() + "' (spring.ssl.bundle.jks." + props.sipTlsBundle() + ".keystore.location, README \"Turning TLS on\")", e);
        }
        SslOptions options = bundle.getOptions();
        return new SipTls(props.sipTlsPort(), bundle.getManagers().getKeyManagers(), bundle.getManagers().getTrustManagers(),
                props.sipTlsClientAuth(), options.getEnabledProtocols() == null ? List.of() : List.of(options.getEnabledProtocols()),
                options.getCiphers() == null ? List.of() : List.of(options.getCiphers()));
    }
}
