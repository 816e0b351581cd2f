package id.siaga.telephony;

import static id.siaga.telephony.CallPathFixture.GPS_IN_SLEMAN;
import static id.siaga.telephony.CallPathFixture.SLEMAN;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.org.Presence;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No 110 caller is ever lost (issue 13): every call the pipeline takes ends answered, with a call-back task at the
 * station responsible for the caller, or with a journalled refusal. Told through the pipeline's public face only, on the
 * demo region, with the clock starting at 08:00 WIB and moving only when a story says so.
 */
class CallPathEndingScenarioTests {

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
    void aCallerWhoHangsUpWhileSlemanRingsIsCalledBackBySleman() {
        region = CallPathFixture.start(dir);
        region.ready("OP-3404-1", "OP-3404-2");
        CallId call = region.dials("call-gave-up", "+6281200000021", GPS_IN_SLEMAN);
        region.advance(Duration.ofSeconds(6));

        region.calls.callerCancelled(call);

        assertThat(region.commands(call)).contains("cancelLeg OP-3404-1", "cancelLeg OP-3404-2");
        assertThat(region.network.rejectedWith(call)).containsExactly(487);
        assertThat(region.payload(call, "CallAbandoned")).containsEntry("secondsWaiting", 6.0).containsEntry("tier", 0)
                .containsEntry("station", "POLRES-3404");
        CallRecord record = region.record(call).orElseThrow();
        assertThat(record.outcome()).isEqualTo(CallRecord.Outcome.ABANDONED);
        assertThat(record.answeredBy()).isNull();
        assertThat(record.endedBy()).isEqualTo("caller");
        assertThat(region.callbackTasks(call)).singleElement().satisfies(task -> {
            assertThat(task.station()).isEqualTo(SLEMAN);
            assertThat(task.callerNumber()).isEqualTo("+6281200000021");
            assertThat(task.latitude()).isEqualTo(-7.7156);
            assertThat(task.status()).isEqualTo(CallbackTask.Status.OPEN);
        });
        assertThat(region.payload(call, "CallbackTaskOpened")).containsEntry("station", "POLRES-3404");
        assertThat(region.live()).isEmpty();
    }

    @Test
    void aCallerCutOffTwoSecondsAfterTheAnswerIsCalledBack() {
        region = CallPathFixture.start(dir);
        region.ready("OP-3404-1");
        CallId call = region.dials("call-cut", "+6281200000022", GPS_IN_SLEMAN);
        region.advance(Duration.ofSeconds(3));
        region.answers(call, "OP-3404-1");
        region.advance(Duration.ofSeconds(2));

        region.calls.callerHungUp(call);

        assertThat(region.commands(call)).contains("hangUpOperator OP-3404-1");
        assertThat(region.payload(call, "CallEnded")).containsEntry("hungUpBy", "caller").containsEntry("secondsTalking", 2.0);
        CallRecord record = region.record(call).orElseThrow();
        assertThat(record.outcome()).isEqualTo(CallRecord.Outcome.CUT_OFF);
        assertThat(record.answeredBy()).isEqualTo("OP-3404-1");
        assertThat(region.callbackTasks(call)).singleElement().satisfies(task -> assertThat(task.station()).isEqualTo(SLEMAN));
        assertThat(region.payload(call, "CallbackTaskOpened")).containsEntry("cutOffAfterAnswer", true);
        assertThat(region.presenceOf("OP-3404-1")).isEqualTo(Presence.READY);
    }

    @Test
    void aCallerWhoTalksAMinuteAndHangsUpIsNotCalledBack() {
        region = CallPathFixture.start(dir);
        region.ready("OP-3404-1");
        CallId call = region.dials("call-talked", "+6281200000023", GPS_IN_SLEMAN);
        region.answers(call, "OP-3404-1");
        region.advance(Duration.ofMinutes(1));

        region.calls.callerHungUp(call);

        assertThat(region.record(call).orElseThrow().outcome()).isEqualTo(CallRecord.Outcome.ANSWERED);
        assertThat(region.callbackTasks(call)).isEmpty();
    }

    @Test
    void aWaitingCallerIsProbedEveryThirtySecondsAndCalledBackOnceFoundGone() {
        region = CallPathFixture.start(dir);
        region.calls.watchCallers(new CallerWatch(Duration.ofSeconds(30), Duration.ofMinutes(15), 30, Set.of()));
        CallId call = region.dials("call-vanished", "+6281200000024", GPS_IN_SLEMAN);
        assertThat(region.journalTypes(call)).as("nobody READY: it waits at Mabes").contains("CallQueued");

        region.advance(Duration.ofSeconds(20));
        assertThat(region.commands(call)).doesNotContain("probeCaller");
        region.advance(Duration.ofSeconds(10));
        assertThat(region.commands(call)).containsOnlyOnce("probeCaller");

        region.calls.callerGone(call, "no answer to OPTIONS");

        assertThat(region.commands(call)).contains("rejectCaller");
        assertThat(region.payload(call, "CallAbandoned")).containsEntry("callerGone", "no answer to OPTIONS").containsEntry("station", "MABES");
        assertThat(region.record(call).orElseThrow().outcome()).isEqualTo(CallRecord.Outcome.ABANDONED);
        assertThat(region.callbackTasks(call)).singleElement().satisfies(task -> assertThat(task.station()).isEqualTo(SLEMAN));
        assertThat(region.live()).isEmpty();

        region.advance(Duration.ofMinutes(1));
        assertThat(region.commands(call)).as("nobody probes a call that ended").containsOnlyOnce("probeCaller");
    }

