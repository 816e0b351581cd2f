package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The administration console in a real browser, as a Polres goes live: the administrator lands on the users page,
 * adds an operator of Polres Sleman with the keyboard and reads the temporary password off the screen; the operator
 * logs in with it, is held on the password page until choosing a password of their own, and then lands in the
 * operator console. Other roles never see the administration console.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:adminconsoletests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/adminconsoletests-spool.jsonl", "siaga.telephony.enabled=false"})
class AdminConsoleTests {

    @LocalServerPort
    int port;

    static void logIn(Browser browser, String username, String password) {
        browser.go("/login");
        browser.driver().findElement(By.id("username")).sendKeys(username);
        browser.driver().findElement(By.id("password")).sendKeys(password + "\n");
    }

    static boolean ready(WebDriver d) {
        return "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready"));
    }

    @Test
    void theAdministratorAddsAnOperatorWhoChangesTheTemporaryPasswordAndLandsInTheOperatorConsole() {
        String temporary;
        try (Browser admin = Browser.open(port, false)) {
            logIn(admin, "admin", "siaga110");
            admin.await("the users page", d -> d.getCurrentUrl().endsWith("/admin/") && ready(d));
            WebDriver d = admin.driver();
            assertThat(d.findElement(By.cssSelector("nav.admin-nav a[aria-current=page]")).getText()).isEqualTo("Pengguna");
            assertThat(d.findElement(By.cssSelector("#users tr[data-user='operator.sleman1']")).getText())
                    .contains("Bripka Rina Wulandari").contains("Operator").contains("Aktif");
            admin.screenshot("admin-users");

            d.findElement(By.tagName("body")).sendKeys("n");
            admin.await("the new user form", x -> x.findElement(By.id("edit")).isDisplayed());
            assertThat(d.findElement(By.id("edit-title")).getText()).isEqualTo("Pengguna baru");
            assertThat(d.switchTo().activeElement().getDomAttribute("id")).isEqualTo("e-username");
            d.switchTo().activeElement().sendKeys("operator.sleman3");
            d.findElement(By.id("e-name")).sendKeys("Briptu Lina Marlina");
            new Select(d.findElement(By.id("e-station"))).selectByValue("POLRES-3404");
            admin.screenshot("admin-new-user");
            d.findElement(By.id("e-name")).sendKeys(Keys.ENTER);

            admin.await("the temporary password", x -> x.findElement(By.id("secret")).isDisplayed());
            assertThat(d.findElement(By.id("secret-for")).getText()).contains("Briptu Lina Marlina").contains("operator.sleman3");
            temporary = d.findElement(By.id("secret-value")).getText();
            assertThat(temporary).matches("[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}");
            admin.screenshot("admin-temporary-password");
            d.switchTo().activeElement().sendKeys(Keys.ENTER);
            admin.await("the dialog closed", x -> !x.findElement(By.id("secret")).isDisplayed());
            WebElement row = admin.await("the new row", x -> x.findElement(By.cssSelector("#users tr[data-user='operator.sleman3']")));
            assertThat(row.getText()).contains("Briptu Lina Marlina").contains("Polres Sleman").contains("harus ganti kata sandi");
            assertThat(admin.contentSecurityPolicyViolations()).isEmpty();
        }

        try (Browser operator = Browser.open(port, false)) {
            logIn(operator, "operator.sleman3", temporary);
            operator.await("the password page", d -> d.getCurrentUrl().endsWith("/account/password")
                    && d.findElement(By.id("forced")).isDisplayed());
            WebDriver d = operator.driver();
            assertThat(d.findElement(By.id("forced")).getText()).startsWith("Kata sandi Anda dibuat oleh administrator");
            operator.go("/operator/");
            operator.await("held on the password page", x -> x.getCurrentUrl().endsWith("/account/password"));

            d.findElement(By.id("current")).sendKeys(temporary);
            d.findElement(By.id("new")).sendKeys("pendek");
            d.findElement(By.id("repeat")).sendKeys("pendek\n");
            operator.await("the reason", x -> x.findElement(By.id("message")).isDisplayed());
            assertThat(d.findElement(By.id("message")).getText()).isEqualTo("Kata sandi baru terlalu pendek: paling sedikit 10 karakter.");
            operator.screenshot("password-too-short");

            d.findElement(By.id("new")).clear();
            d.findElement(By.id("new")).sendKeys("Merapi-Pagi-Cerah");
            d.findElement(By.id("repeat")).clear();
            d.findElement(By.id("repeat")).sendKeys("Merapi-Pagi-Cerah\n");
            operator.await("the operator console", x -> x.getCurrentUrl().endsWith("/operator/"));
            operator.await("who is logged in", x -> x.findElement(By.cssSelector("[data-who]")).getText().contains("Briptu Lina Marlina"));
            operator.screenshot("operator-after-password-change");
            operator.go("/admin/");
            assertThat(d.getPageSource()).doesNotContain("data-admin-nav");
            assertThat(operator.contentSecurityPolicyViolations()).isEmpty();
        }
    }
}
