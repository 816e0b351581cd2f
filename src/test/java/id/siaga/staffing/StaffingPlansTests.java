package id.siaga.staffing;

import static id.siaga.staffing.StaffingPlannerTests.answered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.org.GeoPoint;
import id.siaga.org.RolloutStatus;
import id.siaga.org.Station;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.org.StationKind;
import id.siaga.org.StationStatusStore;
import id.siaga.org.StationTimeZone;
import id.siaga.org.StationTree;
import id.siaga.telephony.CallId;
import id.siaga.telephony.CallRecord;
import id.siaga.telephony.CallRecord.Outcome;
import id.siaga.telephony.InMemoryCallRecordStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Polda in WIB with a Polres in WIB and one in WIT, read at 23:30 WIB on 3 March 2026, which is already 01:30 on the
 * 4th in WIT: each station's window is its own last whole days, so the WIT Polres's 3 March is in and the WIB Polres's
 * is not.
 */
class StaffingPlansTests {

    static final Clock AT = Clock.fixed(Instant.parse("2026-03-03T16:30:00Z"), ZoneOffset.UTC);
    static final StationTree TREE = StationTree.builder()
            .add(station("MABES", StationKind.MABES, null, StationTimeZone.WIB), "t")
            .add(station("POLDA-X", StationKind.POLDA, "MABES", StationTimeZone.WIB), "t")
            .add(station("POLRES-W", StationKind.POLRES, "POLDA-X", StationTimeZone.WIB), "t")
            .add(station("POLRES-T", StationKind.POLRES, "POLDA-X", StationTimeZone.WIT), "t").build();

    final InMemoryCallRecordStore store = new InMemoryCallRecordStore();

    @Test
    void eachStationIsPlannedOverItsOwnLastWholeDaysParentsFirst() {
        store.save(at("w-today", "POLRES-W", "2026-03-03T02:00:00Z")); // 09:00 WIB on the 3rd: today, still under way
        store.save(at("w-yesterday", "POLRES-W", "2026-03-02T02:00:00Z")); // 09:00 WIB on the 2nd
        store.save(at("t-third", "POLRES-T", "2026-03-03T02:00:00Z")); // 11:00 WIT on the 3rd: yesterday in WIT
        store.save(at("t-first", "POLRES-T", "2026-03-01T02:00:00Z")); // 11:00 WIT on the 1st: before the WIT window
        StaffingPlans plans = new StaffingPlans(new StationDirectory(TREE, NO_STATUSES, AT), store, Duration.ofSeconds(30), AT);

        List<StaffingPlan> polda = plans.forSubtree(StationId.of("POLDA-X"), 2);

        assertThat(polda).extracting(StaffingPlan::station).as("the tree's order: parents first, children by id")
                .containsExactly("POLDA-X", "POLRES-T", "POLRES-W");
        StaffingPlan wib = polda.get(2);
        assertThat(wib.firstDay()).isEqualTo(LocalDate.parse("2026-03-01"));
        assertThat(wib.lastDay()).isEqualTo(LocalDate.parse("2026-03-02"));
        assertThat(wib.calls()).as("today is still under way").isEqualTo(1);
        assertThat(wib.hours().get(9).calls()).isEqualTo(1);
        StaffingPlan wit = polda.get(1);
        assertThat(wit.firstDay()).isEqualTo(LocalDate.parse("2026-03-02"));
        assertThat(wit.lastDay()).isEqualTo(LocalDate.parse("2026-03-03"));
        assertThat(wit.calls()).isEqualTo(1);
        assertThat(wit.hours().get(11).calls()).isEqualTo(1);
        assertThat(polda.get(0).calls()).isZero();
        assertThat(polda).noneMatch(StaffingPlan::truncated);
        assertThat(plans.forSubtree(StationId.of("POLRES-T"), 28)).extracting(StaffingPlan::station).containsExactly("POLRES-T");
    }

    /**
     * Read with a bound of four: the newest four are Monday 2 March's three and one of Sunday's two, so Sunday may be cut
     * and only Monday counts.
     */
    @Test
    void aHistoryLargerThanOnePlanReadsIsPlannedFromTheNewestWholeDaysAndSaysSo() {
        store.save(at("sat", "POLRES-W", "2026-02-28T03:00:00Z"));
        store.save(at("sun-1", "POLRES-W", "2026-03-01T03:00:00Z"));
        store.save(at("sun-2", "POLRES-W", "2026-03-01T04:00:00Z"));
        store.save(at("mon-1", "POLRES-W", "2026-03-02T03:00:00Z")); // 10:00 WIB
        store.save(at("mon-2", "POLRES-W", "2026-03-02T04:00:00Z"));
        store.save(at("mon-3", "POLRES-W", "2026-03-02T05:00:00Z"));
        StaffingPlans plans = new StaffingPlans(new StationDirectory(TREE, NO_STATUSES, AT), store, Duration.ofSeconds(30), AT, 4);

        StaffingPlan plan = plans.forSubtree(StationId.of("POLRES-W"), 7).get(0);

        assertThat(plan.truncated()).isTrue();
        assertThat(plan.firstDay()).isEqualTo(LocalDate.parse("2026-03-02"));
        assertThat(plan.days()).isEqualTo(1);
        assertThat(plan.calls()).isEqualTo(3);
        assertThat(plan.hours().get(10).arrivalsPerHour()).as("one call a day, over one day, not seven").isEqualTo(1.0);
    }

    @Test
    void daysAreOneToNinety() {
        StaffingPlans plans = new StaffingPlans(new StationDirectory(TREE, NO_STATUSES, AT), store, Duration.ofSeconds(30), AT);
        assertThatThrownBy(() -> plans.forSubtree(StationId.of("POLDA-X"), 0)).hasMessage("days must be 1 to 90, got 0");
        assertThatThrownBy(() -> plans.forSubtree(StationId.of("POLDA-X"), 91)).hasMessage("days must be 1 to 90, got 91");
        assertThat(plans.forSubtree(StationId.of("POLDA-X"), 90)).hasSize(3);
        assertThat(plans.wrapUp()).isEqualTo(Duration.ofSeconds(30));
    }

    static final StationStatusStore NO_STATUSES = new StationStatusStore() {
        @Override
        public Map<StationId, RolloutStatus> all() {
            return Map.of();
        }

        @Override
        public void save(StationId station, RolloutStatus status, String changedBy, Instant at) {
        }
    };

    static CallRecord at(String id, String station, String offered) {
        CallRecord r = answered(id, offered, Instant.parse(offered).plusSeconds(5).toString(), Instant.parse(offered).plusSeconds(125).toString(),
                Outcome.ANSWERED);
        return new CallRecord(new CallId(id), r.callerNumber(), r.dialled(), station, r.offeredAt(), r.answeredAt(), r.endedAt(), r.outcome(),
                r.answeredBy(), station, r.answeredTier(), r.endedBy(), r.locationSource(), null, null);
    }

    static Station station(String id, StationKind kind, String parent, StationTimeZone zone) {
        return new Station(StationId.of(id), id, kind, parent == null ? null : StationId.of(parent), RolloutStatus.LIVE,
                new GeoPoint(-7.7, 110.4), zone);
    }
}
