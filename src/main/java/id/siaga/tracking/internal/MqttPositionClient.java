package id.siaga.tracking.internal;

import id.siaga.tracking.IngestResult;
import id.siaga.tracking.MqttGateway;
import id.siaga.tracking.PositionPipeline;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.DisconnectedBufferOptions;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT door (Eclipse Paho): subscribes to {@code {topicRoot}/+/position} with QoS 1 and feeds each message to
 * the {@link PositionPipeline} with the unit the topic names. The session is persistent (clean session off: what
 * the broker queued while Siaga 110 was away is delivered on return) and subscriptions are renewed on every
 * (re)connect. Starting never fails because the broker is down: the first connection is retried every
 * {@code retrySeconds}, later ones by Paho's automatic reconnect. When the history queue is full, the message is
 * held (and with it the broker's delivery) until there is room, so MQTT senders are slowed, not dropped.
 * Also the {@link MqttGateway} for messages to units.
 */
public final class MqttPositionClient implements MqttGateway, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MqttPositionClient.class);
    static final String POSITION = "position";

    /**
     * Where and how to connect.
     *
     * @param connections subscriber connections; more than one shares the subscription ({@code $share/siaga110/...}, MQTT 5
     *                    shared subscriptions, also offered to 3.1.1 clients by Mosquitto 2 and EMQX) so the broker spreads
     *                    positions over them (and over the nodes of a cluster); each gets client id {@code clientId-n}
     */
    public record Settings(String brokerUrl, String clientId, String topicRoot, String username, String password, int retrySeconds,
                           int connections) {
    }

    static final String SHARE_GROUP = "siaga110";

    private final PositionPipeline pipeline;
    private final Settings settings;
    private final java.util.List<MqttAsyncClient> clients = new java.util.ArrayList<>();
    private final MqttConnectOptions options;
    private final String filter;
    private final ScheduledExecutorService retries;
    private final String prefix;
    private volatile boolean running = true;

    public MqttPositionClient(PositionPipeline pipeline, Settings settings) {
        this.pipeline = pipeline;
        this.settings = settings;
        this.prefix = settings.topicRoot() + "/";
        this.filter = (settings.connections() > 1 ? "$share/" + SHARE_GROUP + "/" : "") + prefix + "+/" + POSITION;
        for (int i = 0; i < settings.connections(); i++) {
            String id = settings.connections() > 1 ? settings.clientId() + "-" + (i + 1) : settings.clientId();
            try {
                clients.add(new MqttAsyncClient(settings.brokerUrl(), id, new MemoryPersistence()));
            } catch (MqttException | IllegalArgumentException e) {
                throw new IllegalArgumentException("siaga.tracking.mqtt.broker-url / client-id not usable: " + e.getMessage(), e);
            }
        }
        this.options = new MqttConnectOptions();
        options.setCleanSession(false);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(30_000);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout(10);
        options.setMaxInflight(1000);
        if (settings.brokerUrl().startsWith("tcp://")) {
            options.setSocketFactory(new BufferedSocketFactory());
        }
        if (!settings.username().isEmpty()) {
            options.setUserName(settings.username());
            options.setPassword(settings.password().toCharArray());
        }
        DisconnectedBufferOptions buffer = new DisconnectedBufferOptions();
        buffer.setBufferEnabled(true);
        buffer.setBufferSize(10_000);
        buffer.setDeleteOldestMessages(false);
        for (MqttAsyncClient client : clients) {
            client.setBufferOpts(buffer);
            client.setCallback(new Callback(client));
        }
        this.retries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mqtt-connect");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts connecting in the background. */
    public void start() {
        for (MqttAsyncClient client : clients) {
            retries.execute(() -> connect(client));
        }
    }

    /** True while every connection is up. */
    public boolean isConnected() {
        return clients.stream().allMatch(MqttAsyncClient::isConnected);
    }

    private void connect(MqttAsyncClient client) {
        if (!running) {
            return;
        }
        try {
            client.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    // connectComplete subscribes
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    retryLater(client, e);
                }
            });
        } catch (MqttException e) {
            retryLater(client, e);
        }
    }

    private void retryLater(MqttAsyncClient client, Throwable e) {
        if (!running) {
            return;
        }
        log.warn("MQTT broker {} not reachable ({}); retrying in {} s", settings.brokerUrl(), e == null ? "?" : e.getMessage(),
                settings.retrySeconds());
        retries.schedule(() -> connect(client), settings.retrySeconds(), TimeUnit.SECONDS);
    }

    private final class Callback implements MqttCallbackExtended {
        private final MqttAsyncClient client;

        Callback(MqttAsyncClient client) {
            this.client = client;
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            try {
                client.subscribe(filter, 1);
                log.info("MQTT {} to {} as {}; subscribed to {} (QoS 1)", reconnect ? "reconnected" : "connected", serverUri,
                        client.getClientId(), filter);
            } catch (MqttException e) {
                log.error("MQTT subscription to {} failed", filter, e);
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            log.warn("MQTT connection to {} lost ({}); reconnecting", settings.brokerUrl(), cause == null ? "?" : cause.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
            String unit = unitOf(topic);
            if (unit == null) {
                return;
            }
            byte[] payload = message.getPayload();
            IngestResult result = pipeline.mqtt(unit, payload);
            boolean told = false;
            while (result.busy() && running) {
                if (!told) {
                    log.warn("history queue full: holding MQTT delivery until there is room");
                    told = true;
                }
                Thread.sleep(50);
                result = pipeline.mqtt(unit, payload);
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }

    /** The unit in {@code {root}/{unit}/position}, or null for any other topic. */
    String unitOf(String topic) {
        if (!topic.startsWith(prefix) || !topic.endsWith("/" + POSITION)) {
            return null;
        }
        String unit = topic.substring(prefix.length(), topic.length() - POSITION.length() - 1);
        return unit.isEmpty() || unit.indexOf('/') >= 0 ? null : unit;
    }

    @Override
    public void publish(String topic, byte[] payload, int qos) {
        try {
            clients.get(0).publish(topic, payload, qos, false);
        } catch (MqttException e) {
            throw new IllegalStateException("MQTT publish to " + topic + " not taken: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        running = false;
        retries.shutdownNow();
        for (MqttAsyncClient client : clients) {
            try {
                if (client.isConnected()) {
                    client.disconnect(2_000).waitForCompletion(3_000);
                }
            } catch (MqttException e) {
                log.debug("MQTT disconnect: {}", e.getMessage());
            }
            try {
                client.close(true);
            } catch (MqttException e) {
                log.debug("MQTT close: {}", e.getMessage());
            }
        }
    }
}
