package id.siaga.web;

import static id.siaga.web.CallDriver.IN_SLEMAN;
import static id.siaga.web.OperatorConsoleTests.css;
import static id.siaga.web.OperatorConsoleTests.keys;
import static id.siaga.web.OperatorConsoleTests.text;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.app.PresenceService;
import id.siaga.org.OperatorId;
import id.siaga.org.Presence;
import id.siaga.support.Browser;
import id.siaga.telephony.CallCoordinator;
import id.siaga.telephony.CallId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The operator console after the report is written, in a real browser and from the keyboard: Polres Sleman's
 * dispatcher opens a brawl from the open incidents, writes a note, raises the priority, records the patrol's
 * acknowledgement given by radio, withdraws the patrol with a reason, is refused (and shown the incident again) when
 * resolving over a change another operator made meanwhile, then resolves and reopens it; puts a motorbike out of
 * service and back from the unit board; and a walk-in report is placed on the map by click and by typing, after which
 * the same person's call shows it among their earlier incidents; at street zoom the jurisdiction outlines stay drawn
 * in full while their fill fades. What the console did is checked in the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:operatorincidentworktests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/operatorincidentworktests-spool.jsonl", "siaga.telephony.enabled=false",
        "siaga.tracking.osmand-port=0"})
class OperatorIncidentWorkTests {

    static final String AUTH = "Authorization";
    static final String SLEMAN_DISPATCHER = Http.basic("dispatcher.sleman", "siaga110");
    static final String SLEMAN_OPERATOR_2 = Http.basic("operator.sleman2", "siaga110");
    /** The report's marker on the map; the stations' headquarters are markers too. */
    static final String REPORT_MARKER = "#map .leaflet-marker-icon:not(.map-hq)";

    @LocalServerPort
    int port;
    @Autowired
    CallCoordinator coordinator;
    @Autowired
    PresenceService presence;

