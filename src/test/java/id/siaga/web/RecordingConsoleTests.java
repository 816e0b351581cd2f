package id.siaga.web;

import static id.siaga.web.CallDriver.IN_SLEMAN;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.journal.Journal;
import id.siaga.journal.JournalEntry;
import id.siaga.journal.SubjectKind;
import id.siaga.org.StationId;
import id.siaga.support.Browser;
import id.siaga.telephony.CallId;
import id.siaga.telephony.recording.CallRecordings;
import id.siaga.telephony.recording.CallerMedia;
import id.siaga.telephony.recording.CallerSilence;
import id.siaga.telephony.recording.RecordingStore;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Recordings in the consoles, in a real browser: the Polda supervisor's board lists the latest recordings and plays
 * one; a caller rings Polres Sleman again and the operator plays the recording of that caller's earlier call from the
 * call panel. A player fetches nothing until it is played, so showing a recording is not a listen; playing it is.
 */
class RecordingConsoleTests extends CallApiTestBase {

    @Autowired
    CallRecordings recordings;
    @Autowired
    Journal journal;
    @Autowired
    RecordingStore index;
    @TempDir
    Path tmp;

    CallId recordedCall(String caller) throws Exception {
        CallId call = calls.dial(caller, IN_SLEMAN, "OP-3404-1");
        calls.answerAndHangUp(call, "OP-3404-1");
        Path pcap = tmp.resolve(call.value() + ".pcap");
        try (InputStream in = getClass().getResourceAsStream("/media/rtpengine-pcmu-tones.pcap")) {
            Files.copy(in, pcap);
        }
        assertThat(recordings.record(call, StationId.of("POLRES-3404"), pcap, CallerMedia.sentTo(41068)).get(30, TimeUnit.SECONDS))
                .isInstanceOf(CallRecordings.Outcome.Kept.class);
        return call;
    }

    List<String> listeners(CallId call) {
        return journal.bySubject(SubjectKind.CALL, call.value(), 1000).stream().filter(e -> e.type().equals("RecordingPlayed"))
                .map(JournalEntry::actor).toList();
    }

