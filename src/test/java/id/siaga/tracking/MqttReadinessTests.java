package id.siaga.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import id.siaga.support.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The MQTT door's part in readiness, against a Mosquitto of the test's own: while the broker is unreachable the node
 * is not ready (readiness 503, health contributor {@code mqtt} DOWN) yet alive (liveness 200, so nothing restarts it);
 * when the broker comes up the door connects and subscribes, the node is ready and positions come in; when the broker
 * goes away and comes back without the session, the door reconnects, subscribes again, and positions come in again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MqttReadinessTests {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String ROOT = "siaga-readiness-" + RUN + "/units";
    static final int BROKER_PORT = ServerProcess.freePort();
    static MqttTestBroker broker;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        broker = new MqttTestBroker(BROKER_PORT);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:mqttreadinesstests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        registry.add("siaga.journal.spool-file", () -> "target/mqttreadinesstests-spool.jsonl");
        registry.add("siaga.telephony.enabled", () -> "false");
        registry.add("siaga.tracking.mqtt.enabled", () -> "true");
        registry.add("siaga.tracking.mqtt.broker-url", () -> "tcp://127.0.0.1:" + BROKER_PORT);
        registry.add("siaga.tracking.mqtt.client-id", () -> "siaga110-readiness-" + RUN);
        registry.add("siaga.tracking.mqtt.topic-root", () -> ROOT);
        registry.add("siaga.tracking.mqtt.retry-interval", () -> "1s");
    }

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("mqttHealthIndicator")
    HealthIndicator mqttHealth;
    @Autowired
    LivePositions live;

    @AfterAll
    static void stopTheBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void readinessFollowsTheBrokerAndLivenessDoesNot() throws Exception {
        assertThat(get("/actuator/health/readiness")).as("not ready while the broker is unreachable").isEqualTo(503);
        assertThat(get("/actuator/health/liveness")).as("alive all the same: a broker outage must not restart the node").isEqualTo(200);
        assertThat(mqttHealth.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(connections()).allSatisfy(c -> assertThat(c.get("state")).isEqualTo("CONNECTING"));

        broker.start();
        assertThat(TrackingHttpTests.eventually(() -> get("/actuator/health/readiness"), s -> s == 200)).as("ready once subscribed").isEqualTo(200);
        assertThat(connections()).allSatisfy(c -> assertThat(c.get("state")).isEqualTo("READY"));
        aFixGetsIn("SLM-R4-01", 20);

        broker.stop();
        assertThat(TrackingHttpTests.eventually(() -> get("/actuator/health/readiness"), s -> s == 503)).as("not ready once the broker is gone")
                .isEqualTo(503);
        assertThat(get("/actuator/health/liveness")).isEqualTo(200);
        assertThat(connections()).allSatisfy(c -> assertThat(c.get("state")).isEqualTo("RECONNECTING"));

        // a broker without persistence comes back without the session: the door must subscribe again by itself
        broker.start();
        assertThat(TrackingHttpTests.eventually(() -> get("/actuator/health/readiness"), s -> s == 200)).as("ready again").isEqualTo(200);
        aFixGetsIn("SLM-R4-01", 10);
    }

    void aFixGetsIn(String unit, int secondsAgo) {
        Instant at = Instant.now().minusSeconds(secondsAgo).truncatedTo(ChronoUnit.MILLIS);
        Mqtt5BlockingClient device = MqttClient.builder().useMqttVersion5().identifier("siaga110-readiness-device-" + RUN)
                .serverHost("127.0.0.1").serverPort(BROKER_PORT).buildBlocking();
        device.connect();
        try {
            device.publishWith().topic(ROOT + "/" + unit + "/position").qos(MqttQos.AT_LEAST_ONCE)
                    .payload(TrackingMqttTests.fix(at, -7.7100, 110.3900 + secondsAgo / 100_000.0).getBytes(StandardCharsets.UTF_8)).send();
        } finally {
            device.disconnect();
        }
        assertThat(TrackingHttpTests.eventually(() -> live.last(unit).orElse(null), p -> p != null && p.fixTime().equals(at)))
                .as("the fix at " + at + " is taken").isNotNull();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> connections() {
        return (List<Map<String, Object>>) mqttHealth.health().getDetails().get("connections");
    }

    int get(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
