package id.siaga.app;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

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
 * @param historyWriters          history writer threads, each with its own database connection, committing side by side:
 *                                while one waits for its commit's disk flush the next takes what arrived meanwhile.
 *                                4: measured on the 2-core bench machine, four committers took 2.9 times the rows of one
 *                                (PostgreSQL flushes concurrent commits together); keep it well under the pool's size.
 * @param historyCommitTimeout    longest a door waits for its fixes to be kept (committed to the database, or forced to
 *                                disk in the spool) before it tells the sender to resend (HTTP 503, MQTT not
 *                                acknowledged). 5 s covers the database's 3-s connection timeout when it goes away and
 *                                the switch to the spool, and is well inside a tracker's request timeout.
 * @param historyQueueCapacity    fixes that may wait for the history writer; beyond it senders get 503 (HTTP) or are
 *                                slowed (MQTT). 200,000 rides out a few seconds of database hiccup at 50,000 fixes/s.
 * @param historyRetryInterval    how often the spool is offered to a database that went away. 1 s, as the journal.
 * @param historyCopy             on PostgreSQL, write batches with {@code COPY ... FROM STDIN} instead of batched INSERTs.
 *                                Off: measured on the 2-core bench machine both take 50,000-100,000 rows/s
 *                                (TrackStoreAppendBenchmark), far above what the doors bring; turn it on if the writer
 *                                becomes the bottleneck (the siaga.tracking.history.queue gauge stays high).
 * @param historySpoolFile        where fixes wait, forced to disk, while the database is away (replayed into it when
 *                                it answers, and at start). Empty: {@code track-spool.jsonl} beside the journal's spool
 *                                ({@code siaga.journal.spool-file}). Production: the node's own disk, never the
 *                                database's volume.
 * @param historySpoolMaxSize     the spool's limit; past it (or when the disk is full) senders are told to resend and
 *                                keep their fixes. 1 GB is about 3.5 million fixes, an hour of 10,000 units reporting
 *                                every 10 s.
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
        @DefaultValue("4") int historyWriters,
        @DefaultValue("5s") Duration historyCommitTimeout,
        @DefaultValue("200000") int historyQueueCapacity,
        @DefaultValue("1s") Duration historyRetryInterval,
        @DefaultValue("false") boolean historyCopy,
        @DefaultValue("") String historySpoolFile,
        @DefaultValue("1GB") DataSize historySpoolMaxSize,
        @DefaultValue("1h") Duration liveRestoreWindow,
        @DefaultValue("2") int partitionsAhead,
        @DefaultValue("1m") Duration rejectionJournalWindow,
        @DefaultValue Mqtt mqtt) {

    /**
     * The MQTT door ({@code siaga.tracking.mqtt.*}), MQTT 5.
     *
     * @param enabled         subscribe to unit positions and offer the MQTT gateway. On by default: the demo runs with a
     *                        local Mosquitto; start does not fail while the broker is down (it retries, and readiness
     *                        says DOWN until the door is subscribed).
     * @param brokerUrl       the broker, {@code tcp://host:1883}, {@code ssl://host:8883}, {@code ws://host:port/path} or
     *                        {@code wss://...}. Production: the Polda's broker over TLS. It must speak MQTT 5 (Mosquitto 2,
     *                        EMQX, HiveMQ, VerneMQ do).
     * @param clientId        this node's client id; it names the persistent session, so each node needs its own and must
     *                        keep it across restarts. Empty: {@code siaga110-} and the host name. <b>In a cluster</b>
     *                        ({@code siaga.cluster.enabled}) the node id is always added, {@code siaga110-siaga-a} (or
     *                        {@code <client-id>-siaga-a}): give every node the same setting, empty or not, so each node has
     *                        a session of its own and the node that takes over a lost one can name its session (below).
     * @param topicRoot       units publish on {@code {topicRoot}/{unitId}/position}; alerts go to {@code .../alerts}.
     * @param username        broker login; empty for none (the demo's local broker).
     * @param password        broker password, with {@code username}.
     * @param retryInterval   the longest wait between two attempts to reach the broker, at start as after a lost
     *                        connection (attempts begin 1 s apart and double up to this). 5 s: a broker back from a
     *                        restart is found within seconds, and a broker that stays away is not hammered.
     * @param connections     subscriber connections. 1: a plain subscription. More: a shared subscription
     *                        ({@code $share/siaga110/...}) the broker spreads over them, for throughput on several cores. The
     *                        broker then no longer keeps a unit's messages in order: a few arrive after a newer one and are
     *                        stored as out-of-order (measured: 2 % of a 1,000,000-message backlog with 2 connections), and on
     *                        this 2-core machine it did not raise throughput. <b>In a cluster</b> the subscription is always
     *                        shared (one connection or more), so each position goes to one node, which keeps it in track
     *                        history and passes it to the others over NATS (topic {@code positions}); a plain subscription on
     *                        every node would have every node store every fix. Two clusters on one broker would split each
     *                        other's positions (the share group is {@code siaga110}): give each its own {@code topic-root}.
     * @param sessionExpiry   how long the broker keeps this node's session, and queues positions for it, while the node is
     *                        away (MQTT 5 session expiry). 7 days rides out a long outage or a weekend's maintenance; a node
     *                        gone longer starts a fresh session (the broker has dropped what it queued). The broker's own
     *                        queue limits (Mosquitto: {@code max_queued_messages}, 1000 by default) apply as well. <b>In a
     *                        cluster</b> the broker goes on giving a share of the positions to a node that is gone (Mosquitto
     *                        2.0 queues them in its session, and drops them if the session expires), so when the other nodes
     *                        count a node as lost one of them resumes its session, takes what waited there into its own
     *                        pipeline and ends the session: from then on the broker gives everything to the nodes that are
     *                        left, and the lost node starts a new session when it returns.
     * @param lanes           threads that take MQTT messages into the position pipeline. Each message is acknowledged to
     *                        the broker only once the pipeline has taken it, so these many are taken at a time; a unit's
     *                        messages always go through the same lane, in the order delivered. 16 keeps the door busy
     *                        while some messages wait for the history queue.
     * @param maxPayloadBytes largest payload read as a position, at most 64 KB; a bigger one is refused unread, journalled
     *                        and acknowledged. A position is about 200 bytes; 64 KB is the OsmAnd door's body limit. The
     *                        broker is asked never to send a message over 128 KB (MQTT 5 Maximum Packet Size): it drops
     *                        those itself, so a flood of huge messages never reaches memory.
     */
    public record Mqtt(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("tcp://127.0.0.1:1883") String brokerUrl,
            @DefaultValue("") String clientId,
            @DefaultValue("siaga/units") String topicRoot,
            @DefaultValue("") String username,
            @DefaultValue("") String password,
            @DefaultValue("5s") Duration retryInterval,
            @DefaultValue("1") int connections,
            @DefaultValue("7d") Duration sessionExpiry,
            @DefaultValue("16") int lanes,
            @DefaultValue("65536") int maxPayloadBytes) {

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
            if (sessionExpiry.toSeconds() < 1 || sessionExpiry.toSeconds() >= 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("siaga.tracking.mqtt.session-expiry must be between 1s and 136 years, got " + sessionExpiry);
            }
            if (lanes < 1 || lanes > 256) {
                throw new IllegalArgumentException("siaga.tracking.mqtt.lanes must be between 1 and 256, got " + lanes);
            }
            if (maxPayloadBytes < 1024 || maxPayloadBytes > 65_536) {
                throw new IllegalArgumentException("siaga.tracking.mqtt.max-payload-bytes must be between 1024 and 65536, got " + maxPayloadBytes);
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
        if (historyWriters < 1 || historyWriters > 32) {
            throw new IllegalArgumentException("siaga.tracking.history-writers must be between 1 and 32, got " + historyWriters);
        }
        if (historyQueueCapacity < historyBatchSize) {
            throw new IllegalArgumentException("siaga.tracking.history-queue-capacity must be at least siaga.tracking.history-batch-size, got "
                    + historyQueueCapacity);
        }
        if (historyCommitTimeout.isNegative() || historyCommitTimeout.isZero()) {
            throw new IllegalArgumentException("siaga.tracking.history-commit-timeout must be positive, got " + historyCommitTimeout);
        }
        if (historySpoolMaxSize.toBytes() < 1024 * 1024) {
            throw new IllegalArgumentException("siaga.tracking.history-spool-max-size must be at least 1MB, got " + historySpoolMaxSize);
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
