package id.siaga.web;

import static id.siaga.web.CallDriver.IN_BANTUL;
import static id.siaga.web.CallDriver.IN_SLEMAN;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.app.PresenceService;
import id.siaga.org.OperatorId;
import id.siaga.org.Presence;
import id.siaga.org.PresenceBoard;
import id.siaga.support.Browser;
import id.siaga.telephony.CallCoordinator;
import id.siaga.telephony.CallId;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

/**
 * The supervisor board of Polda DIY, over real HTTP and in a real browser, with the test playing the phones. Today
 * in Polda DIY: a Sleman caller answered after 7 s, another after 14 s; a third call Polres Sleman let ring (Bripka
 * Rina Wulandari's phone) climbs to Polda DIY, which answers it after about half a minute; a Bantul caller gives up.
 * The figures say exactly that (a third within 10 s, two thirds within 15 and 20 s, one abandoned of four, one
 * escalation from Polres Sleman naming who let it ring); Brigpol Hendra Saputra declines a call (603), which is named
 * beside those who let calls ring, while a phone that merely failed (480) is not; five Polisiku reports give the time to
 * on-scene (one unit in 7 minutes, one in 12, two incidents still waiting past 10 minutes, listed oldest first);
 * a Polres operator gets no board; the board in the browser
 * shows the same and moves by itself when another call is answered. The service's clock runs with the wall clock
 * but can be moved on, so "after 14 s" is 14 s in the service's eyes; Polres ring for 3 s so the escalation is quick.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:supervisorboardtests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/supervisorboardtests-spool.jsonl", "siaga.telephony.enabled=false",
        "siaga.routing.polres-ring-time=3s"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SupervisorBoardTests {

    static final String AUTH = "Authorization";
    static final String DIY_SUPERVISOR = Http.basic("supervisor.diy", "siaga110");
    static final String SLEMAN_OPERATOR = Http.basic("operator.sleman1", "siaga110");
    static final String ADMIN = Http.basic("admin", "siaga110");

    @TestConfiguration
    static class MovableTime {
        @Bean
        @Primary
        IncidentApiTests.ShiftableClock shiftableClock() {
            return new IncidentApiTests.ShiftableClock();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    CallCoordinator coordinator;
    @Autowired
    PresenceService presence;
    @Autowired
    PresenceBoard board;
    @Autowired
    IncidentApiTests.ShiftableClock clock;

    Http http;
    CallDriver calls;
    /** The assault reported in the on-scene story, still waiting for a unit when the board opens in the browser. */
    static String waitingAssault;

    @BeforeEach
    void phonesAndOperators() {
        http = new Http(port);
        calls = new CallDriver(coordinator, presence);
        calls.ready("OP-3404-1", "OP-3402-1");
    }

    @Test
    @Order(1)
    void todaysFiguresCountTheAnswersTheAbandonedCallAndWhoLetTheEscalatedCallRing() {
        answeredAfter("+6281200400001", Duration.ofSeconds(7));
        answeredAfter("+6281200400002", Duration.ofSeconds(14));
        escalatedThenAnsweredAtPoldaDiy("+6281200400003");
        CallId gaveUp = calls.dial("+6281200400004", IN_BANTUL, "OP-3402-1");
        calls.callerHangsUp(gaveUp);

        JsonNode f = CallDriver.awaitValue("the board counts four calls", () -> http.get("/api/supervision/board", AUTH, DIY_SUPERVISOR).json(),
                b -> b.path("answers").path("offered").asInt() == 4 && b.path("escalations").path("total").asInt() == 1);

        assertThat(f.path("station").asString()).isEqualTo("POLDA-DIY");
        assertThat(f.path("zone").asString()).isEqualTo("WIB");
        assertThat(f.path("targets").path("answeredWithin10sPercent").asDouble()).isEqualTo(90.0);
        JsonNode answers = f.path("answers");
        assertThat(answers.path("answered").asInt()).isEqualTo(3);
        assertThat(answers.path("abandoned").asInt()).isEqualTo(1);
        assertThat(answers.path("abandonedPercent").asDouble()).isEqualTo(25.0);
        assertThat(answers.path("within10Percent").asDouble()).as("7 s; not 14 s nor ~33 s").isEqualTo(33.3);
        assertThat(answers.path("within15Percent").asDouble()).isEqualTo(66.7);
        assertThat(answers.path("within20Percent").asDouble()).isEqualTo(66.7);
        assertThat(answers.path("medianSeconds").asDouble()).isBetween(14.0, 14.5);
        int[] buckets = new int[7];
        for (int i = 0; i < 7; i++) {
            buckets[i] = answers.path("distribution").get(i).path("count").asInt();
        }
        assertThat(buckets).as("5-10 s, 10-15 s, 30-60 s").containsExactly(0, 1, 1, 0, 0, 1, 0);
        assertThat(sum(f.path("answeredByHour"))).isEqualTo(3);
        assertThat(sum(f.path("abandonedByHour"))).isEqualTo(1);

        JsonNode sleman = f.path("escalations").path("byStation").get(0);
        assertThat(sleman.path("station").asString()).isEqualTo("POLRES-3404");
        assertThat(sleman.path("escalations").asInt()).isEqualTo(1);
        assertThat(sleman.path("operators").get(0).path("operator").asString()).isEqualTo("OP-3404-1");
        assertThat(sleman.path("operators").get(0).path("name").asString()).isEqualTo("Bripka Rina Wulandari");
        assertThat(sleman.path("operators").get(0).path("username").asString()).isEqualTo("operator.sleman1");
        assertThat(sum(f.path("escalations").path("byHour"))).isEqualTo(1);
        assertThat(f.path("ringing").size()).isZero();
        assertThat(f.path("truncated").asBoolean()).isFalse();

        assertThat(http.get("/api/supervision/board", AUTH, SLEMAN_OPERATOR).status()).as("operators get no board").isEqualTo(403);
        JsonNode national = http.get("/api/supervision/board", AUTH, ADMIN).json();
        assertThat(national.path("station").asString()).isEqualTo("MABES");
        assertThat(national.path("answers").path("offered").asInt()).as("Mabes sees Polda DIY's calls too").isEqualTo(4);
    }

    @Test
    @Order(2)
    void aRingingCallShowsWithItsTier() {
        CallId ringing = calls.dial("+6281200400005", IN_BANTUL, "OP-3402-1");
        try {
            JsonNode f = http.get("/api/supervision/board", AUTH, DIY_SUPERVISOR).json();
            assertThat(f.path("ringing").size()).isEqualTo(1);
            assertThat(f.path("ringing").get(0).path("call").asString()).isEqualTo(ringing.value());
            assertThat(f.path("ringing").get(0).path("tier").asInt()).isZero();
            assertThat(f.path("ringing").get(0).path("stationName").asString()).isNotBlank();
            assertThat(f.path("ringing").get(0).has("callerNumber")).as("no caller data on the board").isFalse();
            assertThat(f.path("ringingByTier").path("0").asInt()).isEqualTo(1);
        } finally {
            calls.callerHangsUp(ringing);
        }
    }

    @Test
    @Order(3)
    void anOperatorWhoDeclinesACallIsNamedBesideThoseWhoLetCallsRing() {
        calls.ready("OP-3404-2");
        try {
            CallId declined = calls.dial("+6281200400007", IN_SLEMAN, "OP-3404-2");
            CallDriver.await("both Sleman phones ring", () -> calls.phones.rang(declined, "OP-3404-1"));
            calls.phones.decline(declined, "OP-3404-2", 603);
            calls.answer(declined, "OP-3404-1");
            calls.hangUp(declined);
            CallDriver.await("OP-3404-1 is off the call", () -> board.presenceOf(new OperatorId("OP-3404-1")) != Presence.BUSY);

            clock.advance(Duration.ofSeconds(11)); // past the rest a phone gets after refusing a call
            CallId failed = calls.dial("+6281200400008", IN_SLEMAN, "OP-3404-2");
            CallDriver.await("both Sleman phones ring", () -> calls.phones.rang(failed, "OP-3404-1"));
            calls.phones.fail(failed, "OP-3404-2", 480);
            calls.answer(failed, "OP-3404-1");
            calls.hangUp(failed);
            CallDriver.await("OP-3404-1 is off the call", () -> board.presenceOf(new OperatorId("OP-3404-1")) != Presence.BUSY);
        } finally {
            presence.change(new OperatorId("OP-3404-2"), Presence.OFFLINE, "test");
        }

        JsonNode f = CallDriver.awaitValue("the board counts the declined call", () -> http.get("/api/supervision/board", AUTH, DIY_SUPERVISOR).json(),
                b -> b.path("answers").path("offered").asInt() == 7 && b.path("declines").path("total").asInt() > 0);
        JsonNode declines = f.path("declines");
        assertThat(declines.path("total").asInt()).as("603 is a decline; 480 (no phone there) is not").isEqualTo(1);
        JsonNode sleman = declines.path("byStation").get(0);
        assertThat(sleman.path("station").asString()).isEqualTo("POLRES-3404");
        assertThat(sleman.path("name").asString()).contains("Sleman");
        assertThat(sleman.path("operators").size()).isEqualTo(1);
        assertThat(sleman.path("operators").get(0).path("operator").asString()).isEqualTo("OP-3404-2");
        assertThat(sleman.path("operators").get(0).path("name").asString()).isEqualTo("Brigpol Hendra Saputra");
        assertThat(sleman.path("operators").get(0).path("username").asString()).isEqualTo("operator.sleman2");
        assertThat(sleman.path("operators").get(0).path("declined").asInt()).isEqualTo(1);
        assertThat(f.path("escalations").path("total").asInt()).as("the declined call was answered at Sleman: no escalation").isEqualTo(1);
        assertThat(http.get("/api/supervision/board", AUTH, ADMIN).json().path("declines").path("total").asInt()).isEqualTo(1);
        assertThat(http.get("/api/supervision/board", AUTH, Http.basic("supervisor.bantul", "siaga110")).json().path("declines").path("total")
                .asInt()).as("Bantul's supervisor sees only Bantul").isZero();
    }

    /**
     * Five reports from Polisiku in Sleman: a theft a motorbike reaches after 7 minutes (within the target), a traffic
     * accident a car reaches after 12 (missed), an assault and, 5 s later, a brawl nobody has reached after 12 minutes
     * (overdue, the assault first: it waits longest), and an information request that needs no unit.
     */
    @Test
    @Order(4)
    void timeToOnSceneCountsTodaysArrivalsAndListsTheIncidentsStillWaitingPastTenMinutesOldestFirst() {
        String theft = report("THEFT", -7.7180, 110.3590, "PLK-SV-1");
        String accident = report("TRAFFIC_ACCIDENT", -7.7300, 110.3700, "PLK-SV-2");
        String assault = report("ASSAULT", -7.7400, 110.3800, "PLK-SV-3");
        waitingAssault = assault;
        clock.advance(Duration.ofSeconds(5));
        String brawl = report("BRAWL", -7.7500, 110.3900, "PLK-SV-4");
        report("INFORMATION_REQUEST", -7.7600, 110.4000, "PLK-SV-5");
        send(theft, "SLM-R2-01");
        send(accident, "SLM-R4-02");

        JsonNode before = http.get("/api/supervision/board", AUTH, DIY_SUPERVISOR).json().path("onScene");
        assertThat(before.path("incidents").asInt()).isEqualTo(5);
        assertThat(before.path("reachedOnScene").asInt()).isZero();
        assertThat(before.path("withinTargetPercent").asDouble(-1)).as("no share before anyone arrived").isEqualTo(-1);
        assertThat(before.path("overdue").size()).as("nobody waits 10 minutes yet").isZero();

        clock.advance(Duration.ofMinutes(7));
        arrived("SLM-R2-01");
        clock.advance(Duration.ofMinutes(5));
        arrived("SLM-R4-02");

        JsonNode f = http.get("/api/supervision/board", AUTH, DIY_SUPERVISOR).json();
        JsonNode onScene = f.path("onScene");
        assertThat(f.path("targets").path("onSceneWithinMinutes").asInt()).isEqualTo(10);
        assertThat(onScene.path("incidents").asInt()).isEqualTo(5);
        assertThat(onScene.path("reachedOnScene").asInt()).isEqualTo(2);
        assertThat(onScene.path("withinTarget").asInt()).isEqualTo(1);
        assertThat(onScene.path("withinTargetPercent").asDouble()).isEqualTo(50.0);
        assertThat(onScene.path("medianMinutes").asDouble()).as("nearest rank of 7 and 12 minutes").isBetween(7.0, 7.5);
        JsonNode overdue = onScene.path("overdue");
        assertThat(overdue.size()).as("the assault and the brawl; not the information request").isEqualTo(2);
        assertThat(overdue.get(0).path("incident").asString()).isEqualTo(assault);
        assertThat(overdue.get(0).path("type").asString()).isEqualTo("Penganiayaan");
        assertThat(overdue.get(0).path("stationName").asString()).contains("Sleman");
        assertThat(overdue.get(0).path("minutesWaiting").asDouble()).isGreaterThanOrEqualTo(12.0);
        assertThat(overdue.get(1).path("incident").asString()).isEqualTo(brawl);
        // shown to a tenth of a minute, so 5 s apart may round alike; the order above is the oldest first
        assertThat(overdue.get(1).path("minutesWaiting").asDouble()).isLessThanOrEqualTo(overdue.get(0).path("minutesWaiting").asDouble());

        JsonNode clock = http.get("/api/incidents/" + accident + "/clock", AUTH, Http.basic("dispatcher.sleman", "siaga110")).json();
        assertThat(clock.path("state").asString()).as("the board agrees with the incident's own clock").isEqualTo("MISSED");
        assertThat(http.get("/api/supervision/board", AUTH, Http.basic("supervisor.bantul", "siaga110")).json().path("onScene")
                .path("incidents").asInt()).as("Bantul's board has none of Sleman's incidents").isZero();
    }

    @Test
    @Order(5)
    void theBoardShowsTheSameFiguresAndMovesByItselfWhenAnotherCallIsAnswered() {
        JsonNode f = http.get("/api/supervision/board", AUTH, DIY_SUPERVISOR).json();
        String answered = f.path("answers").path("answered").asString();
        String abandoned = f.path("answers").path("abandoned").asString();
        try (Browser browser = Browser.open(port, false)) {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1920, 1080));
            browser.go("/login");
            try {
                browser.await("the login form", d -> !d.findElements(By.id("username")).isEmpty());
            } catch (RuntimeException e) {
                browser.screenshot("supervisor-board-login-failed");
                throw new AssertionError("no login form at " + browser.driver().getCurrentUrl() + ": "
                        + browser.driver().getPageSource().substring(0, Math.min(500, browser.driver().getPageSource().length())), e);
            }
            ConsoleAccessTests.logIn(browser, "supervisor.diy");
            browser.await("the supervisor board", d -> d.getCurrentUrl().contains("/supervisor/"));
            browser.await("the board is loaded", d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            browser.await("the answered calls", d -> d.findElement(By.id("answered")).getText().equals(answered));
            assertThat(text(browser, "abandoned")).isEqualTo(abandoned);
            assertThat(Double.parseDouble(text(browser, "within10").replaceAll("[ %]", "").replace(',', '.')))
                    .as("Indonesian decimals").isEqualTo(f.path("answers").path("within10Percent").asDouble());
            assertThat(text(browser, "escalations")).isEqualTo("1");
            assertThat(text(browser, "escalation-rows")).as("the station and who let it ring").contains("Sleman").contains("Bripka Rina Wulandari");
            assertThat(textAt(browser, "#escalation-rows [data-declined]")).as("who declined, beside them")
                    .contains("Brigpol Hendra Saputra");
            assertThat(text(browser, "onscene-within")).as("on scene within 10 minutes").isEqualTo("50%");
            assertThat(text(browser, "onscene-sub")).contains("2").contains("7");
            assertThat(browser.driver().findElements(By.cssSelector("#overdue-rows tr"))).hasSize(2);
            assertThat(text(browser, "overdue-rows")).contains("Penganiayaan").contains("Perkelahian");
            assertThat(textAt(browser, "#overdue-rows tr")).as("oldest first").contains("Penganiayaan");
            assertThat(textAt(browser, "header h1")).contains("Papan Supervisor");
            assertThat(browser.driver().findElements(By.cssSelector("#chart-answers canvas"))).as("the distribution chart").isNotEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("#map .leaflet-overlay-pane canvas, #map .leaflet-overlay-pane path"))).as("the jurisdictions on the map").isNotEmpty();
            browser.await("the live badge", d -> d.findElement(By.id("live")).getDomAttribute("class").contains("ok"));
            browser.screenshot("supervisor-board");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, document.body.scrollHeight)");
            browser.screenshot("supervisor-board-charts-map");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0)");

            answeredAfter("+6281200400006", Duration.ofSeconds(4));
            String more = String.valueOf(Integer.parseInt(answered) + 1);
            browser.await("the answered count moves without a reload", d -> d.findElement(By.id("answered")).getText().equals(more));

            send(waitingAssault, "SLM-R2-02");
            arrived("SLM-R2-02");
            browser.await("the assault leaves the waiting list without a reload", d -> d.findElements(By.cssSelector("#overdue-rows tr")).size() == 1);
            assertThat(text(browser, "overdue-rows")).contains("Perkelahian").doesNotContain("Penganiayaan");
            assertThat(text(browser, "onscene-sub")).as("three arrived now").startsWith("3");

            browser.driver().findElement(By.tagName("body")).sendKeys("l");
            browser.await("English on L", d -> d.findElement(By.cssSelector("header h1")).getText().contains("Supervisor board"));
            browser.driver().findElement(By.tagName("body")).sendKeys("l");
        }
    }

    private String report(String type, double lat, double lon, String reference) {
        Http.Response created = http.post("/api/incidents", """
                {"type":"%s","channel":"POLISIKU","externalReference":"%s","location":{"latitude":%s,"longitude":%s},"address":"Jl. Kaliurang"}
                """.formatted(type, reference, lat, lon), AUTH, Http.basic("aml.gateway", "siaga110"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private void send(String incident, String unit) {
        Http.Response sent = http.post("/api/incidents/" + incident + "/assignments", "{\"unit\":\"" + unit + "\"}", AUTH,
                Http.basic("dispatcher.sleman", "siaga110"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    }

    private void arrived(String unit) {
        Http.Response arrived = http.post("/api/units/" + unit + "/status", "{\"status\":\"ON_SCENE\",\"reason\":\"TIBA\"}", AUTH,
                Http.basic("dispatcher.sleman", "siaga110"));
        assertThat(arrived.status()).as(arrived.body()).isEqualTo(200);
    }

    private static String text(Browser browser, String id) {
        return textAt(browser, "#" + id);
    }

    /** The element's text as it stands; the board re-renders as calls move, so a read that meets a replaced element reads again. */
    private static String textAt(Browser browser, String css) {
        return browser.await("the text of " + css, d -> d.findElement(By.cssSelector(css)).getText());
    }

    private void answeredAfter(String caller, Duration after) {
        CallId call = calls.dial(caller, IN_SLEMAN, "OP-3404-1");
        clock.advance(after);
        calls.answer(call, "OP-3404-1");
        calls.hangUp(call);
        CallDriver.await("OP-3404-1 is off the call", () -> board.presenceOf(new OperatorId("OP-3404-1")) != Presence.BUSY);
    }

    private void escalatedThenAnsweredAtPoldaDiy(String caller) {
        calls.ready("OP-DIY-1");
        try {
            CallId call = calls.dial(caller, IN_SLEMAN, "OP-3404-1");
            CallDriver.await("Polda DIY's phone rings too", () -> calls.phones.rang(call, "OP-DIY-1"));
            clock.advance(Duration.ofSeconds(30));
            calls.answer(call, "OP-DIY-1");
            calls.hangUp(call);
        } finally {
            CallDriver.await("OP-DIY-1 is off the call", () -> board.presenceOf(new OperatorId("OP-DIY-1")) != Presence.BUSY);
            presence.change(new OperatorId("OP-DIY-1"), Presence.OFFLINE, "test");
        }
    }

    private static int sum(JsonNode counts) {
        int n = 0;
        for (JsonNode c : counts) {
            n += c.asInt();
        }
        return n;
    }
}
