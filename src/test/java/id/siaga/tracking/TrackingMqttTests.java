package id.siaga.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PayloadFormatIndicator;
import id.siaga.journal.Journal;
import id.siaga.journal.JournalEntry;
import id.siaga.journal.SubjectKind;
import id.siaga.support.MqttPublisher;
import id.siaga.support.Peers;
import id.siaga.tracking.internal.MqttPositionClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The MQTT door against the real Mosquitto at 127.0.0.1:1883, under a topic root of this run's own: a patrol car's
 * phone publishes at QoS 1, the unit moves and the fix reaches the history; a bad payload and an unknown unit are
 * journalled and ignored; poison messages of every kind (an emoji in the topic, a topic that names no unit, a payload
 * that is not JSON, not UTF-8 or far too large, a topic that is not UTF-8 at all) are journalled, never come back, and
 * the next good fix still gets in; the gateway delivers a message to a unit's alerts topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class TrackingMqttTests {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String ROOT = "siaga-test-" + RUN + "/units";
    static final String EMOJI = "\uD83D\uDE93"; // 🚓, outside the Basic Multilingual Plane
    static Mqtt5BlockingClient phone;

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
        // the shared broker forgets this run's session soon after it
        registry.add("siaga.tracking.mqtt.session-expiry", () -> "10m");
        // a refusal is journalled at once unless one of the same kind was within the window; the poison tests send
        // several of a kind and look for each
        registry.add("siaga.tracking.rejection-journal-window", () -> "1s");
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
    @Autowired
    PositionPipeline pipeline;
    @Autowired
    RejectionJournal rejections;
    @Autowired
    DeviceDirectory units;
    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void connectThePhone() {
        phone = MqttClient.builder().useMqttVersion5().identifier("siaga110-test-phone-" + RUN).serverHost("127.0.0.1").serverPort(1883)
                .buildBlocking();
        phone.connect();
    }

    @AfterAll
    static void disconnectThePhone() {
        if (phone != null && phone.getState().isConnected()) {
            phone.disconnect();
        }
    }

    void publish(String unit, String json) {
        publishOn(ROOT + "/" + unit + "/position", json.getBytes(StandardCharsets.UTF_8));
    }

    void publishOn(String topic, byte[] payload) {
        TrackingHttpTests.eventually(() -> mqtt.isConnected(), c -> c);
        phone.publishWith().topic(topic).payload(payload).qos(MqttQos.AT_LEAST_ONCE).send();
    }

    static String fix(Instant at, double lat, double lon) {
        return "{\"lat\":" + lat + ",\"lon\":" + lon + ",\"timestamp\":" + at.toEpochMilli() + "}";
    }

    /** A fix of {@code unit} {@code secondsAgo} before now, published; returns once the unit's live position is it. */
    Instant aGoodFixGetsIn(String unit, int secondsAgo, double lat, double lon) {
        Instant at = Instant.now().minusSeconds(secondsAgo).truncatedTo(ChronoUnit.MILLIS);
        publish(unit, fix(at, lat, lon));
        Position p = TrackingHttpTests.eventually(() -> live.last(unit).orElse(null), x -> x != null && x.fixTime().equals(at));
        assertThat(p).as("the good fix of " + unit + " at " + at + " is taken").isNotNull();
        assertThat(p.fixTime()).isEqualTo(at);
        return at;
    }

    List<String> journalled(SubjectKind kind, String subject, String containing) {
        return TrackingHttpTests.eventually(() -> journal.bySubject(kind, subject, 200), l -> l.stream().anyMatch(e -> e.payload().contains(containing)))
                .stream().filter(e -> e.type().equals("PositionRejected")).map(JournalEntry::payload).filter(p -> p.contains(containing)).toList();
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

    /** Issue 14, finding 1: this one message used to stop every MQTT position for good. */
    @Test
    void aPatrolCarEmojiInTheTopicIsRefusedAndTheNextFixStillGetsIn() throws Exception {
        awaitSubscribed("SLM-R4-02");
        publishOn(ROOT + "/" + EMOJI + "/position", "{\"lat\":-7.72,\"lon\":110.36}".getBytes(StandardCharsets.UTF_8));
        aGoodFixGetsIn("SLM-R4-02", 3, -7.7201, 110.3601);
        assertThat(journalled(SubjectKind.SYSTEM, "tracking", EMOJI))
                .anySatisfy(j -> assertThat(j).contains("\"reason\":\"UNKNOWN_UNIT\"").contains("\"source\":\"MQTT\""));
        assertThat(mqtt.isConnected()).isTrue();
    }

    @Test
    void poisonOfEveryKindIsJournalledAndEachNextFixStillGetsIn() throws Exception {
        String unit = "SLM-R2-01";
        String topic = ROOT + "/" + unit + "/position";
        awaitSubscribed(unit);
        publish(unit, "this is not JSON");
        aGoodFixGetsIn(unit, 70, -7.7000, 110.4000);
        assertThat(journalled(SubjectKind.UNIT, unit, "token 'this'")).anySatisfy(j -> assertThat(j).contains("\"reason\":\"MALFORMED\"").contains("not JSON"));

        publishOn(topic, concat("{\"lat\":-7.7,\"lon\":110.4,\"deviceId\":\"".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xC3, 0x28},
                "\"}".getBytes(StandardCharsets.US_ASCII)));
        aGoodFixGetsIn(unit, 60, -7.7001, 110.4001);
        assertThat(journalled(SubjectKind.UNIT, unit, "0x28")).anySatisfy(j -> assertThat(j).contains("MALFORMED").contains("UTF-8"));

        // the MQTT 5 payload format indicator says UTF-8, the bytes are not: the broker passes it on, and so must the client
        phone.publishWith().topic(topic).payload(new byte[] {(byte) 0xFF, (byte) 0xFE}).payloadFormatIndicator(Mqtt5PayloadFormatIndicator.UTF_8)
                .qos(MqttQos.AT_LEAST_ONCE).send();
        aGoodFixGetsIn(unit, 50, -7.7002, 110.4002);
        assertThat(journalled(SubjectKind.UNIT, unit, "UTF-8 start byte")).anySatisfy(j -> assertThat(j).contains("MALFORMED"));

        publishOn(topic, jsonOf(100_000));
        aGoodFixGetsIn(unit, 40, -7.7003, 110.4003);
        assertThat(journalled(SubjectKind.UNIT, unit, "payload of 100000 bytes"))
                .anySatisfy(j -> assertThat(j).contains("\"reason\":\"MALFORMED\"").contains("more than the 65536"));
        // over the 128 KB the door asks for at most, the broker drops the message itself: it never reaches the door
        publishOn(topic, jsonOf(4_000_000));
        aGoodFixGetsIn(unit, 35, -7.70035, 110.40035);

        publishOn(ROOT + "//position", fix(Instant.now(), -7.7, 110.4).getBytes(StandardCharsets.UTF_8));
        aGoodFixGetsIn(unit, 30, -7.7004, 110.4004);
        assertThat(journalled(SubjectKind.SYSTEM, "tracking", "names no unit"))
                .anySatisfy(j -> assertThat(j).contains("\"reason\":\"UNKNOWN_UNIT\"").contains(ROOT + "//position"));

        publishOn(ROOT + "/<img src=x onerror=alert(1)> \uFFFD\u00A0\u4E2D'\"/position", "{}".getBytes(StandardCharsets.UTF_8));
        aGoodFixGetsIn(unit, 20, -7.7005, 110.4005);
        assertThat(journalled(SubjectKind.SYSTEM, "tracking", "<img src=x")).anySatisfy(j -> assertThat(j).contains("UNKNOWN_UNIT"));

        // 81 characters: where a refusal's detail is cut short, an emoji must not be cut in half
        publishOn(ROOT + "/x" + EMOJI.repeat(40) + "/position", "{}".getBytes(StandardCharsets.UTF_8));
        aGoodFixGetsIn(unit, 10, -7.7006, 110.4006);
        assertThat(journalled(SubjectKind.SYSTEM, "tracking", "x" + EMOJI.repeat(10))).anySatisfy(j -> assertThat(j).contains("UNKNOWN_UNIT"))
                .allSatisfy(j -> assertThat(j.codePoints().filter(c -> c >= 0xD800 && c <= 0xDFFF)).as("lone surrogates in " + j).isEmpty());
        assertThat(mqtt.isConnected()).as("no poison costs the connection").isTrue();
    }

    /**
     * A topic that is not UTF-8 at all (a lone surrogate written as CESU-8, a 0xFF byte) breaks the MQTT protocol
     * itself: Mosquitto closes the sender's connection and passes nothing on, so it never reaches Siaga 110.
     */
    @Test
    void aTopicThatIsNotUtf8IsStoppedAtTheBrokerAndTheDoorServesOn() throws Exception {
        awaitSubscribed("SLM-R2-02");
        byte[][] topics = {
                (ROOT + "/\uFFFF/position").getBytes(StandardCharsets.UTF_8),
                concat((ROOT + "/").getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0xBD},
                        "/position".getBytes(StandardCharsets.UTF_8)),
                concat((ROOT + "/").getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF}, "/position".getBytes(StandardCharsets.UTF_8))};
        for (byte[] topic : topics) {
            try (MqttPublisher device = new MqttPublisher("127.0.0.1", 1883, "siaga110-test-raw-" + RUN)) {
                assertThat(device.publish(topic, "{}".getBytes(StandardCharsets.UTF_8))).as("the broker closes instead of acknowledging")
                        .isFalse();
            }
        }
        aGoodFixGetsIn("SLM-R2-02", 5, -7.71, 110.41);
        assertThat(mqtt.isConnected()).isTrue();
    }

    /**
     * The door is closed and started again on the same persistent session: the poison it took before (acknowledged)
     * does not come back. One lane, so whatever the broker delivered again would be through the pipeline before the
     * new fix.
     */
    @Test
    void afterARestartThePoisonTakenBeforeIsNotDeliveredAgain() throws Exception {
        String root = "siaga-test-" + RUN + "/restart";
        String unit = "YK-R2-01";
        MqttPositionClient.Settings settings = new MqttPositionClient.Settings("tcp://127.0.0.1:1883", "siaga110-test-restart-" + RUN, root, "",
                "", Duration.ofSeconds(1), 1, Duration.ofMinutes(10), 1, 65_536, false);
        Instant at = Instant.now().minusSeconds(10).truncatedTo(ChronoUnit.MILLIS);
        try (MqttPositionClient before = new MqttPositionClient(pipeline, rejections, units, meters, settings, Clock.systemUTC())) {
            before.start();
            TrackingHttpTests.eventually(before::isConnected, c -> c);
            phone.publishWith().topic(root + "/" + EMOJI + "/position").payload("{\"lat\":-7.8,\"lon\":110.37}".getBytes(StandardCharsets.UTF_8))
                    .qos(MqttQos.AT_LEAST_ONCE).send();
            phone.publishWith().topic(root + "/" + unit + "/position").payload("not JSON".getBytes(StandardCharsets.UTF_8))
                    .qos(MqttQos.AT_LEAST_ONCE).send();
            phone.publishWith().topic(root + "/" + unit + "/position").payload(fix(at, -7.80, 110.37).getBytes(StandardCharsets.UTF_8))
                    .qos(MqttQos.AT_LEAST_ONCE).send();
            assertThat(TrackingHttpTests.eventually(() -> live.last(unit).orElse(null), p -> p != null && p.fixTime().equals(at))).isNotNull();
        }
        double unknownUnits = refused("UNKNOWN_UNIT");
        double malformed = refused("MALFORMED");
        Instant later = at.plusSeconds(5);
        try (MqttPositionClient after = new MqttPositionClient(pipeline, rejections, units, meters, settings, Clock.systemUTC())) {
            after.start();
            TrackingHttpTests.eventually(after::isConnected, c -> c);
            phone.publishWith().topic(root + "/" + unit + "/position").payload(fix(later, -7.8001, 110.3701).getBytes(StandardCharsets.UTF_8))
                    .qos(MqttQos.AT_LEAST_ONCE).send();
            assertThat(TrackingHttpTests.eventually(() -> live.last(unit).orElse(null), p -> p != null && p.fixTime().equals(later)))
                    .as("the restarted door takes new fixes").isNotNull();
        }
        assertThat(refused("UNKNOWN_UNIT")).as("the emoji topic was not delivered again").isEqualTo(unknownUnits);
        assertThat(refused("MALFORMED")).as("the payload that is not JSON was not delivered again").isEqualTo(malformed);
    }

    /** Two connections share the subscription ({@code $share/siaga110/...}): every fix still gets in once. */
    @Test
    void twoConnectionsShareTheSubscription() throws Exception {
        String root = "siaga-test-" + RUN + "/shared";
        MqttPositionClient.Settings settings = new MqttPositionClient.Settings("tcp://127.0.0.1:1883", "siaga110-test-shared-" + RUN, root, "",
                "", Duration.ofSeconds(1), 2, Duration.ofMinutes(10), 4, 65_536, false);
        try (MqttPositionClient shared = new MqttPositionClient(pipeline, rejections, units, meters, settings, Clock.systemUTC())) {
            shared.start();
            TrackingHttpTests.eventually(shared::isConnected, c -> c);
            assertThat(shared.status().subscription()).isEqualTo("$share/siaga110/" + root + "/+/position");
            assertThat(shared.status().connections()).extracting(MqttPositionClient.ConnectionStatus::clientId)
                    .containsExactly("siaga110-test-shared-" + RUN + "-1", "siaga110-test-shared-" + RUN + "-2");
            Instant at = Instant.now().minusSeconds(15).truncatedTo(ChronoUnit.MILLIS);
            for (String unit : List.of("YK-R4-02", "BTL-R2-01", "KP-R4-01")) {
                phone.publishWith().topic(root + "/" + unit + "/position").payload(fix(at, -7.85, 110.25).getBytes(StandardCharsets.UTF_8))
                        .qos(MqttQos.AT_LEAST_ONCE).send();
            }
            for (String unit : List.of("YK-R4-02", "BTL-R2-01", "KP-R4-01")) {
                assertThat(TrackingHttpTests.eventually(() -> live.last(unit).orElse(null), p -> p != null && p.fixTime().equals(at)))
                        .as(unit + "'s fix is taken through one of the two connections").isNotNull();
            }
        }
    }

    /**
     * Two nodes of a cluster share the subscription, one connection each; siaga-a goes away and the broker goes on queueing
     * half the positions in its session (Mosquitto 2.0 gives a shared subscription's messages to offline sessions too).
     * siaga-b, taking siaga-a over, takes over its session: it gets what was queued there, the session ends, and every
     * position after that comes to siaga-b. All are in track history.
     */
    @Test
    void aLostNodesSessionIsTakenOverWithThePositionsQueuedForIt() throws Exception {
        String root = "siaga-test-" + RUN + "/cluster";
        String unit = "GK-R2-01";
        MqttPositionClient.Settings a = new MqttPositionClient.Settings("tcp://127.0.0.1:1883", "siaga110-test-" + RUN + "-siaga-a", root, "",
                "", Duration.ofSeconds(1), 1, Duration.ofMinutes(10), 4, 65_536, true);
        MqttPositionClient.Settings b = new MqttPositionClient.Settings("tcp://127.0.0.1:1883", "siaga110-test-" + RUN + "-siaga-b", root, "",
                "", Duration.ofSeconds(1), 1, Duration.ofMinutes(10), 4, 65_536, true);
        Instant first = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.MILLIS);
        try (MqttPositionClient nodeB = new MqttPositionClient(pipeline, rejections, units, meters, b, Clock.systemUTC())) {
            MqttPositionClient nodeA = new MqttPositionClient(pipeline, rejections, units, meters, a, Clock.systemUTC());
            nodeA.start();
            nodeB.start();
            TrackingHttpTests.eventually(() -> nodeA.isConnected() && nodeB.isConnected(), c -> c);
            assertThat(nodeB.status().subscription()).isEqualTo("$share/siaga110/" + root + "/+/position");
            nodeA.close(); // gone; its session stays with the broker

            for (int i = 0; i < 20; i++) {
                phone.publishWith().topic(root + "/" + unit + "/position").payload(fix(first.plusSeconds(i), -7.96, 110.60)
                        .getBytes(StandardCharsets.UTF_8)).qos(MqttQos.AT_LEAST_ONCE).send();
            }
            int takenOver = nodeB.takeOverSession(a.clientId(), Duration.ofSeconds(1), Duration.ofSeconds(60)).get(90, TimeUnit.SECONDS);
            assertThat(takenOver).as("what the broker had queued for siaga-a").isPositive();
            assertThat(TrackingHttpTests.eventually(() -> history.track(unit, first, first.plusSeconds(60), 100).size(), n -> n == 20))
                    .as("every position before the takeover").isEqualTo(20);

            for (int i = 20; i < 30; i++) {
                phone.publishWith().topic(root + "/" + unit + "/position").payload(fix(first.plusSeconds(i), -7.96, 110.60)
                        .getBytes(StandardCharsets.UTF_8)).qos(MqttQos.AT_LEAST_ONCE).send();
            }
            assertThat(TrackingHttpTests.eventually(() -> history.track(unit, first, first.plusSeconds(60), 100).size(), n -> n == 30))
                    .as("every position after it reached siaga-b: siaga-a's session is gone").isEqualTo(30);
            System.out.printf("MQTT session takeover: %d of 20 positions had been queued for the lost node's session%n", takenOver);
        }
    }

    /** A broker that lets only its users in: the door logs in with siaga.tracking.mqtt.username and password. */
    @Test
    void theDoorLogsInToABrokerThatWantsAUser() throws Exception {
        int port = id.siaga.support.ServerProcess.freePort();
        String root = "siaga-test-" + RUN + "/login";
        try (MqttTestBroker broker = new MqttTestBroker(port, "siaga110", "rahasia-" + RUN)) {
            broker.start();
            MqttPositionClient.Settings wrong = new MqttPositionClient.Settings("tcp://127.0.0.1:" + port, "siaga110-test-login-" + RUN, root,
                    "siaga110", "wrong", Duration.ofSeconds(1), 1, Duration.ofMinutes(10), 1, 65_536, false);
            try (MqttPositionClient refused = new MqttPositionClient(pipeline, rejections, units, meters, wrong, Clock.systemUTC())) {
                refused.start();
                MqttPositionClient.Status status = TrackingHttpTests.eventually(refused::status,
                        s -> s.connections().get(0).problem() != null);
                assertThat(status.ready()).isFalse();
                assertThat(status.connections().get(0).problem()).as("why it is not in").contains("NOT_AUTHORIZED");
            }
            MqttPositionClient.Settings right = new MqttPositionClient.Settings("tcp://127.0.0.1:" + port, "siaga110-test-login-" + RUN, root,
                    "siaga110", "rahasia-" + RUN, Duration.ofSeconds(1), 1, Duration.ofMinutes(10), 1, 65_536, false);
            try (MqttPositionClient door = new MqttPositionClient(pipeline, rejections, units, meters, right, Clock.systemUTC())) {
                door.start();
                assertThat(TrackingHttpTests.eventually(door::isConnected, c -> c)).as("logged in and subscribed").isTrue();
                Mqtt5BlockingClient device = MqttClient.builder().useMqttVersion5().identifier("siaga110-test-login-device-" + RUN)
                        .serverHost("127.0.0.1").serverPort(port).simpleAuth().username("siaga110").password(("rahasia-" + RUN)
                                .getBytes(StandardCharsets.UTF_8)).applySimpleAuth().buildBlocking();
                device.connect();
                Instant at = Instant.now().minusSeconds(8).truncatedTo(ChronoUnit.MILLIS);
                device.publishWith().topic(root + "/SLM-PJK-01/position").payload(fix(at, -7.75, 110.38).getBytes(StandardCharsets.UTF_8))
                        .qos(MqttQos.AT_LEAST_ONCE).send();
                device.disconnect();
                assertThat(TrackingHttpTests.eventually(() -> live.last("SLM-PJK-01").orElse(null), p -> p != null && p.fixTime().equals(at)))
                        .isNotNull();
            }
        }
    }

    double refused(String reason) {
        return meters.get("siaga.tracking.positions.rejected").tag("reason", reason).counter().count();
    }

    @Test
    void theGatewayDeliversToAUnitsAlertsTopic() throws Exception {
        BlockingQueue<String> received = new ArrayBlockingQueue<>(4);
        String topic = ROOT + "/SLM-R4-01/alerts";
        phone.toAsync().subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE)
                .callback(m -> received.add(new String(m.getPayloadAsBytes(), StandardCharsets.UTF_8))).send().join();
        TrackingHttpTests.eventually(() -> mqtt.isConnected(), c -> c);
        gateway.publish(topic, "{\"incident\":\"INC-1\"}".getBytes(StandardCharsets.UTF_8), 1);
        assertThat(received.poll(20, TimeUnit.SECONDS)).isEqualTo("{\"incident\":\"INC-1\"}");
    }

    /** Publishes heartbeats until one shows up as last-seen: the subscription is in place. */
    void awaitSubscribed(String unit) throws InterruptedException {
        long until = System.nanoTime() + 30_000_000_000L;
        while (live.lastSeen(unit).isEmpty() && System.nanoTime() < until) {
            publish(unit, "{}");
            Thread.sleep(200);
        }
    }

    /** A JSON object of {@code bytes} bytes: braces around spaces. */
    static byte[] jsonOf(int bytes) {
        byte[] json = new byte[bytes];
        Arrays.fill(json, (byte) ' ');
        json[0] = '{';
        json[bytes - 1] = '}';
        return json;
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
