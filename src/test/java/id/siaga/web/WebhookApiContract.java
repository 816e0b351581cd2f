package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.integration.WebhookEvent;
import id.siaga.integration.WebhookSignature;
import id.siaga.support.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks to other police apps, through the API and real HTTP receivers: the administrator subscribes Binmas Sleman to
 * Polres Sleman and Polisiku Bantul to Polres Bantul; a dispatcher opens a brawl in Sleman and sends a patrol: Binmas
 * Sleman gets both, signed with the secret it was shown once, and Bantul's gets nothing. Polda DIY's receiver refuses the
 * first two attempts of every event and still processes each once. A receiver that stays down gets a dead letter the
 * administrator sees (with the receiver's answer) and replays once it is back. Bad subscriptions are refused with a reason.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class WebhookApiContract {

    static final String AUTH = "Authorization";
    static final String ADMIN = Http.basic("admin", "siaga110");
    static final String DISPATCHER = Http.basic("dispatcher.sleman", "siaga110");
    static final String OFFICER = Http.basic("officer.sleman", "siaga110");
    static final Duration PATIENCE = Duration.ofSeconds(30);

    static WebhookReceiver receiver;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    /** The settings both databases' runs share; each names its own database and spool. */
    static void settings(DynamicPropertyRegistry registry) {
        receiver = WebhookReceiver.start();
        registry.add("siaga.telephony.enabled", () -> "false");
        registry.add("siaga.tracking.osmand-port", () -> "0");
        registry.add("siaga.tracking.mqtt.enabled", () -> "false");
        registry.add("siaga.integration.webhook-attempts", () -> "3");
        registry.add("siaga.integration.webhook-first-retry", () -> "10ms");
        registry.add("siaga.integration.webhook-max-retry", () -> "40ms");
        registry.add("siaga.integration.webhook-poll-interval", () -> "20ms");
        // the receivers run on 127.0.0.1, over http
        registry.add("siaga.integration.webhook-allow-private-addresses", () -> "true");
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    /** Subscribes {@code path} and tells the receiver the secret from the answer. Returns the answer. */
    JsonNode subscribe(Http http, String path, String name, String stations, String types) {
        Http.Response r = http.post("/api/admin/webhooks", """
                {"name":"%s","url":"%s","stations":%s,"eventTypes":%s}""".formatted(name, receiver.url(path), stations, types), AUTH, ADMIN);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        receiver.secret(path, r.json().path("secret").asString());
        return r.json();
    }

    String brawlInSleman(Http http) {
        Http.Response r = http.post("/api/incidents", """
                {"type":"BRAWL","channel":"WALK_IN","location":{"latitude":-7.7156,"longitude":110.3558},"callerNumber":"081234567890",
                 "callerName":"Bu Sari","address":"Jl. Kaliurang km 7","description":"dua kelompok pelajar berkelahi"}
                """, AUTH, DISPATCHER);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    static boolean hasTypes(Map<String, String> processed, String... types) {
        for (String type : types) {
            if (processed.values().stream().noneMatch(b -> b.contains("\"type\":\"" + type + "\""))) {
                return false;
            }
        }
        return true;
    }

    int rowsFor(String subscriber) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM webhook_delivery WHERE subscriber_id = ?", Integer.class, subscriber);
    }

    @Test
    @Order(1)
    void theSubscriberOfTheStationGetsTheIncidentAndTheDispatchSignedAndAnotherStationsNothing() {
        Http http = new Http(port);
        JsonNode sleman = subscribe(http, "/binmas-sleman", "Binmas Sleman", "[\"POLRES-3404\"]", "[]");
        JsonNode bantul = subscribe(http, "/polisiku-bantul", "Polisiku Bantul", "[\"POLRES-3402\"]", "[]");
        String secret = sleman.path("secret").asString();
        assertThat(secret).as("a secret made for it, shown once").hasSize(43);
        Http.Response list = http.get("/api/admin/webhooks", AUTH, ADMIN);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Binmas Sleman").contains("Polisiku Bantul").doesNotContain(secret);

        String incident = brawlInSleman(http);
        assertThat(http.post("/api/incidents/" + incident + "/assignments", "{\"unit\":\"SLM-R4-01\"}", AUTH, DISPATCHER).status()).isEqualTo(200);
        Http.Response enRoute = http.post("/api/units/SLM-R4-01/status", "{\"status\":\"EN_ROUTE\"}", AUTH, OFFICER);
        assertThat(enRoute.status()).as(enRoute.body()).isEqualTo(200);

        Map<String, String> got = receiver.awaitProcessed("/binmas-sleman", p -> hasTypes(p, WebhookEvent.INCIDENT_CREATED, WebhookEvent.UNIT_ASSIGNED,
                WebhookEvent.UNIT_EN_ROUTE) && p.values().stream().anyMatch(b -> b.contains("\"to\":\"EN_ROUTE\""))
                && p.values().stream().anyMatch(b -> b.contains("\"to\":\"DISPATCHED\"")), PATIENCE);
        assertThat(got.values()).allSatisfy(body -> assertThat(body).contains(incident).contains("\"station\":\"POLRES-3404\"")
                .doesNotContain("Bu Sari").doesNotContain("81234567890").doesNotContain("pelajar"));
        assertThat(got.values()).anySatisfy(body -> assertThat(body).contains("\"unit\":\"SLM-R4-01\""))
                .anySatisfy(body -> assertThat(body).contains("\"to\":\"DISPATCHED\""))
                .anySatisfy(body -> assertThat(body).contains("\"to\":\"EN_ROUTE\""));
        var requests = receiver.requests("/binmas-sleman");
        Map<String, String> processed = receiver.processed("/binmas-sleman");
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.answered()).as("every delivery verified with the secret").isEqualTo(200);
            assertThat(WebhookSignature.verify(secret, r.timestamp(), r.signature(), r.body(), Instant.now())).isTrue();
            assertThat(processed).containsKey(r.eventId());
        });

        assertThat(rowsFor(bantul.path("subscriber").path("id").asString())).as("nothing written for Bantul's subscriber").isZero();
        assertThat(receiver.requests("/polisiku-bantul")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_event WHERE type = 'WebhookSubscriberCreated'", Integer.class)).isEqualTo(2);
    }

    @Test
    @Order(2)
    void aReceiverThatFailsTheFirstAttemptsProcessesEachEventOnce() {
        Http http = new Http(port);
        String id = subscribe(http, "/polda-diy", "Polda DIY", "[\"POLDA-DIY\"]", "[\"incident.created\"]").path("subscriber").path("id").asString();
        receiver.failFirst("/polda-diy", 2);

        String incident = brawlInSleman(http);

        Map<String, String> got = receiver.awaitProcessed("/polda-diy", p -> p.values().stream().anyMatch(b -> b.contains(incident)), PATIENCE);
        assertThat(got).hasSize(1);
        String event = got.keySet().iterator().next();
        assertThat(receiver.requests("/polda-diy")).as("refused twice, then taken, always under the same idempotency key")
                .extracting(WebhookReceiver.Request::eventId).containsOnly(event).hasSizeGreaterThanOrEqualTo(3);
        // the receiver processed it before it answered; the row is marked once the answer is back
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (!"DELIVERED".equals(jdbc.queryForObject("SELECT status FROM webhook_delivery WHERE event_id = ? AND subscriber_id = ?", String.class,
                event, id))) {
            assertThat(System.nanoTime()).as("the delivery of " + event + " marked DELIVERED").isLessThan(end);
            Thread.onSpinWait();
        }
    }

    @Test
    @Order(3)
    void aReceiverThatStaysDownGetsADeadLetterTheAdministratorReplays() {
        Http http = new Http(port);
        String id = subscribe(http, "/polisiku", "Polisiku", "[\"POLRES-3404\"]", "[\"incident.created\"]").path("subscriber").path("id").asString();
        receiver.down("/polisiku", true);

        String incident = brawlInSleman(http);

        JsonNode dead = awaitDeadLetter(http, id);
        assertThat(dead.path("attempts").asInt()).isEqualTo(3);
        assertThat(dead.path("lastStatus").asInt()).isEqualTo(503);
        assertThat(dead.path("lastError").asString()).contains("503");
        assertThat(dead.path("eventType").asString()).isEqualTo(WebhookEvent.INCIDENT_CREATED);
        assertThat(receiver.requests("/polisiku")).hasSize(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_event WHERE type = 'WebhookDeadLettered' AND subject_id = ?", Integer.class,
                "webhook:" + id)).isEqualTo(1);

        receiver.down("/polisiku", false);
        Http.Response replay = http.post("/api/admin/webhooks/" + id + "/dead-letters/" + dead.path("eventId").asString() + "/replay", "", AUTH, ADMIN);
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        Map<String, String> got = receiver.awaitProcessed("/polisiku", p -> !p.isEmpty(), PATIENCE);
        assertThat(got).containsOnlyKeys(dead.path("eventId").asString());
        assertThat(got.values().iterator().next()).contains(incident);
        assertThat(http.post("/api/admin/webhooks/" + id + "/dead-letters/" + dead.path("eventId").asString() + "/replay", "", AUTH, ADMIN).status())
                .as("a delivered event is no dead letter").isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_event WHERE type = 'WebhookReplayed'", Integer.class)).isEqualTo(1);
    }

    JsonNode awaitDeadLetter(Http http, String subscriber) {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            Http.Response r = http.get("/api/admin/webhooks/dead-letters", AUTH, ADMIN);
            assertThat(r.status()).isEqualTo(200);
            for (JsonNode d : r.json()) {
                if (d.path("subscriberId").asString().equals(subscriber)) {
                    return d;
                }
            }
            assertThat(System.nanoTime()).as("a dead letter for " + subscriber + " in " + r.body()).isLessThan(end);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    @Order(4)
    void aDisabledSubscriberGetsNothingAndBadSubscriptionsAreRefusedWithAReason() {
        Http http = new Http(port);
        String id = subscribe(http, "/old", "Sistem lama", "[\"POLRES-3404\"]", "[]").path("subscriber").path("id").asString();
        Http.Response disabled = http.post("/api/admin/webhooks/" + id + "/disable", "", AUTH, ADMIN);
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
        brawlInSleman(http);
        assertThat(rowsFor(id)).isZero();

        Http.Response ftp = http.post("/api/admin/webhooks", "{\"name\":\"x\",\"url\":\"ftp://binmas.example\",\"stations\":[\"POLRES-3404\"]}", AUTH, ADMIN);
        assertThat(ftp.status()).isEqualTo(400);
        assertThat(ftp.contentType()).contains("application/problem+json");
        assertThat(ftp.json().path("detail").asString()).contains("http");
        Http.Response type = http.post("/api/admin/webhooks", """
                {"name":"x","url":"https://binmas.example/hook","stations":["POLRES-3404"],"eventTypes":["incident.deleted"]}""", AUTH, ADMIN);
        assertThat(type.status()).isEqualTo(400);
        assertThat(type.json().path("detail").asString()).contains("incident.deleted");
        Http.Response station = http.post("/api/admin/webhooks", "{\"name\":\"x\",\"url\":\"https://b.example\",\"stations\":[\"POLRES-9999\"]}", AUTH, ADMIN);
        assertThat(station.status()).isEqualTo(404);
        assertThat(http.get("/api/admin/webhooks", AUTH, DISPATCHER).status()).as("administrators only").isEqualTo(403);
    }

    @Test
    @Order(5)
    void aDisabledSubscriberEnabledAgainGetsTheChangesFromThenOn() {
        Http http = new Http(port);
        String id = subscribe(http, "/again", "Binmas lagi", "[\"POLRES-3404\"]", "[\"incident.created\"]").path("subscriber").path("id").asString();
        assertThat(http.post("/api/admin/webhooks/" + id + "/disable", "", AUTH, ADMIN).status()).isEqualTo(200);
        String whileOff = brawlInSleman(http);
        assertThat(rowsFor(id)).isZero();

        Http.Response enabled = http.post("/api/admin/webhooks/" + id + "/enable", "", AUTH, ADMIN);
        assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
        assertThat(enabled.json().path("enabled").asBoolean()).isTrue();
        String afterwards = brawlInSleman(http);

        Map<String, String> got = receiver.awaitProcessed("/again", p -> p.values().stream().anyMatch(b -> b.contains(afterwards)), PATIENCE);
        assertThat(got.values()).noneMatch(b -> b.contains(whileOff));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_event WHERE type = 'WebhookSubscriberEnabled' AND subject_id = ?", Integer.class,
                "webhook:" + id)).isEqualTo(1);
        assertThat(http.post("/api/admin/webhooks/nobody/enable", "", AUTH, ADMIN).status()).isEqualTo(404);
        assertThat(http.post("/api/admin/webhooks/" + id + "/enable", "", AUTH, DISPATCHER).status()).as("administrators only").isEqualTo(403);
    }

    @Test
    @Order(6)
    void aRotatedSecretSignsEveryDeliveryFromThenOnAndTheOldOneNone() {
        Http http = new Http(port);
        JsonNode created = subscribe(http, "/rotating", "Polisiku Sleman", "[\"POLRES-3404\"]", "[\"incident.created\"]");
        String id = created.path("subscriber").path("id").asString();
        String old = created.path("secret").asString();

        Http.Response rotated = http.post("/api/admin/webhooks/" + id + "/rotate-secret", "", AUTH, ADMIN);
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String fresh = rotated.json().path("secret").asString();
        assertThat(fresh).hasSize(43).isNotEqualTo(old);
        assertThat(http.get("/api/admin/webhooks", AUTH, ADMIN).body()).doesNotContain(fresh);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_event WHERE type = 'WebhookSecretRotated' AND subject_id = ?", Integer.class,
                "webhook:" + id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_event WHERE payload LIKE ?", Integer.class, "%" + fresh + "%"))
                .as("the secret is never journalled").isZero();

        receiver.secret("/rotating", old);
        String refused = brawlInSleman(http);
        JsonNode dead = awaitDeadLetter(http, id);
        assertThat(receiver.requests("/rotating")).as("a receiver still holding the old secret refuses the deliveries").isNotEmpty()
                .allSatisfy(r -> assertThat(r.answered()).isEqualTo(401));

        receiver.secret("/rotating", fresh);
        assertThat(http.post("/api/admin/webhooks/" + id + "/dead-letters/" + dead.path("eventId").asString() + "/replay", "", AUTH, ADMIN).status())
                .isEqualTo(200);
        Map<String, String> got = receiver.awaitProcessed("/rotating", p -> p.values().stream().anyMatch(b -> b.contains(refused)), PATIENCE);
        assertThat(got).hasSize(1);
        assertThat(receiver.requests("/rotating")).allSatisfy(r -> assertThat(WebhookSignature.verify(old, r.timestamp(), r.signature(), r.body(),
                Instant.now())).as("nothing is signed with the old secret any more").isFalse());
    }
}
