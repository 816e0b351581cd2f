package id.siaga.app;

import id.siaga.journal.Journal;
import id.siaga.store.JdbcTrackStore;
import id.siaga.tracking.DeviceDirectory;
import id.siaga.tracking.LivePositions;
import id.siaga.tracking.MqttGateway;
import id.siaga.tracking.PositionPipeline;
import id.siaga.tracking.PositionValidator;
import id.siaga.tracking.RejectionJournal;
import id.siaga.tracking.TrackStore;
import id.siaga.tracking.TrackWriter;
import id.siaga.tracking.internal.MqttPositionClient;
import id.siaga.tracking.internal.OsmAndHttpServer;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslOptions;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * GPS tracking: the pipeline and its doors (OsmAnd HTTP on {@link TrackingProperties#osmandPort()}, MQTT, whose
 * readiness is health contributor {@code mqtt}), the live index, the history writer, and a maintenance task (partitions ahead and retention hourly, throttled rejection
 * counts every ten seconds). Shutdown closes the doors first, then the writer, which writes what is queued.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TrackingProperties.class)
class TrackingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TrackingConfiguration.class);

    /** The live index, restored from the last {@link TrackingProperties#liveRestoreWindow()} of history. */
    @Bean
    LivePositions livePositions(TrackStore store, Clock clock, TrackingProperties props) {
        LivePositions live = new LivePositions();
        if (!props.liveRestoreWindow().isZero()) {
            long started = System.nanoTime();
            var latest = store.latestSince(clock.instant().minus(props.liveRestoreWindow()));
            live.restore(latest);
            log.info("live positions restored from track history: {} units heard from in the last {} ({} ms)", latest.size(),
                    props.liveRestoreWindow(), (System.nanoTime() - started) / 1_000_000);
        }
        return live;
    }

    @Bean
    @DependsOnDatabaseInitialization
    JdbcTrackStore trackStore(DataSource dataSource, TrackingProperties props) {
        return new JdbcTrackStore(dataSource, props.historyCopy());
    }

    /** The history writer; its spool beside the journal's unless {@code siaga.tracking.history-spool-file} says where. */
    @Bean(destroyMethod = "close")
    TrackWriter trackWriter(TrackStore store, TrackingProperties props, JournalProperties journal, MeterRegistry meters) {
        java.nio.file.Path spool = props.historySpoolFile().isBlank()
                ? java.nio.file.Path.of(journal.spoolFile()).toAbsolutePath().resolveSibling("track-spool.jsonl")
                : java.nio.file.Path.of(props.historySpoolFile());
        return new TrackWriter(store, new TrackWriter.Settings(props.historyWriters(), props.historyBatchSize(), props.historyQueueCapacity(),
                props.historyCommitTimeout(), props.historyRetryInterval(), spool, props.historySpoolMaxSize().toBytes()), meters);
    }

    @Bean
    RejectionJournal positionRejections(Journal journal, Clock clock, TrackingProperties props) {
        return new RejectionJournal(journal, clock, props.rejectionJournalWindow(), 10_000);
    }

    @Bean
    PositionPipeline positionPipeline(DeviceDirectory devices, LivePositions live, TrackWriter writer, RejectionJournal rejections,
                                      Clock clock, TrackingProperties props, MeterRegistry meters) {
        PositionValidator validator = new PositionValidator(clock, props.futureTolerance(), props.retention(), props.maxSpeedKmh());
        return new PositionPipeline(devices, validator, live, writer, rejections, clock, meters);
    }

    /** The OsmAnd door, bound at start; absent when {@code siaga.tracking.osmand-port} is -1. */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("${siaga.tracking.osmand-port:5055} >= 0")
    OsmAndHttpServer osmAndHttpServer(PositionPipeline pipeline, TrackingProperties props, SslBundles sslBundles) {
        Optional<Supplier<SSLEngine>> tls = props.osmandTlsBundle().isBlank() ? Optional.empty()
                : Optional.of(serverEngines(sslBundles, props.osmandTlsBundle(), "siaga.tracking.osmand-tls-bundle"));
        return new OsmAndHttpServer(pipeline, props.osmandAddress(), props.osmandPort(), props.maxBodyBytes(), tls);
    }

    /** Server-side TLS engines from an SSL bundle, with its protocols and ciphers when it names them; a missing bundle stops the start. */
    static Supplier<SSLEngine> serverEngines(SslBundles bundles, String name, String key) {
        SslBundle bundle;
        try {
            bundle = bundles.getBundle(name);
        } catch (NoSuchSslBundleException e) {
            throw new IllegalStateException(key + " names no SSL bundle '" + name + "' (spring.ssl.bundle.jks." + name
                    + ".keystore.location, README \"Turning TLS on\")", e);
        }
        SSLContext context = bundle.createSslContext();
        SslOptions options = bundle.getOptions();
        return () -> {
            SSLEngine engine = context.createSSLEngine();
            engine.setUseClientMode(false);
            if (options.getEnabledProtocols() != null) {
                engine.setEnabledProtocols(options.getEnabledProtocols());
            }
            if (options.getCiphers() != null) {
                engine.setEnabledCipherSuites(options.getCiphers());
            }
            return engine;
        };
    }

    /** MQTT positions in, and the {@link MqttGateway} for messages to units. */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(prefix = "siaga.tracking.mqtt", name = "enabled", havingValue = "true", matchIfMissing = true)
    MqttPositionClient mqttPositionClient(PositionPipeline pipeline, RejectionJournal rejections, DeviceDirectory units, MeterRegistry meters,
                                          Clock clock, TrackingProperties props, ClusterProperties cluster) {
        MqttPositionClient client = new MqttPositionClient(pipeline, rejections, units, meters, mqttSettings(props.mqtt(), cluster, cluster.nodeId()),
                clock);
        client.start();
        return client;
    }

    /**
     * The MQTT door's settings on node {@code node}. In a cluster the client id is the setting's (or {@code siaga110}) and the
     * node id, {@code siaga110-siaga-a}: every node has its own persistent session and any node can name another's (to take
     * it over when that node is lost), and the subscription is shared, so the broker gives each position to one node.
     */
    static MqttPositionClient.Settings mqttSettings(TrackingProperties.Mqtt mqtt, ClusterProperties cluster, String node) {
        String clientId = cluster.enabled() ? (mqtt.clientId().isBlank() ? "siaga110" : mqtt.clientId()) + "-" + node
                : mqtt.clientId().isBlank() ? "siaga110-" + hostName() : mqtt.clientId();
        return new MqttPositionClient.Settings(mqtt.brokerUrl(), clientId, mqtt.topicRoot(), mqtt.username(), mqtt.password(), mqtt.retryInterval(),
                mqtt.connections(), mqtt.sessionExpiry(), mqtt.lanes(), mqtt.maxPayloadBytes(), cluster.enabled());
    }

    /**
     * Health contributor {@code mqtt}, part of the readiness group (application.yml), not of liveness: DOWN while MQTT is
     * on and any connection is not up and subscribed, so a load balancer sends nothing to a node that cannot hear its
     * units, yet a broker outage never gets the node restarted. UP when MQTT is off: nothing to wait for.
     */
    @Bean
    HealthIndicator mqttHealthIndicator(ObjectProvider<MqttPositionClient> mqtt) {
        return () -> {
            MqttPositionClient client = mqtt.getIfAvailable();
            if (client == null) {
                return Health.up().withDetail("enabled", false).build();
            }
            MqttPositionClient.Status status = client.status();
            List<Map<String, Object>> connections = status.connections().stream().map(c -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("clientId", c.clientId());
                m.put("state", c.state().name());
                m.put("since", c.since().toString());
                if (c.problem() != null) {
                    m.put("problem", c.problem());
                }
                return m;
            }).toList();
            return (status.ready() ? Health.up() : Health.down()).withDetail("broker", status.broker())
                    .withDetail("subscription", status.subscription()).withDetail("connections", connections)
                    .withDetail("waiting", status.waiting()).build();
        };
    }

    /** With MQTT off, a gateway that refuses every message, saying why. */
    @Bean
    @ConditionalOnProperty(prefix = "siaga.tracking.mqtt", name = "enabled", havingValue = "false")
    MqttGateway mqttOff() {
        log.info("MQTT door off (siaga.tracking.mqtt.enabled=false)");
        return (topic, payload, qos) -> {
            throw new IllegalStateException("MQTT is off (siaga.tracking.mqtt.enabled=false): nothing sent to " + topic);
        };
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "node";
        }
    }

    /** Partitions ahead and retention at start and hourly; throttled rejection counts every ten seconds. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService trackMaintenance(TrackStore store, RejectionJournal rejections, Clock clock, TrackingProperties props) {
        ScheduledExecutorService maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "track-maintenance");
            t.setDaemon(true);
            return t;
        });
        Runnable days = () -> {
            try {
                store.prepareDays(clock.instant().atOffset(ZoneOffset.UTC).toLocalDate(), props.partitionsAhead());
                long purged = store.purgeBefore(clock.instant().minus(props.retention()));
                if (purged > 0) {
                    log.info("track history: {} fixes older than {} removed (siaga.tracking.retention)", purged, props.retention());
                }
            } catch (RuntimeException e) {
                log.error("track history maintenance failed; retrying within the hour", e);
            }
        };
        days.run();
        maintenance.scheduleWithFixedDelay(days, 1, 1, TimeUnit.HOURS);
        maintenance.scheduleWithFixedDelay(() -> {
            try {
                rejections.flush();
            } catch (RuntimeException e) {
                log.warn("journalling throttled position rejections failed", e);
            }
        }, 10, 10, TimeUnit.SECONDS);
        return maintenance;
    }
}
