package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.Browser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Password guessing, as an attacker would try it, each story from a source address of its own: by HTTP Basic and by
 * the login form, a user's wrong passwords first cost a delay (429 with Retry-After, the right password refused too),
 * then lock the user (journalled) until a supervisor of the user's station unlocks it; guesses across usernames from
 * one address slow and then lock that address, while integration keys and other addresses keep working; the login
 * page says what happened in words. The limits here are small (a user: 3 free, locked at 6; an address: 8 and 12;
 * delays of 2 s) so the stories run in seconds; the rule itself is LoginThrottleTests'.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:loginthrottlingtests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/loginthrottlingtests-spool.jsonl", "siaga.telephony.enabled=false",
        "siaga.access.login-delay-after=3", "siaga.access.login-lock-after=6", "siaga.access.login-first-delay=2s",
        "siaga.access.login-longest-delay=2s", "siaga.access.login-source-delay-after=8", "siaga.access.login-source-lock-after=12"})
class LoginThrottlingTests {

    static final String AUTH = "Authorization";
    static final String ADMIN = Http.basic("admin", "siaga110");

    @LocalServerPort
    int port;

    @Test
    void guessingAPasswordByBasicIsSlowedThenLocksTheUserUntilASupervisorOfTheStationUnlocksIt() {
        FromAddress guesser = new FromAddress("127.0.0.2", port);
        String wrong = Http.basic("operator.sleman2", "tebakan");
        String right = Http.basic("operator.sleman2", "siaga110");
        for (int i = 0; i < 3; i++) {
            assertThat(guesser.get("/api/me", AUTH, wrong).status()).as("free guess %d", i).isEqualTo(401);
        }
        Http.Response slowed = guesser.get("/api/me", AUTH, right);
        assertThat(slowed.status()).as("even the right password waits its turn").isEqualTo(429);
        assertThat(slowed.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(slowed.header("Retry-After"))).isPositive();
        assertThat(slowed.json().path("detail").asString()).startsWith("too many failed logins for this user; wait");

        for (int failures = 3; failures < 6; failures++) {
            assertThat(waitingOutDelays(() -> guesser.get("/api/me", AUTH, wrong)).status()).isEqualTo(401);
        }
        Http.Response locked = waitingOutDelays(() -> guesser.get("/api/me", AUTH, right));
        assertThat(locked.status()).as("a locked user's right password").isEqualTo(429);
        assertThat(locked.json().path("detail").asString()).startsWith("this user is locked after too many failed logins")
                .endsWith("or ask a supervisor to unlock it");
        assertThat(Long.parseLong(locked.header("Retry-After"))).as("the default 15 minutes").isBetween(1L, 900L);
        assertThat(new FromAddress("127.0.0.9", port).get("/api/me", AUTH, right).status()).as("from any address").isEqualTo(429);

        Http http = new Http(port);
        JsonNode lock = entry(() -> http.get("/api/journal?kind=USER&id=operator.sleman2", AUTH, ADMIN).json(), "LoginLocked");
        assertThat(lock.path("payload").path("failures").asInt()).isEqualTo(6);
        assertThat(lock.path("payload").path("source").asString()).isEqualTo("127.0.0.2");

        assertThat(http.post("/api/users/operator.sleman2/unlock", "", AUTH, Http.basic("supervisor.bantul", "siaga110")).status())
                .as("another station's supervisor").isEqualTo(403);
        assertThat(http.post("/api/users/operator.sleman2/unlock", "", AUTH, Http.basic("operator.sleman1", "siaga110")).status())
                .as("a colleague").isEqualTo(403);
        Http.Response unlocked = http.post("/api/users/operator.sleman2/unlock", "", AUTH, Http.basic("supervisor.sleman", "siaga110"));
        assertThat(unlocked.status()).isEqualTo(200);
        assertThat(unlocked.json().path("wasLocked").asBoolean()).isTrue();
        assertThat(unlocked.json().path("failuresForgotten").asInt()).isEqualTo(6);
        JsonNode unlock = entry(() -> http.get("/api/journal?kind=USER&id=operator.sleman2", AUTH, ADMIN).json(), "LoginUnlocked");
        assertThat(unlock.path("actor").asString()).isEqualTo("supervisor.sleman");
        assertThat(http.post("/api/users/nobody.at.all/unlock", "", AUTH, ADMIN).status()).isEqualTo(404);

        assertThat(guesser.get("/api/me", AUTH, right).status()).as("unlocked: the right password works at once").isEqualTo(200);
    }

