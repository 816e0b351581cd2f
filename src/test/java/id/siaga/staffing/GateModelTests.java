package id.siaga.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.org.StationTimeZone;
import id.siaga.screening.Classification;
import id.siaga.screening.Reputation;
import id.siaga.telephony.CallId;
import id.siaga.telephony.CallRecord;
import id.siaga.telephony.CallRecord.Outcome;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The plan with the gate (issue 16), replayed over literal calls on 1 March 2026 in Sleman (WIB): a prankster calls at
 * 09:00, 09:10, 09:20, 09:30, 09:40 and 09:50 (UTC 02:00 …), each answered and talking 20 s, each classified PRANK;
 * with the default reputation (threshold 2.5, half-life 7 days) its fourth call is the first its score flags (three
 * pranks, minutes old, weigh just under 3), so calls 4, 5 and 6 meet the gate. A neighbour calls at 09:05 with a real
 * emergency (GENUINE, 4 minutes): never held. With half the held pranksters hanging up at the gate, 1.5 of hour 9's
 * seven calls are expected to stop there.
 */
class GateModelTests {

    static final LocalDate DAY = LocalDate.parse("2026-03-01");
    static final GateModel HALF = new GateModel(Reputation.Policy.DEFAULT, 0.5);

    final List<CallRecord> calls = new ArrayList<>();
    final Map<CallId, Classification> classes = new HashMap<>();

    void call(String id, String number, String offered, long talkSeconds, Classification cls) {
        Instant at = Instant.parse(offered);
        CallRecord r = new CallRecord(new CallId(id), number, "110", "POLRES-3404", at, at.plusSeconds(5), at.plusSeconds(5 + talkSeconds),
                Outcome.ANSWERED, "OP-1", "POLRES-3404", 0, "operator", "CELL", null, null);
        calls.add(r);
        classes.put(r.id(), cls);
    }

    void aMorning() {
        for (int i = 0; i < 6; i++) {
            call("p" + (i + 1), "+6281200000666", "2026-03-01T02:" + i + "0:00Z", 20, Classification.PRANK);
        }
        call("g1", "+6281200000777", "2026-03-01T02:05:00Z", 240, Classification.GENUINE);
    }

    @Test
    void theReplayHoldsAPranksterFromTheCallItsScoreFlagsOnAndNeverTheNeighbour() {
        aMorning();
        GateModel.Replay replay = HALF.replay(calls, classes);
        assertThat(replay.held()).containsExactlyInAnyOrder(new CallId("p4"), new CallId("p5"), new CallId("p6"));
        assertThat(replay.heldGenuine()).isZero();
        assertThat(replay.heldOther()).isEqualTo(3);
    }

    @Test
    void aFlaggedNumberWithAGenuineEmergencyIsHeldButAlwaysReachesAnOperator() {
        aMorning();
        call("p7", "+6281200000666", "2026-03-01T03:00:00Z", 300, Classification.GENUINE); // the house is on fire this time
        GateModel.Replay replay = HALF.replay(calls, classes);
        CallRecord fire = calls.get(calls.size() - 1);
        assertThat(replay.held(fire.id())).isTrue();
        assertThat(replay.heldGenuine()).isEqualTo(1);
        assertThat(HALF.reaches(fire, replay, classes)).isEqualTo(1.0);
        assertThat(HALF.reaches(calls.get(4), replay, classes)).as("a held prank: half reach an operator").isEqualTo(0.5);
        assertThat(HALF.reaches(calls.get(0), replay, classes)).as("not held").isEqualTo(1.0);
    }

    @Test
    void thePlanWithTheGateSizesHourNineForTheCallsThatStillReachAnOperator() {
        aMorning();
        StaffingPlanner planner = new StaffingPlanner(HandlingTime.talkPlusWrapUp(StaffingPlanner.DEFAULT_WRAP_UP), HALF);
        StaffingPlan plan = planner.plan(StaffingPlannerTests.station("POLRES-3404", "Polres Sleman", StationTimeZone.WIB), DAY, DAY.plusDays(1),
                calls, classes, false);

        assertThat(plan.hours().get(9).arrivalsPerHour()).isEqualTo(7.0);
        StaffingPlan.WithGate gate = plan.withGate();
        assertThat(gate.held()).isEqualTo(3);
        assertThat(gate.expectedStopped()).isEqualTo(1.5);
        assertThat(gate.hours().get(9).arrivalsPerHour()).isEqualTo(5.5);
        assertThat(gate.hours().get(9).meanHandlingSeconds())
                .as("the stopped pranks' short calls leave the mean: (6×50 + 270 − 1.5×50) / 5.5").isEqualTo(90.0);
        assertThat(plan.hours().get(9).meanHandlingSeconds()).as("(6×50 + 270) / 7").isEqualTo(81.4);
        assertThat(gate.hours().get(10).basis()).isEqualTo(StaffingPlan.Basis.NO_CALLS);
        assertThat(plan.byClass()).extracting(StaffingPlan.ClassHandling::classification, StaffingPlan.ClassHandling::calls,
                StaffingPlan.ClassHandling::meanHandlingSeconds).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("GENUINE", 1, 270.0), org.assertj.core.groups.Tuple.tuple("PRANK", 6, 50.0));
    }

    @Test
    void withoutAGateModelThePlanHasNoGateAndUnclassifiedCallsAreSaidSo() {
        aMorning();
        StaffingPlan plan = StaffingPlannerTests.PLANNER.plan(StaffingPlannerTests.station("POLRES-3404", "Polres Sleman", StationTimeZone.WIB), DAY,
                DAY.plusDays(1), calls, false);
        assertThat(plan.withGate()).isNull();
        assertThat(plan.byClass()).singleElement().satisfies(c -> {
            assertThat(c.classification()).isEqualTo(StaffingPlan.ClassHandling.UNCLASSIFIED);
            assertThat(c.calls()).isEqualTo(7);
        });
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new GateModel(Reputation.Policy.DEFAULT, 1.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GateModel(Reputation.Policy.DEFAULT, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
