package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.Browser;
import java.time.Duration;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The doors of the consoles, in a real browser and over plain HTTP: the login page speaks Bahasa Indonesia and
 * says why a login failed; a login lands on the console of the user's role; each console refuses the other
 * roles; a form post without the CSRF token is refused; a console whose session ended takes the user to the login
 * page, which says so; a session ends after 30 idle minutes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:consoleaccesstests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/consoleaccesstests-spool.jsonl", "siaga.telephony.enabled=false"})
class ConsoleAccessTests {

    @LocalServerPort
    int port;

    @Autowired
    WebServerApplicationContext server;

    /** The servlet container's own record of a session, found by its cookie's value. */
    Session containerSession(Browser browser) throws java.io.IOException {
        Cookie cookie = browser.driver().manage().getCookieNamed("JSESSIONID");
        assertThat(cookie).as("the console's session cookie").isNotNull();
        Context context = (Context) ((TomcatWebServer) server.getWebServer()).getTomcat().getHost().findChildren()[0];
        Session session = context.getManager().findSession(cookie.getValue());
        assertThat(session).as("the server knows the browser's session").isNotNull();
        return session;
    }

    /**
     * A console left open while its session ends: the supervisor's session cookie is gone (a browser that dropped it,
     * a server restarted), so the board's next figures request is refused and the board takes the supervisor to the
     * login page, which says in Bahasa that the session ended; logging in again brings the board back.
     */
    @Test
    void aConsoleWhoseSessionCookieIsGoneTakesTheUserToTheLoginPageSayingTheSessionEnded() {
        try (Browser browser = Browser.open(port, false)) {
            logIn(browser, "supervisor.diy");
            browser.await("the supervisor board", d -> d.getCurrentUrl().contains("/supervisor/")
                    && "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));

            browser.driver().manage().deleteCookieNamed("JSESSIONID");
            // the board's own refresh may find the session gone first and leave the page: the key goes to the page there is
            browser.await("'r' pressed on the board, unless it has already noticed", d -> {
                if (!d.getCurrentUrl().contains("/login")) {
                    d.findElement(By.tagName("body")).sendKeys("r");
                }
                return true;
            });

            browser.await("the login page", d -> d.getCurrentUrl().contains("/login?expired"));
            browser.await("the reason", d -> d.findElement(By.id("message")).isDisplayed());
            assertThat(browser.driver().findElement(By.id("message")).getText()).isEqualTo("Sesi berakhir. Silakan masuk lagi.");
            browser.screenshot("session-ended");

            browser.driver().findElement(By.id("username")).sendKeys("supervisor.diy");
            browser.driver().findElement(By.id("password")).sendKeys("siaga110\n");
            browser.await("the board again", d -> d.getCurrentUrl().contains("/supervisor/")
                    && "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        }
    }

    /**
     * The officer app with nothing to do makes no request of its own; when the server ends the session (idle too long,
     * or ended by an administrator) the server closes the alert socket, and the app, instead of retrying a socket that
     * can never open again, learns that the session ended and takes the officer to the login page.
     */
    @Test
    void anOfficerWhoseSessionTheServerEndedIsTakenToTheLoginPage() throws Exception {
        try (Browser phone = Browser.open(port, true)) {
            logIn(phone, "officer.sleman");
            phone.await("the officer app", d -> d.getCurrentUrl().endsWith("/officer/"));
            phone.await("the alert socket is up", d -> d.findElement(By.id("link")).getDomAttribute("class").contains("ok"));

            containerSession(phone).expire();

            phone.await("the login page", d -> d.getCurrentUrl().contains("/login?expired"));
            phone.await("the reason", d -> d.findElement(By.id("message")).getText().equals("Sesi berakhir. Silakan masuk lagi."));
        }
    }

    /**
     * Without a session, a script asks for a password (Basic challenge) but a console's page gets none: a browser would
     * answer the challenge with its own password box, or wait on it, instead of the console's login page.
     */
    @Test
    void onlyCommandLineClientsAreChallengedForAPassword() {
        Http http = new Http(port);
        Http.Response script = http.get("/api/console");
        assertThat(script.status()).isEqualTo(401);
        assertThat(script.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Siaga 110\"");
        Http.Response console = http.get("/api/console", "X-Requested-With", "XMLHttpRequest");
        assertThat(console.status()).isEqualTo(401);
        assertThat(console.header("WWW-Authenticate")).isEmpty();
        assertThat(console.json().path("status").asInt()).as("still a problem+json with the reason").isEqualTo(401);
        assertThat(http.get("/api/calls/stream", "Sec-Fetch-Mode", "cors").header("WWW-Authenticate")).as("an event stream").isEmpty();
        assertThat(http.get("/api/console", "Sec-Fetch-Mode", "navigate").header("WWW-Authenticate")).as("the address typed in")
                .isNotEmpty();
    }

    /** A console's session ends after 30 minutes without a request: the container's own session says so. */
    @Test
    void aConsolesSessionEndsAfterThirtyIdleMinutes() throws Exception {
        try (Browser browser = Browser.open(port, false)) {
            logIn(browser, "operator.sleman1");
            browser.await("the operator console", d -> d.getCurrentUrl().contains("/operator/"));
            assertThat(Duration.ofSeconds(containerSession(browser).getMaxInactiveInterval())).isEqualTo(Duration.ofMinutes(30));
        }
    }

    static void logIn(Browser browser, String username) {
        browser.go("/login");
        browser.driver().findElement(By.id("username")).sendKeys(username);
        browser.driver().findElement(By.id("password")).sendKeys("siaga110\n");
    }

    @Test
    void theLoginPageSaysWhyAndLandsEachRoleOnItsConsole() {
        try (Browser browser = Browser.open(port, false)) {
            browser.go("/operator/");
            browser.await("the login page", d -> d.getCurrentUrl().contains("/login"));
            assertThat(browser.driver().findElement(By.cssSelector("button[type=submit]")).getText()).isEqualTo("Masuk");
            browser.driver().findElement(By.id("username")).sendKeys("operator.sleman1");
            browser.driver().findElement(By.id("password")).sendKeys("wrong\n");
            browser.await("the reason", d -> d.findElement(By.id("message")).getText().contains("salah"));
            browser.screenshot("login-failed");

            logIn(browser, "operator.sleman1");
            browser.await("the operator console", d -> d.getCurrentUrl().matches(".*/operator/(\\?continue)?"));
        }
        try (Browser browser = Browser.open(port, true)) {
            logIn(browser, "officer.sleman");
            browser.await("the officer app", d -> d.getCurrentUrl().endsWith("/officer/"));
        }
    }

    /**
     * A console's session (cookie) must send the CSRF token back: the same POST is refused without it and accepted
     * with it, and the login form itself needs it. Scripts with Basic credentials are not exposed and need none.
     */
    @Test
    void aCookieSessionsChangesNeedTheCsrfToken() throws Exception {
        java.net.CookieManager cookies = new java.net.CookieManager();
        java.net.http.HttpClient browserLike = java.net.http.HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        String base = "http://127.0.0.1:" + port;
        browserLike.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        String token = xsrf(cookies);
        assertThat(token).as("the login page sets the XSRF-TOKEN cookie").isNotBlank();
        var form = java.net.http.HttpRequest.BodyPublishers.ofString("username=operator.sleman1&password=siaga110");
        var noToken = browserLike.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(form).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).as("a login form without the token").isEqualTo(403);
        var loggedIn = browserLike.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=operator.sleman1&password=siaga110&_csrf="
                        + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8))).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location").orElse("")).endsWith("/operator/");

