package id.siaga.tracking.internal;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectBuilder;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import id.siaga.tracking.DeviceDirectory;
import id.siaga.tracking.MqttGateway;
import id.siaga.tracking.PositionPipeline;
import id.siaga.tracking.RejectionJournal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT door (MQTT 5 on the HiveMQ MQTT Client): subscribes to {@code {topicRoot}/+/position} with QoS 1 and hands
 * each message to the {@link MqttPositionIntake}, which acknowledges it to the broker only once the
 * {@link PositionPipeline} has taken it or refused it (manual acknowledgement): a position the broker counts as
 * delivered is one Siaga 110 has, and a message Siaga 110 cannot use is acknowledged and journalled instead of coming
 * back forever. The client reads topics as the MQTT specification says (every well-formed UTF-8 character, emoji
 * included), so no topic stops the receiver.
 * <p>
 * The session is persistent (clean start off, {@code sessionExpiry}): what the broker queued while Siaga 110 was away is
 * delivered on return. In a cluster the subscription is shared ({@code shared}) and a node that takes over a lost node
 * takes over its session too ({@link #takeOverSession}): the broker goes on queueing a shared subscription's messages for a
 * persistent session whose node is gone (Mosquitto 2.0 does), and they would wait there until that node returned. Starting never fails because the broker is down: the client tries again, 1 s after a failure and
 * doubling up to {@code retryInterval}, for the first connection as for any later one, and renews the subscription
 * when the broker lost the session. {@link #status()} says whether every connection is up and subscribed (readiness).
 * Also the {@link MqttGateway} for messages to units.
 */
public final class MqttPositionClient implements MqttGateway, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MqttPositionClient.class);
    static final String SHARE_GROUP = "siaga110";
    /**
     * Unacknowledged messages the broker may have out to one connection (MQTT 5 Receive Maximum): 65,535, the protocol's
     * largest and its default. A smaller window was tried (1,000) and broke under load: Mosquitto 2.0.11 (Debian 12's)
     * overran it within seconds of a burst, whatever its own {@code max_inflight_messages}, and the client must then close
     * the connection (a protocol error), so the door reconnected, was sent the window again and lost it again, taking a
     * few hundred positions a second instead of thousands (bench/RESULTS.md, 2026-12-03). What bounds memory instead:
     * at most this many messages wait in the door unacknowledged (while the history queue is full, none is), each at
     * most {@link #MAX_PACKET_BYTES}; positions are about 200 bytes, some 13 MB for a full window of them.
     */
    static final int RECEIVE_MAXIMUM = 65_535;
    /**
     * Largest packet the broker may send (MQTT 5 Maximum Packet Size): a bigger message is dropped by the broker instead
     * of delivered (Mosquitto logs "Dropping too large outgoing PUBLISH"), so it can neither fill memory nor come back.
     * Payloads between {@code maxPayloadBytes} and this are delivered, refused unread and journalled.
     */
    static final int MAX_PACKET_BYTES = 128 * 1024;
    /** While the broker stays away, a warning a minute; each failed attempt in between at debug level. */
    private static final long STILL_AWAY_WARN_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** Messages to units that may wait for the broker while it is away. */
    static final int MAX_PENDING_PUBLISHES = 10_000;

    /**
     * Where and how to connect.
     *
     * @param brokerUrl       {@code tcp://host:port}, {@code ssl://host:port}, {@code ws://host:port/path} or {@code wss://...}
     * @param connections     subscriber connections; more than one shares the subscription ({@code $share/siaga110/...},
     *                        MQTT 5 shared subscriptions) so the broker spreads positions over them (and over the nodes of
     *                        a cluster); each gets client id {@code clientId-n}
     * @param shared          share the subscription even with one connection: every node of a cluster does, so each position
     *                        goes to one node
     * @param retryInterval   the longest wait between two attempts to reach the broker
     * @param sessionExpiry   how long the broker keeps the session (and queues positions) while this node is away
     * @param lanes           threads taking messages into the pipeline (see {@link MqttPositionIntake})
     * @param maxPayloadBytes larger payloads are refused unread
     */
    public record Settings(String brokerUrl, String clientId, String topicRoot, String username, String password, Duration retryInterval,
                           int connections, Duration sessionExpiry, int lanes, int maxPayloadBytes, boolean shared) {

        /** The client id of each connection: {@code clientId}, or {@code clientId-1 … -n} for several. */
        public List<String> clientIds() {
            return connections == 1 ? List.of(clientId) : java.util.stream.IntStream.rangeClosed(1, connections).mapToObj(i -> clientId + "-" + i)
                    .toList();
        }
    }

    /** Where a connection stands. */
    public enum State {
        /** Not connected yet since start. */
        CONNECTING,
        /** Connected; the subscription not yet confirmed by the broker. */
        SUBSCRIBING,
        /** Connected and subscribed: positions come in. */
        READY,
        /** The connection was lost; reconnecting. */
        RECONNECTING,
        /** Closed at shutdown. */
        CLOSED
    }

    /**
     * One connection's state for the health endpoint.
     *
     * @param problem the last failure (connection or subscription), null when none
     */
    public record ConnectionStatus(String clientId, State state, Instant since, String problem) {
    }

    /** The door's state: {@link #ready()} when every connection is {@link State#READY}. */
    public record Status(String broker, String subscription, List<ConnectionStatus> connections, int waiting) {
        public boolean ready() {
            return connections.stream().allMatch(c -> c.state() == State.READY);
        }
    }

    private final Settings settings;
    private final Clock clock;
    private final String filter;
    private final URI broker;
    private final MqttPositionIntake intake;
    private final List<Connection> connections = new ArrayList<>();
    private final ScheduledExecutorService retries;
    private final AtomicInteger pendingPublishes = new AtomicInteger();
    private volatile boolean running = true;
    private final Counter lost;

    public MqttPositionClient(PositionPipeline pipeline, RejectionJournal rejections, DeviceDirectory units, MeterRegistry meters,
                              Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        String positions = settings.topicRoot() + "/+/" + MqttPositionIntake.POSITION;
        this.filter = settings.connections() > 1 || settings.shared() ? "$share/" + SHARE_GROUP + "/" + positions : positions;
        this.broker = broker(settings.brokerUrl());
        for (String id : settings.clientIds()) {
            connections.add(new Connection(id, broker));
        }
        this.intake = new MqttPositionIntake(pipeline, rejections, units, meters, settings.topicRoot(), settings.lanes(), settings.maxPayloadBytes());
        this.lost = Counter.builder("siaga.tracking.mqtt.connections.lost")
                .description("MQTT connections of the position door lost after they were up (each then reconnects)").register(meters);
        this.retries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mqtt-subscribe");
            t.setDaemon(true);
            return t;
        });
    }

    private static URI broker(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || uri.getScheme() == null) {
                throw new IllegalArgumentException("no host");
            }
            return uri;
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new IllegalArgumentException("siaga.tracking.mqtt.broker-url not usable (" + url + "): " + e.getMessage(), e);
        }
    }

    /** Starts connecting in the background. */
    public void start() {
        connections.forEach(Connection::start);
    }

    /**
     * Takes over the session of a lost node's connection ({@code clientId}, as that node's settings named it): resumes it,
     * takes every position the broker had queued for it (and those it delivered and never saw acknowledged) through this
     * node's intake, and ends the session once it has been quiet for {@code quiet}, so the broker gives the whole shared
     * subscription to the nodes that are left. If the lost node comes back meanwhile, the broker hands it its session
     * back. Completes with the number of positions taken.
     */
    public CompletableFuture<Integer> takeOverSession(String clientId, Duration quiet, Duration atMost) {
        return new MqttSessionTakeover(builder(clientId, broker, settings), settings, intake).run(quiet, atMost);
    }

    /** A client of this door's broker, TLS and WebSocket as the broker's address says; no reconnecting. */
    static Mqtt5ClientBuilder builder(String clientId, URI broker, Settings settings) {
        String scheme = broker.getScheme();
        boolean tls = scheme.equals("ssl") || scheme.equals("wss");
        boolean web = scheme.equals("ws") || scheme.equals("wss");
        int port = broker.getPort() > 0 ? broker.getPort() : tls ? (web ? 443 : 8883) : (web ? 80 : 1883);
        Mqtt5ClientBuilder builder = MqttClient.builder().useMqttVersion5().identifier(clientId).serverHost(broker.getHost()).serverPort(port);
        if (tls) {
            builder = builder.sslWithDefaultConfig();
        }
        if (web) {
            // the path as configured (ws://host:port/mqtt); none: the server's root, as before
            String path = broker.getRawPath() == null || broker.getRawPath().isEmpty() ? "" : broker.getRawPath().substring(1);
            builder = builder.webSocketConfig().serverPath(path).applyWebSocketConfig();
        }
        return builder;
    }

    /** The connect message with this door's window, packet size and login; clean start off. */
    static Mqtt5ConnectBuilder.Send<CompletableFuture<Mqtt5ConnAck>> connect(Mqtt5AsyncClient client, Settings settings, Duration sessionExpiry) {
        Mqtt5ConnectBuilder.Send<CompletableFuture<Mqtt5ConnAck>> connect =
                client.connectWith().cleanStart(false).sessionExpiryInterval(sessionExpiry.toSeconds()).keepAlive(30)
                        .restrictions().receiveMaximum(RECEIVE_MAXIMUM).maximumPacketSize(MAX_PACKET_BYTES).applyRestrictions();
        if (!settings.username().isEmpty()) {
            connect = connect.simpleAuth().username(settings.username()).password(settings.password().getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth();
        }
        return connect;
    }

    /** True while every connection is up and its subscription in place. */
    public boolean isConnected() {
        return status().ready();
    }

    public Status status() {
        return new Status(settings.brokerUrl(), filter, connections.stream().map(Connection::status).toList(), intake.waiting());
    }

    /** One client connection to the broker, its state, and the callbacks that move it. */
    private final class Connection {
        final String clientId;
        final Mqtt5AsyncClient client;
        private volatile State state = State.CONNECTING;
        private volatile Instant since = clock.instant();
        private volatile String problem;
        private volatile boolean subscribed;
        private volatile boolean everConnected;
        private long failures;
        private long lastWarning = System.nanoTime() - STILL_AWAY_WARN_NANOS;

        Connection(String clientId, URI broker) {
            this.clientId = clientId;
            long maxDelayMillis = Math.max(1_000, settings.retryInterval().toMillis());
            this.client = builder(clientId, broker, settings)
                    .automaticReconnect().initialDelay(Math.min(1_000, maxDelayMillis), TimeUnit.MILLISECONDS)
                    .maxDelay(maxDelayMillis, TimeUnit.MILLISECONDS).applyAutomaticReconnect()
                    .addConnectedListener(context -> connected())
                    .addDisconnectedListener(context -> disconnected(context.getSource(), context.getCause()))
                    .buildAsync();
            // every message, from this session's subscription or one the broker kept from before, goes to the intake and
            // is acknowledged by it (manual acknowledgement); registered before connecting so none arrives unheard
            client.publishes(MqttGlobalPublishFilter.ALL, this::arrived, true);
        }

        void start() {
            Mqtt5ConnectBuilder.Send<CompletableFuture<Mqtt5ConnAck>> connect = MqttPositionClient.connect(client, settings, settings.sessionExpiry());
            // completes on the first CONNACK, however many attempts it takes; later reconnects are the client's own
            connect.send().whenComplete((connAck, e) -> {
                if (e == null) {
                    subscribe();
                } else if (running) {
                    log.error("MQTT connection {} to {} gave up: {}", clientId, settings.brokerUrl(), reason(e));
                }
            });
        }

        private void arrived(Mqtt5Publish publish) {
            try {
                intake.take(new MqttPositionIntake.Message(publish.getTopic().toString(), publish.getPayloadAsBytes(), publish::acknowledge));
            } catch (RuntimeException | Error e) {
                // nothing may escape: an exception here would end the client's flow of messages to this callback for good
                log.error("MQTT message on {} could not be queued; acknowledged and set aside", publish.getTopic(), e);
                try {
                    publish.acknowledge();
                } catch (RuntimeException again) {
                    log.debug("MQTT acknowledgement not sent: {}", again.toString());
                }
            }
        }

        /** Subscribes once; the client renews it by itself when a reconnect finds the session gone. */
        private void subscribe() {
            if (!running) {
                return;
            }
            client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send().whenComplete((subAck, e) -> {
                if (e == null) {
                    subscribed = true;
                    problem = null;
                    if (state == State.SUBSCRIBING) {
                        move(State.READY);
                    }
                    log.info("MQTT {} subscribed to {} (QoS 1) at {}", clientId, filter, settings.brokerUrl());
                } else if (running) {
                    problem = "subscription to " + filter + " refused: " + reason(e);
                    log.error("MQTT {}: {}; trying again in {} s", clientId, problem, settings.retryInterval().toSeconds());
                    retries.schedule(this::subscribe, settings.retryInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            });
        }

        private void connected() {
            boolean again = everConnected;
            everConnected = true;
            problem = null;
            move(subscribed ? State.READY : State.SUBSCRIBING);
            log.info("MQTT {} {} to {}{}", clientId, again ? "reconnected" : "connected", settings.brokerUrl(),
                    failures > 0 ? " after " + failures + " failed attempts" : "");
            failures = 0;
        }

        private void disconnected(MqttDisconnectSource source, Throwable cause) {
            if (source == MqttDisconnectSource.USER && !running) {
                move(State.CLOSED);
                return;
            }
            problem = reason(cause);
            State previous = state;
            long now = System.nanoTime();
            if (previous == State.CONNECTING || previous == State.RECONNECTING) {
                failures++;
                if (now - lastWarning >= STILL_AWAY_WARN_NANOS) {
                    lastWarning = now;
                    log.warn("MQTT {} cannot connect to {} ({} attempts, last: {}); trying again at most every {} s", clientId,
                            settings.brokerUrl(), failures, problem, settings.retryInterval().toSeconds());
                } else {
                    log.debug("MQTT {}: attempt to reach {} failed ({})", clientId, settings.brokerUrl(), problem);
                }
                return;
            }
            failures = 0;
            lastWarning = now;
            move(State.RECONNECTING);
            lost.increment();
            log.warn("MQTT connection {} to {} lost ({}); reconnecting", clientId, settings.brokerUrl(), problem);
        }

        private void move(State next) {
            if (state != next) {
                state = next;
                since = clock.instant();
            }
        }

        ConnectionStatus status() {
            return new ConnectionStatus(clientId, state, since, problem);
        }

        void close() {
            try {
                client.disconnect().get(3, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.debug("MQTT {} disconnect: {}", clientId, reason(e));
            }
            move(State.CLOSED);
        }
    }

    /** What went wrong, in the words of the innermost cause (e.g. "Connection refused: /127.0.0.1:1883"). */
    private static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof Mqtt5SubAckException) {
            return ((Mqtt5SubAckException) t).getMqttMessage().getReasonCodes().toString();
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }

    @Override
    public void publish(String topic, byte[] payload, int qos) {
        Connection c = connections.get(0);
        if (!running) {
            throw new IllegalStateException("MQTT door closed: nothing sent to " + topic);
        }
        if (!c.everConnected) {
            throw new IllegalStateException("MQTT broker " + settings.brokerUrl() + " not connected yet: nothing sent to " + topic);
        }
        MqttQos level = MqttQos.fromCode(qos);
        if (level == null) {
            throw new IllegalArgumentException("MQTT QoS must be 0, 1 or 2, got " + qos);
        }
        if (pendingPublishes.incrementAndGet() > MAX_PENDING_PUBLISHES) {
            pendingPublishes.decrementAndGet();
            throw new IllegalStateException(MAX_PENDING_PUBLISHES + " MQTT messages already wait for the broker: nothing sent to " + topic);
        }
        try {
            c.client.publishWith().topic(topic).payload(payload).qos(level).send().whenComplete((result, e) -> {
                pendingPublishes.decrementAndGet();
                if (e != null) {
                    log.warn("MQTT message to {} not delivered to the broker: {}", topic, reason(e));
                } else {
                    result.getError().ifPresent(error -> log.warn("MQTT message to {} refused by the broker: {}", topic, reason(error)));
                }
            });
        } catch (IllegalArgumentException e) {
            pendingPublishes.decrementAndGet();
            throw new IllegalStateException("MQTT topic " + topic + " not usable: " + e.getMessage(), e);
        }
    }

    /**
     * Lets the intake finish the messages it is in, then disconnects: what is not yet taken stays with the broker,
     * unacknowledged, for the next session.
     */
    @Override
    public void close() {
        running = false;
        retries.shutdownNow();
        intake.close();
        connections.forEach(Connection::close);
    }
}
