package id.siaga.supervision;

import id.siaga.journal.Journal;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.dispatch.Assignment;
import id.siaga.dispatch.AssignmentId;
import id.siaga.dispatch.DispatchTarget;
import id.siaga.dispatch.IncidentClock;
import id.siaga.incident.IncidentId;
import id.siaga.incident.IncidentStatus;
import id.siaga.journal.JournalEntry;
import id.siaga.journal.SubjectKind;
import id.siaga.org.StationId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Time to on-scene and declined calls from literal values: incidents' clocks as dispatch computes them (10-minute
 * target) at 10:00 WIB (03:00 UTC), and a call's journal entries.
 */
class OnSceneTimesTests {

    static final Instant MIDNIGHT_WIB = Instant.parse("2026-11-28T17:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-29T03:00:00Z");
    static final Duration TARGET = Duration.ofMinutes(10);

    @Test
    void todaysArrivalsGiveTheShareWithinTenMinutesAndTheMedianAndTheOpenOnesPastItAreListedOldestFirst() {
        List<OnSceneTimes.TimedIncident> incidents = List.of(
                incident("met-6", "02:00:00", 6, true),
                incident("met-9", "02:10:00", 9, true),
                incident("missed-14", "02:20:00", 14, false),
                incident("missed-20", "01:00:00", 20, false),
                incident("waiting-45", "02:15:00", null, true),
                incident("waiting-25", "02:35:00", null, true),
                incident("running-5", "02:55:00", null, true),
                incident("yesterday-waiting", "2026-11-28T16:00:00Z", null, true),
                incident("yesterday-met", "2026-11-28T15:00:00Z", 3, false),
                new OnSceneTimes.TimedIncident("info-40", "POLRES-3404", "Permintaan informasi", 5, true, false, clock("02:20:00", null)));

        OnSceneTimes.Figures f = OnSceneTimes.of(incidents, MIDNIGHT_WIB, s -> s.equals("POLRES-3404") ? "Polres Sleman" : s, false);

        assertThat(f.incidents()).as("yesterday's are not today's figures").isEqualTo(8);
        assertThat(f.reachedOnScene()).isEqualTo(4);
        assertThat(f.withinTarget()).isEqualTo(2);
        assertThat(f.withinTargetPercent()).isEqualTo(50.0);
        assertThat(f.medianMinutes()).as("nearest rank of 6, 9, 14, 20").isEqualTo(9.0);
        assertThat(f.overdue()).extracting(OnSceneTimes.Overdue::incident)
                .as("open and past 10 minutes, oldest first; yesterday's still waits; not the information request nor the 5-minute one")
                .containsExactly("yesterday-waiting", "waiting-45", "waiting-25");
        assertThat(f.overdue().get(1).minutesWaiting()).isEqualTo(45.0);
        assertThat(f.overdue().get(1).stationName()).isEqualTo("Polres Sleman");
    }

    @Test
    void withNoArrivalTheShareAndMedianAreUnknownNotZero() {
        OnSceneTimes.Figures f = OnSceneTimes.of(List.of(incident("running", "02:55:00", null, true)), MIDNIGHT_WIB, s -> s, false);
        assertThat(f.incidents()).isEqualTo(1);
        assertThat(f.reachedOnScene()).isZero();
        assertThat(f.withinTargetPercent()).isNull();
        assertThat(f.medianMinutes()).isNull();
        assertThat(f.overdue()).isEmpty();
    }

    @Test
    void aPhoneThatAnswered486Or603DeclinedAtTheStationItRangForAndOtherFailuresAreNotDeclines() {
        List<JournalEntry> story = List.of(
                entry(1, "LegRang", "{\"operator\":\"OP-3404-1\",\"station\":\"POLRES-3404\",\"tier\":0}"),
                entry(2, "LegRang", "{\"operator\":\"OP-3404-2\",\"station\":\"POLRES-3404\",\"tier\":0}"),
                entry(3, "LegFailed", "{\"operator\":\"OP-3404-2\",\"status\":603,\"reason\":\"Decline\"}"),
                entry(4, "LegFailed", "{\"operator\":\"OP-3404-1\",\"status\":480,\"reason\":\"no phone registered\"}"),
                entry(5, "LegRang", "{\"operator\":\"OP-DIY-1\",\"station\":\"POLDA-DIY\",\"tier\":1}"),
                entry(6, "LegFailed", "{\"operator\":\"OP-DIY-1\",\"status\":486,\"reason\":\"Busy Here\"}"),
                entry(7, "LegRang", "{\"operator\":\"OP-JTG-1\",\"station\":\"POLDA-JATENG\",\"tier\":1}"),
                entry(8, "LegFailed", "{\"operator\":\"OP-JTG-1\",\"status\":603,\"reason\":\"Decline\"}"));

        List<Decline> declines = EscalationReader.declines(story);
        assertThat(declines).extracting(Decline::operator, Decline::station, Decline::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("OP-3404-2", "POLRES-3404", 603),
                        org.assertj.core.groups.Tuple.tuple("OP-DIY-1", "POLDA-DIY", 486),
                        org.assertj.core.groups.Tuple.tuple("OP-JTG-1", "POLDA-JATENG", 603));

        List<Decline> day = new ArrayList<>(declines);
        day.add(new Decline("c2", NOW.minusSeconds(60), "OP-3404-2", "POLRES-3404", 486));
        day.add(new Decline("c0", MIDNIGHT_WIB.minusSeconds(1), "OP-3404-1", "POLRES-3404", 603));
        DeclineTally.Figures f = DeclineTally.of(day, Set.of("POLDA-DIY", "POLRES-3404")::contains, MIDNIGHT_WIB);
        assertThat(f.total()).as("not Jawa Tengah's, not yesterday's").isEqualTo(3);
        assertThat(f.byStation()).extracting(DeclineTally.StationCount::station).containsExactly("POLRES-3404", "POLDA-DIY");
        assertThat(f.byStation().get(0).operators()).containsExactly(new DeclineTally.OperatorCount("OP-3404-2", 2));
    }

    private static OnSceneTimes.TimedIncident incident(String id, String start, Integer minutesToScene, boolean open) {
        return new OnSceneTimes.TimedIncident(id, "POLRES-3404", "Pencurian", 3, open, true, clock(start, minutesToScene));
    }

    /** The clock dispatch computes for an incident reported at {@code start} (WIB day of 29 Nov unless a full instant). */
    private static IncidentClock clock(String start, Integer minutesToScene) {
        Instant from = start.contains("T") ? Instant.parse(start) : Instant.parse("2026-11-29T" + start + "Z");
        IncidentId id = new IncidentId("INC-" + from.getEpochSecond());
        DispatchTarget target = new DispatchTarget(id, Optional.empty(), StationId.of("POLRES-3404"), IncidentStatus.NEW, 3, "Pencurian", "",
                "", null, from);
        List<Assignment> assignments = minutesToScene == null ? List.of()
                : List.of(new Assignment(AssignmentId.random(), "SLM-R4-01", id, Assignment.State.ON_SCENE, "dispatcher", from, null, null, null,
                        from.plus(Duration.ofMinutes(minutesToScene)), null, null, null, null, null, null, null, "siaga-1", 3));
        return IncidentClock.of(target, assignments, TARGET, NOW);
    }

    private static JournalEntry entry(long seq, String type, String payload) {
        return new JournalEntry(Journal.DEFAULT_NODE, seq, NOW.minusSeconds(100 - seq), type, SubjectKind.CALL, "c1", "routing", payload, "prev", "hash");
    }
}
