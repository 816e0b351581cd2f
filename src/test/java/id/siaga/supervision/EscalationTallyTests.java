package id.siaga.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.journal.InMemoryJournalStore;
import id.siaga.journal.Journal;
import id.siaga.journal.JournalEntry;
import id.siaga.journal.JournalSpool;
import id.siaga.journal.SubjectKind;
import id.siaga.org.OperatorId;
import id.siaga.org.StationId;
import id.siaga.routing.EscalationReason;
import id.siaga.telephony.CallId;
import id.siaga.telephony.event.CallEscalated;
import id.siaga.telephony.event.LegFailed;
import id.siaga.telephony.event.LegRang;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Escalations read from literal journal entries and tallied per station, per operator who let the call ring and per
 * local hour (WIB: UTC+7, so 01:30 UTC is 08:30 in Yogyakarta).
 */
class EscalationTallyTests {

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final Instant MIDNIGHT_WIB = Instant.parse("2026-11-28T17:00:00Z");

    @Test
    void theJournalsEscalationEntriesNameTheStationsAndTheOperatorsWhoLetItRing() {
        List<JournalEntry> story = List.of(
                entry(3, "2026-11-29T01:30:20Z", "CallEscalated", "c1",
                        "{\"from\":\"POLDA-DIY\",\"missed\":[],\"reason\":\"NOBODY_READY\",\"tier\":2,\"to\":\"MABES\"}"),
                entry(2, "2026-11-29T01:30:10Z", "CallEscalated", "c1",
                        "{\"from\":\"POLRES-3404\",\"missed\":[\"OP-3404-1\",\"OP-3404-2\"],\"reason\":\"TIMEOUT\",\"tier\":1,\"to\":\"POLDA-DIY\"}"),
                entry(1, "2026-11-29T01:30:00Z", "LegRang", "c1", "{\"operator\":\"OP-3404-1\",\"station\":\"POLRES-3404\",\"tier\":0}"));

        List<Escalation> read = EscalationReader.of(story);

        assertThat(read).containsExactly(
                new Escalation("c1", Instant.parse("2026-11-29T01:30:10Z"), "POLRES-3404", "POLDA-DIY", 1, "TIMEOUT", List.of("OP-3404-1", "OP-3404-2")),
                new Escalation("c1", Instant.parse("2026-11-29T01:30:20Z"), "POLDA-DIY", "MABES", 2, "NOBODY_READY", List.of()));
    }

    @Test
    void rowsTheCallEventRecordsWriteCountLikeOldRowsAndUnreadableOnesAreSkipped(@TempDir Path dir) {
        Clock at = Clock.fixed(Instant.parse("2026-11-29T01:30:30Z"), ZoneOffset.UTC);
        CallId call = new CallId("c1");
        List<JournalEntry> story = new ArrayList<>();
        story.add(entry(1, "2026-11-29T01:30:00Z", "LegRang", "c1", "{\"operator\":\"OP-3404-1\",\"station\":\"POLRES-3404\",\"tier\":0}"));
        story.add(entry(2, "2026-11-29T01:30:10Z", "CallEscalated", "c1",
                "{\"from\":\"POLRES-3404\",\"missed\":[\"OP-3404-1\"],\"reason\":\"TIMEOUT\",\"tier\":1,\"to\":\"POLDA-DIY\"}"));
        story.add(entry(3, "2026-11-29T01:30:15Z", "CallEscalated", "c1", "{\"from\":\"POLDA-DIY\",\"tier\":2}"));
        try (Journal journal = new Journal(new InMemoryJournalStore(), new JournalSpool(dir.resolve("spool.jsonl")), at, 10, 100,
                Duration.ofMillis(50))) {
            story.add(journal.append(new LegRang(call, new OperatorId("OP-DIY-1"), StationId.of("POLDA-DIY"), 1), "routing").join());
            story.add(journal.append(new LegFailed(call, new OperatorId("OP-DIY-1"), 603, "Decline"), "OP-DIY-1").join());
            story.add(journal.append(new CallEscalated(call, StationId.of("POLDA-DIY"), StationId.of("MABES"), 2, EscalationReason.ALL_DECLINED,
                    List.of()), "routing").join());
        }
        // one story: the old rows, then the new ones, numbered in that order
        List<JournalEntry> numbered = new ArrayList<>();
        for (int i = 0; i < story.size(); i++) {
            JournalEntry e = story.get(i);
            numbered.add(new JournalEntry(Journal.DEFAULT_NODE, i + 1, e.at(), e.type(), e.subjectKind(), e.subjectId(), e.actor(), e.payload(), "prev", "hash"));
        }

        assertThat(EscalationReader.of(numbered)).as("the row without its destination and missed list is passed over").containsExactly(
                new Escalation("c1", Instant.parse("2026-11-29T01:30:10Z"), "POLRES-3404", "POLDA-DIY", 1, "TIMEOUT", List.of("OP-3404-1")),
                new Escalation("c1", Instant.parse("2026-11-29T01:30:30Z"), "POLDA-DIY", "MABES", 2, "ALL_DECLINED", List.of()));
        assertThat(EscalationReader.declines(numbered)).containsExactly(
                new Decline("c1", Instant.parse("2026-11-29T01:30:30Z"), "OP-DIY-1", "POLDA-DIY", 603));
    }

