package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.PrivatePostgres;
import id.siaga.support.ServerProcess;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The server on PostgreSQL, the production system of record, as its own process on a private PostgreSQL the test may
 * stop. Text PostgreSQL cannot keep is refused at the edge exactly as on H2 (a NUL in a description was a 500
 * "invalid byte sequence for encoding UTF8: 0x00"; a lone surrogate was silently stored as "?"), and nothing is written.
 * With the database down, the incident API answers 503 problem+json with Retry-After and no SQL (it was a 500 without
 * Retry-After), a create opens nothing, and once the database is back the same requests work. The operator is logged in
 * by the console's form beforehand: logging in while the database is down is the security configuration's matter.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresEdgeTests {

    static final String WALK_IN = "{\"type\":\"INFORMATION_REQUEST\",\"channel\":\"WALK_IN\",\"description\":\"%s\"}";

    static PrivatePostgres pg;
    static ServerProcess server;
    static Console operator;
    static Path dir;

    @BeforeAll
    static void serverOnPostgres() throws IOException {
        pg = PrivatePostgres.start();
        dir = Files.createTempDirectory("siaga-pg-edge-");
        int port = ServerProcess.freePort();
        server = ServerProcess.start("postgres-edge", port, List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + pg.jdbcUrl(),
                "--spring.datasource.username=postgres", "--siaga.telephony.enabled=false", "--siaga.tracking.osmand-port=0",
                "--siaga.journal.spool-file=" + dir.resolve("journal-spool.jsonl")));
        operator = Console.logIn(port, "operator.sleman1", "siaga110");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    @Order(1)
    void textPostgresCannotKeepIsRefusedAsOnH2AndNothingIsStored() {
        int before = incidents().size();
        Http.Response nul = operator.post("/api/incidents", WALK_IN.formatted("a\\u0000b"));
        assertThat(nul.status()).as(nul.body()).isEqualTo(400);
        assertThat(nul.json().path("detail").asString()).isEqualTo("unreadable request body: description: contains a NUL character at character 2");
        Http.Response lone = operator.post("/api/incidents", WALK_IN.formatted("\\ud800"));
        assertThat(lone.status()).as(lone.body()).isEqualTo(400);
        assertThat(incidents()).as("nothing was opened").hasSize(before);

        Http.Response fine = operator.post("/api/incidents", WALK_IN.formatted("Baris 1\\n\\tBaris 2, mobil 🚓"));
        assertThat(fine.status()).as(fine.body()).isEqualTo(201);
        String id = fine.json().path("id").asString();
        Http.Response note = operator.post("/api/incidents/" + id + "/notes", "{\"text\":\"lone \\udfff note\"}");
        assertThat(note.status()).as(note.body()).isEqualTo(400);
        JsonNode read = operator.get("/api/incidents/" + id).json();
        assertThat(read.path("description").asString()).isEqualTo("Baris 1\n\tBaris 2, mobil 🚓");
        assertThat(read.path("notes").isEmpty()).isTrue();
    }

    @Test
    @Order(2)
    void withTheDatabaseDownTheIncidentApiAnswers503WithRetryAfterAndNoSql() {
        String id = operator.post("/api/incidents", WALK_IN.formatted("before the outage")).json().path("id").asString();
        int before = incidents().size();
        pg.stop();
        try {
            List<Http.Response> answers = List.of(operator.get("/api/incidents"), operator.get("/api/incidents/" + id),
                    operator.post("/api/incidents", WALK_IN.formatted("during the outage")),
                    operator.post("/api/incidents/" + id + "/notes", "{\"text\":\"during the outage\"}"));
            for (Http.Response a : answers) {
                assertThat(a.status()).as(a.body() + "\n" + server.output()).isEqualTo(503);
                assertThat(a.contentType()).startsWith("application/problem+json");
                assertThat(a.header("Retry-After")).isEqualTo("5");
                assertThat(a.json().path("detail").asString()).isEqualTo("the database is unavailable; try again shortly");
                assertThat(a.body()).doesNotContain("SQL", "JDBC", "Connection", "Exception", "java.", "postgres");
            }
        } finally {
            pg.startServer();
        }
        Http.Response back = CallDriver.awaitValue("the incident list once the database is back", () -> operator.get("/api/incidents"),
                r -> r.status() == 200);
        assertThat(StreamSupport.stream(back.json().spliterator(), false)).as("the create during the outage opened nothing").hasSize(before);
        assertThat(operator.get("/api/incidents/" + id).json().path("notes").isEmpty()).as("nor wrote a note").isTrue();
    }

    private static List<JsonNode> incidents() {
        Http.Response list = operator.get("/api/incidents?limit=1000");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return StreamSupport.stream(list.json().spliterator(), false).toList();
    }

    /** A console's session: logged in by the form, sending the CSRF token back with each change, as the consoles do. */
    record Console(HttpClient client, CookieManager cookies, String base) {

        static Console logIn(int port, String user, String password) {
            CookieManager cookies = new CookieManager();
            HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            Console c = new Console(client, cookies, "http://127.0.0.1:" + port);
            c.send(HttpRequest.newBuilder(URI.create(c.base + "/login")).GET());
            Http.Response in = c.send(HttpRequest.newBuilder(URI.create(c.base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password + "&_csrf="
                            + URLEncoder.encode(c.xsrf(), StandardCharsets.UTF_8))));
            assertThat(in.status()).as("logged in: " + in.body()).isEqualTo(302);
            return c;
        }

        Http.Response get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        Http.Response post(String path, String json) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf())
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        private String xsrf() {
            return cookies.getCookieStore().getCookies().stream().filter(k -> k.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue)
                    .reduce((a, b) -> b).orElse("");
        }

        private Http.Response send(HttpRequest.Builder request) {
            try {
                HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
                return new Http.Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r.headers());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
