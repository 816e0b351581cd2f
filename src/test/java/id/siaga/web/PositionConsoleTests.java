package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.app.PresenceService;
import id.siaga.org.OperatorId;
import id.siaga.org.Presence;
import id.siaga.org.StationId;
import id.siaga.security.Role;
import id.siaga.security.UserAccount;
import id.siaga.security.UserAccountStore;
import id.siaga.support.Browser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The "Posisi & telepon" page in Chromium: Polda DIY's administrator adds a fourth desk at Polres Sleman with the keyboard,
 * gives it a phone and is shown its password once, in a box of its own with a copy button and a warning. A Sleman
 * position that says READY without a registered phone is flagged on the page and on the supervisor board.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:positionapitests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/positionapitests-spool.jsonl", "siaga.telephony.enabled=false"})
class PositionConsoleTests {

    @LocalServerPort
    int port;
    @Autowired
    UserAccountStore accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PresenceService presence;

    @Test
    void anAdministratorAddsADeskGivesItAPhoneAndIsShownItsPasswordOnce() throws Exception {
        if (accounts.find("admin.polda.diy").isEmpty()) {
            accounts.save(new UserAccount("admin.polda.diy", "Kompol Sari", encoder.encode("siaga110"), Set.of(Role.ADMIN), StationId.of("POLDA-DIY"), true));
        }
        try (Browser browser = Browser.open(port, false)) {
            WebDriver d = browser.driver();
            ConsoleAccessTests.logIn(browser, "admin.polda.diy");
            browser.await("logged in", w -> !w.getCurrentUrl().contains("/login"));
            browser.go("/admin/positions.html");
            browser.await("Polda DIY's positions", w -> w.findElement(By.id("positions")).getText().contains("OP-DIY-1"));
            assertThat(d.findElement(By.cssSelector("nav.admin-nav a[aria-current=page]")).getText()).isEqualTo("Posisi & telepon");

            new Select(d.findElement(By.id("station"))).selectByValue("POLRES-3404");
            browser.await("Sleman's positions", w -> w.findElement(By.id("positions")).getText().contains("OP-3404-1")
                    && !w.findElement(By.id("positions")).getText().contains("OP-DIY-1"));
            ((org.openqa.selenium.JavascriptExecutor) d).executeScript("document.activeElement.blur()");
            new Actions(d).sendKeys("n").perform();
            browser.await("the new position dialog", w -> w.findElement(By.id("position-dialog")).isDisplayed());
            new Actions(d).sendKeys("OP-3404-4").sendKeys(Keys.TAB).sendKeys(Keys.TAB).sendKeys("Meja 4 Sleman").sendKeys(Keys.ENTER).perform();
            browser.await("the new position listed", w -> w.findElement(By.cssSelector("tr[data-position='OP-3404-4']")).getText().contains("Meja 4 Sleman"));
            assertThat(d.findElement(By.cssSelector("tr[data-position='OP-3404-4']")).getText()).contains("belum ada telepon");

            d.findElement(By.cssSelector("tr[data-position='OP-3404-4'] td.actions"))
                    .findElements(By.tagName("button")).stream().filter(b -> b.getText().equals("Telepon")).findFirst().orElseThrow().click();
            browser.await("the phone dialog", w -> w.findElement(By.id("phone-dialog")).isDisplayed());
            new Actions(d).sendKeys(Keys.ENTER).perform();
            browser.await("the credentials, once", w -> w.findElement(By.id("credentials-dialog")).isDisplayed()
                    && w.findElement(By.id("cred-password")).getText().length() == 20);
            String password = d.findElement(By.id("cred-password")).getText();
            assertThat(d.findElement(By.id("cred-user")).getText()).isEqualTo("op-3404-4");
            assertThat(d.findElement(By.cssSelector("#credentials-dialog .warning")).getText()).contains("hanya ditampilkan sekali");
            assertThat(d.findElement(By.id("copy-password")).isDisplayed()).isTrue();
            browser.screenshot("admin-positions-credentials-once");
            assertThat(jdbc.queryForObject("SELECT ha1 FROM position_phone WHERE position_id = 'OP-3404-4'", String.class))
                    .isEqualTo(md5("op-3404-4:siaga110:" + password));

            d.findElement(By.id("credentials-done")).click();
            browser.await("the password is gone from the page", w -> !w.findElement(By.id("credentials-dialog")).isDisplayed()
                    && !w.getPageSource().contains(password));
            browser.await("the phone listed, never registered", w -> w.findElement(By.cssSelector("tr[data-position='OP-3404-4']")).getText()
                    .contains("Belum pernah terdaftar"));

            OperatorId sleman2 = new OperatorId("OP-3404-2");
            presence.change(sleman2, Presence.READY, "test");
            try {
                d.navigate().refresh();
                new Select(browser.await("the station list", w -> w.findElement(By.id("station")))).selectByValue("POLRES-3404");
                browser.await("the problem is shown", w -> w.findElement(By.id("problems")).getText().contains("Siap tanpa telepon terdaftar: Brigpol Hendra Saputra"));
                browser.screenshot("admin-positions-ready-without-phone");
                try (Browser board = Browser.open(port, false)) {
                    ConsoleAccessTests.logIn(board, "supervisor.sleman");
                    board.await("the supervisor board", w -> w.getCurrentUrl().contains("/supervisor"));
                    board.await("the board flags it", w -> w.findElement(By.id("phone-problems")).getText()
                            .contains("Siap tanpa telepon terdaftar: Brigpol Hendra Saputra"));
                    board.screenshot("supervisor-ready-without-phone");
                }
            } finally {
                presence.change(sleman2, Presence.OFFLINE, "test");
            }

            ((org.openqa.selenium.JavascriptExecutor) d).executeScript("document.activeElement.blur()");
            new Actions(d).sendKeys("l").perform();
            browser.await("the page in English", w -> "Positions & phones".equals(w.findElement(By.id("positions-title")).getDomProperty("textContent"))
                    && w.findElement(By.id("positions")).getText().contains("Never registered"));
            browser.screenshot("admin-positions-english");
            assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
            new Actions(d).sendKeys("l").perform();
        }
    }

    private static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
