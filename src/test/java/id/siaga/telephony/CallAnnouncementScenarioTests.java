package id.siaga.telephony;

import static id.siaga.telephony.CallPathFixture.GPS_IN_SLEMAN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A waiting 110 caller hears "Anda terhubung dengan layanan darurat Polri 110. Mohon tetap di saluran…" (issue 15):
 * after 8 s of ringing, again every 20 s, at once when everyone up to Mabes is busy, and never after an operator
 * answers. Told on the demo region from 08:00 WIB, through what the pipeline asks of the media plane.
 */
class CallAnnouncementScenarioTests {

    static final Announcement EIGHT_SECONDS = new Announcement(Duration.ofSeconds(8), Duration.ofSeconds(20), true);

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
    void aCallerStillWaitingAfterEightSecondsHearsTheAnnouncementUntilTheAnswerStopsIt() {
        region = CallPathFixture.start(dir);
        region.calls.announce(EIGHT_SECONDS);
        region.ready("OP-3404-1", "OP-3404-2");
        CallId call = region.dials("call-announced", "+6281200000031", GPS_IN_SLEMAN);

        region.advance(Duration.ofSeconds(7));
        assertThat(region.prompts(call)).as("seven seconds: nothing yet").isEmpty();
        region.advance(Duration.ofSeconds(1));
        assertThat(region.prompts(call)).containsExactly("Prompt menunggu");
        region.advance(Duration.ofSeconds(20));
        assertThat(region.prompts(call)).as("again 20 s after the first").containsExactly("Prompt menunggu", "Prompt menunggu");

        region.answers(call, region.rang(call).get(0));
        region.advance(Duration.ofSeconds(60));
        assertThat(region.prompts(call)).containsExactly("Prompt menunggu", "Prompt menunggu", "StopPrompt");
    }

    @Test
    void aCallAnsweredWithinEightSecondsHearsNoAnnouncement() {
        region = CallPathFixture.start(dir);
        region.calls.announce(EIGHT_SECONDS);
        region.ready("OP-3404-1");
        CallId call = region.dials("call-quick", "+6281200000032", GPS_IN_SLEMAN);
        region.advance(Duration.ofSeconds(5));
        region.answers(call, "OP-3404-1");
        region.advance(Duration.ofMinutes(1));
        assertThat(region.prompts(call)).isEmpty();
    }

    @Test
    void aCallQueuedAtTheTopBecauseEveryoneIsBusyIsAnnouncedAtOnce() {
        region = CallPathFixture.start(dir);
        region.calls.announce(EIGHT_SECONDS);
        CallId call = region.dials("call-queued", "+6281200000033", GPS_IN_SLEMAN);
        region.advance(Duration.ofSeconds(3));
        assertThat(region.prompts(call)).as("nobody to ring anywhere: queued at Mabes, announced before 8 s").containsExactly("Prompt menunggu");
    }

    @Test
    void withoutAnnouncementsTheMediaPlaneIsAskedNothingWhileTheCallerWaits() {
        region = CallPathFixture.start(dir);
        region.ready("OP-3404-1");
        CallId call = region.dials("call-silent", "+6281200000034", GPS_IN_SLEMAN);
        region.advance(Duration.ofSeconds(40));
        assertThat(region.prompts(call)).isEmpty();
    }
}
