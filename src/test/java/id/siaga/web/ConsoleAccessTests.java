package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The doors of the consoles, in a real browser and over plain HTTP: the login page speaks Bahasa Indonesia and
 * says why a login failed; a login lands on the console of the user's role; each console refuses the other
 * roles; a form post without the CSRF token is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:consoleaccesstests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/consoleaccesstests-spool.jsonl", "siaga.telephony.enabled=false"})
class ConsoleAccessTests {

    @LocalServerPort
    int port;

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
