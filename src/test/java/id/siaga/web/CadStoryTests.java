package id.siaga.web;

import static id.siaga.web.CallDriver.IN_SLEMAN;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.app.PresenceService;
import id.siaga.support.Peers;
import id.siaga.telephony.CallCoordinator;
import id.siaga.telephony.CallId;
import id.siaga.tracking.internal.MqttPositionClient;
import id.siaga.tracking.internal.OsmAndHttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * From a 110 call to a unit on scene, every edge real: a caller in Sleman is answered by Polres Sleman's
 * operator, who opens an incident from the call; Sleman's patrol car reports its position over MQTT (the real
 * Mosquitto) and a motorbike over the OsmAnd HTTP door; the dispatcher is recommended the car by ETA and sends
 * it; the officer's app gets the alert over its WebSocket and the car's terminal over MQTT; the officer
 * acknowledges, sets off (BERANGKAT), the car's GPS arrives within 100 m and ON_SCENE is proposed, the officer
 * confirms (TIBA); the incident followed each step, its clock met the 10-minute target, the journal and the
 * dispatcher's CAD stream tell it all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CadStoryTests {

    static final String AUTH = "Authorization";
    static final String SLEMAN_OPERATOR = Http.basic("operator.sleman1", "siaga110");
    static final String SLEMAN_DISPATCHER = Http.basic("dispatcher.sleman", "siaga110");
    static final String SLEMAN_OFFICER = Http.basic("officer.sleman", "siaga110");
    static final String BANTUL_OPERATOR = Http.basic("operator.bantul1", "siaga110");
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String ROOT = "siaga-test-" + RUN + "/units";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        Peers.requireMosquitto();
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:cadstorytests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        registry.add("siaga.journal.spool-file", () -> "target/cadstorytests-spool.jsonl");
        registry.add("siaga.telephony.enabled", () -> "false");
        registry.add("siaga.tracking.osmand-port", () -> "0");
        registry.add("siaga.tracking.mqtt.enabled", () -> "true");
        registry.add("siaga.tracking.mqtt.client-id", () -> "siaga110-cadstory-" + RUN);
        registry.add("siaga.tracking.mqtt.topic-root", () -> ROOT);
    }


    @LocalServerPort
    int port;
    @Autowired
    CallCoordinator coordinator;
    @Autowired
    PresenceService presence;
    @Autowired
    OsmAndHttpServer osmAnd;
    @Autowired
    MqttPositionClient mqtt;

    Http http;
    CallDriver calls;
    MqttClient carTerminal;
    final List<String> carAlerts = new CopyOnWriteArrayList<>();
    final List<String> cadStream = new CopyOnWriteArrayList<>();

    @BeforeEach
    void connect() throws Exception {
        http = new Http(port);
        calls = new CallDriver(coordinator, presence);
        calls.ready("OP-3404-1");
        carTerminal = new MqttClient("tcp://127.0.0.1:1883", "siaga110-test-car-" + RUN, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        carTerminal.connect(options);
        carTerminal.subscribe(ROOT + "/SLM-R4-01/alerts", 1, (topic, message) -> carAlerts.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
        CallDriver.await("the server's MQTT door is connected", () -> mqtt.isConnected());
    }

    @AfterEach
    void disconnect() throws Exception {
        if (carTerminal.isConnected()) {
            carTerminal.disconnect();
        }
        carTerminal.close();
    }

    /**
     * The patrol car's terminal publishes a fix taken {@code secondsAgo}; the story's fixes are spaced like a car's
     * (tracking refuses jumps faster than 300 km/h).
     */
    void carAt(double lat, double lon, int secondsAgo) throws Exception {
        String fix = "{\"lat\":%s,\"lon\":%s,\"timestamp\":%d,\"speed\":8.5,\"accuracy\":6,\"deviceId\":\"860001040000101\"}"
                .formatted(lat, lon, Instant.now().minusSeconds(secondsAgo).toEpochMilli());
        carTerminal.publish(ROOT + "/SLM-R4-01/position", fix.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    /** The motorbike officer's phone (OsmAnd) sends a fix now; speed in knots as OsmAnd does. */
    void motorbikeAt(double lat, double lon) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + osmAnd.port()
                + "/?id=860001040000201&lat=" + lat + "&lon=" + lon + "&timestamp=" + Instant.now().getEpochSecond() + "&speed=10&batt=80"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    JsonNode unit(String id) {
        return http.get("/api/units/" + id, AUTH, SLEMAN_DISPATCHER).json();
    }

    JsonNode incident(String id) {
        return http.get("/api/incidents/" + id, AUTH, SLEMAN_DISPATCHER).json();
    }

    @Test
    void fromTheCallToTheFirstUnitOnScene() throws Exception {
        // the dispatcher's console follows the CAD stream
        HttpResponse<java.util.stream.Stream<String>> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/api/cad/stream")).header(AUTH, SLEMAN_DISPATCHER).GET().build(), HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> stream.body().forEach(cadStream::add), "cad-stream-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            story();
        } finally {
            stream.body().close();
        }
    }

    void story() throws Exception {

        // Sleman's car 1 km north of the caller (MQTT), a motorbike 2.5 km south (OsmAnd HTTP)
        carAt(-7.7066, 110.3558, 100);
        motorbikeAt(-7.7381, 110.3558);
        CallDriver.await("both units are seen", () -> unit("SLM-R4-01").path("status").asString().equals("AVAILABLE")
                && unit("SLM-R2-01").path("status").asString().equals("AVAILABLE"));

        CallId call = calls.dial("+6281200500001", IN_SLEMAN, "OP-3404-1");
        calls.answer(call, "OP-3404-1");
        Http.Response created = http.post("/api/incidents", """
                {"type":"BRAWL","callId":"%s","address":"Jl. Kaliurang km 7","description":"tawuran pelajar, satu terluka"}
                """.formatted(call.value()), AUTH, SLEMAN_OPERATOR);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        calls.hangUp(call);

        JsonNode recommendation = http.get("/api/incidents/" + id + "/recommendation", AUTH, SLEMAN_DISPATCHER).json();
        assertThat(recommendation.path("units").get(0).path("unitId").asString()).as("the car is the quickest").isEqualTo("SLM-R4-01");
        assertThat(recommendation.path("units").get(1).path("unitId").asString()).isEqualTo("SLM-R2-01");
        assertThat(recommendation.path("units").get(0).path("distanceMeters").asDouble()).isBetween(950.0, 1_050.0);
        assertThat(recommendation.path("withoutFreshFix").toString()).contains("SLM-R4-02").doesNotContain("SLM-R4-01");
        assertThat(http.get("/api/incidents/" + id + "/recommendation", AUTH, BANTUL_OPERATOR).status()).isEqualTo(403);

        try (OfficerSocket app = new OfficerSocket(port, SLEMAN_OFFICER)) {
            assertThat(app.await("hello").path("data").path("units").toString()).contains("SLM-R4-01");
            Http.Response sent = http.post("/api/incidents/" + id + "/assignments", "{\"unit\":\"SLM-R4-01\"}", AUTH, SLEMAN_DISPATCHER);
            assertThat(sent.status()).as(sent.body()).isEqualTo(200);
            String assignment = sent.json().path("id").asString();

            JsonNode alert = app.await("alert").path("data");
            assertThat(alert.path("kind").asString()).isEqualTo("DISPATCH");
            assertThat(alert.path("incidentId").asString()).isEqualTo(id);
            assertThat(alert.path("type").asString()).isEqualTo("Perkelahian / tawuran");
            assertThat(alert.path("latitude").asDouble()).isEqualTo(IN_SLEMAN.latitude());
            CallDriver.await("the car's terminal gets the alert over MQTT", () -> carAlerts.stream().anyMatch(a -> a.contains(assignment)));
            assertThat(incident(id).path("status").asString()).isEqualTo("DISPATCHED");
            assertThat(http.post("/api/units/SLM-R2-01/status", "{\"status\":\"EN_ROUTE\"}", AUTH, SLEMAN_OFFICER).status())
                    .as("an officer acts for their own unit only").isEqualTo(403);

            app.send("{\"type\":\"ack\",\"assignment\":\"" + assignment + "\"}");
            assertThat(app.await("acknowledged").path("data").path("acknowledgedBy").asString()).isEqualTo("officer.sleman");
            app.send("{\"type\":\"ack\",\"assignment\":\"nope\"}");
            assertThat(app.await("error").path("data").path("reason").asString()).contains("unknown assignment");

            Http.Response departed = http.post("/api/units/SLM-R4-01/status", "{\"status\":\"EN_ROUTE\",\"reason\":\"BERANGKAT\"}", AUTH,
                    SLEMAN_OFFICER);
            assertThat(departed.status()).as(departed.body()).isEqualTo(200);
            CallDriver.await("the incident is EN_ROUTE", () -> incident(id).path("status").asString().equals("EN_ROUTE"));

            carAt(-7.7120, 110.3558, 40);   // 400 m
            carAt(-7.7152, 110.3559, 0);    // 45 m: proposed on scene
            JsonNode proposal = CallDriver.awaitValue("ON_SCENE is proposed to the officer", () -> app.received.stream()
                    .filter(m -> m.path("data").path("kind").asString().equals("ON_SCENE_PROPOSED")).findFirst().orElse(null), m -> m != null);
            assertThat(proposal.path("data").path("distanceMeters").asDouble()).isLessThan(100);

            Http.Response arrived = http.post("/api/units/SLM-R4-01/status", "{\"status\":\"ON_SCENE\",\"reason\":\"TIBA\"}", AUTH, SLEMAN_OFFICER);
            assertThat(arrived.status()).as(arrived.body()).isEqualTo(200);
        }
        CallDriver.await("the incident is ON_SCENE", () -> incident(id).path("status").asString().equals("ON_SCENE"));

        JsonNode clock = http.get("/api/incidents/" + id + "/clock", AUTH, SLEMAN_DISPATCHER).json();
        assertThat(clock.path("state").asString()).isEqualTo("MET");
        for (String step : List.of("callAnsweredAt", "createdAt", "dispatchedAt", "acknowledgedAt", "onSceneAt")) {
            assertThat(clock.path(step).asString()).as(step).isNotBlank();
        }
        assertThat(Instant.parse(clock.path("acknowledgedAt").asString())).isAfterOrEqualTo(Instant.parse(clock.path("dispatchedAt").asString()));

        JsonNode story = CallDriver.awaitValue("the incident's journal tells the dispatch", () -> incident(id),
                d -> journalTypes(d).containsAll(List.of("UnitAssigned", "UnitAcknowledged", "OnSceneProposed")));
        assertThat(journalTypes(story)).contains("IncidentCreated", "IncidentStatusChanged");
        CallDriver.await("the CAD stream carried the assignment with the clock", () -> cadStream.stream()
                .anyMatch(l -> l.startsWith("data:") && l.contains("\"clock\"") && l.contains(id)));
        assertThat(cadStream).contains("event:UnitAssigned", "event:UnitStatusChanged", "event:IncidentCreated");
        assertThat(unit("SLM-R4-01").path("status").asString()).isEqualTo("ON_SCENE");
        JsonNode track = CallDriver.awaitValue("the car's track is kept", () -> http.get("/api/units/SLM-R4-01/track", AUTH, SLEMAN_DISPATCHER)
                .json(), t -> t.size() == 3);
        assertThat(track.get(2).path("latitude").asDouble()).isEqualTo(-7.7152);
        assertThat(track.get(0).path("source").asString()).isEqualTo("MQTT");
        assertThat(http.get("/api/units/SLM-R4-01/track", AUTH, BANTUL_OPERATOR).status()).isEqualTo(403);
    }

    @Test
    void anOfficerAppNeedsAFieldOfficerLogin() throws Exception {
        try (OfficerSocket notAnOfficer = new OfficerSocket(port, SLEMAN_DISPATCHER)) {
            CallDriver.await("the socket is closed with a policy violation", () -> Integer.valueOf(1008).equals(notAnOfficer.closedWith));
        }
    }

    static List<String> journalTypes(JsonNode incident) {
        return java.util.stream.StreamSupport.stream(incident.path("journal").spliterator(), false).map(e -> e.path("type").asString()).toList();
    }
}
