package id.siaga.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.org.GeoPoint;
import id.siaga.org.RolloutStatus;
import id.siaga.org.Station;
import id.siaga.org.StationId;
import id.siaga.org.StationKind;
import id.siaga.org.StationTimeZone;
import id.siaga.staffing.StaffingPlan.Basis;
import id.siaga.staffing.StaffingPlan.HourPlan;
import id.siaga.staffing.StaffingPlan.OutcomeHandling;
import id.siaga.telephony.CallId;
import id.siaga.telephony.CallRecord;
import id.siaga.telephony.CallRecord.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Plans from literal call records with literal times, for the same nine calls seen from stations in Indonesia's three
 * zones. The window is 1 and 2 March 2026, local days. In Sleman (WIB, UTC+7): on the 1st a caller is answered at
 * 08:05 and talks 3 minutes, another at 08:40 talks 90 s, a third gives up at 08:50; on the 2nd one at 08:15 talks
 * 2½ minutes, one at 09:10 is answered but the server restarts before its end is known, one at 13:20 gives up; a
 * pocket dial at 00:10 on the 1st is cut off after 3 s. Two more fall just outside: 23:50 on 28 February and 00:10
 * on 3 March. Every answered call costs 30 s of wrap-up. Expected figures: {@code scripts/staffing/erlang_c_check.py}.
 */
class StaffingPlannerTests {

    static final LocalDate FIRST = LocalDate.parse("2026-03-01");
    static final LocalDate UNTIL = LocalDate.parse("2026-03-03");
    static final StaffingPlanner PLANNER = new StaffingPlanner(HandlingTime.talkPlusWrapUp(StaffingPlanner.DEFAULT_WRAP_UP));

    static final List<CallRecord> CALLS = List.of(
            answered("r1", "2026-03-01T01:05:00Z", "2026-03-01T01:05:07Z", "2026-03-01T01:08:07Z", Outcome.ANSWERED), // 180 s talk
            answered("r2", "2026-03-01T01:40:00Z", "2026-03-01T01:40:04Z", "2026-03-01T01:41:34Z", Outcome.ANSWERED), // 90 s
            abandoned("r3", "2026-03-01T01:50:00Z"),
            answered("r4", "2026-03-02T01:15:00Z", "2026-03-02T01:15:03Z", "2026-03-02T01:17:33Z", Outcome.ANSWERED), // 150 s
            answered("r9", "2026-03-02T02:10:00Z", "2026-03-02T02:10:02Z", null, Outcome.INTERRUPTED), // length unknown
            abandoned("r5", "2026-03-02T06:20:00Z"),
            answered("r6", "2026-02-28T17:10:00Z", "2026-02-28T17:10:05Z", "2026-02-28T17:10:08Z", Outcome.CUT_OFF), // 3 s
            answered("r7", "2026-02-28T16:50:00Z", "2026-02-28T16:50:10Z", "2026-02-28T16:52:10Z", Outcome.ANSWERED), // 120 s
            answered("r8", "2026-03-02T17:10:00Z", "2026-03-02T17:10:04Z", "2026-03-02T17:11:04Z", Outcome.ANSWERED)); // 60 s

