package id.siaga.web;

import static id.siaga.web.CallDriver.IN_SLEMAN;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.Browser;
import id.siaga.telephony.CallId;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * What the media plane says about calls, in the consoles (issue 15): the operator sees the keys the caller presses and
 * a call that is not recorded; the supervisor's board lists today's calls without a recording; every console's header
 * says whether calls are recorded at all (here: no media plane, so "recording off"). In a real browser; the media
 * plane's reports come through the call loop's own doors, as the SIP edge gives them.
 */
class MediaConsoleTests extends CallApiTestBase {

    static final String RTPENGINE_SILENT = "rtpengine 192.0.2.10:2223 did not answer within 250 ms (3 tries)";

    @Test
    void withoutAMediaPlaneEveryConsoleIsToldCallsAreNotRecorded() {
        Http.Response response = http.get("/api/media", AUTH, SLEMAN_OPERATOR);
        assertThat(response.status()).isEqualTo(200);
        JsonNode status = response.json();
        assertThat(status.get("recording").asString()).isEqualTo("OFF");
        assertThat(status.get("instances").asInt()).isZero();
        assertThat(http.get("/api/media", AUTH, SLEMAN_OFFICER).status()).as("officers have no console header").isEqualTo(403);
    }

    @Test
    void theOperatorSeesTheKeysTheCallerPressesAndThatTheCallIsNotRecorded() throws Exception {
        try (Browser browser = Browser.open(port, false)) {
            ConsoleAccessTests.logIn(browser, "operator.sleman1");
            browser.await("the console is ready", w -> "true".equals(w.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            assertThat(browser.<String>await("the recording badge", d -> d.findElement(By.id("recording")).getDomAttribute("data-recording")))
                    .isEqualTo("OFF");

            CallId call = calls.dial("+6281200170001", IN_SLEMAN, "OP-3404-1");
            try {
                coordinator.keyPressed(call, "1", "caller", 120);
                coordinator.keyPressed(call, "2", "caller", 120);
                browser.await("the caller's keys on the ringing call", d -> d.findElement(By.id("call-keys")).getText().equals("1 2"));
                coordinator.mediaUnavailable(call, "offer", RTPENGINE_SILENT);
                WebElement media = browser.await("the call says it is not recorded", d -> {
                    WebElement p = d.findElement(By.id("call-media"));
                    return p.isDisplayed() ? p : null;
                });
                assertThat(media.getText()).contains("tidak direkam").contains(RTPENGINE_SILENT);
                browser.await("the queue marks it", d -> !d.findElements(By.cssSelector("#queue li[data-id='" + call.value() + "'] .unrecorded")).isEmpty());
                browser.screenshot("operator-keys-and-unrecorded-call");

                calls.answer(call, "OP-3404-1");
                coordinator.keyPressed(call, "#", "caller", 90);
                browser.await("a key pressed after the answer", d -> d.findElement(By.id("call-keys")).getText().equals("1 2 #"));
            } finally {
                calls.hangUp(call);
            }
        }
    }

    @Test
    void theSupervisorsBoardListsTodaysCallsWithoutARecording() throws Exception {
        CallId call = calls.dial("+6281200170002", IN_SLEMAN, "OP-3404-1");
        coordinator.mediaUnavailable(call, "offer", RTPENGINE_SILENT);
        calls.answerAndHangUp(call, "OP-3404-1");
        CallDriver.await("the board counts it", () -> gaps().stream().anyMatch(g -> g.get("call").asString().equals(call.value())));
        JsonNode gap = gaps().stream().filter(g -> g.get("call").asString().equals(call.value())).findFirst().orElseThrow();
        assertThat(gap.get("station").asString()).isEqualTo("POLRES-3404");
        assertThat(gap.get("step").asString()).isEqualTo("offer");
        assertThat(gap.get("reason").asString()).isEqualTo(RTPENGINE_SILENT);
        assertThat(http.get("/api/supervision/board", AUTH, DIY_SUPERVISOR).json().get("media").get("total").asInt()).isPositive();

        try (Browser browser = Browser.open(port, false)) {
            ConsoleAccessTests.logIn(browser, "supervisor.diy");
            browser.await("the board is loaded", d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            // the row's text is read where it is found: the board draws its rows again at each refresh
            String row = browser.await("the call is listed", d -> d.findElements(By.cssSelector("#media-gap-rows tr[data-call='" + call.value() + "']"))
                    .stream().findFirst().map(WebElement::getText).orElse(null));
            assertThat(row).contains("Polres Sleman").contains("offer").contains(RTPENGINE_SILENT);
            assertThat(browser.<String>await("the recording badge", d -> d.findElement(By.id("recording")).getDomAttribute("data-recording")))
                    .isEqualTo("OFF");
            // the rows are drawn again at each refresh: the panel is scrolled to, not a row
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("document.getElementById('media-panel').scrollIntoView()");
            browser.screenshot("supervisor-calls-without-recording");
        }
    }

    private List<JsonNode> gaps() {
        JsonNode board = http.get("/api/supervision/board", AUTH, DIY_SUPERVISOR).json();
        return StreamSupport.stream(board.get("media").get("latest").spliterator(), false).toList();
    }
}
