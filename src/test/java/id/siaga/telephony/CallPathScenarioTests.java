package id.siaga.telephony;

import static id.siaga.telephony.CallPathFixture.AML_IN_BANTUL;
import static id.siaga.telephony.CallPathFixture.BANTUL;
import static id.siaga.telephony.CallPathFixture.CELL_IN_SLEMAN;
import static id.siaga.telephony.CallPathFixture.GPS_IN_SLEMAN;
import static id.siaga.telephony.CallPathFixture.SLEMAN;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.org.Presence;
import id.siaga.org.RolloutStatus;
import id.siaga.routing.EscalationMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a 110 call finds a human, told through the pipeline's public face only: a caller in Sleman dials, the phones of
 * the demo region ring, climb and queue as the ladder says, a better fix moves the call, and the first answer wins.
 * The clock starts at 08:00 WIB and moves only when a story says so.
 */
class CallPathScenarioTests {

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
    void aCallerInSlemanIsAnsweredByPolresSlemanWithinTheRingTime() {
        region = CallPathFixture.start(dir);
        region.ready("OP-3404-1", "OP-3404-2");

        CallId call = region.dials("call-sleman", "+6281200000001", GPS_IN_SLEMAN);
        assertThat(region.rang(call)).as("both Sleman phones ring at once").containsExactlyInAnyOrder("OP-3404-1", "OP-3404-2");

        region.advance(Duration.ofSeconds(4));
        region.answers(call, "OP-3404-2");

        assertThat(region.commands(call)).contains("connect OP-3404-2", "cancelLeg OP-3404-1").doesNotContain("cancelLeg OP-3404-2");
        assertThat(region.payload(call, "CallRouted")).containsEntry("station", "POLRES-3404");
        assertThat(region.payload(call, "CallAnswered")).containsEntry("operator", "OP-3404-2").containsEntry("station", "POLRES-3404")
                .containsEntry("tier", 0).containsEntry("secondsToAnswer", 4.0).containsEntry("responsibleStation", "POLRES-3404");
        assertThat(region.presenceOf("OP-3404-2")).as("in a call").isEqualTo(Presence.BUSY);
        assertThat(region.presenceOf("OP-3404-1")).isEqualTo(Presence.READY);

        region.advance(Duration.ofSeconds(90));
        region.calls.operatorHungUp(call);

        assertThat(region.commands(call)).contains("hangUpCaller");
        assertThat(region.journalTypes(call)).containsSubsequence("CallOffered", "CallLocated", "CallRouted", "LegRang", "LegRang",
                "CallAnswered", "CallEnded");
        assertThat(region.payload(call, "CallEnded")).containsEntry("hungUpBy", "operator").containsEntry("secondsTalking", 90.0);
        CallRecord record = region.record(call).orElseThrow();
        assertThat(record.outcome()).isEqualTo(CallRecord.Outcome.ANSWERED);
        assertThat(record.station()).isEqualTo("POLRES-3404");
        assertThat(record.answeredBy()).isEqualTo("OP-3404-2");
        assertThat(record.answeredAtStation()).isEqualTo("POLRES-3404");
        assertThat(record.answeredTier()).isZero();
        assertThat(record.endedBy()).isEqualTo("operator");
        assertThat(record.locationSource()).isEqualTo("PIDF_LO");
        assertThat(record.offeredAt()).isEqualTo(CallPathFixture.T0);
        assertThat(region.callbackTasks(call)).as("answered and talked: nobody to call back").isEmpty();
        assertThat(region.presenceOf("OP-3404-2")).as("free again").isEqualTo(Presence.READY);
        assertThat(region.live()).isEmpty();
    }

