package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.org.StationDirectory;
import id.siaga.staffing.StaffingPlans;
import id.siaga.support.Browser;
import id.siaga.telephony.CallId;
import id.siaga.telephony.CallRecord;
import id.siaga.telephony.CallRecord.Outcome;
import id.siaga.telephony.CallRecordStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

/**
 * The staffing plan of Polda DIY over real HTTP and in a real browser, read at noon WIB on Tuesday 3 March 2026 (the
 * planner's clock is fixed there; the rest of the service runs on the wall clock). Polres Kota Yogyakarta has four
 * weeks of the same day: 95 calls, none between 03:00 and 04:00, eight between 19:00 and 20:00, one in five abandoned,
 * three in four of the answered ones a prank of 8 s and the fourth a report of 200 s. Polres Sleman had issue 16's own
 * example yesterday: ten calls between 10:00 and 11:00, each 150 s of talk (180 s with the wrap-up), and a caller who
 * gave up at 13:20; a call this morning is not planned from, as today is still under way. Bantul, Kulon Progo and
 * Gunungkidul had no calls. Expected figures: {@code scripts/staffing/erlang_c_check.py} and the arithmetic in the
 * comments.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:staffingapitests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/staffingapitests-spool.jsonl", "siaga.telephony.enabled=false"})
class StaffingApiTests {

    static final String AUTH = "Authorization";
    static final String DIY_SUPERVISOR = Http.basic("supervisor.diy", "siaga110");
    static final String SLEMAN_OPERATOR = Http.basic("operator.sleman1", "siaga110");
    static final String ADMIN = Http.basic("admin", "siaga110");
    static final Instant NOON_WIB = Instant.parse("2026-03-03T05:00:00Z");
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    /** Polres Kota Yogyakarta's calls per local hour, every day. */
    static final int[] YOGYAKARTA = {2, 1, 1, 0, 1, 1, 2, 3, 4, 5, 5, 6, 6, 5, 5, 5, 5, 6, 7, 8, 7, 5, 3, 2};

    @TestConfiguration
    static class FixedDay {
        @Bean
        @Primary
        StaffingPlans staffingPlansOnTheThirdOfMarch(StationDirectory stations, CallRecordStore records) {
            return new StaffingPlans(stations, records, id.siaga.staffing.CallClasses.NONE,
                    new id.siaga.staffing.GateModel(id.siaga.screening.Reputation.Policy.DEFAULT, 0.5), Duration.ofSeconds(30),
                    Clock.fixed(NOON_WIB, ZoneOffset.UTC));
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    CallRecordStore records;

    Http http;
    static boolean kept;

    @BeforeEach
    void history() {
        http = new Http(port);
        if (kept) {
            return;
        }
        LocalDate today = NOON_WIB.atZone(WIB).toLocalDate();
        for (int d = 1; d <= 28; d++) {
            LocalDate day = today.minusDays(d);
            for (int hour = 0; hour < 24; hour++) {
                for (int k = 0; k < YOGYAKARTA[hour]; k++) {
                    Instant offered = day.atTime(hour, 7 * k).atZone(WIB).toInstant();
                    String id = "yk-" + day + "-" + hour + "-" + k;
                    records.save(k % 5 == 4 ? abandoned(id, "POLRES-3471", offered)
                            : answered(id, "POLRES-3471", offered, Duration.ofSeconds(k % 4 == 0 ? 200 : 8)));
                }
            }
        }
        LocalDate yesterday = today.minusDays(1);
        for (int i = 0; i < 10; i++) {
            records.save(answered("sl-" + i, "POLRES-3404", yesterday.atTime(10, 6 * i).atZone(WIB).toInstant(), Duration.ofSeconds(150)));
        }
        records.save(abandoned("sl-gave-up", "POLRES-3404", yesterday.atTime(13, 20).atZone(WIB).toInstant()));
        records.save(answered("sl-today", "POLRES-3404", today.atTime(9, 0).atZone(WIB).toInstant(), Duration.ofSeconds(60)));
        kept = true;
    }

    @Test
    void thePoldaSupervisorGetsAPlanPerStationAndHourOfItsSubtree() {
        Http.Response r = http.get("/api/staffing", AUTH, DIY_SUPERVISOR);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode s = r.json();
        assertThat(s.path("station").asString()).isEqualTo("POLDA-DIY");
        assertThat(s.path("days").asInt()).isEqualTo(28);
        assertThat(s.path("wrapUpSeconds").asInt()).isEqualTo(30);
        assertThat(s.path("targets").get(0).path("percent").asDouble()).isEqualTo(90.0);
        assertThat(s.path("targets").get(0).path("withinSeconds").asInt()).isEqualTo(10);
        assertThat(s.path("targets").get(1).path("percent").asDouble()).isEqualTo(95.0);
        assertThat(s.path("targets").get(1).path("withinSeconds").asInt()).isEqualTo(20);
        List<String> ids = new ArrayList<>();
        s.path("stations").forEach(p -> ids.add(p.path("station").asString()));
        assertThat(ids).hasSize(6).startsWith("POLDA-DIY").contains("POLRES-3471", "POLRES-3404", "POLRES-3402").doesNotContain("MABES");

        JsonNode yogya = plan(s, "POLRES-3471");
        assertThat(yogya.path("firstDay").asString()).isEqualTo("2026-02-03");
        assertThat(yogya.path("lastDay").asString()).isEqualTo("2026-03-02");
        assertThat(yogya.path("calls").asInt()).isEqualTo(95 * 28);
        assertThat(yogya.path("truncated").asBoolean()).isFalse();
        assertThat(yogya.path("hours").get(3).path("basis").asString()).isEqualTo("NO_CALLS");
        assertThat(yogya.path("hours").get(3).path("operators").asInt()).isZero();
        JsonNode evening = yogya.path("hours").get(19);
        assertThat(evening.path("arrivalsPerHour").asDouble()).isEqualTo(8.0);
        assertThat(evening.path("meanHandlingSeconds").asDouble()).as("(230 + 6 × 38) / 7").isEqualTo(65.4);
        assertThat(evening.path("offeredLoadErlangs").asDouble()).isEqualTo(0.145);
        assertThat(evening.path("operatorsFor10s").asInt()).as("one operator: 87 % within 10 s").isEqualTo(2);
        assertThat(evening.path("operatorsFor20s").asInt()).isEqualTo(2);
        assertThat(evening.path("operators").asInt()).isEqualTo(2);
        assertThat(evening.path("serviceLevel10sPercent").asDouble()).isEqualTo(99.2);
        assertThat(evening.path("serviceLevel20sPercent").asDouble()).isEqualTo(99.4);
        assertThat(evening.path("occupancyPercent").asDouble()).isEqualTo(7.3);
        assertThat(yogya.path("peakOperators").asInt()).isEqualTo(2);
        assertThat(outcome(yogya, "ABANDONED").path("calls").asInt()).as("the fifth call of the 13 hours with five or more").isEqualTo(28 * 13);
        assertThat(outcome(yogya, "ANSWERED").path("meanHandlingSeconds").isNull()).isFalse();

        assertThat(plan(s, "POLRES-3402").path("calls").asInt()).isZero();
        assertThat(r.body()).as("no caller data").doesNotContain("+62812").doesNotContain("callerNumber");
    }

    @Test
    void oneStationOverOneDayIsTheIssuesOwnExample() {
        JsonNode s = http.get("/api/staffing?station=POLRES-3404&days=1", AUTH, DIY_SUPERVISOR).json();
        assertThat(s.path("station").asString()).isEqualTo("POLRES-3404");
        assertThat(s.path("name").asString()).isEqualTo("Polres Sleman");
        assertThat(s.path("stations").size()).isEqualTo(1);
        JsonNode sleman = s.path("stations").get(0);
        assertThat(sleman.path("firstDay").asString()).isEqualTo("2026-03-02");
        assertThat(sleman.path("lastDay").asString()).isEqualTo("2026-03-02");
        assertThat(sleman.path("calls").asInt()).as("this morning's call is not yet history").isEqualTo(11);
        JsonNode ten = sleman.path("hours").get(10);
        assertThat(ten.path("arrivalsPerHour").asDouble()).isEqualTo(10.0);
        assertThat(ten.path("meanHandlingSeconds").asDouble()).isEqualTo(180.0);
        assertThat(ten.path("offeredLoadErlangs").asDouble()).isEqualTo(0.5);
        assertThat(ten.path("operatorsFor10s").asInt()).isEqualTo(2);
        assertThat(ten.path("operatorsFor20s").asInt()).isEqualTo(3);
        assertThat(ten.path("operators").asInt()).isEqualTo(3);
        assertThat(ten.path("serviceLevel10sPercent").asDouble()).isEqualTo(98.6);
        assertThat(ten.path("serviceLevel20sPercent").asDouble()).isEqualTo(98.8);
        JsonNode gaveUp = sleman.path("hours").get(13);
        assertThat(gaveUp.path("basis").asString()).isEqualTo("WINDOW_MEAN");
        assertThat(gaveUp.path("meanHandlingSeconds").asDouble()).isEqualTo(180.0);
        assertThat(sleman.path("hours").get(9).path("basis").asString()).isEqualTo("NO_CALLS");
    }

    @Test
    void csvWhenAskedByAcceptOrByFormatOneRowPerStationAndHour() {
        // no number of these calls is flagged: the gate's columns repeat the plan
        String expectedTen = "POLRES-3404,Polres Sleman,WIB,10,10,10,180,0.5,2,3,3,98.6,98.8,16.7,MEASURED,10,2,3,3";
        for (String[] ask : List.of(new String[] {"/api/staffing?station=POLRES-3404&days=1", "text/csv"},
                new String[] {"/api/staffing?station=POLRES-3404&days=1&format=csv", "*/*"},
                new String[] {"/api/staffing?station=POLRES-3404&days=1", "application/json;q=0.5, text/csv"})) {
            Http.Response r = http.get(ask[0], AUTH, DIY_SUPERVISOR, "Accept", ask[1]);
            assertThat(r.status()).as(ask[1]).isEqualTo(200);
            assertThat(r.contentType()).as(ask[1]).startsWith("text/csv");
            assertThat(r.header("Content-Disposition")).startsWith("attachment").contains("staffing-POLRES-3404-").contains(".csv");
            String[] lines = r.body().split("\r\n");
            assertThat(lines).hasSize(25);
            assertThat(lines[0]).startsWith("station,station_name,zone,hour,calls,arrivals_per_hour,mean_handling_s,load_erlangs,operators_10s");
            assertThat(lines[1 + 10]).isEqualTo(expectedTen);
            assertThat(lines[1 + 9]).endsWith(",NO_CALLS,0,0,0,0");
        }
        Http.Response all = http.get("/api/staffing?format=csv", AUTH, DIY_SUPERVISOR);
        assertThat(all.body().split("\r\n")).as("six stations of 24 hours").hasSize(1 + 6 * 24);
        assertThat(http.get("/api/staffing?station=POLRES-3404&days=1", AUTH, DIY_SUPERVISOR, "Accept", "application/json, text/csv;q=0.9")
                .contentType()).as("JSON preferred").startsWith("application/json");
    }

    @Test
    void badQuestionsAreRefusedWithAReason() {
        assertThat(http.get("/api/staffing", AUTH, SLEMAN_OPERATOR).status()).as("operators get no plan").isEqualTo(403);
        assertThat(http.get("/supervisor/staffing.html", AUTH, SLEMAN_OPERATOR).status()).as("nor its page").isEqualTo(403);
        assertThat(http.get("/supervisor/staffing.html", AUTH, DIY_SUPERVISOR).status()).isEqualTo(200);
        Http.Response mabes = http.get("/api/staffing?station=MABES", AUTH, DIY_SUPERVISOR);
        assertThat(mabes.status()).as("outside the scope, like every station of the API").isEqualTo(403);
        assertThat(mabes.json().path("detail").asString()).contains("outside the scope");
        problem(http.get("/api/staffing?station=NOWHERE", AUTH, DIY_SUPERVISOR), 404, "no station NOWHERE");
        problem(http.get("/api/staffing?days=0", AUTH, DIY_SUPERVISOR), 400, "days must be 1 to 90, got 0");
        problem(http.get("/api/staffing?days=91", AUTH, DIY_SUPERVISOR), 400, "days must be 1 to 90, got 91");
        problem(http.get("/api/staffing?days=abc", AUTH, DIY_SUPERVISOR), 400, "parameter days");
        problem(http.get("/api/staffing?days=1.5", AUTH, DIY_SUPERVISOR), 400, "parameter days");
        problem(http.get("/api/staffing?format=xml", AUTH, DIY_SUPERVISOR), 400, "format must be json or csv, got \"xml\"");
        problem(http.get("/api/staffing?days=0", AUTH, DIY_SUPERVISOR, "Accept", "text/csv"), 400, "days must be 1 to 90");

        JsonNode national = http.get("/api/staffing?days=7", AUTH, ADMIN).json();
        assertThat(national.path("station").asString()).isEqualTo("MABES");
        assertThat(national.path("stations").get(0).path("station").asString()).isEqualTo("MABES");
        assertThat(plan(national, "POLRES-3471").path("calls").asInt()).isEqualTo(95 * 7);
    }

    @Test
    void theSupervisorOpensThePlanFromTheBoardAndSeesATablePerStation() {
        try (Browser browser = Browser.open(port, false)) {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1600, 1200));
            browser.go("/login");
            browser.await("the login form", d -> !d.findElements(By.id("username")).isEmpty());
            ConsoleAccessTests.logIn(browser, "supervisor.diy");
            browser.await("the supervisor board", d -> d.getCurrentUrl().contains("/supervisor/"));
            browser.await("the board is loaded", d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            browser.screenshot("supervisor-board-staffing-link");
            browser.await("the link to the plan", d -> d.findElement(By.cssSelector("header a[href='/supervisor/staffing.html']"))).click();
            browser.await("the plan is loaded", d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));

            assertThat(browser.driver().findElement(By.cssSelector("header h1")).getText()).contains("Kebutuhan Operator");
            WebElement yogya = browser.driver().findElement(By.cssSelector("section[data-station='POLRES-3471']"));
            assertThat(yogya.findElement(By.tagName("h2")).getText()).isEqualTo("Polres Kota Yogyakarta (WIB)");
            assertThat(yogya.findElements(By.cssSelector("tbody tr"))).hasSize(24);
            assertThat(yogya.findElement(By.cssSelector(".sub")).getText()).contains("2660").contains("puncak 2 operator");
            WebElement night = yogya.findElement(By.cssSelector("tr[data-hour='3']"));
            assertThat(night.getDomAttribute("class")).isEqualTo("none");
            assertThat(night.getText()).contains("03:00–04:00").contains("tanpa panggilan");
            WebElement evening = yogya.findElement(By.cssSelector("tr[data-hour='19']"));
            assertThat(evening.findElement(By.cssSelector("td.plan")).getText()).isEqualTo("2");
            assertThat(evening.getText()).contains("65 dtk").contains("99,2 %");
            WebElement sleman = browser.driver().findElement(By.cssSelector("section[data-station='POLRES-3404']"));
            assertThat(sleman.findElement(By.cssSelector("tr[data-hour='13']")).getText()).as("the window's mean, marked").contains("*");
            assertThat(browser.driver().findElements(By.cssSelector("section[data-station='POLRES-3402']"))).as("no calls: no table").isEmpty();
            assertThat(browser.driver().findElement(By.id("quiet")).getText()).contains("Polres Bantul").contains("Polres Gunungkidul");
            assertThat(browser.driver().findElement(By.id("csv")).getDomAttribute("href")).contains("format=csv").contains("days=28");
            browser.screenshot("supervisor-staffing");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", yogya);
            browser.screenshot("supervisor-staffing-yogyakarta");

            new Select(browser.driver().findElement(By.id("days"))).selectByValue("7");
            browser.await("a week's history", d -> d.findElement(By.cssSelector("section[data-station='POLRES-3471'] .sub")).getText().contains("665"));
            assertThat(browser.driver().findElement(By.id("csv")).getDomAttribute("href")).contains("days=7");

            browser.driver().findElement(By.tagName("body")).sendKeys("l");
            browser.await("English on L", d -> d.findElement(By.cssSelector("header h1")).getText().contains("Operator staffing"));
            assertThat(browser.driver().findElement(By.cssSelector("section[data-station='POLRES-3471'] tr[data-hour='3']")).getText())
                    .contains("no calls");
            browser.screenshot("supervisor-staffing-en");
            browser.driver().findElement(By.tagName("body")).sendKeys("l");
        }
    }

    private static void problem(Http.Response r, int status, String detail) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).as(r.body()).startsWith("application/problem+json");
        assertThat(r.json().path("detail").asString()).contains(detail);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("id.siaga");
    }

    private static JsonNode plan(JsonNode staffing, String station) {
        for (JsonNode p : staffing.path("stations")) {
            if (p.path("station").asString().equals(station)) {
                return p;
            }
        }
        throw new AssertionError("no plan for " + station);
    }

    private static JsonNode outcome(JsonNode plan, String outcome) {
        for (JsonNode o : plan.path("byOutcome")) {
            if (o.path("outcome").asString().equals(outcome)) {
                return o;
            }
        }
        throw new AssertionError("no outcome " + outcome);
    }

    static CallRecord answered(String id, String station, Instant offered, Duration talk) {
        Instant answeredAt = offered.plusSeconds(4);
        return new CallRecord(new CallId(id), "+6281200500001", "110", station, offered, answeredAt, answeredAt.plus(talk), Outcome.ANSWERED,
                "OP-1", station, 0, "caller", "CELL", null, null);
    }

    static CallRecord abandoned(String id, String station, Instant offered) {
        return new CallRecord(new CallId(id), "+6281200500002", "110", station, offered, null, offered.plusSeconds(20), Outcome.ABANDONED, null,
                null, null, "caller", "CELL", null, null);
    }
}
