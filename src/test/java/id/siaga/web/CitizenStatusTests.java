package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.integration.StatusLink;
import id.siaga.support.FakeSmsGateway;
import id.siaga.support.Browser;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The citizen's side of a report: a dispatcher opens a brawl reported by Bu Sari; the SMS gateway (a real HTTP
 * receiver here) gets her number and the link; the link's page, on a phone, shows received → assigned → on the
 * way with an ETA that shrinks as the unit comes closer → arrived → done, and never a name, number, address,
 * call sign or officer. A wrong token is a plain 404; a client trying many gets 429.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CitizenStatusTests {

    static final String AUTH = "Authorization";
    static final String DISPATCHER = Http.basic("dispatcher.sleman", "siaga110");
    static final String OFFICER = Http.basic("officer.sleman", "siaga110");
    static final String BASE = "https://110.polri.example";
    /** Everything personal or internal about this report: none of it may reach the citizen's page. */
    static final List<String> PRIVATE = List.of("Bu Sari", "081234567890", "81234567890", "Kaliurang", "pelajar", "SLM-R4-01", "Patroli", "officer.sleman",
            "Andi", "Wijaya", "dispatcher.sleman", "Sleman", "-7.71", "110.35");

    static FakeSmsGateway gateway;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        gateway = FakeSmsGateway.start();
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:citizenstatustests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        registry.add("siaga.journal.spool-file", () -> "target/citizenstatustests-spool.jsonl");
        registry.add("siaga.telephony.enabled", () -> "false");
        registry.add("siaga.tracking.osmand-port", () -> "0");
        registry.add("siaga.tracking.mqtt.enabled", () -> "false");
        registry.add("siaga.tracking.max-speed-kmh", () -> "100000");
        registry.add("siaga.console.status-base-url", () -> BASE);
        registry.add("siaga.integration.sms-webhook-url", gateway::url);
        registry.add("siaga.integration.public-requests-per-minute", () -> "40");
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    static void noPrivateData(String text) {
        for (String secret : PRIVATE) {
            assertThat(text).as("the citizen sees nothing of " + secret).doesNotContain(secret);
        }
    }

    static boolean absent(JsonNode value) {
        return value.isMissingNode() || value.isNull();
    }

    JsonNode status(Http http, String token) {
        Http.Response r = http.get("/api/public/status/" + token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        noPrivateData(r.body());
        return r.json();
    }

    void officerAt(Http http, double lat, double lon) {
        Http.Response r = http.post("/api/officer/position", "{\"latitude\":" + lat + ",\"longitude\":" + lon + ",\"accuracy\":10}", AUTH, OFFICER);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    void unitStatus(Http http, String status) {
        Http.Response r = http.post("/api/units/SLM-R4-01/status", "{\"status\":\"" + status + "\"}", AUTH, OFFICER);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    static String pageText(Browser phone, String token, String expectedState) {
        phone.go("/status/" + token);
        phone.await("the page shows " + expectedState, d -> expectedState.equals(d.findElement(By.tagName("body")).getAttribute("data-state")));
        String text = phone.driver().findElement(By.tagName("body")).getText();
        noPrivateData(text);
        noPrivateData(phone.driver().getPageSource());
        return text;
    }

    @Test
    @Order(1)
    void theLinkFromTheSmsShowsTheReportComingAlongAndNothingPersonal() throws InterruptedException {
        Http http = new Http(port);
        officerAt(http, -7.7400, 110.3558);
        String incident = http.post("/api/incidents", """
                {"type":"BRAWL","channel":"WALK_IN","location":{"latitude":-7.7156,"longitude":110.3558},"callerNumber":"081234567890",
                 "callerName":"Bu Sari","address":"Jl. Kaliurang km 7","description":"dua kelompok pelajar berkelahi"}
                """, AUTH, DISPATCHER).json().path("id").asString();

        JsonNode message = Http.JSON.readTree(gateway.next(30));
        assertThat(message.path("to").asString()).as("the number as kept, in international form, which SMS gateways take").isEqualTo("+6281234567890");
        String link = message.path("link").asString();
        assertThat(link).startsWith(BASE + "/status/");
        assertThat(message.path("text").asString()).contains(link);
        String token = URI.create(link).getPath().substring("/status/".length());
        assertThat(StatusLink.looksLikeToken(token)).as("22 base64url characters: 128 random bits").isTrue();
        assertThat(jdbc.queryForList("SELECT token_hash FROM status_link WHERE incident_id = ?", String.class, incident))
                .as("the database keeps the token's SHA-256, not the token").containsExactly(StatusLink.hash(token));
        assertThat(jdbc.queryForList("SELECT * FROM status_link").toString()).doesNotContain(token);

        JsonNode received = status(http, token);
        assertThat(received.path("state").asString()).isEqualTo("RECEIVED");
        assertThat(received.path("type").asString()).isEqualTo("Perkelahian / tawuran");
        assertThat(absent(received.path("steps").get(0).path("at"))).isFalse();
        assertThat(absent(received.path("etaSeconds"))).isTrue();
        assertThat(http.get("/api/public/status/" + token).header("Cache-Control")).contains("no-store");

        try (Browser phone = Browser.open(port, true)) {
            assertThat(pageText(phone, token, "RECEIVED")).contains("Laporan Anda sudah diterima").contains("Perkelahian / tawuran");

            assertThat(http.post("/api/incidents/" + incident + "/assignments", "{\"unit\":\"SLM-R4-01\"}", AUTH, DISPATCHER).status()).isEqualTo(200);
            JsonNode assigned = status(http, token);
            assertThat(assigned.path("state").asString()).isEqualTo("ASSIGNED");
            assertThat(assigned.path("etaSeconds").asLong()).isPositive();

            unitStatus(http, "EN_ROUTE");
            long far = status(http, token).path("etaSeconds").asLong();
            officerAt(http, -7.7250, 110.3558);
            JsonNode closer = status(http, token);
            assertThat(closer.path("state").asString()).isEqualTo("EN_ROUTE");
            assertThat(closer.path("etaSeconds").asLong()).as("the ETA follows the unit").isLessThan(far).isPositive();
            String onTheWay = pageText(phone, token, "EN_ROUTE");
            assertThat(onTheWay).contains("Petugas sedang menuju lokasi").contains("Perkiraan tiba");
            assertThat(phone.driver().findElements(By.cssSelector("#steps li.done"))).hasSize(2);
            assertThat(phone.driver().findElement(By.cssSelector("#steps li.current")).getAttribute("data-step")).isEqualTo("EN_ROUTE");
            phone.screenshot("citizen-status");

            phone.driver().findElement(By.cssSelector("[data-lang-switch]")).click();
            phone.await("English", d -> d.findElement(By.id("now")).getText().equals("An officer is on the way"));
            phone.driver().findElement(By.cssSelector("[data-lang-switch]")).click();

            unitStatus(http, "ON_SCENE");
            JsonNode arrived = status(http, token);
            assertThat(arrived.path("state").asString()).isEqualTo("ARRIVED");
            assertThat(absent(arrived.path("etaSeconds"))).isTrue();
            assertThat(pageText(phone, token, "ARRIVED")).contains("Petugas sudah tiba");

            unitStatus(http, "AVAILABLE");
            JsonNode done = status(http, token);
            assertThat(done.path("state").asString()).isEqualTo("DONE");
            List<String> reached = new ArrayList<>();
            done.path("steps").forEach(s -> reached.add(s.path("step").asString() + (absent(s.path("at")) ? "" : " ✓")));
            assertThat(reached).containsExactly("RECEIVED ✓", "ASSIGNED ✓", "EN_ROUTE ✓", "ARRIVED ✓", "DONE ✓");
            assertThat(pageText(phone, token, "DONE")).contains("Laporan selesai ditangani");

            phone.go("/status/AAAAAAAAAAAAAAAAAAAAAA");
            phone.await("the page says the link is unknown", d -> d.findElement(By.id("problem")).getText().contains("tidak dikenal"));
        }
    }

    @Test
    @Order(2)
    void anyWrongTokenIsTheSamePlain404() {
        Http http = new Http(port);
        Http.Response unknown = http.get("/api/public/status/AAAAAAAAAAAAAAAAAAAAAA");
        Http.Response malformed = http.get("/api/public/status/not-a-token");
        for (Http.Response r : List.of(unknown, malformed)) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().path("detail").asString()).isEqualTo("no report has this link");
        }
        List<String> unknownFields = new ArrayList<>(unknown.json().propertyNames());
        assertThat(malformed.json().propertyNames()).containsExactlyElementsOf(unknownFields);
    }

    @Test
    @Order(3)
    void aClientTryingManyTokensIsToldToSlowDown() {
        Http http = new Http(port);
        Http.Response refused = null;
        for (int i = 0; i < 100 && refused == null; i++) {
            Http.Response r = http.get("/api/public/status/" + StatusLink.issue(new id.siaga.incident.IncidentId("X"), java.time.Instant.EPOCH).token());
            if (r.status() == 429) {
                refused = r;
            } else {
                assertThat(r.status()).isEqualTo(404);
            }
        }
        assertThat(refused).as("refused within 100 tries at 40 a minute").isNotNull();
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asString()).contains("too many requests");
    }
}