    @Test
    void slemanLetsItRingTenSecondsSoPoldaDiyIsAddedWhileSlemanKeepsRinging() {
        region = CallPathFixture.start(dir);
        region.ready("OP-3404-1", "OP-3404-2", "OP-DIY-1");

        CallId call = region.dials("call-climbs", "+6281200000002", GPS_IN_SLEMAN);
        region.advance(Duration.ofSeconds(9));
        assertThat(region.rang(call)).as("9 s in: still Sleman's call").containsExactlyInAnyOrder("OP-3404-1", "OP-3404-2");
        assertThat(region.journalTypes(call)).doesNotContain("CallEscalated");

        region.advance(Duration.ofSeconds(1));

        assertThat(region.rang(call)).containsExactlyInAnyOrder("OP-3404-1", "OP-3404-2", "OP-DIY-1");
        assertThat(region.commands(call)).as("WIDEN: Sleman keeps ringing").noneMatch(c -> c.startsWith("cancelLeg"));
        assertThat(region.payload(call, "CallEscalated")).containsEntry("from", "POLRES-3404").containsEntry("to", "POLDA-DIY")
                .containsEntry("tier", 1).containsEntry("reason", "TIMEOUT").containsEntry("missed", List.of("OP-3404-1", "OP-3404-2"));

        region.advance(Duration.ofSeconds(2));
        region.answers(call, "OP-3404-1"); // Sleman picks up after all, at 12 s

        assertThat(region.payload(call, "CallAnswered")).containsEntry("operator", "OP-3404-1").containsEntry("tier", 0)
                .containsEntry("secondsToAnswer", 12.0);
        assertThat(region.commands(call)).contains("cancelLeg OP-3404-2", "cancelLeg OP-DIY-1");
    }

    @Test
    void inMoveModePoldaDiyTakesOverAndSlemansPhonesStopRinging() {
        region = CallPathFixture.start(dir, CallPathFixture.Settings.DEMO.mode(EscalationMode.MOVE));
        region.ready("OP-3404-1", "OP-DIY-1");

        CallId call = region.dials("call-moves", "+6281200000003", GPS_IN_SLEMAN);
        region.advance(Duration.ofSeconds(10));

        assertThat(region.commands(call)).containsSubsequence("ringLeg OP-3404-1", "cancelLeg OP-3404-1", "ringLeg OP-DIY-1");
        region.answers(call, "OP-DIY-1");
        assertThat(region.payload(call, "CallAnswered")).containsEntry("operator", "OP-DIY-1").containsEntry("tier", 1)
                .containsEntry("responsibleStation", "POLRES-3404");
    }

    @Test
    void withNobodyReadyAnywhereTheCallClimbsAtOnceToMabesAndWaitsThereUntilSomeoneIs() {
        region = CallPathFixture.start(dir);

        CallId call = region.dials("call-queued", "+6281200000004", GPS_IN_SLEMAN);

        assertThat(region.payloads(call, "CallEscalated")).satisfiesExactly(
                toPolda -> assertThat(toPolda).containsEntry("from", "POLRES-3404").containsEntry("to", "POLDA-DIY")
                        .containsEntry("reason", "NOBODY_READY").containsEntry("missed", List.of()),
                toMabes -> assertThat(toMabes).containsEntry("from", "POLDA-DIY").containsEntry("to", "MABES")
                        .containsEntry("tier", 2).containsEntry("reason", "NOBODY_READY"));
        assertThat(region.payload(call, "CallQueued")).containsEntry("station", "MABES");
        assertThat(region.rang(call)).isEmpty();
        assertThat(region.commands(call)).as("the caller hears 180 and is never refused").contains("ringing").doesNotContain("rejectCaller");

        region.advance(Duration.ofMinutes(2));
        assertThat(region.live()).as("Mabes never gives up").containsExactly("call-queued");

        region.set("OP-MABES-1", Presence.READY);
        assertThat(region.rang(call)).containsExactly("OP-MABES-1");
        region.answers(call, "OP-MABES-1");
        assertThat(region.payload(call, "CallAnswered")).containsEntry("station", "MABES").containsEntry("tier", 2)
                .containsEntry("responsibleStation", "POLRES-3404");
    }