    @Test
    void aDispatcherWorksAnIncidentWithNotesPriorityAssignmentsAndStatusFromTheKeyboard() {
        Http http = new Http(port);
        JsonNode brawl = http.post("/api/incidents", """
                {"type":"BRAWL","channel":"WALK_IN","location":{"latitude":-7.7160,"longitude":110.3550},"address":"Jl. Kaliurang km 7"}
                """, AUTH, SLEMAN_DISPATCHER).json();
        String id = brawl.path("id").asString();
        Http.Response sent = http.post("/api/incidents/" + id + "/assignments", "{\"unit\":\"SLM-R4-01\"}", AUTH, SLEMAN_DISPATCHER);
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        String assignment = sent.json().path("id").asString();

        try (Browser browser = Browser.open(port, false)) {
            WebDriver d = login(browser, "dispatcher.sleman");
            browser.await("the brawl is open", w -> text(w, "open-incidents").contains("Perkelahian"));
            keys(d).sendKeys("i").sendKeys(Keys.ARROW_DOWN).sendKeys(Keys.ENTER).perform();
            browser.await("the brawl is on the work panel, by its short reference", w -> text(w, "incident-title").contains("#" + id.substring(0, 8)));
            browser.await("its assignment", w -> text(w, "assignments").contains("Patroli Sleman 1")
                    && text(w, "assignments").contains("Menunggu konfirmasi"));
            assertThat(text(d, "incident-notes")).contains("Belum ada catatan");

            keys(d).sendKeys(Keys.ESCAPE).sendKeys("c").perform();
            browser.await("the note field has the keyboard", w -> "note-text".equals(active(w)));
            keys(d).sendKeys("Pelapor melihat tiga orang membawa senjata tajam").sendKeys(Keys.ENTER).perform();
            browser.await("the note is listed with its author", w -> text(w, "incident-notes").contains("membawa senjata tajam")
                    && text(w, "incident-notes").contains("dispatcher.sleman"));
            assertThat(text(d, "incident-notes")).containsPattern("\\d\\d/\\d\\d,? \\d\\d:\\d\\d WIB");
            JsonNode noted = incident(http, id);
            assertThat(noted.path("notes").get(0).path("text").asString()).isEqualTo("Pelapor melihat tiga orang membawa senjata tajam");
            assertThat(noted.path("notes").get(0).path("author").asString()).isEqualTo("dispatcher.sleman");

            keys(d).sendKeys(Keys.ESCAPE).sendKeys("p").sendKeys("2").perform();
            CallDriver.await("the priority is 2", () -> incident(http, id).path("priority").asInt() == 2);
            browser.await("the title says P2", w -> text(w, "incident-title").startsWith("P2"));

            keys(d).sendKeys(Keys.ESCAPE).sendKeys("a").sendKeys("k").perform();
            CallDriver.await("the radio acknowledgement is recorded", () -> assignment(http, id, assignment).path("acknowledgedAt").isString());
            assertThat(assignment(http, id, assignment).path("acknowledgedBy").asString()).isEqualTo("dispatcher.sleman");
            browser.await("the assignment is acknowledged", w -> text(w, "assignments").contains("Dikonfirmasi")
                    && text(w, "assignments").contains("dikonfirmasi dispatcher.sleman"));

            keys(d).sendKeys("x").perform();
            browser.await("the reason is asked", w -> "ask-input".equals(active(w)) && text(w, "ask-label").contains("Patroli Sleman 1"));
            keys(d).sendKeys("Dialihkan ke kecelakaan di Jl. Magelang").sendKeys(Keys.ENTER).perform();
            CallDriver.await("the patrol is withdrawn", () -> assignment(http, id, assignment).path("state").asString().equals("CANCELLED"));
            assertThat(assignment(http, id, assignment).path("endReason").asString()).isEqualTo("Dialihkan ke kecelakaan di Jl. Magelang");
            assertThat(http.get("/api/units/SLM-R4-01", AUTH, SLEMAN_DISPATCHER).json().path("dutyStatus").asString()).isEqualTo("AVAILABLE");
            browser.await("the assignment shows the withdrawal", w -> text(w, "assignments").contains("Dibatalkan")
                    && text(w, "assignments").contains("Dialihkan ke kecelakaan"));
            ((org.openqa.selenium.JavascriptExecutor) d).executeScript("document.getElementById('incident').scrollIntoView()");
            browser.screenshot("operator-incident-work");

            // another operator changes the priority while the dispatcher is resolving: the resolution is refused
            keys(d).sendKeys("s").perform();
            browser.await("the status form", w -> "status-select".equals(active(w)));
            assertThat(css(d, "#status-select")).contains("Selesai ditangani").contains("Dibatalkan").contains("Tidak terbukti");
            assertThat(http.post("/api/incidents/" + id + "/priority", "{\"priority\":1}", AUTH, SLEMAN_OPERATOR_2).status()).isEqualTo(200);
            keys(d).sendKeys(Keys.TAB).sendKeys("Massa sudah bubar").sendKeys(Keys.ENTER).perform();
            browser.await("the refusal is explained", w -> toasts(w).contains("dimuat ulang"));
            assertThat(toasts(d)).contains("changed by someone else");
            browser.await("the incident is shown as it now is", w -> text(w, "incident-title").startsWith("P1"));
            assertThat(incident(http, id).path("status").asString()).as("nothing was overruled").isEqualTo("DISPATCHED");

            keys(d).sendKeys("s").sendKeys(Keys.TAB).sendKeys("Massa sudah bubar").sendKeys(Keys.ENTER).perform();
            CallDriver.await("the brawl is resolved", () -> incident(http, id).path("status").asString().equals("RESOLVED"));
            assertThat(incident(http, id).path("statusReason").asString()).isEqualTo("Massa sudah bubar");
            browser.await("the panel says so", w -> text(w, "incident-status").contains("Selesai ditangani")
                    && text(w, "incident-status").contains("Massa sudah bubar"));

            keys(d).sendKeys("s").perform();
            browser.await("a resolved incident may be closed or reopened", w -> css(w, "#status-select").contains("Ditutup")
                    && css(w, "#status-select").contains("Buka kembali"));
            keys(d).sendKeys(Keys.ARROW_DOWN).sendKeys(Keys.TAB).sendKeys(Keys.ENTER).perform();
            browser.await("a reopening needs a reason", w -> toasts(w).contains("Tulis alasannya"));
            keys(d).sendKeys("Pelapor menelepon lagi, massa berkumpul kembali").sendKeys(Keys.ENTER).perform();
            CallDriver.await("the brawl is open again", () -> incident(http, id).path("status").asString().equals("NEW"));
            JsonNode reopened = incident(http, id);
            assertThat(reopened.path("statusReason").asString()).isEqualTo("Pelapor menelepon lagi, massa berkumpul kembali");
            assertThat(IncidentApiTests.texts(reopened.path("journal"), "type")).contains("IncidentNoteAdded", "IncidentPriorityChanged",
                    "IncidentStatusChanged", "UnitAcknowledged", "AssignmentCancelled");
            JsonNode ack = IncidentApiTests.entries(reopened).stream().filter(e -> e.path("type").asString().equals("UnitAcknowledged"))
                    .findFirst().orElseThrow();
            assertThat(ack.path("actor").asString()).isEqualTo("dispatcher.sleman");
            assertThat(ack.path("payload").path("onBehalf").asBoolean()).as("recorded for the unit, by radio").isTrue();

            keys(d).sendKeys("l").perform();
            browser.await("the panel speaks English", w -> text(w, "incident-status").contains("New")
                    && text(w, "incident-status").contains("Pelapor menelepon lagi"));
            assertThat(text(d, "assignments")).contains("Cancelled").contains("acknowledged by dispatcher.sleman");
            assertThat(css(d, "#incident-body h3:last-of-type")).containsIgnoringCase("Notes");
            keys(d).sendKeys("l").perform();
        }
    }

