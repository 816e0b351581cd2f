package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.PrivatePostgres;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The AML gateway logs in with Basic credentials while the PostgreSQL server is lost (a private server of the test's
 * own, stopped at once). It must learn that the service is unavailable and when to retry (503 with Retry-After), not
 * that its password is wrong (401), and no answer may carry SQL. The login form says the same in words; an integration
 * key is answered alike. Logins that could not be checked count as no failures: once the database is back, the right
 * password works at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/logindatabaseoutagetests-spool.jsonl", "siaga.telephony.enabled=false",
        "spring.datasource.username=postgres"})
@ActiveProfiles("postgres")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LoginDatabaseOutageTests {

    static final String GATEWAY = Http.basic("aml.gateway", "siaga110");
    static PrivatePostgres postgres;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> {
            if (postgres == null) {
                postgres = PrivatePostgres.start();
            }
            return postgres.jdbcUrl();
        });
    }

    @AfterAll
    static void stopDatabase() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @LocalServerPort
    int port;

    @Test
    void whileTheDatabaseIsAwayALoginIsTold503WithRetryAfterNeverAWrongPasswordOrSql() {
        Http http = new Http(port);
        assertThat(http.get("/api/me", "Authorization", GATEWAY).status()).isEqualTo(200);
        String key = http.post("/api/admin/api-keys", "{\"name\":\"AML\",\"roles\":[\"INTEGRATION\"],\"station\":\"MABES\"}",
                "Authorization", Http.basic("admin", "siaga110")).json().path("apiKey").asString();
        FromAddress browser = new FromAddress("127.0.0.31", port);
        assertThat(browser.get("/login").status()).isEqualTo(200);

        postgres.stop();
        for (int i = 0; i < 12; i++) {
            Http.Response r = http.get("/api/me", "Authorization", i % 2 == 0 ? GATEWAY : Http.basic("aml.gateway", "wrong"));
            assertThat(r.status()).as(r.body()).isEqualTo(503);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.header("Retry-After")).isEqualTo("5");
            assertThat(r.json().path("detail").asString()).isEqualTo("the database is unavailable; try again shortly");
            assertThat(r.header("WWW-Authenticate")).as("no challenge: the password is not the problem").isEmpty();
            assertThat(r.body()).doesNotContainIgnoringCase("select").doesNotContainIgnoringCase("jdbc").doesNotContain("app_user");
        }
        Http.Response byKey = http.get("/api/me", "X-Api-Key", key);
        assertThat(byKey.status()).as(byKey.body()).isEqualTo(503);
        assertThat(byKey.header("Retry-After")).isEqualTo("5");
        assertThat(byKey.body()).doesNotContainIgnoringCase("select").doesNotContainIgnoringCase("jdbc");
        Http.Response form = browser.form("/login", "username=operator.sleman1&password=siaga110&_csrf="
                + URLEncoder.encode(browser.cookie("XSRF-TOKEN"), StandardCharsets.UTF_8));
        assertThat(form.header("Location")).endsWith("/login?unavailable");

        postgres.startServer();
        Http.Response back = null;
        for (int i = 0; i < 60 && (back == null || back.status() == 503); i++) {
            back = http.get("/api/me", "Authorization", GATEWAY);
        }
        assertThat(back.status()).as("six attempts with a wrong password during the outage counted for nothing").isEqualTo(200);
    }
}
