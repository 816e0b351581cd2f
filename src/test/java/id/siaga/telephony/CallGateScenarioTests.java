package id.siaga.telephony;

import static id.siaga.telephony.CallPathFixture.GPS_IN_SLEMAN;
import static id.siaga.telephony.CallPathFixture.POLDA_DIY;
import static id.siaga.telephony.CallPathFixture.SLEMAN;
import static id.siaga.telephony.CallPathFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.org.StationId;
import id.siaga.screening.Mark;
import id.siaga.screening.Reputation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The gate, never a block (issue 16): a flagged caller at a station whose gate is on hears "tekan 1" before any phone
 * rings; 1 sends the call on at once, confirmed; no key sends it on after the wait, behind calls without the mark; a
 * caller who hangs up at the gate has abandoned and gets a call-back task; a gate without a media plane, or a call the
 * media plane lost, rings at once and says why. Every outcome ends with the call rung and answerable: none refuses it.
 * Told on the demo region on a manual clock, the reputation fed with literal marks.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CallGateScenarioTests {

    static final String PRANKSTER = "+6281200000666";
    static final String NEIGHBOUR = "+6281200000777";
    static final Gate AT_POLDA_DIY = new Gate(Set.of(POLDA_DIY), Duration.ofSeconds(10), true);

    @TempDir
    Path dir;
    CallPathFixture region;
    final Reputation reputation = new Reputation(Reputation.Policy.DEFAULT);

    @AfterEach
    void closeTheRegion() {
        if (region != null) {
            region.close();
        }
    }

    /** Four pranks yesterday: score about 3.6, over the threshold of 2.5. */
    void prankedYesterday(String number) {
        for (int i = 0; i < 4; i++) {
            reputation.mark(new Mark(number, T0.minus(Duration.ofHours(20)).plusSeconds(i * 60L), Mark.Kind.PRANK, "old-" + number + "-" + i,
                    Mark.Source.CLASSIFIED));
        }
    }

    CallPathFixture regionWithGate(Gate gate) {
        region = CallPathFixture.start(dir);
        region.calls.screenWith(reputation);
        region.calls.gate(gate);
        return region;
    }

    CallView view(CallId call) {
        return region.calls.live().stream().filter(v -> v.id().equals(call.value())).findFirst().orElseThrow();
    }

    @Test
    void aFlaggedCallerWhoPressesOneIsRungAtOnceConfirmedAndAnsweredAtTierZeroWithTheFlagShown() {
        prankedYesterday(PRANKSTER);
        regionWithGate(AT_POLDA_DIY);
        region.ready("OP-3404-1");
        CallId call = region.dials("gate-1", PRANKSTER, GPS_IN_SLEMAN);

        assertThat(region.rang(call)).as("held at the gate: no phone rings yet").isEmpty();
        assertThat(region.prompts(call)).containsExactly("Prompt gerbang");
        assertThat(view(call).gate()).isEqualTo("WAITING");
        assertThat(view(call).state()).as("the consoles still list it with the ringing calls").isEqualTo("RINGING");

        region.advance(Duration.ofSeconds(3));
        region.calls.keyPressed(call, "1", "caller", 120);
        assertThat(region.rang(call)).containsExactly("OP-3404-1");
        assertThat(region.prompts(call)).containsExactly("Prompt gerbang", "StopPrompt");
        assertThat(view(call).gate()).isEqualTo("CONFIRMED");
        assertThat(view(call).screening().flagged()).as("the flag is shown with the confirmation").isTrue();

        region.answers(call, "OP-3404-1");
        assertThat(region.payload(call, "CallAnswered")).containsEntry("tier", 0);
        assertThat(region.payload(call, "CallGated")).containsEntry("station", SLEMAN.value()).containsEntry("waitSeconds", 10.0);
        assertThat(region.payload(call, "GatePassed")).containsEntry("confirmed", true).containsEntry("seconds", 3.0);
    }

    @Test
    void aFlaggedCallerWhoPressesNothingIsStillRungAfterTheWaitAndAnswered() {
        prankedYesterday(PRANKSTER);
        regionWithGate(AT_POLDA_DIY);
        region.ready("OP-3404-1");
        CallId call = region.dials("gate-none", PRANKSTER, GPS_IN_SLEMAN);

        region.advance(Duration.ofSeconds(9));
        assertThat(region.rang(call)).isEmpty();
        region.advance(Duration.ofSeconds(1));
        assertThat(region.rang(call)).as("the wait is over: rung all the same").containsExactly("OP-3404-1");
        assertThat(view(call).gate()).isEqualTo("NO_KEY");
        region.answers(call, "OP-3404-1");

        assertThat(region.payload(call, "GatePassed")).containsEntry("confirmed", false).containsEntry("seconds", 10.0);
        assertThat(region.journalTypes(call)).contains("CallAnswered").doesNotContain("CallRefused", "CallAbandoned");
    }

    @Test
    void aCallThatPassedWithoutTheKeyIsOfferedBehindAnUnmarkedCallWhenTheOperatorFrees() {
        prankedYesterday(PRANKSTER);
        regionWithGate(AT_POLDA_DIY);
        // nobody READY anywhere: both calls wait, climbing to the top
        CallId flagged = region.dials("gate-behind", PRANKSTER, GPS_IN_SLEMAN);
        region.advance(Duration.ofSeconds(10)); // through the gate without a key
        CallId neighbour = region.dials("gate-neighbour", NEIGHBOUR, GPS_IN_SLEMAN);
        region.advance(Duration.ofSeconds(30));
        assertThat(region.live()).containsExactly("gate-behind", "gate-neighbour");

        region.ready("OP-3404-1");
        assertThat(region.rang(neighbour)).as("the unmarked call, though younger, is offered first").containsExactly("OP-3404-1");
        assertThat(region.rang(flagged)).as("the unconfirmed one waits behind it").isEmpty();
        region.answers(neighbour, "OP-3404-1");
        region.calls.operatorHungUp(neighbour);
        region.set("OP-3404-1", id.siaga.org.Presence.READY);
        assertThat(region.rang(flagged)).as("and is offered next: never dropped").containsExactly("OP-3404-1");
    }

    @Test
    void aCallerWhoHangsUpAtTheGateHasAbandonedAndGetsACallBackTask() {
        prankedYesterday(PRANKSTER);
        regionWithGate(AT_POLDA_DIY);
        region.ready("OP-3404-1");
        CallId call = region.dials("gate-gone", PRANKSTER, GPS_IN_SLEMAN);
        region.advance(Duration.ofSeconds(2));
        region.calls.callerCancelled(call);

        assertThat(region.record(call)).get().extracting(CallRecord::outcome).isEqualTo(CallRecord.Outcome.ABANDONED);
        assertThat(region.callbackTasks(call)).hasSize(1);
        assertThat(region.rang(call)).isEmpty();
        assertThat(region.live()).isEmpty();
    }

    @Test
    void aNumberWithoutTheFlagNeverMeetsTheGate() {
        regionWithGate(AT_POLDA_DIY);
        region.ready("OP-3404-1");
        CallId call = region.dials("gate-clean", NEIGHBOUR, GPS_IN_SLEMAN);
        assertThat(region.rang(call)).containsExactly("OP-3404-1");
        assertThat(region.prompts(call)).isEmpty();
        assertThat(view(call).gate()).isNull();
    }

    @Test
    void aStationThatDidNotTurnTheGateOnRingsFlaggedCallersAtOnce() {
        prankedYesterday(PRANKSTER);
        regionWithGate(new Gate(Set.of(StationId.of("POLRES-3402")), Duration.ofSeconds(10), true)); // Bantul only
        region.ready("OP-3404-1");
        CallId call = region.dials("gate-elsewhere", PRANKSTER, GPS_IN_SLEMAN);
        assertThat(region.rang(call)).containsExactly("OP-3404-1");
        assertThat(region.journalTypes(call)).contains("CallFlagged").doesNotContain("CallGated", "GateSkipped");
    }

    @Test
    void withoutAMediaPlaneTheGateIsOffAndEachFlaggedCallSaysSo() {
        prankedYesterday(PRANKSTER);
        regionWithGate(new Gate(Set.of(POLDA_DIY), Duration.ofSeconds(10), false));
        region.ready("OP-3404-1");
        CallId call = region.dials("gate-no-media", PRANKSTER, GPS_IN_SLEMAN);

        assertThat(region.rang(call)).containsExactly("OP-3404-1");
        assertThat(view(call).gate()).isEqualTo("SKIPPED");
        assertThat((String) region.payload(call, "GateSkipped").get("reason")).contains("no media plane");
    }

    @Test
    void aPromptTheMediaPlaneCannotPlayLetsTheCallRingAtOnce() {
        prankedYesterday(PRANKSTER);
        regionWithGate(AT_POLDA_DIY);
        region.ready("OP-3404-1");
        CallId call = region.dials("gate-no-prompt", PRANKSTER, GPS_IN_SLEMAN);
        region.calls.mediaUnavailable(call, "prompt", "'gerbang' not played: rtpengine answered error");

        assertThat(region.rang(call)).containsExactly("OP-3404-1");
        assertThat(view(call).gate()).isEqualTo("SKIPPED");
        assertThat(view(call).mediaProblem()).as("the call is still recorded: a prompt is not the recording").isNull();
    }

    @Test
    void aBetterFixWhileTheCallerHearsThePromptKeepsTheGate() {
        prankedYesterday(PRANKSTER);
        regionWithGate(AT_POLDA_DIY);
        region.ready("OP-3404-1", "OP-3402-1");
        CallId call = region.dials("gate-moved", PRANKSTER, GPS_IN_SLEMAN);
        region.advance(Duration.ofSeconds(2));
        region.calls.locationOfCall(call, CallPathFixture.AML_IN_BANTUL, true, "AML by SMS");
        assertThat(region.rang(call)).as("still at the gate").isEmpty();
        region.calls.keyPressed(call, "1", "caller", 100);
        assertThat(region.rang(call)).as("rung where the better fix points").containsExactly("OP-3402-1");
    }

    @Test
    void aCallAlreadyRingingElsewhereThatABetterFixMovesToAGateStationRingsOnWithoutTheGate() {
        prankedYesterday(PRANKSTER);
        regionWithGate(new Gate(Set.of(StationId.of("POLRES-3402")), Duration.ofSeconds(10), true)); // Bantul only
        region.ready("OP-3404-1", "OP-3402-1");
        CallId call = region.dials("gate-moved-in", PRANKSTER, GPS_IN_SLEMAN);
        assertThat(region.rang(call)).as("Sleman has no gate: it rings").containsExactly("OP-3404-1");
        region.advance(Duration.ofSeconds(2));
        region.calls.locationOfCall(call, CallPathFixture.AML_IN_BANTUL, true, "AML by SMS");

        assertThat(region.rang(call)).as("Bantul rings at once, no prompt first").containsExactly("OP-3404-1", "OP-3402-1");
        assertThat(region.prompts(call)).isEmpty();
        assertThat(view(call).gate()).isEqualTo("SKIPPED");
        assertThat((String) region.payload(call, "GateSkipped").get("reason")).contains("already rang");
        region.answers(call, "OP-3402-1");
        assertThat(view(call).state()).isEqualTo("ANSWERED");
    }

    /** Every way out of the gate: the call is rung, and an operator who answers has the caller. */
    enum Outcome { KEY_ONE, OTHER_KEY_THEN_WAIT, NO_KEY, PROMPT_FAILED, MEDIA_LOST, NO_MEDIA_PLANE }

    @ParameterizedTest
    @EnumSource(Outcome.class)
    void noOutcomeOfTheGateRefusesOrDropsTheCall(Outcome outcome) {
        prankedYesterday(PRANKSTER);
        regionWithGate(outcome == Outcome.NO_MEDIA_PLANE ? new Gate(Set.of(POLDA_DIY), Duration.ofSeconds(10), false) : AT_POLDA_DIY);
        region.ready("OP-3404-1");
        CallId call = region.dials("gate-" + outcome, PRANKSTER, GPS_IN_SLEMAN);
        switch (outcome) {
            case KEY_ONE -> region.calls.keyPressed(call, "1", "caller", 100);
            case OTHER_KEY_THEN_WAIT -> {
                region.calls.keyPressed(call, "9", "caller", 100);
                region.calls.keyPressed(call, "1", "operator", 100); // not the caller's
                region.advance(Duration.ofSeconds(10));
            }
            case NO_KEY -> region.advance(Duration.ofSeconds(10));
            case PROMPT_FAILED -> region.calls.mediaUnavailable(call, "prompt", "not played");
            case MEDIA_LOST -> region.calls.mediaUnavailable(call, "offer", "rtpengine did not answer");
            case NO_MEDIA_PLANE -> {
            }
        }
        region.advance(Duration.ofSeconds(1));
        assertThat(region.rang(call)).as(outcome + ": rung").contains("OP-3404-1");
        region.answers(call, "OP-3404-1");
        assertThat(view(call).state()).isEqualTo("ANSWERED");
        assertThat(region.commands(call)).as(outcome + ": the caller is never refused").noneMatch(c -> c.startsWith("rejectCaller"));
        assertThat(region.journalTypes(call)).doesNotContain("CallRefused");
    }

    @Test
    void theOperatorOfASilentCallAsksForFiveFiveAndFiveFiveMakesItASilentEmergencyWithItsLocation() {
        regionWithGate(Gate.OFF);
        region.ready("OP-3404-1");
        CallId call = region.dials("silent-1", NEIGHBOUR, GPS_IN_SLEMAN);
        region.answers(call, "OP-3404-1");
        assertThat(region.calls.askSilentCaller(call, new id.siaga.org.OperatorId("OP-3404-2"), true))
                .as("only the operator on the line").isEqualTo(CallCoordinator.SilentAsk.NOT_YOURS);
        assertThat(region.calls.askSilentCaller(call, new id.siaga.org.OperatorId("OP-3404-1"), false))
                .as("nothing to play it with").isEqualTo(CallCoordinator.SilentAsk.NO_MEDIA);

        assertThat(region.calls.askSilentCaller(call, new id.siaga.org.OperatorId("OP-3404-1"), true)).isEqualTo(CallCoordinator.SilentAsk.PLAYED);
        assertThat(region.media).filteredOn(r -> r instanceof MediaControl.Request.PromptInCall)
                .extracting(r -> ((MediaControl.Request.PromptInCall) r).prompt()).containsExactly("senyap");
        region.calls.keyPressed(call, "5", "caller", 100);
        assertThat(view(call).silentEmergencyAt()).isNull();
        region.calls.keyPressed(call, "5", "operator", 100);
        assertThat(view(call).silentEmergencyAt()).as("the operator's key is not the caller's").isNull();
        region.calls.keyPressed(call, "5", "caller", 100);

        assertThat(view(call).silentEmergencyAt()).isNotNull();
        assertThat(view(call).state()).as("kept open").isEqualTo("ANSWERED");
        Map<String, Object> emergency = region.payload(call, "SilentEmergency");
        assertThat(emergency).containsEntry("station", SLEMAN.value()).containsEntry("latitude", -7.7156).containsEntry("longitude", 110.3558)
                .containsEntry("uncertaintyMeters", 12.0).containsEntry("source", "PIDF_LO");
        assertThat(region.journalTypes(call)).containsSubsequence("CallAnswered", "SilentPromptPlayed", "SilentEmergency");
        region.calls.keyPressed(call, "5", "caller", 100);
        region.calls.keyPressed(call, "5", "caller", 100);
        assertThat(region.payloads(call, "SilentEmergency")).as("once").hasSize(1);
    }

    @Test
    void fiveFiveBeforeTheAskIsNotASilentEmergency() {
        regionWithGate(Gate.OFF);
        region.ready("OP-3404-1");
        CallId call = region.dials("silent-early", NEIGHBOUR, GPS_IN_SLEMAN);
        region.calls.keyPressed(call, "5", "caller", 100);
        region.calls.keyPressed(call, "5", "caller", 100);
        region.answers(call, "OP-3404-1");
        assertThat(region.calls.askSilentCaller(call, new id.siaga.org.OperatorId("OP-3404-1"), true)).isEqualTo(CallCoordinator.SilentAsk.PLAYED);
        assertThat(view(call).silentEmergencyAt()).isNull();
        region.calls.keyPressed(call, "5", "caller", 100);
        assertThat(view(call).silentEmergencyAt()).as("one 5 after the ask is not the code").isNull();
        assertThat(List.of(region.journalTypes(call))).isNotEmpty();
    }

    @Test
    void aRingingCallCannotBeAskedForFiveFive() {
        regionWithGate(Gate.OFF);
        region.ready("OP-3404-1");
        CallId call = region.dials("silent-ringing", NEIGHBOUR, GPS_IN_SLEMAN);
        assertThat(region.calls.askSilentCaller(call, new id.siaga.org.OperatorId("OP-3404-1"), true)).isEqualTo(CallCoordinator.SilentAsk.NOT_ANSWERED);
        assertThat(region.calls.askSilentCaller(new CallId("nope"), new id.siaga.org.OperatorId("OP-3404-1"), true))
                .isEqualTo(CallCoordinator.SilentAsk.NO_SUCH_CALL);
    }
}