    @Test
    void slemanInWibSizesEachLocalHourFromItsOwnCalls() {
        StaffingPlan plan = PLANNER.plan(station("POLRES-3404", "Polres Sleman", StationTimeZone.WIB), FIRST, UNTIL, CALLS, false);

        assertThat(plan.zone()).isEqualTo("WIB");
        assertThat(plan.zoneId()).isEqualTo("Asia/Jakarta");
        assertThat(plan.firstDay()).isEqualTo(FIRST);
        assertThat(plan.lastDay()).isEqualTo(LocalDate.parse("2026-03-02"));
        assertThat(plan.days()).isEqualTo(2);
        assertThat(plan.calls()).as("23:50 on the 28th and 00:10 on the 3rd are outside").isEqualTo(7);
        assertThat(plan.hours()).hasSize(24).extracting(HourPlan::hour).containsExactlyElementsOf(range24());

        HourPlan eight = plan.hours().get(8);
        assertThat(eight.calls()).as("the abandoned call counts as an arrival").isEqualTo(4);
        assertThat(eight.arrivalsPerHour()).isEqualTo(2.0);
        assertThat(eight.basis()).isEqualTo(Basis.MEASURED);
        assertThat(eight.meanHandlingSeconds()).as("(210 + 120 + 180) / 3").isEqualTo(170.0);
        assertThat(eight.offeredLoadErlangs()).isEqualTo(0.094);
        assertThat(eight.operatorsFor10s()).isEqualTo(1);
        assertThat(eight.operatorsFor20s()).as("one operator answers only 91.5 % within 20 s").isEqualTo(2);
        assertThat(eight.operators()).isEqualTo(2);
        assertThat(eight.serviceLevel10sPercent()).isEqualTo(99.6);
        assertThat(eight.serviceLevel20sPercent()).isEqualTo(99.6);
        assertThat(eight.occupancyPercent()).isEqualTo(4.7);
        assertThat(eight.averageSpeedOfAnswerSeconds()).isEqualTo(0.4);

        HourPlan midnight = plan.hours().get(0);
        assertThat(midnight.calls()).isEqualTo(1);
        assertThat(midnight.meanHandlingSeconds()).as("3 s cut off + 30 s wrap-up").isEqualTo(33.0);
        assertThat(midnight.operators()).isEqualTo(1);

        HourPlan nine = plan.hours().get(9);
        assertThat(nine.basis()).as("answered, but its length is unknown").isEqualTo(Basis.WINDOW_MEAN);
        assertThat(nine.meanHandlingSeconds()).as("(210 + 120 + 180 + 33) / 4").isEqualTo(135.8);
        assertThat(nine.operators()).isEqualTo(1);
        assertThat(nine.serviceLevel10sPercent()).isEqualTo(98.2);
        HourPlan one = plan.hours().get(13);
        assertThat(one.basis()).as("nobody answered at 13:00").isEqualTo(Basis.WINDOW_MEAN);
        assertThat(one.arrivalsPerHour()).isEqualTo(0.5);

        HourPlan ten = plan.hours().get(10);
        assertThat(ten.basis()).isEqualTo(Basis.NO_CALLS);
        assertThat(ten.operators()).as("no history: 0, said as such").isZero();
        assertThat(ten.meanHandlingSeconds()).isNull();
        assertThat(ten.serviceLevel10sPercent()).isNull();
        assertThat(plan.hours().stream().filter(h -> h.basis() == Basis.NO_CALLS)).hasSize(20);
        assertThat(plan.peakOperators()).isEqualTo(2);

        assertThat(plan.byOutcome()).containsExactly(
                new OutcomeHandling(Outcome.ANSWERED, 3, 3, 170.0),
                new OutcomeHandling(Outcome.ABANDONED, 2, 0, null),
                new OutcomeHandling(Outcome.CUT_OFF, 1, 1, 33.0),
                new OutcomeHandling(Outcome.INTERRUPTED, 1, 0, null));
    }

    @Test
    void theSameCallsFallInOtherHoursAndOtherDaysInWitaAndWit() {
        StaffingPlan makassar = PLANNER.plan(station("POLRES-7371", "Polrestabes Makassar", StationTimeZone.WITA), FIRST, UNTIL, CALLS, false);
        assertThat(makassar.zone()).isEqualTo("WITA");
        assertThat(makassar.calls()).as("23:50 WIB on the 28th is 00:50 WITA on the 1st; 00:10 WIB on the 3rd is still outside").isEqualTo(8);
        assertThat(makassar.hours().get(9).calls()).as("08:xx WIB is 09:xx WITA").isEqualTo(4);
        assertThat(makassar.hours().get(8).calls()).isZero();
        assertThat(makassar.hours().get(0).calls()).as("r7 at 00:50").isEqualTo(1);
        assertThat(makassar.hours().get(0).meanHandlingSeconds()).isEqualTo(150.0);
        assertThat(makassar.hours().get(1).calls()).as("r6 at 01:10").isEqualTo(1);

        StaffingPlan jayapura = PLANNER.plan(station("POLRES-9171", "Polresta Jayapura Kota", StationTimeZone.WIT), FIRST, UNTIL, CALLS, false);
        assertThat(jayapura.zoneId()).isEqualTo("Asia/Jayapura");
        assertThat(jayapura.calls()).isEqualTo(8);
        assertThat(jayapura.hours().get(10).calls()).as("08:xx WIB is 10:xx WIT").isEqualTo(4);
        assertThat(jayapura.hours().get(10).operators()).isEqualTo(2);
        assertThat(jayapura.hours().get(1).calls()).isEqualTo(1);
        assertThat(jayapura.hours().get(2).calls()).isEqualTo(1);
        assertThat(jayapura.hours().get(15).basis()).as("13:20 WIB is 15:20 WIT").isEqualTo(Basis.WINDOW_MEAN);
    }

    /** Issue 16's own example: 10 calls an hour, each 150 s of talk and 30 s of wrap-up, on one day. */
    @Test
    void tenCallsAnHourOfThreeMinutesNeedTwoOperatorsForTenSecondsAndThreeForTwenty() {
        List<CallRecord> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Instant offered = Instant.parse("2026-03-01T03:00:00Z").plus(Duration.ofMinutes(6L * i)); // 10:00-10:54 WIB
            calls.add(answered("t" + i, offered.toString(), offered.plusSeconds(4).toString(), offered.plusSeconds(154).toString(),
                    Outcome.ANSWERED));
        }
        StaffingPlan plan = PLANNER.plan(station("POLRES-3404", "Polres Sleman", StationTimeZone.WIB), FIRST, FIRST.plusDays(1), calls, false);

