package id.siaga.telephony;

import static id.siaga.telephony.CallPathFixture.GPS_IN_SLEMAN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the media plane reports about a 110 call reaches the operator (issue 15): the keys the caller presses show on
 * the call as it rings and after the answer, and a call the media plane could not take says so (it is not recorded)
 * and is never announced into. Told on the demo region through the call loop's own doors.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CallMediaScenarioTests {

    @TempDir
    Path dir;
    CallPathFixture region;

    @AfterEach
    void closeTheRegion() {
        if (region != null) {
            region.close();
        }
    }

    @Test
    void theKeysTheCallerPressesShowOnTheCallAndEveryKeyIsJournalled() {
        region = CallPathFixture.start(dir);
        List<CallUpdate> updates = new CopyOnWriteArrayList<>();
        region.calls.addListener(updates::add);
        region.ready("OP-3404-1");
        CallId call = region.dials("call-keys", "+6281200000041", GPS_IN_SLEMAN);

        region.calls.keyPressed(call, "1", "caller", 120);
        region.calls.keyPressed(call, "2", "caller", 100);
        assertThat(view(call).keys()).as("ringing: the operator sees what was pressed before answering").isEqualTo("12");
        region.answers(call, "OP-3404-1");
        region.calls.keyPressed(call, "5", "operator", 80);
        region.calls.keyPressed(call, "#", "caller", 90);

        assertThat(view(call).keys()).as("the operator's own key is not the caller's").isEqualTo("12#");
        assertThat(updates.stream().filter(u -> u.event().equals("key")).map(u -> u.call().keys()))
                .as("each of the caller's keys is a console update").containsExactly("1", "12", "12#");
        assertThat(region.payloads(call, "KeyPressed")).extracting(p -> p.get("key") + " " + p.get("party"))
                .containsExactly("1 caller", "2 caller", "5 operator", "# caller");
    }

    @Test
    void aLongRunOfKeysKeepsTheLatestOnTheCall() {
        region = CallPathFixture.start(dir);
        CallId call = region.dials("call-stuck-key", "+6281200000042", GPS_IN_SLEMAN);
        for (int i = 0; i < 100; i++) {
            region.calls.keyPressed(call, String.valueOf(i % 10), "caller", 40);
        }
        assertThat(view(call).keys()).hasSize(Call.MediaState.KEPT_KEYS).endsWith("6789");
        assertThat(region.payloads(call, "KeyPressed")).as("the journal keeps every one").hasSize(100);
    }

    @Test
    void aCallTheMediaPlaneLostSaysSoAndIsNeverAnnouncedInto() {
        region = CallPathFixture.start(dir);
        region.calls.announce(CallAnnouncementScenarioTests.EIGHT_SECONDS);
        region.ready("OP-3404-1");
        CallId call = region.dials("call-unanchored", "+6281200000043", GPS_IN_SLEMAN);
        region.advance(Duration.ofSeconds(2));
        region.calls.mediaUnavailable(call, "offer", "rtpengine 192.0.2.10:2223 did not answer within 250 ms (3 tries)");
        region.calls.mediaUnavailable(call, "answer", "a later failure");

        assertThat(view(call).mediaProblem()).isEqualTo("offer: rtpengine 192.0.2.10:2223 did not answer within 250 ms (3 tries)");
        region.advance(Duration.ofSeconds(40));
        assertThat(region.prompts(call)).as("nothing anchored: nothing to play into").isEmpty();
        assertThat(region.live()).as("still ringing, as any call").containsExactly(call.value());
        assertThat(region.payloads(call, "MediaUnavailable")).extracting(p -> p.get("step")).containsExactly("offer", "answer");
    }

    @Test
    void aCallAnnouncedBeforeTheMediaPlaneFailedStopsBeingAnnounced() {
        region = CallPathFixture.start(dir);
        region.calls.announce(CallAnnouncementScenarioTests.EIGHT_SECONDS);
        region.ready("OP-3404-1");
        CallId call = region.dials("call-announced-then-lost", "+6281200000044", GPS_IN_SLEMAN);
        region.advance(Duration.ofSeconds(9));
        assertThat(region.prompts(call)).containsExactly("Prompt menunggu");
        region.calls.mediaUnavailable(call, "offer", "rtpengine refused the offer");
        region.advance(Duration.ofSeconds(45));
        assertThat(region.prompts(call)).containsExactly("Prompt menunggu");
    }

    @Test
    void aKeyOrAFailureAfterTheCallEndedIsJournalledOnly() {
        region = CallPathFixture.start(dir);
        region.ready("OP-3404-1");
        CallId call = region.dials("call-gone", "+6281200000045", GPS_IN_SLEMAN);
        region.calls.callerCancelled(call);
        region.advance(Duration.ofSeconds(1));
        region.calls.keyPressed(call, "9", "caller", 60);
        region.calls.mediaUnavailable(call, "release", "rtpengine did not answer the delete");
        assertThat(region.live()).isEmpty();
        assertThat(region.journalTypes(call)).contains("KeyPressed", "MediaUnavailable");
    }

    private CallView view(CallId call) {
        return region.calls.live().stream().filter(v -> v.id().equals(call.value())).findFirst().orElseThrow();
    }
}
