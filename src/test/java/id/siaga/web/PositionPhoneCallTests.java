package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.app.PresenceService;
import id.siaga.journal.Journal;
import id.siaga.journal.JournalEntry;
import id.siaga.journal.JournalStore;
import id.siaga.org.OperatorRoster;
import id.siaga.org.Presence;
import id.siaga.org.StationId;
import id.siaga.security.Role;
import id.siaga.security.UserAccount;
import id.siaga.security.UserAccountStore;
import id.siaga.support.Browser;
import id.siaga.support.SipTestPorts;
import id.siaga.support.Sipp;
import id.siaga.telephony.SipEdgeTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * A Polres set up from the administration API takes a 110 call, with no file edited: Polda DIY's administrator makes
 * Bripda Nia's account (a temporary password, which she must change before anything else), creates "Meja 5" at Polres
 * Sleman, gives it a phone and seats Bripda Nia at it. A SIPp phone registers with the credentials the answer
 * showed, the console sees it registered, Bripda Nia says READY, a caller in Sleman dials 110 and her phone rings and
 * answers. When the phone unregisters, the console sees the registration expired.
 */
@SipEdgeTest
class PositionPhoneCallTests {

    static final String EDGE = "127.0.0.1:" + SipEdgeTest.EDGE;
    static final String AUTH = "Authorization";
    static final String DIY_ADMIN = Http.basic("admin.diy", "rahasia-diy");
    static final String NIA = Http.basic("operator.sleman5", "Rahasia-Nia-110");
    static final String POSITION = "/api/admin/positions/OP-3404-5";

    @LocalServerPort
    int port;
    @Autowired
    UserAccountStore accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    OperatorRoster roster;
    @Autowired
    PresenceService presence;
    @Autowired
    JournalStore journal;

    @BeforeAll
    static void sippInstalled() {
        Sipp.requireInstalled();
    }

    @BeforeEach
    void everyoneOfflineAndTheAccountsExist() {
        roster.all().forEach(o -> presence.change(o.id(), Presence.OFFLINE, "test"));
        if (accounts.find("admin.diy").isEmpty()) {
            accounts.save(new UserAccount("admin.diy", "Kompol Sari", encoder.encode("rahasia-diy"), Set.of(Role.ADMIN), StationId.of("POLDA-DIY"), true));
        }
    }

    /** Bripda Nia's account, made by the Polda's administrator; her temporary password changed to her own. */
    private void niaHasHerAccount(Http http) {
        Http.Response made = http.post("/api/admin/users", """
                {"username":"operator.sleman5","displayName":"Bripda Nia","roles":["OPERATOR"],"station":"POLRES-3404"}""", AUTH, DIY_ADMIN);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String temporary = made.json().path("temporaryPassword").asString();
        String withTemporary = Http.basic("operator.sleman5", temporary);
        assertThat(http.get("/api/incidents", AUTH, withTemporary).status()).as("nothing before the temporary password is changed")
                .isEqualTo(403);
        Http.Response changed = http.post("/api/account/password", AccountsApiTests.body(temporary, "Rahasia-Nia-110"), AUTH, withTemporary);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(http.get("/api/incidents", AUTH, NIA).status()).isEqualTo(200);
    }

