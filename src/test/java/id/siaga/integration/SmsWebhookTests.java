package id.siaga.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import id.siaga.incident.IncidentId;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SMS gateway's webhook, against a real HTTP receiver: the gateway gets {to, text, link} as JSON; a gateway
 * in trouble is tried again with growing waits and every failure is reported; a gateway that never answers well
 * is given up on after the configured attempts, and said so.
 */
class SmsWebhookTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final SmsMessage MESSAGE = new SmsMessage("081234567890", "Polri 110: laporan Anda sudah kami terima.",
            "https://110.example/status/abc", new IncidentId("INC-1"));

    HttpServer gateway;
    ScheduledExecutorService executor;
    final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    final AtomicInteger failuresLeft = new AtomicInteger();
    final Outcomes outcomes = new Outcomes();

    static final class Outcomes implements SmsOutcomes {
        final List<String> seen = new CopyOnWriteArrayList<>();
        final BlockingQueue<String> finals = new LinkedBlockingQueue<>();

        @Override
        public void delivered(SmsMessage message, int attempt) {
            seen.add("delivered " + attempt);
            finals.add("delivered " + attempt);
        }

        @Override
        public void failed(SmsMessage message, int attempt, String reason, boolean willRetry) {
            seen.add("failed " + attempt + (willRetry ? " retry" : " final") + ": " + reason);
            if (!willRetry) {
                finals.add("gave up " + attempt);
            }
        }
    }

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/sms", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.add(exchange.getRequestHeaders().getFirst("Content-Type") + " " + new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            int status = failuresLeft.getAndDecrement() > 0 ? 503 : 202;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        gateway.start();
        executor = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stopGateway() {
        gateway.stop(0);
        executor.shutdownNow();
    }

    SmsWebhook webhook(URI url, int attempts) {
        return new SmsWebhook(url, Duration.ofSeconds(5), attempts, Duration.ofMillis(20), executor, outcomes, JSON);
    }

    URI gatewayUrl() {
        return URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms");
    }

    @Test
    void theGatewayGetsTheNumberTheTextAndTheLinkAsJson() throws InterruptedException {
        webhook(gatewayUrl(), 3).send(MESSAGE);

        String request = received.poll(30, TimeUnit.SECONDS);
        assertThat(request).startsWith("application/json ");
        JsonNode body = JSON.readTree(request.substring("application/json ".length()));
        assertThat(body.path("to").asString()).isEqualTo("081234567890");
        assertThat(body.path("text").asString()).isEqualTo(MESSAGE.text());
        assertThat(body.path("link").asString()).isEqualTo("https://110.example/status/abc");
        assertThat(body.has("incident")).as("the incident id is the journal's, not the gateway's").isFalse();
        assertThat(outcomes.finals.poll(30, TimeUnit.SECONDS)).isEqualTo("delivered 1");
    }

    @Test
    void aGatewayInTroubleIsTriedAgainAndEachFailureIsReported() throws InterruptedException {
        failuresLeft.set(2);
        webhook(gatewayUrl(), 5).send(MESSAGE);

        assertThat(outcomes.finals.poll(30, TimeUnit.SECONDS)).isEqualTo("delivered 3");
        assertThat(received).hasSize(3);
        assertThat(outcomes.seen).containsExactly("failed 1 retry: the SMS gateway answered 503", "failed 2 retry: the SMS gateway answered 503",
                "delivered 3");
    }

    @Test
    void aGatewayThatNeverAnswersIsGivenUpOnAfterTheLastAttempt() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        webhook(URI.create("http://127.0.0.1:" + closedPort + "/sms"), 2).send(MESSAGE);

        assertThat(outcomes.finals.poll(30, TimeUnit.SECONDS)).isEqualTo("gave up 2");
        assertThat(outcomes.seen).hasSize(2);
        assertThat(outcomes.seen.get(0)).startsWith("failed 1 retry: the SMS gateway could not be reached");
        assertThat(outcomes.seen.get(1)).startsWith("failed 2 final: the SMS gateway could not be reached");
    }
}