    @Test
    void guessingByTheLoginFormIsSlowedAndLockedTheSameWay() {
        FromAddress browser = new FromAddress("127.0.0.3", port);
        assertThat(browser.get("/login").status()).isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            assertThat(landing(logIn(browser, "operator.kota2", "tebakan"))).as("free guess %d", i).endsWith("/login?error");
        }
        String slowed = landing(logIn(browser, "operator.kota2", "siaga110"));
        assertThat(slowed).as("even the right password waits its turn").matches(".*/login\\?wait=[0-9]+");
        for (int failures = 3; failures < 6; failures++) {
            assertThat(landing(waitingOutDelays(() -> logIn(browser, "operator.kota2", "tebakan")))).endsWith("/login?error");
        }
        String locked = landing(waitingOutDelays(() -> logIn(browser, "operator.kota2", "siaga110")));
        assertThat(locked).matches(".*/login\\?locked=[0-9]+");
        JsonNode lock = entry(() -> new Http(port).get("/api/journal?kind=USER&id=operator.kota2", AUTH, ADMIN).json(), "LoginLocked");
        assertThat(lock.path("payload").path("source").asString()).isEqualTo("127.0.0.3");
    }

    @Test
    void guessingAcrossUsernamesFromOneAddressSlowsThenLocksThatAddressButNotApiKeysOrOtherAddresses() {
        Http http = new Http(port);
        String key = http.post("/api/admin/api-keys", "{\"name\":\"Polisiku\",\"roles\":[\"INTEGRATION\"],\"station\":\"POLDA-DIY\"}",
                AUTH, ADMIN).json().path("apiKey").asString();
        FromAddress sprayer = new FromAddress("127.0.0.4", port);
        String right = Http.basic("operator.bantul2", "siaga110");
        for (int i = 0; i < 8; i++) {
            assertThat(sprayer.get("/api/me", AUTH, Http.basic("tamu" + i, "tebakan")).status()).as("guess %d", i).isEqualTo(401);
        }
        Http.Response slowed = sprayer.get("/api/me", AUTH, right);
        assertThat(slowed.status()).isEqualTo(429);
        assertThat(slowed.json().path("detail").asString()).startsWith("too many failed logins from this address; wait");
        assertThat(sprayer.get("/api/locate?lat=-7.7926&lon=110.3658", "X-Api-Key", key).status())
                .as("an integration key from the same address").isEqualTo(200);
        assertThat(new FromAddress("127.0.0.5", port).get("/api/me", AUTH, right).status()).as("another address").isEqualTo(200);

        for (int i = 8; i < 12; i++) {
            String guess = Http.basic("tamu" + i, "tebakan");
            assertThat(waitingOutDelays(() -> sprayer.get("/api/me", AUTH, guess)).status()).isEqualTo(401);
        }
        Http.Response blocked = sprayer.get("/api/me", AUTH, right);
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.json().path("detail").asString()).startsWith("logins from this address are locked");
        assertThat(sprayer.get("/api/locate?lat=-7.7926&lon=110.3658", "X-Api-Key", key).status()).isEqualTo(200);
        JsonNode lock = entry(() -> http.get("/api/journal?kind=SYSTEM&id=127.0.0.4", AUTH, ADMIN).json(), "LoginSourceLocked");
        assertThat(lock.path("payload").path("failures").asInt()).isEqualTo(12);
        assertThat(lock.path("payload").path("lastUsername").asString()).isEqualTo("tamu11");
    }

    /** In a real browser: a locked user's right password brings the login page's words, not the console. */
    @Test
    void theLoginPageSaysInWordsThatTheUserIsLockedOrMustWait() {
        FromAddress guesser = new FromAddress("127.0.0.6", port);
        for (int failures = 0; failures < 6; failures++) {
            waitingOutDelays(() -> guesser.get("/api/me", AUTH, Http.basic("dispatcher.sleman", "tebakan")));
        }
        try (Browser browser = Browser.open(port, false)) {
            ConsoleAccessTests.logIn(browser, "dispatcher.sleman");
            browser.await("the reason", d -> d.findElement(By.id("message")).isDisplayed());
            assertThat(browser.driver().getCurrentUrl()).contains("/login?locked=");
            assertThat(browser.driver().findElement(By.id("message")).getText()).startsWith("Akun ini dikunci sementara")
                    .contains("menit").contains("supervisor");
            browser.screenshot("login-locked");

            browser.go("/login?wait=7");
            browser.await("the reason", d -> d.findElement(By.id("message")).isDisplayed());
            assertThat(browser.driver().findElement(By.id("message")).getText()).contains("7 detik");
            browser.go("/login?unavailable");
            browser.await("the reason", d -> d.findElement(By.id("message")).isDisplayed());
            assertThat(browser.driver().findElement(By.id("message")).getText()).contains("Basis data");
        }
    }

    static Http.Response logIn(FromAddress browser, String username, String password) {
        String token = URLEncoder.encode(browser.cookie("XSRF-TOKEN"), StandardCharsets.UTF_8);
        return browser.form("/login", "username=" + username + "&password=" + password + "&_csrf=" + token);
    }

    static String landing(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        return r.header("Location");
    }

    /** Makes the attempt, waiting out each delay it is told to wait (429, or the login page's ?wait=). */
    static Http.Response waitingOutDelays(Supplier<Http.Response> attempt) {
        while (true) {
            Http.Response r = attempt.get();
            long seconds;
            if (r.status() == 429 && r.json().path("detail").asString().contains("; wait ")) {
                seconds = Long.parseLong(r.header("Retry-After"));
            } else if (r.status() == 302 && r.header("Location").contains("?wait=")) {
                seconds = Long.parseLong(r.header("Location").replaceAll(".*\\?wait=", ""));
            } else {
                return r;
            }
            try {
                Thread.sleep(seconds * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The journal's entry of this type, once the journal's writer has stored it. */
    static JsonNode entry(Supplier<JsonNode> journal, String type) {
        JsonNode entries = null;
        for (int i = 0; i < 100; i++) {
            entries = journal.get();
            var found = StreamSupport.stream(entries.spliterator(), false).filter(e -> e.path("type").asString().equals(type)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no " + type + " in " + entries);
    }
}