    @Test
    void aPositionCreatedAtRunTimeRegistersItsPhoneGoesReadyAndAnswersA110Call() {
        Http http = new Http(port);
        niaHasHerAccount(http);
        int phonePort = SipTestPorts.free();
        Http.Response created = http.post("/api/admin/positions", "{\"id\":\"OP-3404-5\",\"station\":\"POLRES-3404\",\"name\":\"Meja 5 Sleman\"}",
                AUTH, DIY_ADMIN);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode credentials = http.put(POSITION + "/phone", "{\"kind\":\"REGISTERING\"}", AUTH, DIY_ADMIN).json();
        String sipUser = credentials.path("sipUser").asString();
        String password = credentials.path("password").asString();
        assertThat(http.put(POSITION + "/seat", "{\"username\":\"operator.sleman5\"}", AUTH, DIY_ADMIN).status()).isEqualTo(200);
        try {
            try (Sipp wrong = Sipp.client("register-refused.xml", SipTestPorts.free(), EDGE, Map.of("user", sipUser,
                    "contact_port", String.valueOf(phonePort), "expires", "600"), List.of("-au", sipUser, "-ap", "siaga110"))) {
                assertThat(wrong.await(30)).as("the demo password is not this phone's\n" + wrong.output()).isZero();
            }
            assertThat(register(sipUser, password, phonePort, "600")).isZero();
            JsonNode registration = http.get(POSITION, AUTH, DIY_ADMIN).json().path("phone").path("registration");
            assertThat(registration.path("state").asString()).as(registration.toString()).isEqualTo("REGISTERED");
            assertThat(registration.path("contacts").get(0).path("contact").asString()).contains(":" + phonePort);
            assertThat(registration.path("contacts").get(0).path("expiresAt").asString()).isNotBlank();

            Http.Response ready = http.put("/api/operators/OP-3404-5/presence", "{\"presence\":\"READY\"}", AUTH, NIA);
            assertThat(ready.status()).as(ready.body()).isEqualTo(200);
            assertThat(ready.json().path("phoneReachable").asBoolean()).isTrue();

            Map<String, String> caller = new HashMap<>(Map.of("lat", "-7.71560", "lon", "110.35580", "caller", "081200000519"));
            try (Sipp phone = Sipp.phone("phone-answer.xml", phonePort, 1, 300);
                 Sipp call = Sipp.caller("caller-pidf.xml", SipTestPorts.free(), EDGE, "110", caller, 3000, 1)) {
                assertThat(call.await(40)).as(call.output()).isZero();
                assertThat(phone.await(40)).as(phone.output()).isZero();
            }
            assertThat(answered("+6281200000519")).contains("\"operator\":\"OP-3404-5\"").contains("\"station\":\"POLRES-3404\"");

            assertThat(register(sipUser, password, phonePort, "0")).isZero();
            JsonNode after = http.get(POSITION, AUTH, DIY_ADMIN).json().path("phone").path("registration");
            assertThat(after.path("state").asString()).as(after.toString()).isEqualTo("EXPIRED");
            assertThat(after.path("lastBoundUntil").asString()).isNotBlank();
        } finally {
            http.put(POSITION + "/enabled", "{\"enabled\":false}", AUTH, DIY_ADMIN);
        }
    }