    @Test
    void aPlannedPolresIsSkippedAtOnceEvenWithItsOperatorsReady() {
        region = CallPathFixture.start(dir);
        region.ready("OP-3404-1", "OP-3404-2", "OP-DIY-1");
        region.rollout(SLEMAN, RolloutStatus.PLANNED);

        CallId call = region.dials("call-planned", "+6281200000005", GPS_IN_SLEMAN);

        assertThat(region.rang(call)).as("at once, without waiting Sleman's ring time").containsExactly("OP-DIY-1");
        assertThat(region.payload(call, "CallRouted")).as("Sleman is still the caller's station").containsEntry("station", "POLRES-3404");
        assertThat(region.payload(call, "CallEscalated")).containsEntry("from", "POLRES-3404").containsEntry("to", "POLDA-DIY")
                .containsEntry("reason", "NOT_LIVE");
        region.answers(call, "OP-DIY-1");
        assertThat(region.payload(call, "CallAnswered")).containsEntry("tier", 1).containsEntry("responsibleStation", "POLRES-3404");
    }

    @Test
    void aCallWithOnlyACellWaitsForABetterFixAndAnAmlReportSendsItToBantulBeforeAnyPhoneRings() {
        region = CallPathFixture.start(dir);
        region.ready("OP-3404-1", "OP-3402-1");

        CallId call = region.dials("call-cell", "+6281200000006", CELL_IN_SLEMAN);

        assertThat(region.journalTypes(call)).containsSubsequence("CallLocated", "CallRouted", "RoutingWaits");
        assertThat(region.payload(call, "CallLocated")).containsEntry("source", "CELL_ID");
        assertThat(region.rang(call)).as("waiting for a better fix").isEmpty();
        assertThat(region.commands(call)).as("the caller hears 180 meanwhile").contains("ringing");

        region.advance(Duration.ofSeconds(1));
        region.calls.locationReport("+6281200000006", AML_IN_BANTUL, true, Optional.empty(), "AML SMS");
        region.advance(Duration.ofSeconds(1));

        assertThat(region.payload(call, "CallRerouted")).containsEntry("from", "POLRES-3404").containsEntry("to", "POLRES-3402")
                .containsEntry("by", "AML");
        assertThat(region.rang(call)).as("Sleman never rang").containsExactly("OP-3402-1");
        region.answers(call, "OP-3402-1");
        assertThat(region.payload(call, "CallAnswered")).containsEntry("station", "POLRES-3402").containsEntry("tier", 0)
                .containsEntry("responsibleStation", "POLRES-3402");
    }

    @Test
    void anAmlReportWhileSlemanRingsMovesTheCallToBantulWhichCallsBackWhenTheCallerGivesUp() {
        region = CallPathFixture.start(dir);
        region.ready("OP-3404-1", "OP-3402-1");

        CallId call = region.dials("call-moved", "+6281200000007", CELL_IN_SLEMAN);
        region.advance(Duration.ofSeconds(2));
        assertThat(region.rang(call)).as("the wait is over: the cell's station rings").containsExactly("OP-3404-1");

        region.advance(Duration.ofSeconds(3));
        region.calls.locationReport("+6281200000007", AML_IN_BANTUL, true, Optional.empty(), "AML HTTPS");

        assertThat(region.payload(call, "CallRerouted")).containsEntry("from", "POLRES-3404").containsEntry("to", "POLRES-3402");
        assertThat(region.commands(call)).containsSubsequence("ringLeg OP-3404-1", "cancelLeg OP-3404-1", "ringLeg OP-3402-1");

        region.advance(Duration.ofSeconds(3));
        region.calls.callerCancelled(call);

        assertThat(region.callbackTasks(call)).singleElement().satisfies(task -> {
            assertThat(task.station()).isEqualTo(BANTUL);
            assertThat(task.latitude()).isEqualTo(-7.8886);
        });
        assertThat(region.record(call).orElseThrow().station()).isEqualTo("POLRES-3402");
        assertThat(region.record(call).orElseThrow().locationSource()).isEqualTo("AML");
    }

