package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.location.LocationFix;
import id.siaga.location.LocationSource;
import id.siaga.support.Browser;
import id.siaga.telephony.CallId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator sees how old the caller's position is, in a real browser: a caller's phone fixed its GPS position almost five
 * minutes before the call; the call panel says "posisi 4 menit lalu", and as the operator watches, the count goes on and
 * past five minutes the position is marked old ("posisi lama, 5 menit lalu"), in the warning colour; in English as well.
 */
class CallerPositionAgeConsoleTests extends CallApiTestBase {

    @Test
    void thePositionsAgeCountsOnScreenAndAnOldPositionIsMarkedOld() {
        try (Browser browser = Browser.open(port, false)) {
            ConsoleAccessTests.logIn(browser, "operator.sleman1");
            browser.await("the console is ready", w -> "true".equals(w.findElement(By.tagName("body")).getDomAttribute("data-ready")));

            Instant fixed = Instant.now().minus(Duration.ofMinutes(4)).minusSeconds(30);
            LocationFix earlier = new LocationFix(-7.7156, 110.3558, 12, LocationSource.PIDF_LO, "GPS", Optional.of(fixed));
            CallId call = calls.dial("+6281200190077", earlier, "OP-3404-1");
            // the count moves on its own: watched for as long as it takes on a busy machine, never timed
            WebDriverWait watching = new WebDriverWait(browser.driver(), Duration.ofSeconds(120));
            WebElement age = watching.withMessage("the panel says how old the position is").until(d -> {
                WebElement a = d.findElement(By.id("call-location-age"));
                return a.isDisplayed() && a.getText().equals("posisi 4 menit lalu") ? a : null;
            });
            assertThat(age.getDomAttribute("class")).doesNotContain("warn");
            assertThat(browser.driver().findElement(By.id("call-location")).getText()).contains("-7.71560, 110.35580");
            browser.screenshot("operator-caller-position-4-minutes");

            watching.withMessage("past five minutes the position is marked old").until(d -> d.findElement(By.id("call-location-age")).getText()
                    .equals("posisi lama, 5 menit lalu"));
            assertThat(browser.driver().findElement(By.id("call-location-age")).getDomAttribute("class")).contains("warn");
            browser.screenshot("operator-caller-position-old");
            new org.openqa.selenium.interactions.Actions(browser.driver()).sendKeys("l").perform();
            browser.await("in English too", d -> d.findElement(By.id("call-location-age")).getText().matches("old position, [5-9] min ago"));
            calls.callerHangsUp(call);
            assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
        }
    }
}