    @Test
    void theUnitBoardTakesAUnitOutOfServiceAndBackWithLetterKeys() {
        Http http = new Http(port);
        try (Browser browser = Browser.open(port, false)) {
            WebDriver d = login(browser, "dispatcher.sleman");
            keys(d).sendKeys("u").perform();
            browser.await("the board has the keyboard", w -> "units".equals(active(w)) && !css(w, "#units tr.selected").isEmpty());
            for (int i = 0; i < 20 && !"SLM-R2-02".equals(selectedUnit(d)); i++) {
                keys(d).sendKeys(Keys.ARROW_DOWN).perform();
            }
            assertThat(selectedUnit(d)).isEqualTo("SLM-R2-02");

            keys(d).sendKeys("t").perform();
            CallDriver.await("Raimas Sleman 2 is out of service", () -> unit(http, "SLM-R2-02").path("dutyStatus").asString().equals("OUT_OF_SERVICE"));
            String row = "#units tr[data-id='SLM-R2-02']";
            browser.await("the board shows it with since when", w -> css(w, row).contains("Tidak bertugas") && css(w, row).contains("sejak"));
            assertThat(css(d, row)).as("its GPS was never heard: both show").contains("GPS mati");
            assertThat(css(d, row)).containsPattern("sejak \\d\\d:\\d\\d:\\d\\d WIB");
            assertThat(selectedUnit(d)).as("the selection follows the unit").isEqualTo("SLM-R2-02");

            keys(d).sendKeys("k").perform();
            CallDriver.await("returning", () -> unit(http, "SLM-R2-02").path("dutyStatus").asString().equals("RETURNING"));
            keys(d).sendKeys("a").perform();
            CallDriver.await("available again", () -> unit(http, "SLM-R2-02").path("dutyStatus").asString().equals("AVAILABLE"));
            browser.await("the board follows", w -> css(w, row).contains("Tersedia"));
            keys(d).sendKeys(Keys.ENTER).perform();
            browser.await("Enter says it has no incident", w -> toasts(w).contains("tidak sedang menangani kejadian"));
            assertThat(active(d)).as("the board keeps the keyboard: its letters did not reach the page").isEqualTo("units");
        }
    }