        HourPlan ten = plan.hours().get(10);
        assertThat(ten.arrivalsPerHour()).isEqualTo(10.0);
        assertThat(ten.meanHandlingSeconds()).isEqualTo(180.0);
        assertThat(ten.offeredLoadErlangs()).isEqualTo(0.5);
        assertThat(ten.operatorsFor10s()).isEqualTo(2);
        assertThat(ten.operatorsFor20s()).isEqualTo(3);
        assertThat(ten.operators()).isEqualTo(3);
        assertThat(ten.serviceLevel10sPercent()).as("98.68 %, rounded down").isEqualTo(98.6);
        assertThat(ten.serviceLevel20sPercent()).isEqualTo(98.8);
        assertThat(ten.occupancyPercent()).isEqualTo(16.7);
    }

    @Test
    void theWrapUpIsPartOfWhatACallCosts() {
        StaffingPlanner noWrapUp = new StaffingPlanner(HandlingTime.talkPlusWrapUp(Duration.ZERO));
        StaffingPlan plan = noWrapUp.plan(station("POLRES-3404", "Polres Sleman", StationTimeZone.WIB), FIRST, UNTIL, CALLS, false);
        assertThat(plan.hours().get(8).meanHandlingSeconds()).as("(180 + 90 + 150) / 3").isEqualTo(140.0);
        assertThat(plan.hours().get(0).meanHandlingSeconds()).isEqualTo(3.0);
    }

    @Test
    void aWindowWithoutCallsNeedsNobodyAndSaysSo() {
        StaffingPlan plan = PLANNER.plan(station("POLRES-3404", "Polres Sleman", StationTimeZone.WIB), FIRST, UNTIL, List.of(), false);
        assertThat(plan.calls()).isZero();
        assertThat(plan.peakOperators()).isZero();
        assertThat(plan.byOutcome()).isEmpty();
        assertThat(plan.hours()).allSatisfy(h -> {
            assertThat(h.basis()).isEqualTo(Basis.NO_CALLS);
            assertThat(h.operators()).isZero();
            assertThat(h.arrivalsPerHour()).isZero();
        });
    }

    @Test
    void callsNobodyAnsweredCannotSizeAPlanAndTheHoursSaySo() {
        List<CallRecord> unanswered = List.of(abandoned("a1", "2026-03-01T01:05:00Z"), abandoned("a2", "2026-03-01T01:35:00Z"));
        StaffingPlan plan = PLANNER.plan(station("POLRES-3404", "Polres Sleman", StationTimeZone.WIB), FIRST, UNTIL, unanswered, false);
        HourPlan eight = plan.hours().get(8);
        assertThat(eight.basis()).isEqualTo(Basis.NO_HANDLING_TIME);
        assertThat(eight.arrivalsPerHour()).isEqualTo(1.0);
        assertThat(eight.operators()).as("not invented").isNull();
        assertThat(eight.operatorsFor10s()).isNull();
        assertThat(eight.meanHandlingSeconds()).isNull();
        assertThat(plan.peakOperators()).isNull();
    }

    @Test
    void aPlanNeedsADay() {
        Station sleman = station("POLRES-3404", "Polres Sleman", StationTimeZone.WIB);
        assertThatThrownBy(() -> PLANNER.plan(sleman, FIRST, FIRST, CALLS, false)).hasMessageContaining("at least one day");
        assertThatThrownBy(() -> HandlingTime.talkPlusWrapUp(Duration.ofSeconds(-1))).hasMessageContaining("cannot be negative");
    }

    static Station station(String id, String name, StationTimeZone zone) {
        return new Station(StationId.of(id), name, StationKind.POLRES, StationId.of("POLDA-X"), RolloutStatus.LIVE, new GeoPoint(-7.7, 110.4), zone);
    }

    static CallRecord answered(String id, String offered, String answered, String ended, Outcome outcome) {
        return new CallRecord(new CallId(id), "+6281200000001", "110", "POLRES-3404", Instant.parse(offered), Instant.parse(answered),
                ended == null ? null : Instant.parse(ended), outcome, "OP-1", "POLRES-3404", 0, "caller", "CELL", null, null);
    }

    static CallRecord abandoned(String id, String offered) {
        Instant at = Instant.parse(offered);
        return new CallRecord(new CallId(id), "+6281200000002", "110", "POLRES-3404", at, null, at.plusSeconds(25), Outcome.ABANDONED, null,
                null, null, "caller", "CELL", null, null);
    }

    static List<Integer> range24() {
        List<Integer> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            hours.add(h);
        }
        return hours;
    }
}