    @Test
    void twoOperatorsAnswerAtOnceAndOnlyTheFirstIsConnected() {
        region = CallPathFixture.start(dir);
        region.ready("OP-3404-1", "OP-3404-2");
        CallId call = region.dials("call-race", "+6281200000008", GPS_IN_SLEMAN);
        region.advance(Duration.ofSeconds(3));

        region.answers(call, "OP-3404-1");
        region.answers(call, "OP-3404-2"); // its 200 OK crossed the CANCEL

        assertThat(region.commands(call)).containsOnlyOnce("connect OP-3404-1").contains("releaseLateAnswer OP-3404-2")
                .doesNotContain("connect OP-3404-2");
        assertThat(region.payloads(call, "CallAnswered")).singleElement().satisfies(a -> assertThat(a).containsEntry("operator", "OP-3404-1"));
        assertThat(region.payload(call, "LateAnswerReleased")).containsEntry("operator", "OP-3404-2");
        assertThat(region.presenceOf("OP-3404-1")).isEqualTo(Presence.BUSY);
        assertThat(region.presenceOf("OP-3404-2")).as("the loser is free for the next call").isEqualTo(Presence.READY);
    }

    /** BUG (issue 13), fails today: the second Mabes operator is added to the oldest call, which already rings the first. */
    @Test
    void threeCallsQueuedAtMabesAreOfferedOldestFirstAsMabesOperatorsTurnReady() {
        region = CallPathFixture.start(dir);
        CallId first = region.dials("call-first", "+6281200000011", GPS_IN_SLEMAN);
        region.advance(Duration.ofSeconds(5));
        CallId second = region.dials("call-second", "+6281200000012", GPS_IN_SLEMAN);
        region.advance(Duration.ofSeconds(5));
        CallId third = region.dials("call-third", "+6281200000013", GPS_IN_SLEMAN);
        assertThat(List.of(first, second, third)).allSatisfy(call -> assertThat(region.journalTypes(call)).contains("CallQueued"));

        region.set("OP-MABES-1", Presence.READY);

        assertThat(region.rang(first)).containsExactly("OP-MABES-1");
        assertThat(region.rang(second)).isEmpty();
        assertThat(region.rang(third)).isEmpty();

        region.set("OP-MABES-2", Presence.READY);

        assertThat(region.rang(second)).as("the second operator takes the second oldest call").containsExactly("OP-MABES-2");
        assertThat(region.rang(first)).containsExactly("OP-MABES-1");
        assertThat(region.rang(third)).isEmpty();
    }

    /**
     * BUG (issue 13): a Mabes operator who turns READY while one queued call already rings a colleague is added to that
     * same call, and when the colleague answers it, the next caller keeps waiting although this operator is READY and idle:
     * nothing offers the queue again until some presence changes (here, minutes later).
     */
    @Test
    void whenTheOldestQueuedCallIsAnsweredTheNextOneRingsTheMabesOperatorLeftFree() {
        region = CallPathFixture.start(dir);
        CallId first = region.dials("call-oldest", "+6281200000015", GPS_IN_SLEMAN);
        region.advance(Duration.ofSeconds(5));
        CallId next = region.dials("call-next", "+6281200000016", GPS_IN_SLEMAN);
        region.set("OP-MABES-1", Presence.READY);
        region.set("OP-MABES-2", Presence.READY);

        region.answers(first, "OP-MABES-1");

        assertThat(region.presenceOf("OP-MABES-2")).isEqualTo(Presence.READY);
        assertThat(region.rang(next)).as("a caller waits while OP-MABES-2 is READY and rings for nobody").contains("OP-MABES-2");
    }

    @Test
    void aCallQueuedAtMabesIsTakenByItsOwnPolresOperatorWhoTurnsReady() {
        region = CallPathFixture.start(dir);
        CallId call = region.dials("call-home", "+6281200000014", GPS_IN_SLEMAN);
        assertThat(region.journalTypes(call)).contains("CallQueued");
        region.advance(Duration.ofSeconds(40));

        region.set("OP-3404-1", Presence.READY);

        assertThat(region.rang(call)).containsExactly("OP-3404-1");
        assertThat(region.payloads(call, "LegRang")).singleElement()
                .satisfies(leg -> assertThat(leg).containsEntry("station", "POLRES-3404").containsEntry("tier", 0));
        region.answers(call, "OP-3404-1");
        assertThat(region.payload(call, "CallAnswered")).containsEntry("operator", "OP-3404-1").containsEntry("station", "POLRES-3404")
                .containsEntry("tier", 0).containsEntry("secondsToAnswer", 40.0);
    }
}