    @Test
    void aWalkInReportIsPlacedOnTheMapAndTheSameCallersNextCallShowsIt() {
        Http http = new Http(port);
        CallDriver calls = new CallDriver(coordinator, presence);
        try (Browser browser = Browser.open(port, false)) {
            WebDriver d = login(browser, "operator.sleman1");
            keys(d).sendKeys("w").perform();
            browser.await("the form without a call", w -> "type-input".equals(active(w)) && text(w, "report-title").equalsIgnoreCase("Laporan tanpa panggilan"));
            assertThat(d.findElement(By.id("walkin")).isDisplayed()).isTrue();
            keys(d).sendKeys("pencuri").sendKeys(Keys.TAB).perform();
            browser.await("the channel is next", w -> "walkin-channel".equals(active(w)));

            WebElement map = d.findElement(By.id("map"));
            new org.openqa.selenium.interactions.Actions(d).moveToElement(map, 20, 20).click().perform();
            browser.await("the click places a marker and fills the location", w -> !w.findElements(By.cssSelector(REPORT_MARKER)).isEmpty()
                    && d.findElement(By.id("walkin-location")).getAttribute("value").matches("-?\\d+\\.\\d{5}, -?\\d+\\.\\d{5}"));
            WebElement marker = d.findElement(By.cssSelector(REPORT_MARKER));
            assertThat(marker.getAttribute("class")).contains("leaflet-marker-draggable");
            String clicked = d.findElement(By.id("walkin-location")).getAttribute("value");
            new org.openqa.selenium.interactions.Actions(d).dragAndDropBy(marker, 40, 30).perform();
            browser.await("dragging the marker moves the location", w -> !w.findElement(By.id("walkin-location")).getAttribute("value")
                    .equals(clicked));

            browser.screenshot("operator-walk-in");
            WebElement where = d.findElement(By.id("walkin-location"));
            where.clear();
            where.sendKeys("-7.71600, 110.35500");
            keys(d).sendKeys(Keys.TAB).sendKeys("0812 0030 0051").sendKeys(Keys.TAB).sendKeys("Bu Sri").sendKeys(Keys.TAB).sendKeys("2")
                    .sendKeys(Keys.TAB).sendKeys("SPKT Polres Sleman").perform();
            keys(d).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
            browser.await("the report is on the work panel", w -> text(w, "incident-title").contains("Pencurian"));

            JsonNode listed = http.get("/api/incidents?caller=081200300051", AUTH, SLEMAN_DISPATCHER).json();
            assertThat(listed).hasSize(1);
            JsonNode report = incident(http, listed.get(0).path("id").asString());
            assertThat(report.path("channel").path("name").asString()).isEqualTo("WALK_IN");
            assertThat(report.path("location").path("latitude").asDouble()).isEqualTo(-7.716);
            assertThat(report.path("location").path("longitude").asDouble()).isEqualTo(110.355);
            assertThat(report.path("location").path("origin").asString()).isEqualTo("PICKED");
            assertThat(report.path("callerNumber").asString()).isEqualTo("+6281200300051");
            assertThat(report.path("callerName").asString()).isEqualTo("Bu Sri");
            assertThat(report.path("priority").asInt()).isEqualTo(2);
            assertThat(report.path("address").asString()).isEqualTo("SPKT Polres Sleman");
            assertThat(d.findElements(By.cssSelector(REPORT_MARKER))).as("the form's marker goes with the form").isEmpty();

            calls.ready("OP-3404-1");
            CallId call = calls.dial("+6281200300051", IN_SLEMAN, "OP-3404-1");
            try {
                browser.await("the call shows the caller's earlier incident", w -> text(w, "call-number").equals("081200300051")
                        && text(w, "call-incidents").contains("Pencurian") && text(w, "call-incidents").contains("SPKT Polres Sleman"));
                assertThat(text(d, "call-incidents")).contains("P2").contains("Baru");
                browser.screenshot("operator-caller-incidents");
            } finally {
                calls.callerHangsUp(call);
                presence.change(new OperatorId("OP-3404-1"), Presence.AWAY, "test");
            }
        }
    }

