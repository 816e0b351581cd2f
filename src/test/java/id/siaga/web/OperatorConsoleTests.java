package id.siaga.web;

import static id.siaga.web.CallDriver.IN_SLEMAN;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.app.PresenceService;
import id.siaga.dispatch.DispatchDesk;
import id.siaga.incident.IncidentId;
import id.siaga.org.OperatorId;
import id.siaga.org.Presence;
import id.siaga.support.Browser;
import id.siaga.telephony.CallCoordinator;
import id.siaga.telephony.CallId;
import id.siaga.tracking.Position;
import id.siaga.tracking.PositionSource;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The operator console in a real browser, from the keyboard alone: Polres Sleman's operator logs in and goes READY
 * with F2; a caller who rang before dials 110 from Sleman and the call shows at once (banner, number, station
 * chain, tier, waiting time, the earlier call and its outcome); the operator answers on the phone and the console
 * pops the call into the report form; the report is typed (type, priority, address, notes) while the form warns
 * that the same caller's earlier theft report nearby may be the same incident; Ctrl+Enter saves it, Sleman's
 * patrol car (which just reported its GPS position) is recommended with its ETA, above Kota Yogyakarta's car marked as a
 * neighbour's unit (Kota's foot post 8.6 km away is no candidate), and sent with Enter; the
 * assignment, the unit board, the open incidents and the clock against 10:00 follow; the English switch translates
 * the page. When Kota sends its car elsewhere, the console says in a sentence that nothing suitable is free. A caller who hung up while it rang becomes a call-back task, claimed and closed from the keyboard.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:operatorconsoletests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/operatorconsoletests-spool.jsonl", "siaga.telephony.enabled=false",
        "siaga.tracking.osmand-port=0"})
class OperatorConsoleTests {

    static final String AUTH = "Authorization";
    static final String SLEMAN_OPERATOR_2 = Http.basic("operator.sleman2", "siaga110");
    static final String CALLER = "+6281200300001";

    @LocalServerPort
    int port;
    @Autowired
    CallCoordinator coordinator;
    @Autowired
    PresenceService presence;
    @Autowired
    DispatchDesk desk;

