package id.siaga.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.journal.InMemoryJournalStore;
import id.siaga.journal.Journal;
import id.siaga.journal.JournalEntry;
import id.siaga.journal.JournalSpool;
import id.siaga.journal.SubjectKind;
import id.siaga.org.GeoPoint;
import id.siaga.org.OperatorRoster;
import id.siaga.org.RolloutStatus;
import id.siaga.org.Station;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.org.StationKind;
import id.siaga.org.StationStatusStore;
import id.siaga.org.StationTimeZone;
import id.siaga.org.StationTree;
import id.siaga.supervision.IncidentTimes;
import id.siaga.support.ManualClock;
import id.siaga.telephony.CallId;
import id.siaga.telephony.CallRecord;
import id.siaga.telephony.InMemoryCallRecordStore;
import id.siaga.telephony.InMemoryCallbackTaskStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly reports of Polda DIY (WIB) and Polda Papua (WIT, two hours ahead), on a hand-moved clock: each
 * station's yesterday is written at 00:10 of its own zone, once, and journalled.
 */
class NightlyReportsTests {

    static final StationTree TREE = StationTree.builder()
            .add(station("MABES", "Mabes Polri", StationKind.MABES, null, StationTimeZone.WIB), "t")
            .add(station("POLDA-DIY", "Polda DIY", StationKind.POLDA, "MABES", StationTimeZone.WIB), "t")
            .add(station("POLRES-3404", "Polres Sleman", StationKind.POLRES, "POLDA-DIY", StationTimeZone.WIB), "t")
            .add(station("POLDA-PAPUA", "Polda Papua", StationKind.POLDA, "MABES", StationTimeZone.WIT), "t").build();

    @TempDir
    Path dir;

    final ManualClock clock = new ManualClock(Instant.parse("2026-12-02T17:10:00Z"));
    final InMemoryCallRecordStore records = new InMemoryCallRecordStore();
    Journal journal;

    @AfterEach
    void close() {
        journal.close();
    }

    @Test
    void eachStationsYesterdayIsWrittenAtTenPastMidnightInItsOwnZoneOnceAndJournalled() throws Exception {
        journal = new Journal(new InMemoryJournalStore(), new JournalSpool(dir.resolve("spool.jsonl")), clock, 100, 1000, Duration.ofMillis(50));
        Instant nine = Instant.parse("2026-12-03T02:00:00Z"); // 09:00 WIB on the 3rd
        records.save(new CallRecord(new CallId("sleman-1"), "+6281234567890", "110", "POLRES-3404", nine, nine.plusSeconds(6),
                nine.plusSeconds(90), CallRecord.Outcome.ANSWERED, "OP-3404-1", "POLRES-3404", 0, "caller", "PIDF-LO", -7.7, 110.4));
        StationDirectory stations = new StationDirectory(TREE, new NoStatuses(), clock);
        IncidentTimes noIncidents = (scope, from) -> new IncidentTimes.Read(List.of(), false);
        StationReports reports = new StationReports(stations, new OperatorRoster(List.of()), records, new InMemoryCallbackTaskStore(), journal,
                noIncidents, clock);
        NightlyReports nightly = new NightlyReports(stations, List.of(StationId.of("POLDA-DIY"), StationId.of("POLDA-PAPUA")), reports, journal,
                dir.resolve("laporan"), Path.of("/usr/share/fonts/truetype/dejavu"), clock);
        Path diy = dir.resolve("laporan/POLDA-DIY");
        Path papua = dir.resolve("laporan/POLDA-PAPUA");

        assertThat(nightly.runDue()).as("00:10 WIB and 02:10 WIT on the 3rd").containsExactly(diy.resolve("POLDA-DIY-2026-12-02.pdf"),
                papua.resolve("POLDA-PAPUA-2026-12-02.pdf"));

        clock.advance(Duration.ofHours(22).plusMinutes(20)); // 15:30 UTC: 22:30 WIB on the 3rd, 00:30 WIT on the 4th
        assertThat(nightly.runDue()).containsExactly(papua.resolve("POLDA-PAPUA-2026-12-03.pdf"));

        clock.advance(Duration.ofMinutes(99)); // 00:09 WIB on the 4th
        assertThat(nightly.runDue()).as("not yet 00:10 in Yogyakarta").isEmpty();

        clock.advance(Duration.ofMinutes(1));
        Path third = diy.resolve("POLDA-DIY-2026-12-03.pdf");
        assertThat(nightly.runDue()).containsExactly(third);
        assertThat(nightly.runDue()).as("written once").isEmpty();
        assertThat(dir.resolve("laporan/POLDA-DIY")).isDirectoryNotContaining(p -> p.toString().endsWith(".part"));

        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(third))) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Laporan Layanan 110 — Polda DIY", "Hari: 3 Desember 2026 (WIB)", "Panggilan masuk 1",
                    "Dijawab dalam 10 detik 100 %");
        }
        List<JournalEntry> journalled = journal.bySubject(SubjectKind.STATION, "POLDA-DIY", 10);
        assertThat(journalled).extracting(JournalEntry::type).containsExactly("ReportGenerated", "ReportGenerated");
        assertThat(journalled).extracting(JournalEntry::payload)
                .anySatisfy(p -> assertThat(p).contains("\"period\":\"2026-12-03\"", "POLDA-DIY-2026-12-03.pdf", "\"bytes\":" + Files.size(third)))
                .anySatisfy(p -> assertThat(p).contains("\"period\":\"2026-12-02\""));
    }

    static Station station(String id, String name, StationKind kind, String parent, StationTimeZone zone) {
        return new Station(StationId.of(id), name, kind, parent == null ? null : StationId.of(parent), RolloutStatus.LIVE, new GeoPoint(-7.7, 110.4),
                zone);
    }

    static final class NoStatuses implements StationStatusStore {
        @Override
        public Map<StationId, RolloutStatus> all() {
            return Map.of();
        }

        @Override
        public void save(StationId station, RolloutStatus status, String changedBy, Instant at) {
        }
    }
}
