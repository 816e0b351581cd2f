package id.siaga.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.journal.Journal;
import id.siaga.journal.JournalEntry;
import id.siaga.journal.SubjectKind;
import id.siaga.support.Peers;
import id.siaga.tracking.internal.MqttPositionClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The MQTT door against the real Mosquitto at 127.0.0.1:1883, under a topic root of this run's own: a patrol car's
 * phone publishes with Paho at QoS 1, the unit moves and the fix reaches the history; a bad payload and an unknown
 * unit are journalled and ignored; the gateway delivers a message to a unit's alerts topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class TrackingMqttTests {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String ROOT = "siaga-test-" + RUN + "/units";
    static MqttClient phone;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        Peers.requireMosquitto();
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:trackingmqtttests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        registry.add("siaga.journal.spool-file", () -> "target/trackingmqtttests-spool.jsonl");
        registry.add("siaga.telephony.enabled", () -> "false");
        registry.add("siaga.tracking.mqtt.enabled", () -> "true");
        registry.add("siaga.tracking.mqtt.broker-url", () -> "tcp://127.0.0.1:1883");
        registry.add("siaga.tracking.mqtt.client-id", () -> "siaga110-test-" + RUN);
        registry.add("siaga.tracking.mqtt.topic-root", () -> ROOT);
    }


    @Autowired
    MqttPositionClient mqtt;
    @Autowired
    MqttGateway gateway;
    @Autowired
    LivePositions live;
    @Autowired
    TrackStore history;
    @Autowired
    Journal journal;

    @BeforeAll
    static void connectThePhone() throws MqttException {
        phone = new MqttClient("tcp://127.0.0.1:1883", "siaga110-test-phone-" + RUN, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        phone.connect(options);
    }

    @AfterAll
    static void disconnectThePhone() throws MqttException {
        if (phone != null && phone.isConnected()) {
            phone.disconnect();
            phone.close();
        }
    }

    void publish(String unit, String json) throws MqttException {
        TrackingHttpTests.eventually(() -> mqtt.isConnected(), c -> c);
        phone.publish(ROOT + "/" + unit + "/position", json.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    @Test
    void aPublishedFixMovesTheUnitAndReachesTheHistory() throws Exception {
        Instant fix = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
        awaitSubscribed("GK-R4-01");
        publish("GK-R4-01", "{\"lat\":-7.96580,\"lon\":110.60010,\"timestamp\":" + fix.toEpochMilli()
                + ",\"speed\":13.9,\"bearing\":92,\"accuracy\":6,\"batt\":71,\"deviceId\":\"860001030000101\"}");
        Position p = TrackingHttpTests.eventually(() -> live.last("GK-R4-01").orElse(null), x -> x != null && x.fixTime().equals(fix));
        assertThat(p).isNotNull();
        assertThat(p.fixTime()).isEqualTo(fix);
        assertThat(p.source()).isEqualTo(PositionSource.MQTT);
        assertThat(p.speedMetersPerSecond()).isEqualTo(13.9);
        assertThat(p.deviceId()).isEqualTo("860001030000101");
        List<Position> track = TrackingHttpTests.eventually(() -> history.track("GK-R4-01", fix.minusSeconds(1), fix.plusSeconds(1), 10),
                t -> !t.isEmpty());
        assertThat(track).extracting(Position::fixTime).containsExactly(fix);
    }

    @Test
    void aBadPayloadAndAnUnknownUnitAreJournalledAndIgnored() throws Exception {
        awaitSubscribed("GK-R2-01");
        publish("GK-R2-01", "{\"lat\":\"south\",\"lon\":110.6}");
        publish("NO-SUCH-UNIT-" + RUN, "{\"lat\":-7.9,\"lon\":110.6}");
        List<JournalEntry> unit = TrackingHttpTests.eventually(() -> journal.bySubject(SubjectKind.UNIT, "GK-R2-01", 50),
                l -> l.stream().anyMatch(e -> e.payload().contains("south")));
        assertThat(unit).filteredOn(e -> e.type().equals("PositionRejected")).extracting(JournalEntry::payload)
                .anySatisfy(p -> assertThat(p).contains("\"reason\":\"MALFORMED\"").contains("lat must be a number").contains("\"source\":\"MQTT\""));
        List<JournalEntry> system = TrackingHttpTests.eventually(() -> journal.bySubject(SubjectKind.SYSTEM, "tracking", 50),
                l -> l.stream().anyMatch(e -> e.payload().contains("NO-SUCH-UNIT-" + RUN)));
        assertThat(system).extracting(JournalEntry::payload).anySatisfy(p -> assertThat(p).contains("UNKNOWN_UNIT"));
        assertThat(live.last("NO-SUCH-UNIT-" + RUN)).isEmpty();
        assertThat(mqtt.isConnected()).as("a bad message does not cost the connection").isTrue();
    }

    @Test
    void theGatewayDeliversToAUnitsAlertsTopic() throws Exception {
        BlockingQueue<String> received = new ArrayBlockingQueue<>(4);
        String topic = ROOT + "/SLM-R4-01/alerts";
        phone.subscribe(topic, 1, (t, m) -> received.add(new String(m.getPayload(), StandardCharsets.UTF_8)));
        TrackingHttpTests.eventually(() -> mqtt.isConnected(), c -> c);
        gateway.publish(topic, "{\"incident\":\"INC-1\"}".getBytes(StandardCharsets.UTF_8), 1);
        assertThat(received.poll(20, TimeUnit.SECONDS)).isEqualTo("{\"incident\":\"INC-1\"}");
    }

    /** Publishes heartbeats until one shows up as last-seen: the subscription is in place. */
    void awaitSubscribed(String unit) throws MqttException, InterruptedException {
        long until = System.nanoTime() + 30_000_000_000L;
        while (live.lastSeen(unit).isEmpty() && System.nanoTime() < until) {
            publish(unit, "{}");
            Thread.sleep(200);
        }
    }
}