    /**
     * The same story in the consoles only, as Polda DIY's administrator and the new operator do it in a browser: the
     * account on the users page, the position and its phone on the positions page (credentials read off the screen),
     * the operator seated there; SIPp registers with what the page showed and the page says so; the operator logs in
     * with the temporary password, must choose her own, says READY with F2, and a caller in Sleman is answered by her
     * phone while her console shows the call.
     */
    @Test
    void aPolresSetUpInTheConsolesAnswersA110Call() {
        String temporary;
        String sipUser;
        String sipPassword;
        int phonePort = SipTestPorts.free();
        try (Browser admin = Browser.open(port, false)) {
            WebDriver d = admin.driver();
            AdminConsoleTests.logIn(admin, "admin.diy", "rahasia-diy");
            admin.await("the users page", w -> w.getCurrentUrl().endsWith("/admin/") && AdminConsoleTests.ready(w));
            d.findElement(By.tagName("body")).sendKeys("n");
            admin.await("the new user form", w -> w.findElement(By.id("edit")).isDisplayed());
            d.switchTo().activeElement().sendKeys("operator.sleman6");
            d.findElement(By.id("e-name")).sendKeys("Bripda Dewi Lestari");
            new Select(d.findElement(By.id("e-station"))).selectByValue("POLRES-3404");
            d.findElement(By.id("e-name")).sendKeys(Keys.ENTER);
            admin.await("the temporary password", w -> w.findElement(By.id("secret")).isDisplayed());
            temporary = d.findElement(By.id("secret-value")).getText();
            d.switchTo().activeElement().sendKeys(Keys.ENTER);
            admin.await("the dialog closed", w -> !w.findElement(By.id("secret")).isDisplayed());

            admin.go("/admin/positions.html");
            admin.await("the positions page", w -> w.findElement(By.id("positions")).getText().contains("OP-DIY-1"));
            new Select(d.findElement(By.id("station"))).selectByValue("POLRES-3404");
            admin.await("Sleman's positions", w -> w.findElement(By.id("positions")).getText().contains("OP-3404-1"));
            ((JavascriptExecutor) d).executeScript("document.activeElement.blur()");
            new Actions(d).sendKeys("n").perform();
            admin.await("the new position dialog", w -> w.findElement(By.id("position-dialog")).isDisplayed());
            new Actions(d).sendKeys("OP-3404-6").sendKeys(Keys.TAB).sendKeys(Keys.TAB).sendKeys("Meja 6 Sleman").sendKeys(Keys.ENTER).perform();
            String row = "tr[data-position='OP-3404-6']";
            admin.await("the new position listed", w -> w.findElement(By.cssSelector(row)).getText().contains("Meja 6 Sleman"));

            action(d, row, "Telepon").click();
            admin.await("the phone dialog", w -> w.findElement(By.id("phone-dialog")).isDisplayed());
            new Actions(d).sendKeys(Keys.ENTER).perform();
            admin.await("the credentials, once", w -> w.findElement(By.id("credentials-dialog")).isDisplayed()
                    && w.findElement(By.id("cred-password")).getText().length() == 20);
            sipUser = d.findElement(By.id("cred-user")).getText();
            sipPassword = d.findElement(By.id("cred-password")).getText();
            d.findElement(By.id("credentials-done")).click();
            admin.await("the credentials dialog closed", w -> !w.findElement(By.id("credentials-dialog")).isDisplayed());

            action(d, row, "Tempatkan operator").click();
            admin.await("the seat dialog", w -> w.findElement(By.id("seat-dialog")).isDisplayed());
            d.findElement(By.id("seat-username")).sendKeys("operator.sleman6\n");
            admin.await("the operator seated", w -> w.findElement(By.cssSelector(row)).getText().contains("operator.sleman6"));

            assertThat(register(sipUser, sipPassword, phonePort, "600")).isZero();
            d.navigate().refresh();
            new Select(admin.await("the station list", w -> w.findElement(By.id("station")))).selectByValue("POLRES-3404");
            admin.await("the page sees the phone registered", w -> w.findElement(By.cssSelector(row)).getText().contains("Terdaftar di"));
            admin.screenshot("polres-setup-position-registered");
            assertThat(admin.contentSecurityPolicyViolations()).isEmpty();
        }
        try (Browser operator = Browser.open(port, false)) {
            WebDriver d = operator.driver();
            AdminConsoleTests.logIn(operator, "operator.sleman6", temporary);
            operator.await("the password page", w -> w.getCurrentUrl().endsWith("/account/password") && w.findElement(By.id("forced")).isDisplayed());
            d.findElement(By.id("current")).sendKeys(temporary);
            d.findElement(By.id("new")).sendKeys("Kaliurang-Pagi-110");
            d.findElement(By.id("repeat")).sendKeys("Kaliurang-Pagi-110\n");
            operator.await("the operator console", w -> w.getCurrentUrl().endsWith("/operator/") && AdminConsoleTests.ready(w));
            new Actions(d).sendKeys(Keys.F2).perform();
            operator.await("the operator is READY", w -> "READY".equals(w.findElement(By.id("presence")).getDomAttribute("data-presence")));

            Map<String, String> caller = new HashMap<>(Map.of("lat", "-7.71560", "lon", "110.35580", "caller", "081200000616"));
            try (Sipp phone = Sipp.phone("phone-answer.xml", phonePort, 1, 300);
                 Sipp call = Sipp.caller("caller-pidf.xml", SipTestPorts.free(), EDGE, "110", caller, 3000, 1)) {
                operator.await("the console shows the call on her phone", w -> "BUSY".equals(w.findElement(By.id("presence")).getDomAttribute("data-presence"))
                        && w.findElement(By.id("call-number")).getText().equals("081200000616"));
                operator.screenshot("polres-setup-operator-answered");
                assertThat(call.await(40)).as(call.output()).isZero();
                assertThat(phone.await(40)).as(phone.output()).isZero();
            }
            assertThat(answered("+6281200000616")).contains("\"operator\":\"OP-3404-6\"").contains("\"station\":\"POLRES-3404\"");
            assertThat(operator.contentSecurityPolicyViolations()).isEmpty();
        } finally {
            register(sipUser, sipPassword, phonePort, "0");
            new Http(port).put("/api/admin/positions/OP-3404-6/enabled", "{\"enabled\":false}", AUTH, DIY_ADMIN);
        }
    }

    /** The button of a position's row with this label. */
    private static WebElement action(WebDriver d, String row, String label) {
        return d.findElement(By.cssSelector(row + " td.actions")).findElements(By.tagName("button")).stream()
                .filter(b -> b.getText().equals(label)).findFirst().orElseThrow(() -> new AssertionError("no button " + label + " in " + row));
    }

    private int register(String user, String password, int contactPort, String expires) {
        try (Sipp register = Sipp.client("register.xml", SipTestPorts.free(), EDGE, Map.of("user", user, "contact_port", String.valueOf(contactPort),
                "expires", expires), List.of("-au", user, "-ap", password))) {
            int exit = register.await(30);
            assertThat(exit).as(register.output()).isZero();
            return exit;
        }
    }

    /** The CallAnswered payload of the call from this number, once it is journalled. */
    private String answered(String callerNumber) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            List<JournalEntry> entries = new ArrayList<>();
            journal.scan(Journal.DEFAULT_NODE, 1, entries::add);
            String call = entries.stream().filter(e -> e.type().equals("CallOffered") && e.payload().contains("\"caller\":\"" + callerNumber + "\""))
                    .map(JournalEntry::subjectId).reduce((a, b) -> b).orElse(null);
            if (call != null) {
                var answer = entries.stream().filter(e -> e.type().equals("CallAnswered") && e.subjectId().equals(call)).findFirst();
                if (answer.isPresent()) {
                    return answer.get().payload();
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return "";
    }
}
