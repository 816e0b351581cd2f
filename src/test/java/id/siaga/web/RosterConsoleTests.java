package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.Browser;
import id.siaga.telephony.registrar.Registrar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The roster page in a real browser, on the wall clock: Sleman's supervisor plans a shift with the keyboard and removes
 * another; the hour table shows it planned; an administrator tries to put suspended Kulon Progo live, reads why not,
 * then, once its phone has registered and its next 24 hours are planned, puts it live.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:rosterconsoletests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/rosterconsoletests-spool.jsonl", "siaga.telephony.enabled=false"})
class RosterConsoleTests {

    static final String AUTH = "Authorization";
    static final String ADMIN = Http.basic("admin", "siaga110");
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    @LocalServerPort
    int port;
    @Autowired
    Registrar registrar;

    @Test
    void aSupervisorPlansTheWeekWithTheKeyboard() {
        Http http = new Http(port);
        LocalDate today = LocalDate.now(WIB);
        Instant hourStart = Instant.now().truncatedTo(ChronoUnit.HOURS);
        // a shift to remove, later in the week of today
        Http.Response other = http.post("/api/stations/POLRES-3404/roster", "{\"position\":\"OP-3404-2\",\"username\":\"operator.sleman2\",\"from\":\""
                + today + "T20:00\",\"to\":\"" + today.plusDays(1) + "T06:00\"}", AUTH, ADMIN);
        assertThat(other.status()).as(other.body()).isEqualTo(201);

        try (Browser browser = Browser.open(port, false)) {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1500, 1400));
            ConsoleAccessTests.logIn(browser, "supervisor.sleman");
            browser.await("the supervisor board", d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            browser.await("the link to the roster", d -> d.findElement(By.cssSelector("header a[href='/supervisor/roster.html']"))).click();
            ready(browser);
            WebDriver d = browser.driver();
            assertThat(d.findElement(By.cssSelector("header h1")).getText()).contains("Jadwal Jaga");
            assertThat(d.findElements(By.cssSelector("#grid tbody tr"))).hasSize(2);

            // keyboard: into the grid, right to today's column, Enter fills the form for Rina's position and today
            int weekday = today.getDayOfWeek().getValue() - 1;
            WebElement first = d.findElement(By.cssSelector("#grid tbody tr:nth-child(1) td"));
            ((JavascriptExecutor) d).executeScript("arguments[0].focus()", first);
            for (int i = 0; i < weekday; i++) {
                d.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
            }
            d.switchTo().activeElement().sendKeys(Keys.ENTER);
            assertThat(d.switchTo().activeElement().getDomAttribute("id")).isEqualTo("person");
            assertThat(d.findElement(By.id("person")).getDomProperty("value")).isEqualTo("operator.sleman1");
            assertThat(d.findElement(By.id("day")).getDomProperty("value")).isEqualTo(today.toString());
            String from = hourStart.atZone(WIB).toLocalTime().toString();
            String to = hourStart.plus(Duration.ofHours(8)).atZone(WIB).toLocalTime().toString();
            ((JavascriptExecutor) d).executeScript("document.getElementById('from').value = arguments[0];"
                    + "document.getElementById('to').value = arguments[1];", from, to);
            d.findElement(By.id("person")).sendKeys(Keys.ENTER);
            browser.await("the new shift in today's cell", x -> x.findElements(By.cssSelector(
                    "#grid td[data-position='OP-3404-1'][data-day='" + today + "'] .shift")).size() == 1);
            assertThat(d.findElement(By.cssSelector("#grid td[data-position='OP-3404-1'][data-day='" + today + "'] .shift")).getText())
                    .contains(from + "–" + to).contains("Bripka Rina Wulandari");
            browser.screenshot("roster-week");

            // Delete on the focused shift removes it
            WebElement evening = d.findElement(By.cssSelector("#grid td[data-position='OP-3404-2'][data-day='" + today + "'] .shift"));
            ((JavascriptExecutor) d).executeScript("arguments[0].focus()", evening);
            d.switchTo().activeElement().sendKeys(Keys.DELETE);
            browser.await("the evening shift gone", x -> x.findElements(By.cssSelector(
                    "#grid td[data-position='OP-3404-2'][data-day='" + today + "'] .shift")).isEmpty());
            browser.await("this hour planned for one position", x -> x.findElement(By.cssSelector("#hours tr[data-hour='"
                    + hourStart.atZone(WIB).getHour() + "'] td.planned")).getText().equals("1"));

            // the checklist is shown to a supervisor, the change is not theirs
            assertThat(d.findElement(By.id("status-button")).isEnabled()).isFalse();
            assertThat(d.findElements(By.cssSelector("#checklist li"))).hasSize(3);

            d.findElement(By.tagName("body")).sendKeys("l");
            browser.await("English", x -> x.findElement(By.cssSelector("header h1")).getText().contains("Shift roster"));
            browser.screenshot("roster-week-en");
            d.findElement(By.tagName("body")).sendKeys("l");

            // the board shows today's plan against READY: this hour one position planned, nobody READY, marked short
            int hour = hourStart.atZone(WIB).getHour();
            browser.go("/supervisor/");
            browser.await("the board's staffing strip", x -> x.findElement(By.cssSelector("#staffing-hours td.planned[data-hour='" + hour + "']"))
                    .getText().equals("1"));
            assertThat(d.findElement(By.cssSelector("#staffing-hours td.ready[data-hour='" + hour + "']")).getDomAttribute("class"))
                    .contains("under");
            assertThat(d.findElement(By.id("staffing-note")).getText()).startsWith("Jam kurang orang").contains(String.format("%02d:00", hour));
            browser.screenshot("board-planned-ready");
        }
        List<String> left = new java.util.ArrayList<>();
        http.get("/api/stations/POLRES-3404/roster?from=" + today + "&days=2", AUTH, ADMIN).json().path("shifts")
                .forEach(s -> left.add(s.path("position").asString()));
        assertThat(left).containsExactly("OP-3404-1");
    }

    @Test
    void anAdministratorSeesWhyAStationCannotGoLiveAndPutsItLiveOnceReady() {
        Http http = new Http(port);
        assertThat(http.put("/api/stations/POLRES-3401/status", "{\"status\":\"SUSPENDED\",\"reason\":\"server dipindah\"}", AUTH, ADMIN).status())
                .isEqualTo(200);
        try (Browser browser = Browser.open(port, false)) {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1500, 1600));
            WebDriver d = browser.driver();
            ConsoleAccessTests.logIn(browser, "admin");
            browser.await("the board", x -> "true".equals(x.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            browser.go("/supervisor/roster.html?station=POLRES-3401");
            ready(browser);
            assertThat(d.findElement(By.id("current-status")).getDomAttribute("data-status")).isEqualTo("SUSPENDED");
            assertThat(d.findElement(By.cssSelector("#checklist li[data-item='PHONE']")).getDomAttribute("data-met")).isEqualTo("false");
            assertThat(d.findElement(By.cssSelector("#checklist li[data-item='ROSTER']")).getDomAttribute("data-met")).isEqualTo("false");
            assertThat(d.findElement(By.cssSelector("#checklist li[data-item='JURISDICTION']")).getDomAttribute("data-met")).isEqualTo("true");

            new Select(d.findElement(By.id("new-status"))).selectByValue("LIVE");
            d.findElement(By.id("reason")).sendKeys("siap melayani\n");
            browser.await("the refusal", x -> x.findElement(By.id("refusal")).isDisplayed());
            assertThat(d.findElement(By.id("refusal")).getText()).contains("Belum bisa LIVE").contains("telepon");
            ((JavascriptExecutor) d).executeScript("document.getElementById('rollout-panel').scrollIntoView()");
            browser.screenshot("rollout-refused");

            // the position's phone registers; the next 24 hours are planned
            registrar.register("op-3401-1", "sip:op-3401-1@192.0.2.41:5060", OptionalLong.of(3600), "reg-kp", 1, Instant.now());
            Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS);
            plan(http, start, start.plus(Duration.ofHours(14)));
            plan(http, start.plus(Duration.ofHours(14)), start.plus(Duration.ofHours(26)));
            browser.go("/supervisor/roster.html?station=POLRES-3401");
            ready(browser);
            browser.await("every item met", x -> x.findElements(By.cssSelector("#checklist li.met")).size() == 3);
            new Select(d.findElement(By.id("new-status"))).selectByValue("LIVE");
            d.findElement(By.id("reason")).sendKeys("telepon terdaftar, jadwal terisi\n");
            browser.await("live", x -> "LIVE".equals(x.findElement(By.id("current-status")).getDomAttribute("data-status")));
            assertThat(d.findElement(By.id("refusal")).isDisplayed()).isFalse();
            ((JavascriptExecutor) d).executeScript("document.getElementById('rollout-panel').scrollIntoView()");
            browser.screenshot("rollout-live");
        }
        assertThat(http.get("/api/stations/POLRES-3401", AUTH, ADMIN).json().path("station").path("status").asString()).isEqualTo("LIVE");
    }

    private static void plan(Http http, Instant from, Instant to) {
        Http.Response r = http.post("/api/stations/POLRES-3401/roster", "{\"position\":\"OP-3401-1\",\"username\":\"operator.kulonprogo1\",\"from\":\""
                + from + "\",\"to\":\"" + to + "\"}", AUTH, ADMIN);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private static void ready(Browser browser) {
        browser.await("the roster page", d -> d.getCurrentUrl().contains("/supervisor/roster.html"));
        browser.await("the roster is loaded", d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }
}
