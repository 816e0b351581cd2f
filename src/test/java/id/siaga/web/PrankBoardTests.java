package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.journal.Journal;
import id.siaga.journal.JournalEntry;
import id.siaga.journal.SubjectKind;
import id.siaga.location.LocationSource;
import id.siaga.screening.Classification;
import id.siaga.screening.ScreeningStore;
import id.siaga.support.FakeSmsGateway;
import id.siaga.support.Browser;
import id.siaga.telephony.CallId;
import id.siaga.telephony.CallRecord;
import id.siaga.telephony.CallRecordStore;
import id.siaga.telephony.event.CallLocated;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prank calls on the supervisor board (issue 16), over real HTTP, on a day in Polda DIY whose calls are seeded into
 * the call history with their classifications (the clock stands at 14.30 WIB on 3 December 2026). Today Polres Sleman
 * answered eight of nine calls: five pranks (three from +62 812-3456-4521, two from a number that pranked Polres Bantul
 * four times last night), a silent call, a genuine emergency, a caller who cut off at once, and one that gave up;
 * Polres Kota Yogyakarta took two pranks from a third number. The figures, each supervisor's scope, which numbers are
 * shown in full (the station a number pranked most, and those above it) and which only by their last digits, the
 * persistent prank numbers with their last measured position (the uncertainty from the journal) and their CSV; then the
 * SMS warning after three pranks, once, and never to a trusted number.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PrankBoardTests {

    static final String AUTH = "Authorization";
    static final String SLEMAN_SUPERVISOR = Http.basic("supervisor.sleman", "siaga110");
    static final String BANTUL_SUPERVISOR = Http.basic("supervisor.bantul", "siaga110");
    static final String DIY_SUPERVISOR = Http.basic("supervisor.diy", "siaga110");
    static final String ADMIN = Http.basic("admin", "siaga110");
    static final String SLEMAN_OPERATOR = Http.basic("operator.sleman1", "siaga110");

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final LocalDate TODAY = LocalDate.parse("2026-12-03");
    static final Instant NOW = TODAY.atTime(14, 30).atZone(WIB).toInstant();
    /** Pranked Sleman three times this morning. */
    static final String N1 = "+6281234564521";
    /** Pranked Bantul four times last night and Sleman twice this morning: Bantul's. */
    static final String N2 = "+6281377770001";
    /** Pranked Polres Kota Yogyakarta twice. */
    static final String N7 = "+6281399990007";

    static FakeSmsGateway gateway;
    static boolean seeded;

    @TestConfiguration
    static class StandingClock {
        @Bean
        @Primary
        Clock standingClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        gateway = FakeSmsGateway.start();
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:prankboardtests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        registry.add("siaga.journal.spool-file", () -> "target/prankboardtests-spool.jsonl");
        registry.add("siaga.telephony.enabled", () -> "false");
        registry.add("siaga.tracking.osmand-port", () -> "0");
        registry.add("siaga.tracking.mqtt.enabled", () -> "false");
        registry.add("siaga.integration.sms-webhook-url", gateway::url);
        registry.add("siaga.screening.warning.enabled", () -> "true");
        registry.add("siaga.screening.warning.after", () -> "3");
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    CallRecordStore records;
    @Autowired
    ScreeningStore classifications;
    @Autowired
    Journal journal;

    Http http;

    @BeforeEach
    void seedTheDay() {
        http = new Http(port);
        if (seeded) {
            return;
        }
        List<CompletableFuture<JournalEntry>> fixes = new ArrayList<>();
        // Polres Sleman this morning
        fixes.add(call("s1", N1, "POLRES-3404", TODAY, "08:10", 60, Classification.PRANK, "AML", -7.7101, 110.3601, 35.0));
        fixes.add(call("s2", N1, "POLRES-3404", TODAY, "08:20", 60, Classification.PRANK, "CELL_ID", -7.7200, 110.3600, 900.0));
        fixes.add(call("s3", N1, "POLRES-3404", TODAY, "09:05", 30, Classification.PRANK, "AML", -7.7150, 110.3650, 12.0));
        call("s4", N2, "POLRES-3404", TODAY, "10:00", 90, Classification.PRANK, "NONE", null, null, null);
        call("s5", N2, "POLRES-3404", TODAY, "10:05", 30, Classification.PRANK, "NONE", null, null, null);
        call("s6", "+6281300000003", "POLRES-3404", TODAY, "08:40", 120, Classification.SILENT, "NONE", null, null, null);
        call("s7", "+6281300000004", "POLRES-3404", TODAY, "09:30", 300, Classification.GENUINE, "PIDF_LO", -7.7300, 110.3700, 8.0);
        Instant cut = TODAY.atTime(13, 15).atZone(WIB).toInstant();
        records.save(new CallRecord(new CallId("s8"), "+6281300000005", "110", "POLRES-3404", cut, cut.plusSeconds(4), cut.plusSeconds(6),
                CallRecord.Outcome.CUT_OFF, "OP-3404-1", "POLRES-3404", 0, "caller", "NONE", null, null));
        Instant gaveUp = TODAY.atTime(11, 0).atZone(WIB).toInstant();
        records.save(new CallRecord(new CallId("s9"), "+6281300000006", "110", "POLRES-3404", gaveUp, null, gaveUp.plusSeconds(20),
                CallRecord.Outcome.ABANDONED, null, null, null, "caller", "NONE", null, null));
        // Polres Bantul last night
        for (int i = 0; i < 4; i++) {
            fixes.add(call("b" + i, N2, "POLRES-3402", TODAY.minusDays(1), "20:" + (10 + i * 10), 20, Classification.PRANK, "AML", -7.8900 - i * 0.001,
                    110.3300, 20.0 + i));
        }
        // Polres Kota Yogyakarta at noon
        call("k1", N7, "POLRES-3471", TODAY, "12:00", 10, Classification.PRANK, "NONE", null, null, null);
        call("k2", N7, "POLRES-3471", TODAY, "12:05", 10, Classification.PRANK, "NONE", null, null, null);
        Journal.awaitDurable(fixes);
        seeded = true;
    }

    /** An answered call, classified; a located one has its fix in the journal (the record keeps no uncertainty). */
    CompletableFuture<JournalEntry> call(String id, String number, String station, LocalDate day, String at, int talkSeconds, Classification c,
                                         String source, Double lat, Double lon, Double uncertaintyMeters) {
        Instant offered = day.atTime(LocalTime.parse(at)).atZone(WIB).toInstant();
        Instant answered = offered.plusSeconds(6);
        records.save(new CallRecord(new CallId(id), number, "110", station, offered, answered, answered.plusSeconds(talkSeconds),
                CallRecord.Outcome.ANSWERED, "OP-1", station, 0, "caller", source, lat, lon));
        classifications.classify(new ScreeningStore.Classified(id, number, station, c, "operator", answered.plusSeconds(talkSeconds + 5), null));
        if (lat == null) {
            return CompletableFuture.completedFuture(null);
        }
        // an earlier, coarser fix of another source first: only the fix the record kept gives the uncertainty
        journal.append(new CallLocated.Fix(new CallId(id), LocationSource.CELL_ID, lat + 0.01, lon, 1500.0, "", offered, true, "sip"), "location");
        return journal.append(new CallLocated.Fix(new CallId(id), LocationSource.valueOf(source), lat, lon, uncertaintyMeters, "", offered, true,
                "sms"), "location");
    }

    JsonNode get(String path, String who) {
        Http.Response r = http.get(path, AUTH, who);
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void todayAtSlemanFivePranksOfEightAnsweredCallsAndFourAndAHalfMinutesOfOperatorsTime() {
        JsonNode f = get("/api/supervision/pranks", SLEMAN_SUPERVISOR);
        assertThat(f.path("station").asString()).isEqualTo("POLRES-3404");
        assertThat(f.path("day").asString()).isEqualTo("2026-12-03");
        JsonNode today = f.path("today");
        assertThat(today.path("calls").asInt()).isEqualTo(9);
        assertThat(today.path("answered").asInt()).isEqualTo(8);
        assertThat(today.path("classified").asInt()).isEqualTo(7);
        assertThat(today.path("prank").asInt()).isEqualTo(5);
        assertThat(today.path("silent").asInt()).isEqualTo(1);
        assertThat(today.path("genuine").asInt()).isEqualTo(1);
        assertThat(today.path("abusive").asInt()).isZero();
        assertThat(today.path("hungUp").asInt()).isEqualTo(1);
        assertThat(today.path("prankPercent").asDouble()).as("5 of 8 answered").isEqualTo(62.5);
        assertThat(today.path("prankMinutes").asDouble()).as("60 + 60 + 30 + 90 + 30 s").isEqualTo(4.5);
        assertThat(today.path("silentMinutes").asDouble()).isEqualTo(2.0);
        JsonNode hours = f.path("todayByHour");
        assertThat(hours.size()).isEqualTo(24);
        assertThat(hours.get(8).path("prank").asInt()).as("08.10 and 08.20 WIB").isEqualTo(2);
        assertThat(hours.get(9).path("prank").asInt()).isEqualTo(1);
        assertThat(hours.get(10).path("prank").asInt()).isEqualTo(2);
        assertThat(hours.get(11).path("calls").asInt()).as("the caller who gave up").isEqualTo(1);
        assertThat(hours.get(11).path("prankPercent").asDouble(-1)).as("no share without an answered call").isEqualTo(-1);
        assertThat(hours.get(13).path("hungUp").asInt()).as("the caller who cut off at once").isEqualTo(1);
        assertThat(hours.get(13).path("prankPercent").asDouble(-1)).as("no share while no call of the hour is classified").isEqualTo(-1);
        JsonNode days = f.path("byDay");
        assertThat(days.size()).isEqualTo(7);
        assertThat(days.get(6).path("day").asString()).isEqualTo("2026-12-03");
        assertThat(days.get(6).path("counts").path("prank").asInt()).isEqualTo(5);
        assertThat(days.get(5).path("counts").path("calls").asInt()).as("Bantul's night is not Sleman's").isZero();
        assertThat(f.path("stations").size()).isEqualTo(1);
        assertThat(f.path("stations").get(0).path("name").asString()).isEqualTo("Polres Sleman");
    }

    @Test
    void aNumberIsShownInFullOnlyWithinTheLineOfTheStationItPrankedMost() {
        JsonNode sleman = get("/api/supervision/pranks", SLEMAN_SUPERVISOR).path("topNumbers");
        assertThat(sleman.size()).isEqualTo(2);
        assertThat(sleman.get(0).path("number").asString()).isEqualTo(N1);
        assertThat(sleman.get(0).path("masked").asBoolean()).isFalse();
        assertThat(sleman.get(0).path("pranks").asInt()).isEqualTo(3);
        JsonNode bantulsNumber = sleman.get(1);
        assertThat(bantulsNumber.path("number").asString()).as("Bantul's number, seen from Sleman").isEqualTo("•••••••0001");
        assertThat(bantulsNumber.path("masked").asBoolean()).isTrue();
        assertThat(bantulsNumber.path("pranks").asInt()).isEqualTo(2);
        assertThat(bantulsNumber.path("pranksEverywhere").asInt()).isEqualTo(6);
        assertThat(bantulsNumber.path("owner").asString()).isEqualTo("POLRES-3402");
        assertThat(bantulsNumber.path("ownerName").asString()).isEqualTo("Polres Bantul");
        assertThat(http.get("/api/supervision/pranks", AUTH, SLEMAN_SUPERVISOR).body()).doesNotContain("77770001");

        JsonNode bantul = get("/api/supervision/pranks", BANTUL_SUPERVISOR).path("topNumbers");
        assertThat(bantul.size()).isEqualTo(1);
        assertThat(bantul.get(0).path("number").asString()).as("in full at the station it belongs to").isEqualTo(N2);
        assertThat(bantul.get(0).path("pranks").asInt()).as("its four at Bantul").isEqualTo(4);

        JsonNode diy = get("/api/supervision/pranks", DIY_SUPERVISOR).path("topNumbers");
        assertThat(diy).extracting(n -> n.path("number").asString()).as("the Polda above them all sees every number in full")
                .containsExactly(N2, N1, N7);
        assertThat(get("/api/supervision/pranks?station=POLRES-3404", DIY_SUPERVISOR).path("topNumbers").get(1).path("number").asString())
                .as("Polda DIY looking at Sleman's figures still sees Bantul's number: it is within DIY").isEqualTo(N2);
    }

    @Test
    void theScopeDecidesWhatIsCountedAndWhoMayAsk() {
        JsonNode diy = get("/api/supervision/pranks?days=30", DIY_SUPERVISOR);
        assertThat(diy.path("today").path("prank").asInt()).as("Sleman 5 and Kota 2").isEqualTo(7);
        assertThat(diy.path("window").path("prank").asInt()).as("and Bantul's 4 last night").isEqualTo(11);
        assertThat(diy.path("byDay").size()).isEqualTo(30);
        assertThat(diy.path("stations")).extracting(s -> s.path("station").asString()).as("most pranks first")
                .containsExactly("POLRES-3404", "POLRES-3402", "POLRES-3471");
        assertThat(get("/api/supervision/pranks", ADMIN).path("today").path("calls").asInt()).as("Mabes: every station").isEqualTo(11);
        assertThat(get("/api/supervision/pranks?station=POLRES-3402", DIY_SUPERVISOR).path("window").path("prank").asInt()).isEqualTo(4);

        assertThat(http.get("/api/supervision/pranks?station=POLRES-3402", AUTH, SLEMAN_SUPERVISOR).status()).as("Bantul is not Sleman's")
                .isEqualTo(403);
        assertThat(http.get("/api/supervision/prank-numbers?station=POLRES-3402", AUTH, SLEMAN_SUPERVISOR).status()).isEqualTo(403);
        assertThat(http.get("/api/supervision/pranks", AUTH, SLEMAN_OPERATOR).status()).as("operators get no board").isEqualTo(403);
        assertThat(http.get("/api/supervision/prank-numbers", AUTH, SLEMAN_OPERATOR).status()).isEqualTo(403);
        Http.Response unknown = http.get("/api/supervision/pranks?station=POLRES-9999", AUTH, DIY_SUPERVISOR);
        assertThat(unknown.status()).isEqualTo(404);
        Http.Response badDays = http.get("/api/supervision/pranks?days=0", AUTH, DIY_SUPERVISOR);
        assertThat(badDays.status()).isEqualTo(400);
        assertThat(badDays.header("Content-Type")).contains("application/problem+json");
        assertThat(badDays.body()).contains("days is 1 to 90");
        assertThat(http.get("/api/supervision/prank-numbers?atLeast=0", AUTH, DIY_SUPERVISOR).status()).isEqualTo(400);
    }

    @Test
    void persistentPrankNumbersComeWithTheirLastMeasuredPositionForTheStationTheyBelongTo() {
        JsonNode sleman = get("/api/supervision/prank-numbers", SLEMAN_SUPERVISOR).path("numbers");
        assertThat(sleman.size()).as("Bantul's number is Bantul's to follow up").isEqualTo(1);
        JsonNode n1 = sleman.get(0);
        assertThat(n1.path("number").asString()).isEqualTo(N1);
        assertThat(n1.path("pranks").asInt()).isEqualTo(3);
        assertThat(n1.path("stationName").asString()).isEqualTo("Polres Sleman");
        JsonNode at = n1.path("lastPosition");
        assertThat(at.path("call").asString()).isEqualTo("s3");
        assertThat(at.path("source").asString()).isEqualTo("AML");
        assertThat(at.path("latitude").asDouble()).isEqualTo(-7.7150);
        assertThat(at.path("longitude").asDouble()).isEqualTo(110.3650);
        assertThat(at.path("uncertaintyMeters").asDouble()).as("the AML fix the record kept, not the cell before it").isEqualTo(12.0);

        JsonNode diy = get("/api/supervision/prank-numbers", DIY_SUPERVISOR).path("numbers");
        assertThat(diy).extracting(n -> n.path("number").asString()).as("three pranks or more; Kota's number has two").containsExactly(N2, N1);
        assertThat(diy.get(0).path("station").asString()).isEqualTo("POLRES-3402");
        assertThat(diy.get(0).path("lastPosition").path("call").asString()).isEqualTo("b3");
        assertThat(diy.get(0).path("lastPosition").path("uncertaintyMeters").asDouble()).isEqualTo(23.0);
        assertThat(get("/api/supervision/prank-numbers?atLeast=2", DIY_SUPERVISOR).path("numbers").size()).isEqualTo(3);

        Http.Response csv = http.get("/api/supervision/prank-numbers?format=csv", AUTH, SLEMAN_SUPERVISOR);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("nomor-iseng-POLRES-3404-2026-12-03.csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("number,pranks,station,station_name,last_call");
        assertThat(lines[1]).startsWith("'+6281234564521,3,POLRES-3404,Polres Sleman,2026-12-03T09:05+07:00,")
                .endsWith(",2026-12-03T09:05+07:00,-7.715,110.365,AML,12,s3");
    }

    @Test
    void smsWarningAfterThreePranksOnceAndNeverToATrustedNumber() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        String trusted = "+6281355550001";
        assertThat(http.put("/api/numbers/" + trusted + "/trust", "{\"trusted\":true,\"reason\":\"IGD RSUD Sleman: the switchboard\"}", AUTH,
                DIY_SUPERVISOR).status()).isEqualTo(200);
        for (int i = 1; i <= 3; i++) {
            classifyPrank("t" + i, trusted);
        }
        String warned = "+6281355550002";
        for (int i = 1; i <= 4; i++) {
            classifyPrank("w" + i, warned);
        }
        String later = "+6281355550003";
        for (int i = 1; i <= 3; i++) {
            classifyPrank("l" + i, later);
        }
        // the warnings are considered one after another, in order: the SMS after the third prank of the number pranking
        // last comes after anything the trusted number or a fourth prank could have caused
        List<JsonNode> sent = new ArrayList<>();
        while (sent.isEmpty() || !sent.get(sent.size() - 1).path("to").asString().equals(later)) {
            String body = gateway.next(30);
            assertThat(body).as("an SMS within 30 s; got " + sent).isNotNull();
            sent.add(json.readTree(body));
        }
        assertThat(sent).extracting(s -> s.path("to").asString()).as("never the trusted number, the warned one once").containsExactly(warned, later);
        assertThat(sent.get(0).path("text").asString()).startsWith("Nomor Anda tercatat melakukan panggilan iseng ke 110 sebanyak 3 kali dalam 30 hari");
        List<JournalEntry> entries = CallDriver.awaitValue("the warning in the journal",
                () -> journal.bySubject(SubjectKind.CALLER, warned, 100), l -> l.stream().anyMatch(e -> e.type().equals("PrankWarningDelivered")));
        JournalEntry sentEntry = entries.stream().filter(e -> e.type().equals("PrankWarningSent")).findFirst().orElseThrow();
        assertThat(sentEntry.payload()).contains("\"station\":\"POLRES-3401\"").contains("\"pranks\":3").contains("\"call\":\"w3\"")
                .contains("\"classifiedBy\":\"operator.kulonprogo1\"");
        assertThat(journal.bySubject(SubjectKind.CALLER, trusted, 100)).extracting(JournalEntry::type).doesNotContain("PrankWarningSent");
    }

    @Test
    void theBoardShowsThePrankTilesChartsNumbersAndDrawsThePrankNumbersOnTheMap() {
        JsonNode f = get("/api/supervision/pranks", DIY_SUPERVISOR);
        assertThat(f.path("today").path("prankPercent").asDouble()).as("7 pranks of 10 answered calls in Polda DIY today").isEqualTo(70.0);
        try (Browser browser = Browser.open(port, false)) {
            browser.driver().manage().window().setSize(new Dimension(1920, 1080));
            browser.go("/login");
            browser.await("the login form", d -> !d.findElements(By.id("username")).isEmpty());
            ConsoleAccessTests.logIn(browser, "supervisor.diy");
            browser.await("the supervisor board", d -> d.getCurrentUrl().contains("/supervisor/"));
            browser.await("the board is loaded", d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            browser.await("today's prank share", d -> d.findElement(By.id("prank-share")).getText().equals("70%"));
            assertThat(textAt(browser, "#prank-share-sub")).isEqualTo("7 dari 10 terjawab · 9 diklasifikasi");
            assertThat(textAt(browser, "#prank-minutes")).as("4.5 minutes at Sleman and 20 s at Kota, in Indonesian decimals").isEqualTo("4,8");
            assertThat(textAt(browser, "#prank-other")).as("silent · abusive · hung up").isEqualTo("1 · 0 · 1");
            assertThat(textAt(browser, "#prank-window-label")).isEqualTo("ISENG 7 HARI");
            assertThat(browser.driver().findElements(By.cssSelector("#chart-prank-hours canvas"))).as("the chart by hour").isNotEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("#prank-top-rows tr"))).hasSize(3);
            assertThat(textAt(browser, "#prank-top-rows tr:first-child")).contains(N2).contains("6").contains("Polres Bantul");
            browser.await("the persistent numbers", d -> d.findElements(By.cssSelector("#prank-persistent-rows tr")).size() == 2);
            assertThat(textAt(browser, "#prank-persistent-rows tr:nth-child(2)")).contains(N1).contains("AML ±12 m");
            browser.await("both numbers' last positions on the map", d -> d.findElements(By.cssSelector("#map path.prank-marker")).size() == 2);
            assertThat(browser.driver().findElements(By.cssSelector("#map path.prank-area"))).as("with their uncertainty").hasSize(2);
            assertThat(browser.driver().findElement(By.id("prank-csv")).getDomAttribute("href")).isEqualTo("/api/supervision/prank-numbers?format=csv");
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            js.executeScript("document.getElementById('pranks').scrollIntoView()");
            browser.screenshot("supervisor-board-pranks");
            js.executeScript("document.getElementById('map').scrollIntoView()");
            browser.screenshot("supervisor-board-prank-map");

            browser.driver().findElement(By.tagName("body")).sendKeys("h");
            browser.await("30 days on H", d -> d.findElement(By.id("prank-window-label")).getText().equals("ISENG 30 HARI"));
            browser.await("the window's share: 11 of 14 answered", d -> d.findElement(By.id("prank-window")).getText().equals("78,6%"));
        }
    }

    private static String textAt(Browser browser, String css) {
        return browser.await("the text of " + css, d -> d.findElement(By.cssSelector(css)).getText());
    }

    /** A call to Kulon Progo 40 days ago (outside every window the board shows), classified a prank by its operator now. */
    void classifyPrank(String id, String number) {
        Instant offered = TODAY.minusDays(40).atTime(21, 0).atZone(WIB).toInstant().plusSeconds(id.hashCode() % 600 + 600);
        records.save(new CallRecord(new CallId(id), number, "110", "POLRES-3401", offered, offered.plusSeconds(5), offered.plusSeconds(25),
                CallRecord.Outcome.ANSWERED, "OP-3401-1", "POLRES-3401", 0, "caller", "NONE", null, null));
        Http.Response r = http.post("/api/calls/" + id + "/classification", "{\"classification\":\"PRANK\"}", AUTH,
                Http.basic("operator.kulonprogo1", "siaga110"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }
}
