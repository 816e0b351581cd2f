package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A logged-in console session's changes need the session's own CSRF token, whatever else the request carries: an
 * {@code Authorization} header of any kind does not excuse a session, and a token the attacker chose (planted in the
 * cookie and sent in the header) is not the session's. Scripts that send Basic credentials or an API key without a
 * logged-in session need no token. A refusal says it was the token, not the role; a change whose session ended is
 * told to log in again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:sessionprotectiontests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/sessionprotectiontests-spool.jsonl", "siaga.telephony.enabled=false"})
class CsrfTests {

    static final String WALK_IN = "{\"type\":\"BRAWL\",\"channel\":\"WALK_IN\",\"location\":{\"latitude\":-7.7156,\"longitude\":110.3558}}";
    static final String DISPATCHER = Http.basic("dispatcher.sleman", "siaga110");

    @LocalServerPort
    int port;

    /** A console's session, logged in through the form as the browser does it (from its own address). */
    FromAddress console(String address) {
        FromAddress browser = new FromAddress(address, port);
        assertThat(browser.get("/login").status()).isEqualTo(200);
        assertThat(browser.cookie("XSRF-TOKEN")).as("the login page hands out the token").isNotBlank();
        Http.Response login = browser.form("/login", "username=dispatcher.sleman&password=siaga110&_csrf="
                + URLEncoder.encode(browser.cookie("XSRF-TOKEN"), StandardCharsets.UTF_8));
        assertThat(login.header("Location")).endsWith("/operator/");
        assertThat(browser.get("/operator/").status()).isEqualTo(200);
        return browser;
    }

    @Test
    void aSessionsChangeWithAnyAuthorizationHeaderButNoTokenIsRefusedAsAMissingToken() {
        FromAddress browser = console("127.0.0.21");
        for (String authorization : new String[] {"Bearer junk", "", "Basic", Http.basic("dispatcher.sleman", "wrong"), DISPATCHER}) {
            Http.Response r = browser.post("/api/incidents", WALK_IN, "Authorization", authorization);
            assertThat(r.status()).as("Authorization: '%s'", authorization).isEqualTo(403);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().path("detail").asString()).isEqualTo("missing or invalid CSRF token; reload the page");
        }
        Http.Response noHeader = browser.post("/api/incidents", WALK_IN);
        assertThat(noHeader.status()).isEqualTo(403);
        assertThat(noHeader.json().path("detail").asString()).as("not a role problem").isEqualTo("missing or invalid CSRF token; reload the page");

        Http.Response withToken = browser.post("/api/incidents", WALK_IN, "X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN"));
        assertThat(withToken.status()).as(withToken.body()).isEqualTo(201);
    }

    @Test
    void aTokenTheAttackerChoseInBothCookieAndHeaderIsNotTheSessions() {
        FromAddress browser = console("127.0.0.22");
        String sessionToken = browser.cookie("XSRF-TOKEN");
        String planted = "a3f1c2d4-0000-4000-8000-000000000001";
        browser.setCookie("XSRF-TOKEN", planted);
        Http.Response r = browser.post("/api/incidents", WALK_IN, "X-XSRF-TOKEN", planted);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().path("detail").asString()).isEqualTo("missing or invalid CSRF token; reload the page");
        browser.setCookie("XSRF-TOKEN", sessionToken);
        assertThat(browser.post("/api/incidents", WALK_IN, "X-XSRF-TOKEN", sessionToken).status()).as("the session's own token").isEqualTo(201);
    }

    @Test
    void scriptsWithHeaderCredentialsAndNoLoggedInSessionNeedNoToken() {
        FromAddress script = new FromAddress("127.0.0.23", port);
        assertThat(script.post("/api/incidents", WALK_IN, "Authorization", DISPATCHER).status()).isEqualTo(201);
        assertThat(script.cookie("JSESSIONID")).as("a Basic script gets no session").isEmpty();
        // a script that kept the cookie of an anonymous visit (the login page) still speaks for itself with its header
        script.get("/login");
        assertThat(script.cookie("JSESSIONID")).isNotEmpty();
        assertThat(script.post("/api/incidents", WALK_IN, "Authorization", DISPATCHER).status()).isEqualTo(201);
        String key = new Http(port).post("/api/admin/api-keys", "{\"name\":\"Binmas\",\"roles\":[\"INTEGRATION\"],\"station\":\"POLRES-3404\"}",
                "Authorization", Http.basic("admin", "siaga110")).json().path("apiKey").asString();
        assertThat(new FromAddress("127.0.0.24", port).post("/api/incidents", WALK_IN, "X-Api-Key", key).status()).isEqualTo(201);
    }

    @Test
    void aChangeWhoseSessionEndedIsToldToLogInAgain() {
        FromAddress browser = console("127.0.0.25");
        String token = browser.cookie("XSRF-TOKEN");
        String logout = "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        String session = browser.cookie("JSESSIONID");
        assertThat(browser.form("/logout", logout).status()).as("logged out").isIn(204, 302);
        browser.setCookie("JSESSIONID", session);
        browser.setCookie("XSRF-TOKEN", token);
        Http.Response late = browser.post("/api/incidents", WALK_IN, "X-XSRF-TOKEN", token, "X-Requested-With", "XMLHttpRequest");
        assertThat(late.status()).as(late.body()).isEqualTo(401);
        assertThat(late.json().path("detail").asString()).isEqualTo("the session has ended; log in again");
    }
}