    @Test
    void perStationMostEscalatedFirstWithItsOperatorsMostMissedFirst() {
        List<Escalation> today = List.of(
                escalation("c1", "2026-11-29T01:30:10Z", "POLRES-3404", "TIMEOUT", "OP-3404-1", "OP-3404-2"),
                escalation("c2", "2026-11-29T01:45:00Z", "POLRES-3404", "TIMEOUT", "OP-3404-1"),
                escalation("c3", "2026-11-29T03:05:00Z", "POLRES-3402", "ALL_DECLINED", "OP-3402-1"),
                escalation("c4", "2026-11-29T16:59:59Z", "POLDA-DIY", "NOBODY_READY"),
                escalation("c5", "2026-11-29T02:00:00Z", "POLDA-JATENG", "TIMEOUT", "OP-JTG-1"));

        EscalationTally.Figures f = EscalationTally.of(today, Set.of("POLDA-DIY", "POLRES-3404", "POLRES-3402")::contains, MIDNIGHT_WIB, WIB);

        assertThat(f.total()).as("the station outside the scope is left out").isEqualTo(4);
        assertThat(f.byStation()).extracting(EscalationTally.StationCount::station).containsExactly("POLRES-3404", "POLDA-DIY", "POLRES-3402");
        EscalationTally.StationCount sleman = f.byStation().get(0);
        assertThat(sleman.escalations()).isEqualTo(2);
        assertThat(sleman.skipped()).isZero();
        assertThat(sleman.operators()).containsExactly(new EscalationTally.OperatorCount("OP-3404-1", 2),
                new EscalationTally.OperatorCount("OP-3404-2", 1));
        EscalationTally.StationCount diy = f.byStation().get(1);
        assertThat(diy.skipped()).as("nobody READY: skipped, nobody let it ring").isEqualTo(1);
        assertThat(diy.operators()).isEmpty();
        assertThat(f.byHour()[8]).as("08:30 and 08:45 WIB").isEqualTo(2);
        assertThat(f.byHour()[10]).isEqualTo(1);
        assertThat(f.byHour()[23]).as("23:59:59 WIB is still today").isEqualTo(1);
    }

    @Test
    void hourlyCountsKeepToTheLocalDay() {
        List<Instant> moments = List.of(Instant.parse("2026-11-28T16:59:59Z"), Instant.parse("2026-11-28T17:00:00Z"),
                Instant.parse("2026-11-28T17:59:59Z"), Instant.parse("2026-11-29T05:00:00Z"), Instant.parse("2026-11-29T17:00:00Z"));

        int[] counts = HourlyCounts.of(moments, MIDNIGHT_WIB, WIB);

        assertThat(counts).hasSize(24);
        assertThat(counts[0]).as("00:00 and 00:59:59 WIB; yesterday's last second and tomorrow's first are out").isEqualTo(2);
        assertThat(counts[12]).isEqualTo(1);
        assertThat(java.util.Arrays.stream(counts).sum()).isEqualTo(3);
    }

    private static Escalation escalation(String call, String at, String from, String reason, String... missed) {
        return new Escalation(call, Instant.parse(at), from, "PARENT", 1, reason, List.of(missed));
    }

    private static JournalEntry entry(long seq, String at, String type, String call, String payload) {
        return new JournalEntry(Journal.DEFAULT_NODE, seq, Instant.parse(at), type, SubjectKind.CALL, call, "routing", payload, "prev", "hash");
    }
}