    /**
     * Plays the player {@code selector} finds and waits until it has played some of the recording; returns how long the
     * browser says it lasts. By selector, not element: the board draws its list again whenever a call event arrives
     * (until a player plays), so an element found a moment ago may be gone.
     */
    static double play(Browser browser, String selector) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        browser.await("the recording starts", d -> Boolean.TRUE.equals(js.executeScript(
                "const a = document.querySelector(arguments[0]); if (!a) return false; a.play(); return true;", selector)));
        browser.await("the recording plays", d -> ((Number) js.executeScript("return document.querySelector(arguments[0]).currentTime", selector))
                .doubleValue() > 0.2);
        js.executeScript("document.querySelector(arguments[0]).pause()", selector);
        return ((Number) js.executeScript("return document.querySelector(arguments[0]).duration", selector)).doubleValue();
    }

    @Test
    void theSupervisorPlaysALatestRecordingFromTheBoard() throws Exception {
        CallId call = recordedCall("+6281200160001");
        try (Browser browser = Browser.open(port, false)) {
            ConsoleAccessTests.logIn(browser, "supervisor.diy");
            browser.await("the board is loaded", d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            WebElement audio = browser.await("the call's recording is listed", d -> d.findElements(
                    By.cssSelector("#recording-rows tr[data-call='" + call.value() + "'] audio")).stream().findFirst().orElse(null));
            assertThat(audio.getDomAttribute("preload")).isEqualTo("none");
            assertThat(listeners(call)).as("listed, not heard").isEmpty();

            ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('recordings-panel').scrollIntoView()");
            browser.screenshot("supervisor-recordings");
            assertThat(play(browser, "#recording-rows tr[data-call='" + call.value() + "'] audio")).as("the browser reads the WAV's length")
                    .isBetween(1.9, 2.1);
            CallDriver.await("the listen is journalled", () -> listeners(call).equals(List.of("supervisor.diy")));
        }
    }

    @Test
    void theBoardSaysWhichRecordedCallersWereSilentAfterTheAnswer() throws Exception {
        CallId silent = recordedCall("+6281200160003");
        CallId oneWay = recordedCall("+6281200160004");
        CallId spoke = recordedCall("+6281200160005");
        // as the silence signal notes them once each recording is kept (SilentCallerTests runs it end to end)
        index.noteCallerSilence(silent, new CallerSilence.Heard(CallerSilence.Verdict.SILENT, java.time.Duration.ofSeconds(5)));
        index.noteCallerSilence(oneWay, new CallerSilence.Heard(CallerSilence.Verdict.NO_CALLER_AUDIO, java.time.Duration.ofSeconds(5)));
        index.noteCallerSilence(spoke, new CallerSilence.Heard(CallerSilence.Verdict.SPOKE, java.time.Duration.ofSeconds(5)));
        try (Browser browser = Browser.open(port, false)) {
            ConsoleAccessTests.logIn(browser, "supervisor.diy");
            browser.await("the board is loaded", d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            String silentFact = browser.await("the silent caller's row says so", d -> d.findElements(
                    By.cssSelector("#recording-rows tr[data-call='" + silent.value() + "'] .caller-silence")).stream().findFirst()
                    .map(WebElement::getText).orElse(null));
            assertThat(silentFact).isEqualTo("Penelepon diam 5 detik pertama");
            String oneWayFact = browser.await("the one-way call's row says so", d -> d.findElements(
                    By.cssSelector("#recording-rows tr[data-call='" + oneWay.value() + "'] .caller-silence")).stream().findFirst()
                    .map(WebElement::getText).orElse(null));
            assertThat(oneWayFact).isEqualTo("Tidak ada audio dari penelepon");
            Integer words = browser.await("the speaking caller's row", d -> d.findElements(
                    By.cssSelector("#recording-rows tr[data-call='" + spoke.value() + "']")).stream().findFirst()
                    .map(tr -> tr.findElements(By.cssSelector(".caller-silence")).size()).orElse(null));
            assertThat(words).as("a caller who spoke: no word").isZero();
            ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('recordings-panel').scrollIntoView()");
            browser.screenshot("supervisor-recordings-silent-callers");
        }
    }

    @Test
    void theOperatorPlaysTheRecordingOfTheCallersEarlierCallWhileTheCallerRingsAgain() throws Exception {
        String caller = "+6281200160002";
        CallId earlier = recordedCall(caller);
        CallDriver.await("the earlier call is in the history", () -> http.get("/api/calls/history?caller=" + caller, AUTH, SLEMAN_OPERATOR)
                .json().size() == 1);
        try (Browser browser = Browser.open(port, false)) {
            browser.go("/operator/");
            browser.await("the login page", w -> !w.findElements(By.id("username")).isEmpty());
            browser.driver().findElement(By.id("username")).sendKeys("operator.sleman1");
            browser.driver().findElement(By.id("password")).sendKeys("siaga110\n");
            browser.await("the console is ready", w -> "true".equals(w.findElement(By.tagName("body")).getDomAttribute("data-ready")));

            CallId again = calls.dial(caller, IN_SLEMAN, "OP-3404-1");
            try {
                WebElement audio = browser.await("the earlier call's recording in the call panel", d -> d.findElements(
                        By.cssSelector("#call-history audio")).stream().findFirst().orElse(null));
                assertThat(audio.getDomAttribute("src")).isEqualTo("/api/calls/" + earlier.value() + "/recording");
                assertThat(listeners(earlier)).as("shown, not heard").isEmpty();
                browser.screenshot("operator-earlier-call-recording");
                assertThat(play(browser, "#call-history audio")).isBetween(1.9, 2.1);
                CallDriver.await("the listen is journalled", () -> listeners(earlier).equals(List.of("operator.sleman1")));
            } finally {
                calls.answerAndHangUp(again, "OP-3404-1");
            }
        }
    }
}
