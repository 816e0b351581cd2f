package id.siaga.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The roster's rules, the hours of planned against READY positions, and the go-live checklist, on Polres Sleman's
 * two positions with literal times (WIB, UTC+7).
 */
class RosterRulesTests {

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final StationId SLEMAN = StationId.of("POLRES-3404");
    static final Operator RINA = new Operator(new OperatorId("OP-3404-1"), "Bripka Rina Wulandari", SLEMAN, "operator.sleman1");
    static final Operator HENDRA = new Operator(new OperatorId("OP-3404-2"), "Brigpol Hendra Saputra", SLEMAN, "operator.sleman2");
    static final Station STATION = new Station(SLEMAN, "Polres Sleman", StationKind.POLRES, StationId.of("POLDA-DIY"), RolloutStatus.PLANNED,
            new GeoPoint(-7.716, 110.355), StationTimeZone.WIB);
    final ShiftRules rules = new ShiftRules(ShiftRules.DEFAULT_LONGEST);

    static Instant wib(String local) {
        return java.time.LocalDateTime.parse(local).atZone(WIB).toInstant();
    }

    static Shift shift(Operator at, String who, String from, String to) {
        return new Shift(ShiftId.random(), SLEMAN, at.id(), who, wib(from), wib(to), "supervisor.sleman");
    }

    @Test
    void aPositionOrAPersonIsNeverPlannedTwiceAtOnceButShiftsMayFollowEachOther() {
        Shift morning = shift(RINA, "operator.sleman1", "2026-03-04T07:00", "2026-03-04T15:00");
        rules.check(shift(RINA, "operator.sleman2", "2026-03-04T15:00", "2026-03-04T23:00"), RINA, List.of(morning), WIB);
        assertThatThrownBy(() -> rules.check(shift(RINA, "operator.sleman2", "2026-03-04T14:59", "2026-03-04T23:00"), RINA, List.of(morning), WIB))
                .isInstanceOf(ShiftConflictException.class).hasMessageContaining("already planned for operator.sleman1 from 2026-03-04 07:00");
        assertThatThrownBy(() -> rules.check(shift(HENDRA, "operator.sleman1", "2026-03-04T10:00", "2026-03-04T11:00"), HENDRA, List.of(morning), WIB))
                .isInstanceOf(ShiftConflictException.class).hasMessageContaining("already works at position OP-3404-1");
        Shift moved = new Shift(morning.id(), SLEMAN, RINA.id(), "operator.sleman1", wib("2026-03-04T06:00"), wib("2026-03-04T14:00"), "x");
        rules.check(moved, RINA, List.of(morning), WIB);
        assertThatThrownBy(() -> rules.check(shift(RINA, "operator.sleman1", "2026-03-04T00:00", "2026-03-04T16:01"), RINA, List.of(), WIB))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 16 hours");
    }

    @Test
    void plannedAndReadyAreAveragedOverEachHourAndAnHourToComeHasNoActual() {
        List<Shift> shifts = List.of(shift(RINA, "operator.sleman1", "2026-03-03T08:30", "2026-03-03T12:00"),
                shift(HENDRA, "operator.sleman2", "2026-03-03T09:00", "2026-03-03T10:00"));
        List<PresenceChanged> history = List.of(
                new PresenceChanged(RINA.id(), SLEMAN, Presence.OFFLINE, Presence.READY, wib("2026-03-02T23:00")),
                new PresenceChanged(RINA.id(), SLEMAN, Presence.READY, Presence.BUSY, wib("2026-03-03T09:15")),
                new PresenceChanged(RINA.id(), SLEMAN, Presence.BUSY, Presence.READY, wib("2026-03-03T09:30")),
                new PresenceChanged(HENDRA.id(), SLEMAN, Presence.OFFLINE, Presence.READY, wib("2026-03-03T09:00")));
        List<StaffingHours.Hour> hours = StaffingHours.of(LocalDate.parse("2026-03-03"), WIB, shifts, history, wib("2026-03-03T10:30"));
        assertThat(hours).hasSize(24);
        assertThat(hours.get(0).ready()).as("READY since the evening before").isEqualTo(1.0);
        assertThat(hours.get(8).planned()).isEqualTo(0.5);
        assertThat(hours.get(9).planned()).isEqualTo(2.0);
        assertThat(hours.get(9).ready()).as("Rina busy a quarter of the hour, Hendra READY all of it").isEqualTo(1.75);
        assertThat(hours.get(9).understaffed()).isTrue();
        assertThat(hours.get(10).ready()).as("the half hour so far: both READY").isEqualTo(2.0);
        assertThat(hours.get(10).understaffed()).isFalse();
        assertThat(hours.get(11).ready()).isNull();
        assertThat(hours.get(11).understaffed()).isFalse();
    }

    @Test
    void theChecklistNamesWhatIsMissingBeforeLive() {
        Instant now = wib("2026-03-03T08:00");
        GoLiveChecklist bare = GoLiveChecklist.of(STATION, List.of(), List.of(), true, now);
        assertThat(bare.met()).isFalse();
        assertThat(bare.unmet()).extracting(GoLiveChecklist.Check::item).containsExactly(GoLiveChecklist.Item.PHONE, GoLiveChecklist.Item.ROSTER);
        assertThat(bare.unmet().get(1).gapFrom()).isEqualTo(now);

        List<Shift> day = List.of(shift(RINA, "operator.sleman1", "2026-03-03T07:00", "2026-03-03T19:00"),
                shift(HENDRA, "operator.sleman2", "2026-03-03T19:00", "2026-03-04T07:00"));
        GoLiveChecklist gap = GoLiveChecklist.of(STATION, List.of(RINA), day, true, now);
        assertThat(gap.unmet()).extracting(GoLiveChecklist.Check::item).containsExactly(GoLiveChecklist.Item.ROSTER);
        assertThat(gap.unmet().get(0).gapFrom()).isEqualTo(wib("2026-03-04T07:00"));
        assertThat(gap.unmet().get(0).detail()).contains("2026-03-04 07:00 WIB");

        List<Shift> full = List.of(day.get(0), day.get(1), shift(RINA, "operator.sleman1", "2026-03-04T07:00", "2026-03-04T09:00"));
        GoLiveChecklist ready = GoLiveChecklist.of(STATION, List.of(RINA), full, true, now);
        assertThat(ready.met()).isTrue();
        assertThat(ready.checks().get(0).positions()).containsExactly("Bripka Rina Wulandari");
        assertThat(GoLiveChecklist.of(STATION, List.of(RINA), full, false, now).unmet()).extracting(GoLiveChecklist.Check::item)
                .containsExactly(GoLiveChecklist.Item.JURISDICTION);
        assertThat(Duration.between(now, wib("2026-03-04T08:00"))).isEqualTo(GoLiveChecklist.ROSTER_AHEAD);
    }
}