    @Test
    void aCallNobodyAnswersEndsAfterFifteenMinutesWithACallBackAtItsStation() {
        region = CallPathFixture.start(dir);
        region.calls.watchCallers(new CallerWatch(Duration.ofSeconds(30), Duration.ofMinutes(15), 30, Set.of()));
        region.ready("OP-3404-1"); // who never picks up
        CallId call = region.dials("call-unanswered", "+6281200000025", GPS_IN_SLEMAN);

        region.advance(Duration.ofMinutes(14));
        assertThat(region.live()).as("the caller is still there (probes answered): it keeps ringing").containsExactly("call-unanswered");
        assertThat(region.commands(call)).contains("probeCaller");

        region.advance(Duration.ofMinutes(1));

        assertThat(region.live()).isEmpty();
        assertThat(region.commands(call)).contains("cancelLeg OP-3404-1", "rejectCaller");
        assertThat(region.payload(call, "CallAbandoned")).containsKey("callerGone").containsEntry("secondsWaiting", 900.0);
        assertThat(region.record(call).orElseThrow().outcome()).isEqualTo(CallRecord.Outcome.ABANDONED);
        assertThat(region.callbackTasks(call)).singleElement().satisfies(task -> assertThat(task.station()).isEqualTo(SLEMAN));
    }

    @Test
    void aFourthUnansweredCallFromOneUntrustedAddressIsRefusedWhileOtherSourcesStillRing() {
        region = CallPathFixture.start(dir);
        region.calls.watchCallers(new CallerWatch(Duration.ZERO, Duration.ofMinutes(15), 3, Set.of("203.0.113.10")));
        region.ready("OP-3404-1");
        String flood = "198.51.100.7";
        List<CallId> ringing = List.of(region.dialsFrom("flood-1", "+6281200000031", GPS_IN_SLEMAN, flood),
                region.dialsFrom("flood-2", "+6281200000032", GPS_IN_SLEMAN, flood),
                region.dialsFrom("flood-3", "+6281200000033", GPS_IN_SLEMAN, flood));

        CallId fourth = region.dialsFrom("flood-4", "+6281200000034", GPS_IN_SLEMAN, flood);

        assertThat(ringing).allSatisfy(call -> assertThat(region.rang(call)).containsExactly("OP-3404-1"));
        assertThat(region.network.rejectedWith(fourth)).containsExactly(503);
        assertThat(region.rang(fourth)).isEmpty();
        assertThat(region.payload(fourth, "CallRefused")).containsEntry("status", 503).containsEntry("source", flood)
                .containsEntry("caller", "+6281200000034");
        assertThat(region.callbackTasks(fourth)).as("a refused flood is not called back").isEmpty();

        CallId neighbour = region.dialsFrom("other-source", "+6281200000035", GPS_IN_SLEMAN, "198.51.100.8");
        assertThat(region.rang(neighbour)).containsExactly("OP-3404-1");
        for (int i = 1; i <= 4; i++) {
            CallId viaTrunk = region.dialsFrom("trunk-" + i, "+628120000004" + i, GPS_IN_SLEMAN, "203.0.113.10");
            assertThat(region.rang(viaTrunk)).as("the carrier's trunk is trusted: call %d rings", i).containsExactly("OP-3404-1");
        }
        assertThat(region.journalTypes(fourth)).contains("CallRefused").doesNotContain("LegRang", "CallQueued");

        region.answers(ringing.get(0), "OP-3404-1");
        CallId afterAnswer = region.dialsFrom("flood-5", "+6281200000036", GPS_IN_SLEMAN, flood);
        assertThat(region.network.rejectedWith(afterAnswer)).as("only unanswered calls count").isEmpty();
        assertThat(region.journalTypes(afterAnswer)).contains("CallOffered", "CallQueued");
    }

    @Test
    void aServerStoppingInterruptsEveryLiveCallAndCallsBackOnlyTheCallerNobodyAnswered() {
        region = CallPathFixture.start(dir);
        region.ready("OP-3404-1", "OP-3404-2");
        CallId talking = region.dials("call-talking", "+6281200000051", GPS_IN_SLEMAN);
        region.answers(talking, "OP-3404-1");
        region.advance(Duration.ofSeconds(20));
        CallId waiting = region.dials("call-waiting", "+6281200000052", GPS_IN_SLEMAN);
        assertThat(region.rang(waiting)).containsExactly("OP-3404-2");
        region.advance(Duration.ofSeconds(4));

        region.calls.interruptAll("the server is shutting down");

        assertThat(region.payload(talking, "CallInterrupted")).containsEntry("wasState", "ANSWERED").containsEntry("station", "POLRES-3404")
                .containsEntry("reason", "the server is shutting down");
        assertThat(region.payload(waiting, "CallInterrupted")).containsEntry("wasState", "RINGING").containsEntry("secondsSinceOffer", 4.0);
        assertThat(region.record(talking).orElseThrow().outcome()).isEqualTo(CallRecord.Outcome.INTERRUPTED);
        assertThat(region.record(waiting).orElseThrow().outcome()).isEqualTo(CallRecord.Outcome.INTERRUPTED);
        assertThat(region.callbackTasks(talking)).isEmpty();
        assertThat(region.callbackTasks(waiting)).singleElement().satisfies(task -> assertThat(task.station()).isEqualTo(SLEMAN));
        assertThat(region.network.rejectedWith(waiting)).as("a carrier can try another node").containsExactly(503);
        assertThat(region.network.rejectedWith(talking)).isEmpty();
        assertThat(region.commands(waiting)).contains("cancelLeg OP-3404-2");
        assertThat(region.live()).isEmpty();
    }
}
