package id.siaga.app;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * GPS tracking: the OsmAnd/Traccar HTTP door, MQTT, validation and track history.
 *
 * @param osmandPort              port of the OsmAnd/Traccar HTTP door. 5055 is Traccar's, which the OsmAnd app and
 *                                Traccar Client expect; 0 takes any free port (tests), -1 turns the door off.
 * @param osmandAddress           address the door binds. 127.0.0.1 (application.yml: siaga.bind-address): this machine
 *                                only. Production binds 0.0.0.0, where devices reach it over the mobile network, or the
 *                                interface behind its load balancer.
 * @param osmandTlsBundle         the Spring SSL bundle ({@code spring.ssl.bundle.jks.<name>.*}, a PKCS#12 keystore) the
 *                                door serves HTTPS with, on the same port; empty (the default): plain HTTP. The {@code tls}
 *                                profile names "siaga" (README, "Turning TLS on").
 * @param maxBodyBytes            largest request body; bigger ones get 413. 64 KB holds a batch of about two hundred
 *                                buffered positions and keeps a flood cheap.
 * @param futureTolerance         how far ahead of the server's clock a fix may be measured before it is refused as a
 *                                wrong device clock. 5 minutes allows for phones whose clocks drift.
 * @param maxSpeedKmh             the speed no police vehicle reaches; a jump from the unit's last accepted fix implying
 *                                more is refused. 300 km/h is above any patrol car or motorbike, below GPS glitches.
 * @param retention               how long track history is kept. 90 days covers complaints and inquiries that arrive
 *                                weeks later; production follows Polri's record-keeping rules. PostgreSQL drops whole days.
 * @param historyBatchSize        most fixes per history insert. 1000 is one round trip of a few hundred kilobytes.
 * @param historyFlushInterval    longest a fix waits before its batch is written, when traffic is light. 200 ms keeps
 *                                history seconds behind live at most.
 * @param historyQueueCapacity    fixes that may wait for the history writer; beyond it senders get 503 (HTTP) or are
 *                                slowed (MQTT). 200,000 rides out a few seconds of database hiccup at 50,000 fixes/s.
 * @param historyRetryInterval    how often a batch the database refused is tried again. 1 s, as the journal.
 * @param historyCopy             on PostgreSQL, write batches with {@code COPY ... FROM STDIN} instead of batched INSERTs.
 *                                Off: measured on the 2-core bench machine both take 50,000-100,000 rows/s
 *                                (TrackStoreAppendBenchmark), far above what the doors bring; turn it on if the writer
 *                                becomes the bottleneck (the siaga.tracking.history.queue gauge stays high).
 * @param liveRestoreWindow       at start, each unit's last position of this window is read back from track history into
 *                                the live index, so dispatch sees units at once after a restart and fixes the broker
 *                                delivers again are known as old. One hour: older positions are no basis for sending a
 *                                unit; 0 turns it off.
 * @param partitionsAhead         days of partitions created ahead of today on PostgreSQL (today .. +N). 2 survives a
 *                                weekend without the maintenance task; any fix outside lands in the DEFAULT partition.
 * @param rejectionJournalWindow  at most one journal entry per device and reason per this window, carrying the count
 *                                of refusals it stands for. One minute keeps garbage floods from drowning the journal.
 * @param mqtt                    the MQTT door
 */
@ConfigurationProperties("siaga.tracking")
public record TrackingProperties(
        @DefaultValue("5055") int osmandPort,
        @DefaultValue("127.0.0.1") String osmandAddress,
        @DefaultValue("") String osmandTlsBundle,
        @DefaultValue("65536") int maxBodyBytes,
        @DefaultValue("5m") Duration futureTolerance,
        @DefaultValue("300") double maxSpeedKmh,
        @DefaultValue("90d") Duration retention,
        @DefaultValue("1000") int historyBatchSize,
        @DefaultValue("200ms") Duration historyFlushInterval,
        @DefaultValue("200000") int historyQueueCapacity,
        @DefaultValue("1s") Duration historyRetryInterval,
        @DefaultValue("false") boolean historyCopy,
        @DefaultValue("1h") Duration liveRestoreWindow,
        @DefaultValue("2") int partitionsAhead,
        @DefaultValue("1m") Duration rejectionJournalWindow,
        @DefaultValue Mqtt mqtt) {

    /**
     * The MQTT door ({@code siaga.tracking.mqtt.*}).
     *
     * @param enabled      subscribe to unit positions and offer the MQTT gateway. On by default: the demo runs with a
     *                     local Mosquitto; start does not fail while the broker is down (it retries).
     * @param brokerUrl    the broker, {@code tcp://host:1883} or {@code ssl://host:8883}. Production: the Polda's
     *                     broker over TLS.
     * @param clientId     this node's client id; it names the persistent session, so each node needs its own and must
     *                     keep it across restarts. Empty: {@code siaga110-} and the host name.
     * @param topicRoot    units publish on {@code {topicRoot}/{unitId}/position}; alerts go to {@code .../alerts}.
     * @param username     broker login; empty for none (the demo's local broker).
     * @param password     broker password, with {@code username}.
     * @param retryInterval how often a first connection to an unreachable broker is retried.
     * @param connections  subscriber connections. 1: a plain subscription, any broker. More: a shared subscription
     *                     ({@code $share/siaga110/...}) the broker spreads over them, for throughput on several cores and,
     *                     with the same setting on every node, to split units' positions over a cluster (Mosquitto 2,
     *                     EMQX, HiveMQ support it). The broker then no longer keeps a unit's messages in order: a few
     *                     arrive after a newer one and are stored as out-of-order (measured: 2 % of a 1,000,000-message
     *                     backlog with 2 connections), and on this 2-core machine it did not raise throughput.
     */
    public record Mqtt(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("tcp://127.0.0.1:1883") String brokerUrl,
            @DefaultValue("") String clientId,
            @DefaultValue("siaga/units") String topicRoot,
            @DefaultValue("") String username,
            @DefaultValue("") String password,
            @DefaultValue("5s") Duration retryInterval,
            @DefaultValue("1") int connections) {

        public Mqtt {
            if (connections < 1 || connections > 64) {
                throw new IllegalArgumentException("siaga.tracking.mqtt.connections must be between 1 and 64, got " + connections);
            }
            if (brokerUrl == null || !brokerUrl.matches("(tcp|ssl|ws|wss)://.+")) {
                throw new IllegalArgumentException("siaga.tracking.mqtt.broker-url must be tcp://, ssl://, ws:// or wss://host:port, got "
                        + brokerUrl);
            }
            if (topicRoot == null || topicRoot.isBlank() || topicRoot.endsWith("/") || topicRoot.contains("+") || topicRoot.contains("#")) {
                throw new IllegalArgumentException("siaga.tracking.mqtt.topic-root must be a plain topic without wildcards or a trailing /, got "
                        + topicRoot);
            }
            if (retryInterval.toSeconds() < 1) {
                throw new IllegalArgumentException("siaga.tracking.mqtt.retry-interval must be at least 1s, got " + retryInterval);
            }
        }
    }

    public TrackingProperties {
        if (osmandPort < -1 || osmandPort > 65535) {
            throw new IllegalArgumentException("siaga.tracking.osmand-port must be -1 (off), 0 (any) or 1-65535, got " + osmandPort);
        }
        if (maxBodyBytes < 1024 || maxBodyBytes > 16 * 1024 * 1024) {
            throw new IllegalArgumentException("siaga.tracking.max-body-bytes must be between 1024 and 16777216, got " + maxBodyBytes);
        }
        if (futureTolerance.isNegative()) {
            throw new IllegalArgumentException("siaga.tracking.future-tolerance must not be negative, got " + futureTolerance);
        }
        if (!(maxSpeedKmh > 0)) {
            throw new IllegalArgumentException("siaga.tracking.max-speed-kmh must be positive, got " + maxSpeedKmh);
        }
        if (retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("siaga.tracking.retention must be at least 1d, got " + retention);
        }
        if (historyBatchSize < 1 || historyBatchSize > 100_000) {
            throw new IllegalArgumentException("siaga.tracking.history-batch-size must be between 1 and 100000, got " + historyBatchSize);
        }
        if (historyQueueCapacity < historyBatchSize) {
            throw new IllegalArgumentException("siaga.tracking.history-queue-capacity must be at least siaga.tracking.history-batch-size, got "
                    + historyQueueCapacity);
        }
        if (historyFlushInterval.isNegative() || historyFlushInterval.isZero()) {
            throw new IllegalArgumentException("siaga.tracking.history-flush-interval must be positive, got " + historyFlushInterval);
        }
        if (historyRetryInterval.isNegative() || historyRetryInterval.isZero()) {
            throw new IllegalArgumentException("siaga.tracking.history-retry-interval must be positive, got " + historyRetryInterval);
        }
        if (liveRestoreWindow.isNegative() || liveRestoreWindow.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("siaga.tracking.live-restore-window must be between 0 and 7d, got " + liveRestoreWindow);
        }
        if (partitionsAhead < 0 || partitionsAhead > 60) {
            throw new IllegalArgumentException("siaga.tracking.partitions-ahead must be between 0 and 60, got " + partitionsAhead);
        }
        if (rejectionJournalWindow.toSeconds() < 1) {
            throw new IllegalArgumentException("siaga.tracking.rejection-journal-window must be at least 1s, got " + rejectionJournalWindow);
        }
    }
}
