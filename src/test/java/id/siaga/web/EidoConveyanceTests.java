package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.integration.eido.EidoSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Other agencies' systems take Siaga 110's incidents as they happen, over NENA-STA-024's EIDO conveyance with a real
 * WebSocket client ({@link EidoSubscriber}): Binmas Sleman subscribes with its API key and at once gets the brawl already
 * open in Sleman; then an EIDO for each change (a unit sent, a note), each passing NENA's schema, each acknowledged.
 * Polres Bantul's system, subscribed at the same time, gets an empty first notification and nothing of Sleman's. A
 * subscriber cut off while a note is added subscribes again and has the note. A single-incident subscription gets the
 * incident at once, is renewed, and ends with the incident's last EIDO when it is closed. Bad requests get the
 * standard's status codes; a console login or no key at all cannot open the socket. Every subscription and its end is
 * journalled.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EidoConveyanceTests {

    static final String AUTH = "Authorization";
    static final String ADMIN = Http.basic("admin", "siaga110");
    static final String DISPATCHER = Http.basic("dispatcher.sleman", "siaga110");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    id.siaga.security.UserAccountStore accounts;
    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder encoder;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:eidoconveyancetests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        registry.add("siaga.journal.spool-file", () -> "target/fork-" + System.getProperty("siaga.test.fork", "1") + "/eidoconveyancetests-spool.jsonl");
        registry.add("siaga.telephony.enabled", () -> "false");
        registry.add("siaga.tracking.osmand-port", () -> "0");
        registry.add("siaga.tracking.mqtt.enabled", () -> "false");
    }

    String apiKey(Http http, String name, String station) {
        Http.Response r = http.post("/api/admin/api-keys", """
                {"name":"%s","roles":["INTEGRATION"],"station":"%s"}""".formatted(name, station), AUTH, ADMIN);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("apiKey").asString();
    }

    String brawlInSleman(Http http, String address) {
        Http.Response r = http.post("/api/incidents", """
                {"type":"BRAWL","channel":"WALK_IN","location":{"latitude":-7.7156,"longitude":110.3558},"callerNumber":"081234567890",
                 "callerName":"Bu Sari","address":"%s","description":"dua kelompok pelajar berkelahi"}""".formatted(address), AUTH, DISPATCHER);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    void note(Http http, String incident, String text) {
        assertThat(http.post("/api/incidents/" + incident + "/notes", "{\"text\":\"" + text + "\"}", AUTH, DISPATCHER).status()).isEqualTo(200);
    }

    /** The EIDO of {@code incident} among a notification's, after checking every one of them against NENA's schema. */
    static JsonNode eidoOf(JsonNode notification, String incident) {
        for (JsonNode eido : notification) {
            assertThat(EidoSchema.problems(eido)).as("NENA's schema").isEmpty();
        }
        return StreamSupport.stream(notification.spliterator(), false)
                .filter(e -> e.path("incidentComponent").path("internalIncidentId").asString().equals(incident)).findFirst().orElse(null);
    }

    static Predicate<JsonNode> about(String incident, Predicate<JsonNode> eido) {
        return n -> {
            JsonNode e = eidoOf(n, incident);
            return e != null && eido.test(e);
        };
    }

    int journalled(String type, String subscription) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM journal_event WHERE type = ? AND subject_id = ?", Integer.class, type, "eido:" + subscription);
    }

    @Test
    void aSubscriberIsNotifiedOfEachChangeOfItsStationsIncidentsAndOfNoOtherStations() throws Exception {
        Http http = new Http(port);
        String brawl = brawlInSleman(http, "Jl. Kaliurang km 7");
        try (EidoSubscriber sleman = EidoSubscriber.connect(port, apiKey(http, "Binmas Sleman", "POLRES-3404"));
             EidoSubscriber bantul = EidoSubscriber.connect(port, apiKey(http, "Polisiku Bantul", "POLRES-3402"))) {
            assertThat(sleman.subProtocol()).isEqualTo("emergency-ent1.0");
            JsonNode ok = sleman.subscribe("r1", "\"requestType\":\"EIDO\",\"requestSubType\":\"new\",\"expires\":600");
            assertThat(ok.path("statusCode").asInt()).as(ok.toString()).isEqualTo(200);
            assertThat(ok.path("expires").asInt()).isEqualTo(600);
            String subscription = ok.path("subscriptionId").asString();
            JsonNode first = sleman.notification(subscription, n -> true);
            assertThat(eidoOf(first, brawl)).as("the open incident, at once").isNotNull();

            JsonNode other = bantul.subscribe("b1", "\"requestType\":\"EIDO\",\"requestSubType\":\"new\"");
            assertThat(other.path("statusCode").asInt()).isEqualTo(200);
            assertThat(other.path("expires").asInt()).as("no expires asked: the longest").isEqualTo(3600);
            JsonNode empty = bantul.notification(other.path("subscriptionId").asString(), n -> true);
            assertThat(empty).as("no open incident at Bantul: an empty notification").isEmpty();

            assertThat(http.post("/api/incidents/" + brawl + "/assignments", "{\"unit\":\"SLM-R4-01\"}", AUTH, DISPATCHER).status()).isEqualTo(200);
            sleman.notification(subscription, about(brawl, e -> e.path("emergencyResourceComponent").toString().contains("Patroli Sleman 1")));
            note(http, brawl, "Dua orang luka ringan");
            JsonNode noted = eidoOf(sleman.notification(subscription, about(brawl, e -> e.toString().contains("Dua orang luka ringan"))), brawl);
            assertThat(noted.path("$id").asString()).startsWith("urn:emergency:uid:incidentid:");

            String later = brawlInSleman(http, "Jl. Magelang km 5");
            sleman.notification(subscription, about(later, e -> true));
            assertThat(bantul.seen()).as("Bantul's system hears nothing of Sleman's incidents")
                    .noneMatch(m -> m.toString().contains(brawl) || m.toString().contains(later));
            assertThat(sleman.seen()).filteredOn(m -> m.has("event")).allSatisfy(m -> eidoOf(m.path("event").path("notification"), brawl));
            CallDriver.await("the subscription journalled", () -> journalled("EidoSubscribed", subscription) > 0);
            assertThat(journalled("EidoSubscribed", subscription)).isEqualTo(1);
        }
    }

    @Test
    void aSubscriberCutOffSubscribesAgainAndHasTheLatestState() throws Exception {
        Http http = new Http(port);
        String key = apiKey(http, "CAD Polda DIY", "POLDA-DIY");
        String brawl = brawlInSleman(http, "Jl. Gejayan");
        EidoSubscriber cut = EidoSubscriber.connect(port, key);
        String before = cut.subscribe("c1", "\"requestType\":\"EIDO\",\"requestSubType\":\"new\"").path("subscriptionId").asString();
        cut.notification(before, about(brawl, e -> true));
        cut.abort();
        note(http, brawl, "Pelaku lari ke arah utara");

        try (EidoSubscriber again = EidoSubscriber.connect(port, key)) {
            String after = again.subscribe("c2", "\"requestType\":\"EIDO\",\"requestSubType\":\"new\"").path("subscriptionId").asString();
            again.notification(after, about(brawl, e -> e.toString().contains("Pelaku lari ke arah utara")));
        }
        long end = System.nanoTime() + EidoSubscriber.PATIENCE.toNanos();
        while (journalled("EidoSubscriptionEnded", before) == 0) {
            assertThat(System.nanoTime()).as("the cut-off subscription ended").isLessThan(end);
            TimeUnit.MILLISECONDS.sleep(20);
        }
        assertThat(jdbc.queryForObject("SELECT payload FROM journal_event WHERE type = 'EidoSubscriptionEnded' AND subject_id = ?", String.class,
                "eido:" + before)).contains("disconnected");
    }

    @Test
    void aSingleIncidentSubscriptionIsRenewedAndEndsWithTheIncidentsLastEido() throws Exception {
        Http http = new Http(port);
        String brawl = brawlInSleman(http, "Jl. Affandi");
        try (EidoSubscriber s = EidoSubscriber.connect(port, apiKey(http, "Polisiku Sleman", "POLRES-3404"))) {
            String tracking = "urn:emergency:uid:incidentid:" + brawl.replace("-", "") + ":polres-3404.polri.go.id";
            JsonNode ok = s.subscribe("s1", "\"requestType\":\"EIDO\",\"requestSubType\":\"single\",\"incidentId\":\"" + tracking + "\",\"expires\":60");
            assertThat(ok.path("statusCode").asInt()).as(ok.toString()).isEqualTo(200);
            String subscription = ok.path("subscriptionId").asString();
            s.notification(subscription, about(brawl, e -> true));

            JsonNode renewed = s.subscribe("s2", "\"subscriptionId\":\"" + subscription + "\",\"expires\":120");
            assertThat(renewed.path("statusCode").asInt()).isEqualTo(200);
            assertThat(renewed.path("expires").asInt()).isEqualTo(120);
            assertThat(s.subscribe("s3", "\"subscriptionId\":\"no-such-subscription\"").path("statusCode").asInt()).isEqualTo(481);

            Http.Response closed = http.post("/api/incidents/" + brawl + "/status", "{\"status\":\"CANCELLED\",\"reason\":\"pelapor membatalkan\"}",
                    AUTH, DISPATCHER);
            assertThat(closed.status()).as(closed.body()).isEqualTo(200);
            s.notification(subscription, about(brawl, e -> e.path("incidentComponent").toString().contains("Cancelled")));
            JsonNode terminate = s.next(m -> m.has("terminate")).path("terminate");
            assertThat(terminate.path("subscriptionId").asString()).isEqualTo(subscription);
            assertThat(s.closed.get(30, TimeUnit.SECONDS)).as("its last subscription over, the socket is closed").isEqualTo(1000);
            assertThat(jdbc.queryForObject("SELECT payload FROM journal_event WHERE type = 'EidoSubscriptionEnded' AND subject_id = ?", String.class,
                    "eido:" + subscription)).contains("incident closed");
        }
    }

    @Test
    void badRequestsGetTheStandardsAnswersAndUnsubscribingEndsTheSubscription() {
        Http http = new Http(port);
        String brawl = brawlInSleman(http, "Jl. Solo km 9");
        try (EidoSubscriber bantul = EidoSubscriber.connect(port, apiKey(http, "Polisiku Bantul 2", "POLRES-3402"))) {
            assertThat(bantul.subscribe("x1", "\"requestType\":\"EIDO\",\"requestSubType\":\"single\",\"incidentId\":\"" + brawl + "\"")
                    .path("statusCode").asInt()).as("another station's incident is not there for it").isEqualTo(404);
            assertThat(bantul.subscribe("x2", "\"requestType\":\"EIDO\",\"requestSubType\":\"new\",\"qualFilter\":\"x\"").path("statusCode").asInt())
                    .isEqualTo(400);
            assertThat(bantul.subscribe("x3", "\"requestType\":\"EIDO\",\"requestSubType\":\"resource\",\"unitId\":\"SLM-R4-01\"").path("statusText")
                    .asString()).contains("new or single");
            assertThat(bantul.subscribe("x4", "\"requestType\":\"EIDO\",\"requestSubType\":\"new\",\"requestAccepts\":\"application/xml\"")
                    .path("statusCode").asInt()).isEqualTo(406);
            bantul.send("{\"resourceDiscovery\":{\"requestId\":\"x5\",\"requestAccepts\":\"application/json\"}}");
            JsonNode notImplemented = bantul.next(m -> m.has("response")).path("response");
            assertThat(notImplemented.path("statusCode").asInt()).isEqualTo(501);
            assertThat(notImplemented.path("requestId").asString()).isEqualTo("x5");

            String subscription = bantul.subscribe("x6", "\"requestType\":\"EIDO\",\"requestSubType\":\"new\"").path("subscriptionId").asString();
            bantul.send("{\"unsubscribe\":{\"requestId\":\"x7\",\"subscriptionId\":\"" + subscription + "\"}}");
            JsonNode gone = bantul.next(m -> m.has("unsubscribeResponse")).path("unsubscribeResponse");
            assertThat(gone.path("statusCode").asInt()).isEqualTo(200);
            bantul.send("{\"unsubscribe\":{\"requestId\":\"x8\",\"subscriptionId\":\"" + subscription + "\"}}");
            assertThat(bantul.next(m -> m.has("unsubscribeResponse")).path("unsubscribeResponse").path("statusCode").asInt()).isEqualTo(481);
            // journalled on the journal's own thread, after the answer went out
            CallDriver.await("the unsubscription journalled", () -> journalled("EidoSubscriptionEnded", subscription) > 0);
            assertThat(journalled("EidoSubscriptionEnded", subscription)).isEqualTo(1);
        }
    }

    @Test
    void aRevokedKeysSocketIsClosedAndTheKeyOpensNothingMore() throws Exception {
        Http http = new Http(port);
        String key = apiKey(http, "Polisiku Sleman lama", "POLRES-3404");
        String keyId = key.substring(0, key.indexOf('.'));
        try (EidoSubscriber old = EidoSubscriber.connect(port, key)) {
            assertThat(old.subscribe("r1", "\"requestType\":\"EIDO\",\"requestSubType\":\"new\"").path("statusCode").asInt()).isEqualTo(200);
            Http.Response listed = http.get("/api/admin/api-keys", AUTH, ADMIN);
            assertThat(listed.status()).isEqualTo(200);
            assertThat(listed.body()).contains(keyId).contains("Polisiku Sleman lama").doesNotContain("secret").doesNotContain(key.substring(key.indexOf('.') + 1));
            if (accounts.find("admin.bantul").isEmpty()) {
                accounts.save(new id.siaga.security.UserAccount("admin.bantul", "Kompol Dian", encoder.encode("rahasia-bantul"),
                        java.util.Set.of(id.siaga.security.Role.ADMIN), id.siaga.org.StationId.of("POLRES-3402"), true));
            }
            Http.Response elsewhere = http.post("/api/admin/api-keys/" + keyId + "/revoke", "", AUTH, Http.basic("admin.bantul", "rahasia-bantul"));
            assertThat(elsewhere.status()).as("an administrator who cannot see Sleman's keys: " + elsewhere.body()).isIn(403, 404);

            Http.Response revoked = http.post("/api/admin/api-keys/" + keyId + "/revoke", "", AUTH, ADMIN);
            assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
            assertThat(revoked.json().path("revokedAt").asString()).isNotBlank();
            assertThat(old.closed.get(30, java.util.concurrent.TimeUnit.SECONDS)).as("closed as a policy violation").isEqualTo(1008);
            assertThat(http.post("/api/admin/api-keys/" + keyId + "/revoke", "", AUTH, ADMIN).status()).as("again: nothing changes").isEqualTo(200);
        }
        assertThatThrownBy(() -> EidoSubscriber.connect(port, key)).isInstanceOf(CompletionException.class).cause()
                .isInstanceOfSatisfying(WebSocketHandshakeException.class, e -> assertThat(e.getResponse().statusCode()).isEqualTo(401));
        CallDriver.await("the revocation journalled", () -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM journal_event WHERE type = 'ApiKeyRevoked' AND subject_id = ?", Integer.class, "api:" + keyId) == 1);
    }

    @Test
    void onlyIntegrationClientsWithAKeyOpenTheSocket() {
        URI uri = URI.create("ws://127.0.0.1:" + port + "/ws/eido");
        assertThatThrownBy(() -> HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() { }).join())
                .isInstanceOf(CompletionException.class).cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(401));
        assertThatThrownBy(() -> HttpClient.newHttpClient().newWebSocketBuilder().header(AUTH, DISPATCHER).buildAsync(uri, new WebSocket.Listener() { })
                .join()).cause().isInstanceOfSatisfying(WebSocketHandshakeException.class, e -> assertThat(e.getResponse().statusCode()).isEqualTo(403));
    }
}
