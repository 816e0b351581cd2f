package id.siaga.web;

import static id.siaga.web.CallDriver.IN_SLEMAN;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.org.StationId;
import id.siaga.support.Browser;
import id.siaga.telephony.CallId;
import id.siaga.telephony.Gate;
import id.siaga.telephony.IncomingCall;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
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

    /** The gate for Polda DIY as a server with a media plane has it (this context has no SIP edge: prompts go nowhere). */
    static final Gate GATE = new Gate(Set.of(StationId.of("POLDA-DIY")), Duration.ofSeconds(10), true);

    /** Three answered calls from the number, each classified a prank by Sleman's operator: its reputation flags it. */
    void threePranks(String caller) {
        for (int i = 0; i < 3; i++) {
            CallId prank = calls.dial(caller, IN_SLEMAN, "OP-3404-1");
            calls.answerAndHangUp(prank, "OP-3404-1");
            assertThat(http.post("/api/calls/" + prank.value() + "/classification", "{\"classification\":\"PRANK\"}", AUTH, SLEMAN_OPERATOR)
                    .status()).isEqualTo(200);
        }
    }

    @AfterEach
    void gateOff() {
        coordinator.gate(Gate.OFF);
    }

    @Test
    void aFlaggedCallerAtTheGateShowsInTheQueueAndRingsConfirmedOncePressingOne() throws Exception {
        String caller = "+6281200190002";
        threePranks(caller);
        coordinator.gate(GATE);
        assertThat(http.get("/api/screening/gate", AUTH, SLEMAN_OPERATOR).json().get("here").asBoolean()).isTrue();
        try (Browser browser = Browser.open(port, false)) {
            ConsoleAccessTests.logIn(browser, "operator.sleman1");
            browser.await("the console is ready", w -> "true".equals(w.findElement(By.tagName("body")).getDomAttribute("data-ready")));

            CallId call = CallId.random();
            coordinator.offer(new IncomingCall(call, caller, "110", IN_SLEMAN, null));
            browser.await("the queue shows it at the gate", d -> d.findElements(By.cssSelector("#queue li[data-id='" + call.value() + "'] .gate-WAITING"))
                    .stream().anyMatch(b -> b.getText().contains("gerbang")));
            assertThat(calls.phones.rang(call, "OP-3404-1")).as("no phone rings while the caller hears 'tekan 1'").isFalse();
            browser.screenshot("operator-caller-at-the-gate");

            coordinator.keyPressed(call, "1", "caller", 120);
            CallDriver.await("the phone rings once 1 is pressed", () -> calls.phones.rang(call, "OP-3404-1"));
            browser.await("the queue shows it confirmed", d -> d.findElements(By.cssSelector("#queue li[data-id='" + call.value() + "'] .gate-CONFIRMED"))
                    .stream().anyMatch(b -> b.getText().contains("tekan 1")));
            calls.answer(call, "OP-3404-1");
            browser.await("the panel says it was confirmed", d -> d.findElement(By.id("call-gate")).getText().contains("darurat dikonfirmasi"));
            browser.screenshot("operator-confirmed-at-the-gate");
            calls.hangUp(call);
        }
    }

    @Test
    void theOperatorAsksASilentCallerForFiveFiveByKeyboardAndFiveFiveOpensAnIncidentAtTheCallersPlace() throws Exception {
        coordinator.gate(GATE); // a media plane, as far as the console and the loop can tell
        try (Browser browser = Browser.open(port, false)) {
            ConsoleAccessTests.logIn(browser, "operator.sleman1");
            browser.await("the console is ready", w -> "true".equals(w.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            CallId call = calls.dial("+6281200190003", IN_SLEMAN, "OP-3404-1");
            calls.answer(call, "OP-3404-1");
            browser.await("the report form pops on the answered call", d -> d.findElement(By.id("report")).isDisplayed());
            Actions keys = new Actions(browser.driver());
            keys.sendKeys(Keys.ESCAPE).perform();
            browser.await("the report form is closed", d -> !d.findElement(By.id("report")).isDisplayed());
            browser.await("the panel offers the 5 5 prompt", d -> d.findElement(By.id("silent-ask")).isDisplayed());
            keys.sendKeys("d").perform();
            browser.await("the panel says the caller heard it", d -> d.findElement(By.id("call-silent")).getText().contains("Menunggu 5 5"));

            coordinator.keyPressed(call, "5", "caller", 100);
            coordinator.keyPressed(call, "5", "caller", 100);
            browser.await("the panel says silent emergency", d -> d.findElement(By.id("call-silent")).getText().contains("DARURAT SENYAP"));
            browser.await("an incident of the silent emergency is listed for the dispatchers",
                    d -> d.findElement(By.id("open-incidents")).getText().contains("Darurat senyap"));
            browser.screenshot("operator-silent-emergency");
            var incidents = http.get("/api/incidents?limit=10&caller=%2B6281200190003", AUTH, SLEMAN_OPERATOR).json();
            assertThat(incidents.size()).isEqualTo(1);
            assertThat(incidents.get(0).get("type").asString()).isEqualTo("SILENT_EMERGENCY");
            assertThat(incidents.get(0).get("priority").asInt()).isEqualTo(1);
            assertThat(incidents.get(0).get("callId").asString()).isEqualTo(call.value());
            calls.hangUp(call);
            assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
        }
    }

    @Test
    void aSilentEmergencyWithoutALocationOpensItsIncidentWhenTheFirstLocationArrives() {
        coordinator.gate(GATE);
        calls.ready("OP-DIY-1");
        String caller = "+6281200190005";
        CallId call = calls.dial(caller, null, "OP-DIY-1"); // no location: the default station, Polda DIY, takes it
        calls.answer(call, "OP-DIY-1");
        assertThat(coordinator.askSilentCaller(call, new id.siaga.org.OperatorId("OP-DIY-1"), true))
                .isEqualTo(id.siaga.telephony.CallCoordinator.SilentAsk.PLAYED);
        coordinator.keyPressed(call, "5", "caller", 100);
        coordinator.keyPressed(call, "5", "caller", 100);
        CallDriver.await("the call is a silent emergency", () -> coordinator.live().stream()
                .anyMatch(c -> c.id().equals(call.value()) && c.silentEmergencyAt() != null));
        String incidents = "/api/incidents?limit=10&caller=" + java.net.URLEncoder.encode(caller, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(http.get(incidents, AUTH, DIY_SUPERVISOR).json().size()).as("nowhere to send units yet").isZero();

        coordinator.locationOfCall(call, IN_SLEMAN, true, "AML by SMS");
        var opened = CallDriver.awaitValue("the incident opens with the first location", () -> http.get(incidents, AUTH, DIY_SUPERVISOR).json(),
                j -> j.size() == 1);
        assertThat(opened.get(0).get("type").asString()).isEqualTo("SILENT_EMERGENCY");
        assertThat(opened.get(0).get("callId").asString()).isEqualTo(call.value());
        coordinator.locationOfCall(call, IN_SLEMAN, true, "AML by SMS");
        CallDriver.sleep(500);
        assertThat(http.get(incidents, AUTH, DIY_SUPERVISOR).json().size()).as("once").isEqualTo(1);
        calls.hangUp(call);
    }

    @Test
    void withoutAMediaPlaneTheSilentPromptIsRefusedWithTheReason() {
        CallId call = calls.dial("+6281200190004", IN_SLEMAN, "OP-3404-1");
        calls.answer(call, "OP-3404-1");
        Http.Response refused = http.post("/api/calls/" + call.value() + "/silent-prompt", "{}", AUTH, SLEMAN_OPERATOR);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("no media plane");
        assertThat(http.post("/api/calls/" + call.value() + "/silent-prompt", "{}", AUTH, SLEMAN_OPERATOR_2).status())
                .as("not the operator on the line").isEqualTo(409);
        assertThat(http.get("/api/screening/gate", AUTH, SLEMAN_OPERATOR).json().get("state").asString()).isEqualTo("OFF");
        calls.hangUp(call);
        assertThat(http.post("/api/calls/" + call.value() + "/silent-prompt", "{}", AUTH, SLEMAN_OPERATOR).status()).as("ended").isEqualTo(404);
    }

    @Test
    void aFlaggedNumberRingsWithItsFactsAndTheOperatorClassifiesTheCallByKeyboard() throws Exception {
        String caller = "+6281200190001";
        threePranks(caller);
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
