package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.journal.Journal;
import id.siaga.support.Browser;
import id.siaga.org.OperatorId;
import id.siaga.org.StationId;
import id.siaga.routing.EscalationReason;
import id.siaga.telephony.CallId;
import id.siaga.telephony.CallRecord;
import id.siaga.telephony.CallRecord.Outcome;
import id.siaga.telephony.CallRecordStore;
import id.siaga.telephony.CallbackTask;
import id.siaga.telephony.CallbackTasks;
import id.siaga.telephony.event.CallEscalated;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * Polda DIY's report of Tuesday 3 November 2026 over real HTTP. The service's clock starts at 12:00 WIB that day and
 * runs on. That morning Polres Sleman answered two callers in 4 and 12 s, Polres Kota Yogyakarta one in 25 s; a Sleman
 * caller gave up at 09:00 and was called back, a Bantul caller at 10:00 and still waits for it. At noon a call Bripka
 * Rina Wulandari let ring at Sleman climbed to Polda DIY; a Polisiku report of a theft in Sleman is reached in
 * 7 minutes, a traffic accident not yet. Kompol Ratna Sari (Polda DIY) reads it as JSON, CSV and PDF; Bantul's
 * supervisor reads Bantul's and is refused Polda DIY's; an operator is refused any.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:reportsapitests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/reportsapitests-spool.jsonl", "siaga.telephony.enabled=false"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportsApiTests {

    static final String AUTH = "Authorization";
    static final String DIY_SUPERVISOR = Http.basic("supervisor.diy", "siaga110");
    static final String BANTUL_SUPERVISOR = Http.basic("supervisor.bantul", "siaga110");
    static final String SLEMAN_OPERATOR = Http.basic("operator.sleman1", "siaga110");
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final Instant NOON = at("2026-11-03T12:00:00");
    static final String DAY = "/api/reports/station/POLDA-DIY?period=day&date=2026-11-03";

    @TestConfiguration
    static class ThirdOfNovember {
        @Bean
        @Primary
        IncidentApiTests.ShiftableClock clockFromNoonOnTheThird() {
            IncidentApiTests.ShiftableClock clock = new IncidentApiTests.ShiftableClock();
            clock.advance(Duration.between(Instant.now(), NOON));
            return clock;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    CallRecordStore records;
    @Autowired
    CallbackTasks callbacks;
    @Autowired
    Journal journal;
    @Autowired
    IncidentApiTests.ShiftableClock clock;

    Http http;
    static boolean seeded;

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(WIB).toInstant();
    }

    @BeforeEach
    void theThirdOfNovember() {
        http = new Http(port);
        if (seeded) {
            return;
        }
        records.save(answered("sl-1", "POLRES-3404", "2026-11-03T08:00:00", 4));
        records.save(answered("sl-2", "POLRES-3404", "2026-11-03T08:30:00", 12));
        records.save(answered("yk-1", "POLRES-3471", "2026-11-03T09:30:00", 25));
        records.save(gaveUp("sl-gave-up", "POLRES-3404", "2026-11-03T09:00:00"));
        records.save(gaveUp("bt-gave-up", "POLRES-3402", "2026-11-03T10:00:00"));
        records.save(answered("sl-next-day", "POLRES-3404", "2026-11-04T00:00:00", 3));
        callbacks.store().save(task("sl-gave-up", "POLRES-3404", true));
        callbacks.store().save(task("bt-gave-up", "POLRES-3402", false));
        Journal.awaitDurable(List.of(journal.append(new CallEscalated(new CallId("sl-noon"), StationId.of("POLRES-3404"), StationId.of("POLDA-DIY"), 1,
                EscalationReason.TIMEOUT, List.of(new OperatorId("OP-3404-1"))), "test")));
        String theft = report("THEFT", -7.7180, 110.3590, "PLK-RP-1");
        report("TRAFFIC_ACCIDENT", -7.7300, 110.3700, "PLK-RP-2");
        Http.Response sent = http.post("/api/incidents/" + theft + "/assignments", "{\"unit\":\"SLM-R2-01\"}", AUTH,
                Http.basic("dispatcher.sleman", "siaga110"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(7));
        Http.Response arrived = http.post("/api/units/SLM-R2-01/status", "{\"status\":\"ON_SCENE\",\"reason\":\"TIBA\"}", AUTH,
                Http.basic("dispatcher.sleman", "siaga110"));
        assertThat(arrived.status()).as(arrived.body()).isEqualTo(200);
        seeded = true;
    }

    @Test
    @Order(1)
    void thePoldaSupervisorReadsTheDayOfItsSubtreeAsFigures() {
        Http.Response r = http.get(DAY, AUTH, DIY_SUPERVISOR);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.path("stationName").asString()).isEqualTo("Polda DIY");
        assertThat(j.path("zone").asString()).isEqualTo("WIB");
        JsonNode calls = j.path("calls");
        assertThat(calls.path("offered").asInt()).as("five that day, not the one at midnight after").isEqualTo(5);
        assertThat(calls.path("answered").asInt()).isEqualTo(3);
        assertThat(calls.path("abandoned").asInt()).isEqualTo(2);
        assertThat(calls.path("refused").asInt(-1)).as("only the root's report counts refused calls").isEqualTo(-1);
        assertThat(j.path("answers").path("within10Percent").asDouble()).as("4 s of 4, 12, 25").isEqualTo(33.3);
        assertThat(j.path("answers").path("within20Percent").asDouble()).isEqualTo(66.7);
        assertThat(j.path("callbacks").path("withTask").asInt()).isEqualTo(2);
        assertThat(j.path("callbacks").path("calledBack").asInt()).isEqualTo(1);
        assertThat(j.path("escalations").path("total").asInt()).isEqualTo(1);
        JsonNode rang = j.path("escalations").path("operators").get(0);
        assertThat(rang.path("name").asString()).isEqualTo("Bripka Rina Wulandari");
        assertThat(rang.path("stationName").asString()).isEqualTo("Polres Sleman");
        assertThat(rang.path("missed").asInt()).isEqualTo(1);
        assertThat(j.path("incidentsByType").toString()).contains("\"Pencurian\"", "\"Kecelakaan lalu lintas\"");
        assertThat(j.path("onScene").path("incidents").asInt()).isEqualTo(2);
        assertThat(j.path("onScene").path("reachedOnScene").asInt()).isEqualTo(1);
        assertThat(j.path("onScene").path("withinTarget").asInt()).isEqualTo(1);
        assertThat(j.path("onScene").path("medianMinutes").asDouble()).as("the theft, reached in 7 minutes").isBetween(7.0, 7.5);
        assertThat(j.path("series").path("offered").size()).isEqualTo(24);
        assertThat(j.path("series").path("offered").get(8).asInt()).isEqualTo(2);

        JsonNode month = http.get("/api/reports/station/POLDA-DIY?period=month&month=2026-11", AUTH, DIY_SUPERVISOR).json();
        assertThat(month.path("calls").path("offered").asInt()).as("November holds the 4th's call too").isEqualTo(6);
        assertThat(month.path("series").path("offered").size()).isEqualTo(30);
    }

    @Test
    @Order(2)
    void theCsvHasOneLabelledRowPerFigure() {
        Http.Response r = http.get("/api/reports/station/POLDA-DIY/report.csv?period=day&date=2026-11-03", AUTH, DIY_SUPERVISOR);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/csv");
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("laporan-POLDA-DIY-2026-11-03.csv");
        assertThat(r.body()).startsWith("section,key,name,value\r\n").contains("report,station,Polda DIY,POLDA-DIY\r\n",
                "calls,offered,Panggilan masuk,5\r\n", "answers,within_10s_percent,Dijawab dalam 10 detik (%),33.3\r\n",
                "callbacks,called_back,Sudah ditelepon balik,1\r\n", "escalation_reason,TIMEOUT,Tidak diangkat dalam waktu dering,1\r\n",
                "operator_missed,OP-3404-1,Bripka Rina Wulandari (Polres Sleman),1\r\n", "incident_type,Pencurian,Pencurian,1\r\n",
                "offered,08,Panggilan masuk,2\r\n");
    }

    @Test
    @Order(3)
    void thePdfCarriesTheStationsNameAndFigures() throws Exception {
        Http.Bytes r = http.getBytes("/api/reports/station/POLDA-DIY/report.pdf?period=day&date=2026-11-03", AUTH, DIY_SUPERVISOR);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(r.header("Content-Disposition")).contains("laporan-POLDA-DIY-2026-11-03.pdf");
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Laporan Layanan 110 — Polda DIY", "Hari: 3 November 2026 (WIB)", "Panggilan masuk 5",
                    "Dijawab dalam 10 detik 33,3 %", "Bripka Rina Wulandari Polres Sleman 1", "Pencurian 1");
        }
    }

    @Test
    @Order(4)
    void outsideTheirScopeSupervisorsAreRefusedAndOperatorsGetNoReports() {
        Http.Response bantul = http.get("/api/reports/station/POLRES-3402?period=day&date=2026-11-03", AUTH, BANTUL_SUPERVISOR);
        assertThat(bantul.status()).as(bantul.body()).isEqualTo(200);
        assertThat(bantul.json().path("calls").path("offered").asInt()).isEqualTo(1);
        assertThat(bantul.json().path("callbacks").path("calledBack").asInt()).isZero();

        Http.Response polda = http.get(DAY, AUTH, BANTUL_SUPERVISOR);
        assertThat(polda.status()).isEqualTo(403);
        assertThat(polda.contentType()).startsWith("application/problem+json");
        assertThat(http.getBytes("/api/reports/station/POLDA-DIY/report.pdf?period=day&date=2026-11-03", AUTH, BANTUL_SUPERVISOR).status())
                .isEqualTo(403);
        assertThat(http.get(DAY, AUTH, SLEMAN_OPERATOR).status()).isEqualTo(403);
    }

    @Test
    @Order(5)
    void aPeriodThatIsNotADayOrMonthIsRefusedWithAReason() {
        Http.Response week = http.get("/api/reports/station/POLDA-DIY?period=week&date=2026-11-03", AUTH, DIY_SUPERVISOR);
        assertThat(week.status()).isEqualTo(400);
        assertThat(week.contentType()).startsWith("application/problem+json");
        assertThat(week.json().path("detail").asString()).contains("period must be day or month");
        Http.Response date = http.get("/api/reports/station/POLDA-DIY/report.csv?period=day&date=03-11-2026", AUTH, DIY_SUPERVISOR);
        assertThat(date.status()).isEqualTo(400);
        assertThat(date.json().path("detail").asString()).contains("YYYY-MM-DD");
        Http.Response future = http.get("/api/reports/station/POLDA-DIY?period=month&month=2027-01", AUTH, DIY_SUPERVISOR);
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().path("detail").asString()).contains("has not begun");
        assertThat(http.get("/api/reports/station/POLDA-NOWHERE?period=day&date=2026-11-03", AUTH, DIY_SUPERVISOR).status()).isEqualTo(404);
    }

    /**
     * On the board, P takes Kompol Ratna Sari to "Laporan"; she picks November 2026 and the PDF link downloads Polda
     * DIY's month with her session; in English the links say so.
     */
    @Test
    @Order(6)
    void theSupervisorBoardDownloadsTheChosenMonthsReport() {
        try (Browser browser = Browser.open(port, false)) {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1920, 1080));
            browser.go("/login");
            browser.await("the login form", d -> !d.findElements(By.id("username")).isEmpty());
            ConsoleAccessTests.logIn(browser, "supervisor.diy");
            browser.await("the board is loaded", d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            assertThat(browser.driver().findElement(By.id("reports-title")).getText()).containsIgnoringCase("Laporan");

            browser.driver().findElement(By.tagName("body")).sendKeys("p");
            assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id")).isEqualTo("report-kind");
            new Select(browser.driver().findElement(By.id("report-kind"))).selectByValue("month");
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "const m = document.getElementById('report-month'); m.value = '2026-11'; m.dispatchEvent(new Event('change'));");
            WebElement pdf = browser.driver().findElement(By.id("report-pdf"));
            assertThat(pdf.getDomProperty("href")).endsWith("/api/reports/station/POLDA-DIY/report.pdf?period=month&month=2026-11");
            assertThat(browser.driver().findElement(By.id("report-date-field")).isDisplayed()).isFalse();
            Object fetched = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "fetch(document.getElementById('report-pdf').href).then(r => r.arrayBuffer().then(b => done(r.status + ' '"
                            + " + r.headers.get('Content-Type') + ' ' + String.fromCharCode(...new Uint8Array(b.slice(0, 5))))));");
            assertThat(fetched).isEqualTo("200 application/pdf %PDF-");

            browser.driver().findElement(By.tagName("body")).sendKeys("l");
            browser.await("English", d -> d.findElement(By.id("report-csv")).getText().equals("Download CSV"));
            assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
        }
    }

    private String report(String type, double lat, double lon, String reference) {
        Http.Response created = http.post("/api/incidents", """
                {"type":"%s","channel":"POLISIKU","externalReference":"%s","location":{"latitude":%s,"longitude":%s},"address":"Jl. Kaliurang"}
                """.formatted(type, reference, lat, lon), AUTH, Http.basic("aml.gateway", "siaga110"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private static CallRecord answered(String id, String station, String offered, int seconds) {
        Instant o = at(offered);
        return new CallRecord(new CallId(id), "+6281234500001", "110", station, o, o.plusSeconds(seconds), o.plusSeconds(200), Outcome.ANSWERED,
                "OP-3404-1", station, 0, "caller", "PIDF-LO", -7.71, 110.36);
    }

    private static CallRecord gaveUp(String id, String station, String offered) {
        Instant o = at(offered);
        return new CallRecord(new CallId(id), "+6281234500002", "110", station, o, null, o.plusSeconds(20), Outcome.ABANDONED, null, null, null,
                "caller", "PIDF-LO", -7.9, 110.33);
    }

    private static CallbackTask task(String call, String station, boolean calledBack) {
        Instant created = at("2026-11-03T10:01:00");
        return new CallbackTask("cb-" + call, new CallId(call), "+6281234500002", StationId.of(station), null, null, created,
                calledBack ? CallbackTask.Status.CLOSED : CallbackTask.Status.OPEN, calledBack ? "operator.sleman1" : null,
                calledBack ? created.plusSeconds(30) : null, calledBack ? "operator.sleman1" : null, calledBack ? created.plusSeconds(240) : null,
                calledBack ? "tersambung, penelepon aman" : null);
    }
}