    @Test
    void anOperatorTakesACallFromTheRingToTheDispatchWithTheKeyboardAlone() {
        Http http = new Http(port);
        CallDriver calls = new CallDriver(coordinator, presence);
        // the same caller rang an hour's work ago: the other Sleman operator answered and reported a theft there
        calls.ready("OP-3404-2");
        CallId first = calls.dial(CALLER, IN_SLEMAN, "OP-3404-2");
        calls.answer(first, "OP-3404-2");
        JsonNode earlier = http.post("/api/incidents", "{\"type\":\"THEFT\",\"callId\":\"" + first.value() + "\",\"address\":\"Jl. Kaliurang km 5\"}",
                AUTH, SLEMAN_OPERATOR_2).json();
        calls.hangUp(first);
        presence.change(new OperatorId("OP-3404-2"), Presence.AWAY, "test");
        CallDriver.await("the first call is in the history", () -> http.get("/api/calls/history?caller=" + "0" + CALLER.substring(3), AUTH,
                SLEMAN_OPERATOR_2).json().size() == 1);
        // Sleman's patrol car reports its position 1.5 km from the caller
        Instant now = Instant.now();
        desk.positionAccepted(new Position("SLM-R4-01", "sleman-r4-01", now, -7.7250, 110.3650, 0.0, null, null, 5.0, null,
                PositionSource.MQTT, now));
        // Kota Yogyakarta's car 3 km away, a neighbour's unit; Pos Malioboro, Kota's foot post, 8.6 km away: no candidate
        desk.positionAccepted(new Position("YK-R4-01", "860001710000101", now, -7.7420, 110.3600, 0.0, null, null, 5.0, null,
                PositionSource.MQTT, now));
        desk.positionAccepted(new Position("YK-PJK-01", "860001710000301", now, -7.7926, 110.3658, 0.0, null, null, 5.0, null,
                PositionSource.MQTT, now));

        try (Browser browser = Browser.open(port, false)) {
            WebDriver d = browser.driver();
            browser.go("/operator/");
            browser.await("the login page", w -> !w.findElements(By.id("username")).isEmpty());
            d.findElement(By.id("username")).sendKeys("operator.sleman1");
            d.findElement(By.id("password")).sendKeys("siaga110\n");
            browser.await("the console is ready", w -> "true".equals(w.findElement(By.tagName("body")).getAttribute("data-ready")));
            // the unit board counts how long each unit has been in its status, with no incident open (it once froze then)
            String since = "#units tr[data-id='SLM-R4-01'] [data-since]";
            String sinceBefore = browser.await("the unit board", w -> css(w, since).isEmpty() ? null : css(w, since));
            browser.await("the unit board's time runs", w -> !css(w, since).equals(sinceBefore));
            keys(d).sendKeys(Keys.F2).perform();
            browser.await("the operator is READY", w -> "READY".equals(w.findElement(By.id("presence")).getAttribute("data-presence")));
            assertThat(text(d, "presence")).isEqualTo("SIAP");

            CallId call = calls.dial(CALLER, IN_SLEMAN, "OP-3404-1");
            browser.await("the ringing call shows", w -> w.findElement(By.id("alert")).isDisplayed() && text(w, "alert").contains("081200300001"));
            assertThat(text(d, "alert")).contains("BERDERING DI POSISI ANDA");
            assertThat(text(d, "queue")).contains("081200300001").contains("Polres Sleman").contains("Berdering");
            assertThat(text(d, "call-number")).isEqualTo("081200300001");
            browser.await("the station chain", w -> text(w, "call-chain").equals("Polres Sleman → Polda DIY → Mabes Polri"));
            assertThat(text(d, "call-tier")).as("rings at its own Polres").isEqualTo("0");
            assertThat(text(d, "call-waiting")).matches("\\d+:\\d\\d");
            assertThat(text(d, "call-location")).contains("-7.71560, 110.35580").contains("±12 m (GPS ponsel, dari jaringan seluler)");
            browser.await("the caller's earlier call", w -> text(w, "call-history").contains("Diangkat") && text(w, "call-history").contains("OP-3404-2"));
            browser.screenshot("operator-ringing");
            noCodesOnScreen(d, "while the call rings");

            calls.answer(call, "OP-3404-1");
            browser.await("the call pops into the report form", w -> "type-input".equals(w.switchTo().activeElement().getAttribute("id")));
            assertThat(d.findElement(By.id("priority")).getAttribute("value")).as("no priority before a type").isEmpty();
            browser.await("the operator is BUSY on the call", w -> "BUSY".equals(w.findElement(By.id("presence")).getAttribute("data-presence")));
            assertThat(d.findElement(By.id("alert")).isDisplayed()).as("nothing rings any more").isFalse();
            keys(d).sendKeys("pencuri").sendKeys(Keys.TAB).perform();
            browser.await("the priority follows the type", w -> "priority".equals(w.switchTo().activeElement().getAttribute("id")));
            assertThat(d.findElement(By.id("type-input")).getAttribute("value")).isEqualTo("Pencurian");
            assertThat(d.findElement(By.id("priority")).getAttribute("value")).isEqualTo("3");
            keys(d).sendKeys("2").sendKeys(Keys.TAB).sendKeys("Jl. Kaliurang km 5, parkiran").sendKeys(Keys.TAB)
                    .sendKeys("Sepeda motor dicuri, pelaku lari ke utara").perform();
            browser.await("the duplicate warning", w -> w.findElement(By.id("duplicates")).isDisplayed()
                    && text(w, "duplicates").contains("#" + earlier.path("id").asString().substring(0, 8)));
            assertThat(text(d, "duplicates")).contains("Mungkin sama").contains("Pencurian");
            browser.screenshot("operator-incident");

            keys(d).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
            browser.await("the incident and its recommendation", w -> text(w, "incident-title").contains("Pencurian")
                    && text(w, "recommend").contains("Patroli Sleman 1"));
            JsonNode incident = http.get("/api/incidents?callId=" + call.value(), AUTH, SLEMAN_OPERATOR_2).json().get(0);
            assertThat(incident.path("priority").asInt()).isEqualTo(2);
            assertThat(incident.path("address").asString()).isEqualTo("Jl. Kaliurang km 5, parkiran");
            String reference = "#" + incident.path("id").asString().substring(0, 8);
            assertThat(text(d, "incident-title")).contains(reference).contains("P2").doesNotContain(incident.path("id").asString());
            assertThat(text(d, "recommend")).contains("ETA");
            browser.await("the neighbour's car is marked with its station's name", w -> text(w, "recommend")
                    .contains("Patroli Kota 1 · Mobil patroli · 3.0 km"));
            assertThat(text(d, "recommend")).contains("Unit tetangga: Polres Kota Yogyakarta · minta lewat radio")
                    .as("a foot post 8.6 km away is not proposed").doesNotContain("Pos Malioboro");
            assertThat(css(d, "#recommend li[data-id='SLM-R4-01']")).as("Sleman's own car is not a neighbour's").doesNotContain("tetangga");
            assertThat(d.switchTo().activeElement().getAttribute("id")).as("the recommendation has the keyboard").isEqualTo("recommend");
            browser.await("both thefts are among the open incidents", w -> text(w, "open-incidents").split("Pencurian", -1).length - 1 == 2);
            browser.await("the clock runs against 10:00", w -> text(w, "clock").matches("\\d+:\\d\\d / 10:00 · berjalan"));

            keys(d).sendKeys(Keys.ENTER).perform();
            browser.await("the car is dispatched", w -> text(w, "assignments").contains("Patroli Sleman 1")
                    && text(w, "assignments").contains("Menunggu konfirmasi"));
            assertThat(http.get("/api/incidents/" + incident.path("id").asString() + "/assignments", AUTH, SLEMAN_OPERATOR_2).json()
                    .get(0).path("unitId").asString()).isEqualTo("SLM-R4-01");
            browser.await("the unit board follows", w -> css(w, "#units tr[data-id='SLM-R4-01']").contains("Ditugaskan")
                    && css(w, "#units tr[data-id='SLM-R4-01']").contains("Pencurian " + reference));
            assertThat(css(d, "#units tr[data-id='SLM-R4-01']")).contains("Mobil patroli · Polres Sleman");
            browser.await("the clock shows the dispatch", w -> text(w, "clock-steps").contains("Tugaskan"));
            browser.screenshot("operator-dispatch");
            noCodesOnScreen(d, "after the dispatch");

            keys(d).sendKeys("l").perform();
            browser.await("the page speaks English", w -> css(w, "header h1").contains("Operator console"));
            assertThat(text(d, "presence")).isEqualTo("BUSY");
            browser.await("the clock too", w -> text(w, "clock").endsWith("running"));
            assertThat(text(d, "assignments")).contains("Awaiting acknowledgement");
            browser.await("the incident's type too", w -> text(w, "incident-title").contains("Theft"));
            assertThat(css(d, "#units tr[data-id='SLM-R4-01']")).contains("Patrol car · Polres Sleman").contains("Theft " + reference);
            assertThat(text(d, "open-incidents")).contains("Theft").doesNotContain("Pencurian");
            browser.await("the neighbour's unit in English", w -> text(w, "recommend").contains("Neighbouring station's unit: Polres Kota Yogyakarta"));
            noCodesOnScreen(d, "in English");
            // the console as a 360-pixel phone shows it, to be looked at (the console is made for a desk's screen)
            ((ChromeDriver) d).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 360, "height", 780, "deviceScaleFactor", 1, "mobile", true));
            browser.screenshot("operator-360");
            ((ChromeDriver) d).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            // asked by radio, Kota's dispatcher sends its car to the theft too: nothing suitable is left, and the console says so
            desk.assign(new IncidentId(incident.path("id").asString()), "YK-R4-01", "dispatcher.kota");
            keys(d).sendKeys("l").perform();
            browser.await("nothing suitable is free, said plainly", w -> text(w, "recommend").startsWith(
                    "Tidak ada unit bebas dalam jangkauan. Yang terdekat, Pos Malioboro (Jalan kaki, Polres Kota Yogyakarta), berjarak 8.6 km"));
            assertThat(text(d, "recommend")).contains("di luar batas 1.5 km untuk jenisnya").contains("1 unit Polres Sleman sedang bertugas.");
            browser.screenshot("operator-nothing-suitable");
            noCodesOnScreen(d, "when nothing suitable is free");
        }
    }

    @Test
    void aCallerWhoHungUpIsCalledBackFromTheKeyboard() {
        CallDriver calls = new CallDriver(coordinator, presence);
        calls.ready("OP-3404-2");
        CallId gaveUp = calls.dial("+6281200300002", IN_SLEMAN, "OP-3404-2");
        try (Browser browser = Browser.open(port, false)) {
            WebDriver d = browser.driver();
            browser.go("/operator/");
            browser.await("the login page", w -> !w.findElements(By.id("username")).isEmpty());
            d.findElement(By.id("username")).sendKeys("operator.sleman2");
            d.findElement(By.id("password")).sendKeys("siaga110\n");
            browser.await("the console is ready", w -> "true".equals(w.findElement(By.tagName("body")).getAttribute("data-ready")));
            browser.await("the call rings", w -> text(w, "queue").contains("081200300002"));

            calls.callerHangsUp(gaveUp);
            browser.await("the call-back task shows", w -> text(w, "callbacks").contains("081200300002"));
            browser.await("the queue empties", w -> !text(w, "queue").contains("081200300002"));
            String row = "#callbacks li:first-child";
            browser.await("the task is open", w -> css(w, row).contains("Belum diambil"));
            keys(d).sendKeys("b").sendKeys(Keys.ARROW_DOWN).sendKeys(Keys.ENTER).perform();
            browser.await("the task is claimed", w -> css(w, row).contains("diambil operator.sleman2"));
            keys(d).sendKeys(Keys.ENTER).perform();
            browser.await("the outcome is asked", w -> {
                try {
                    w.switchTo().alert();
                    return true;
                } catch (org.openqa.selenium.NoAlertPresentException e) {
                    return false;
                }
            });
            d.switchTo().alert().sendKeys("Penelepon aman, salah tekan");
            d.switchTo().alert().accept();
            browser.await("the task is closed", w -> !text(w, "callbacks").contains("081200300002"));
        } finally {
            presence.change(new OperatorId("OP-3404-2"), Presence.AWAY, "test");
        }
    }

    /** Station ids, unit kinds, location sources and incident ids are the system's words: people read names. */
    static final Pattern CODES = Pattern.compile(
            "POL(RES|SEK|DA)-\\d+|PATROL_CAR|MOTORBIKE|PIDF_LO|CELL_ID|NUMBER_PREFIX|\\b\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}\\b");

    static void noCodesOnScreen(WebDriver d, String when) {
        String visible = css(d, "body");
        assertThat(CODES.matcher(visible).results().map(m -> m.group()).toList()).as("codes on screen " + when + ":\n" + visible).isEmpty();
    }

    static Actions keys(WebDriver d) {
        return new Actions(d);
    }

    /** The element's text, read in one step in the page (the console redraws its lists while the test reads them). */
    static String text(WebDriver d, String id) {
        return css(d, "#" + id);
    }

    static String css(WebDriver d, String selector) {
        Object text = ((JavascriptExecutor) d).executeScript(
                "const e = document.querySelector(arguments[0]); return e ? e.innerText.trim() : '';", selector);
        return String.valueOf(text);
    }
}
