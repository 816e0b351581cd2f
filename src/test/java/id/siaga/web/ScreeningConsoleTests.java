package id.siaga.web;

import static id.siaga.web.CallDriver.IN_SLEMAN;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.Browser;
import id.siaga.telephony.CallId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Screening in the operator's console, in a real browser (issue 16): a number with recent pranks rings with its flag
 * and facts in the call pop, the operator answers it all the same, and classifies the call with the keyboard alone
 * (J, then a digit).
 */
class ScreeningConsoleTests extends CallApiTestBase {

    @Test
    void aFlaggedNumberRingsWithItsFactsAndTheOperatorClassifiesTheCallByKeyboard() throws Exception {
        String caller = "+6281200190001";
        for (int i = 0; i < 3; i++) {
            CallId prank = calls.dial(caller, IN_SLEMAN, "OP-3404-1");
            calls.answerAndHangUp(prank, "OP-3404-1");
            assertThat(http.post("/api/calls/" + prank.value() + "/classification", "{\"classification\":\"PRANK\"}", AUTH, SLEMAN_OPERATOR)
                    .status()).isEqualTo(200);
        }
        try (Browser browser = Browser.open(port, false)) {
            ConsoleAccessTests.logIn(browser, "operator.sleman1");
            browser.await("the console is ready", w -> "true".equals(w.findElement(By.tagName("body")).getDomAttribute("data-ready")));

            CallId call = calls.dial(caller, IN_SLEMAN, "OP-3404-1");
            WebElement facts = browser.await("the pop says what the number did", d -> {
                WebElement p = d.findElement(By.id("call-screening"));
                return p.isDisplayed() ? p : null;
            });
            assertThat(facts.getText()).contains("NOMOR DITANDAI").contains("3 panggilan iseng dalam 7 hari");
            assertThat(facts.getDomAttribute("class")).contains("flagged");
            browser.await("the queue marks it", d -> !d.findElements(By.cssSelector("#queue li[data-id='" + call.value() + "'] .flagged")).isEmpty());
            browser.screenshot("operator-flagged-number-rings");

            calls.answer(call, "OP-3404-1");
            browser.await("the report form pops on the answered call", d -> d.findElement(By.id("report")).isDisplayed());
            Actions keys = new Actions(browser.driver());
            keys.sendKeys(Keys.ESCAPE).perform();
            browser.await("the report form is closed", d -> !d.findElement(By.id("report")).isDisplayed());
            keys.sendKeys("j").perform();
            browser.await("the wrap-up list has the keys", d -> "wrapup-list".equals(d.switchTo().activeElement().getDomAttribute("id")));
            keys.sendKeys("1").perform();
            browser.await("classified genuine", d -> "GENUINE".equals(d.findElement(By.id("wrapup-done")).getDomAttribute("data-classification")));
            browser.screenshot("operator-wrap-up-by-keyboard");
            calls.hangUp(call);

            assertThat(http.get("/api/calls/" + call.value() + "/classification", AUTH, SLEMAN_OPERATOR).json().get("by").asString())
                    .isEqualTo("operator.sleman1");
            assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
        }
    }
}