        String presence = "{\"presence\":\"AWAY\"}";
        var put = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/operators/OP-3404-1/presence"))
                .header("Content-Type", "application/json");
        assertThat(browserLike.send(put.PUT(java.net.http.HttpRequest.BodyPublishers.ofString(presence)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode()).as("the session's change without the token").isEqualTo(403);
        assertThat(browserLike.send(put.header("X-XSRF-TOKEN", xsrf(cookies)).PUT(java.net.http.HttpRequest.BodyPublishers.ofString(presence))
                .build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode()).as("with the token").isEqualTo(200);
    }

    private static String xsrf(java.net.CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).map(java.net.HttpCookie::getValue)
                .reduce((a, b) -> b).orElse("");
    }

    @Test
    void eachConsoleRefusesTheOtherRolesAndTheApiTellsTheConsoleWhoIsThere() {
        Http http = new Http(port);
        String officer = Http.basic("officer.sleman", "siaga110");
        String operator = Http.basic("operator.sleman1", "siaga110");
        String supervisor = Http.basic("supervisor.diy", "siaga110");
        assertThat(http.get("/operator/", "Authorization", officer).status()).isEqualTo(403);
        assertThat(http.get("/supervisor/", "Authorization", operator).status()).isEqualTo(403);
        assertThat(http.get("/officer/", "Authorization", supervisor).status()).isEqualTo(403);
        JsonNode me = http.get("/api/console", "Authorization", operator).json();
        assertThat(me.path("zone").asString()).isEqualTo("WIB");
        assertThat(me.path("zoneId").asString()).isEqualTo("Asia/Jakarta");
        assertThat(me.path("landing").asString()).isEqualTo("/operator/");
        JsonNode areas = http.get("/api/jurisdictions", "Authorization", supervisor).json();
        assertThat(areas.path("features").size()).as("Polda DIY and its five Polres").isEqualTo(6);
        assertThat(http.get("/api/jurisdictions", "Authorization", operator).json().path("features").size()).isEqualTo(1);
        assertThat(http.get("/css/siaga.css").status()).as("the assets need no login").isEqualTo(200);
        assertThat(http.get("/webjars/leaflet/1.9.4/dist/leaflet.js").status()).isEqualTo(200);
    }
}