    @Test
    void jurisdictionOutlinesStayVisibleAtStreetZoomWhileTheirFillFades() {
        try (Browser browser = Browser.open(port, false)) {
            WebDriver d = login(browser, "dispatcher.sleman");
            // the console's own map, through its own module (a page loads a module once)
            String styles = """
                    const done = arguments[arguments.length - 1];
                    import('/operator/state.js').then(({ state }) => {
                      const read = () => {
                        const areas = [];
                        state.map.eachLayer((l) => { if (l.feature && l.feature.properties && l.setStyle) areas.push(l.options); });
                        return areas.map((o) => `${o.weight}/${o.opacity}/${o.fillOpacity}`).join(' ');
                      };
                      const fitted = read();
                      state.map.once('zoomend', () => done(fitted + ' | ' + read()));
                      state.map.setView([-7.7160, 110.3550], 17, { animate: false });
                    });
                    """;
            String seen = String.valueOf(((org.openqa.selenium.JavascriptExecutor) d).executeAsyncScript(styles));
            String[] zooms = seen.split(" \\| ");
            assertThat(zooms).hasSize(2);
            assertThat(zooms[0]).as("the whole scope: outlined and filled").contains("/1/0.35");
            assertThat(zooms[1].split(" ")).as("street zoom: a thicker, full outline, a faint fill").allSatisfy(style -> {
                String[] wof = style.split("/");
                assertThat(Double.parseDouble(wof[0])).isGreaterThanOrEqualTo(3.5);
                assertThat(Double.parseDouble(wof[1])).isEqualTo(1.0);
                assertThat(Double.parseDouble(wof[2])).isLessThanOrEqualTo(0.1);
            });
        }
    }

    private static WebDriver login(Browser browser, String user) {
        WebDriver d = browser.driver();
        browser.go("/operator/");
        browser.await("the login page", w -> !w.findElements(By.id("username")).isEmpty());
        d.findElement(By.id("username")).sendKeys(user);
        d.findElement(By.id("password")).sendKeys("siaga110\n");
        browser.await("the console is ready", w -> "true".equals(w.findElement(By.tagName("body")).getAttribute("data-ready")));
        return d;
    }

    /** Every message the console is showing (the newest may sit below older ones). */
    private static String toasts(WebDriver d) {
        return String.valueOf(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return [...document.querySelectorAll('.toast')].map((e) => e.innerText).join(' | ');"));
    }

    private static String active(WebDriver d) {
        return d.switchTo().activeElement().getAttribute("id");
    }

    private static String selectedUnit(WebDriver d) {
        return d.findElement(By.id("units")).getAttribute("data-selected");
    }

    private static JsonNode incident(Http http, String id) {
        return http.get("/api/incidents/" + id, AUTH, SLEMAN_DISPATCHER).json();
    }

    private static JsonNode unit(Http http, String id) {
        return http.get("/api/units/" + id, AUTH, SLEMAN_DISPATCHER).json();
    }

    private static JsonNode assignment(Http http, String incident, String assignment) {
        for (JsonNode a : http.get("/api/incidents/" + incident + "/assignments", AUTH, SLEMAN_DISPATCHER).json()) {
            if (a.path("id").asString().equals(assignment)) {
                return a;
            }
        }
        throw new AssertionError("no assignment " + assignment + " on incident " + incident);
    }
}
