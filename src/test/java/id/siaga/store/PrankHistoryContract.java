package id.siaga.store;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.screening.Classification;
import id.siaga.screening.PrankHistory;
import id.siaga.screening.PrankWarningStore;
import id.siaga.screening.ScreeningStore;
import id.siaga.support.TestDatabase;
import id.siaga.telephony.CallId;
import id.siaga.telephony.CallRecord;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The prank figures are counted by the database, alike on each: a morning at Polres Sleman and Polres Bantul with
 * pranks, a silent call, a cut-off call, a genuine one and an unanswered one, bucketed by hour, by classification and
 * by station; the numbers that prank again and again with their calls at every station; each number's latest position.
 */
abstract class PrankHistoryContract {

    static final Instant H8 = Instant.parse("2026-11-28T01:00:00Z"); // 08.00 WIB
    static final Instant H9 = H8.plusSeconds(3600);
    static final Instant H10 = H9.plusSeconds(3600);

    TestDatabase db;
    PrankHistory history;
    JdbcCallRecordStore records;
    ScreeningStore screening;

    abstract TestDatabase.Kind kind();

    @BeforeEach
    void openDatabase() {
        db = TestDatabase.create(kind());
        JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
        history = new JdbcPrankHistory(jdbc);
        records = new JdbcCallRecordStore(jdbc);
        screening = new JdbcScreeningStore(jdbc);
        // 08.xx at Sleman: three pranks from one number (40 s, 60 s, 20 s with the operator), a silent call, a cut-off call
        call("c1", "+6281111110001", "POLRES-3404", H8.plusSeconds(60), 40, Classification.PRANK, -7.70, 110.30, "CELL_ID");
        call("c2", "+6281111110001", "POLRES-3404", H8.plusSeconds(600), 60, Classification.PRANK, -7.71, 110.31, "PIDF_LO");
        call("c3", "+6281111110001", "POLRES-3404", H8.plusSeconds(1200), 20, Classification.PRANK, null, null, "NONE");
        call("c4", "+6281111110002", "POLRES-3404", H8.plusSeconds(1800), 30, Classification.SILENT, null, null, "NONE");
        cutOff("c5", "+6281111110003", "POLRES-3404", H8.plusSeconds(2400));
        // 09.xx: the same number at Bantul once, a genuine call at Bantul, an unanswered one at Sleman
        call("c6", "+6281111110001", "POLRES-3402", H9.plusSeconds(60), 30, Classification.PRANK, -7.90, 110.33, "AML");
        call("c7", "+6281111110004", "POLRES-3402", H9.plusSeconds(120), 300, Classification.GENUINE, -7.91, 110.34, "AML");
        records.save(new CallRecord(new CallId("c8"), "+6281111110005", "110", "POLRES-3404", H9.plusSeconds(180), null, H9.plusSeconds(190),
                CallRecord.Outcome.ABANDONED, null, null, null, "caller", "NONE", null, null));
        // a second number pranks Bantul twice, and an answered call nobody classified
        call("c9", "+6281111110006", "POLRES-3402", H9.plusSeconds(240), 10, Classification.PRANK, null, null, "NONE");
        call("c10", "+6281111110006", "POLRES-3402", H9.plusSeconds(300), 10, Classification.PRANK, null, null, "NONE");
        call("c11", "+6281111110007", "POLRES-3402", H9.plusSeconds(360), 50, null, null, null, "NONE");
        // the first number again at 09.50, placed only by its area code: not a position to visit
        call("c12", "+6281111110001", "POLRES-3402", H9.plusSeconds(3000), 5, Classification.INFORMATION, -7.80, 110.36, "NUMBER_PREFIX");
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void callsAreCountedByHourAndClassificationWithTheOperatorsSeconds() {
        List<PrankHistory.Tally> t = history.tally(List.of("POLRES-3404", "POLRES-3402"), List.of(H8, H9, H10), false);

        PrankHistory.Tally pranks8 = find(t, 0, null, Classification.PRANK);
        assertThat(pranks8.calls()).isEqualTo(3);
        assertThat(pranks8.answered()).isEqualTo(3);
        assertThat(pranks8.operatorSeconds()).as("40 + 60 + 20 s").isEqualTo(120.0);
        assertThat(find(t, 0, null, Classification.SILENT).calls()).isEqualTo(1);
        PrankHistory.Tally unclassified8 = find(t, 0, null, null);
        assertThat(unclassified8.calls()).as("the cut-off call").isEqualTo(1);
        assertThat(unclassified8.hungUp()).isEqualTo(1);
        assertThat(find(t, 1, null, Classification.PRANK).calls()).isEqualTo(3);
        assertThat(find(t, 1, null, Classification.PRANK).operatorSeconds()).isEqualTo(50.0);
        assertThat(find(t, 1, null, Classification.GENUINE).operatorSeconds()).isEqualTo(300.0);
        PrankHistory.Tally unclassified9 = find(t, 1, null, null);
        assertThat(unclassified9.calls()).as("the unanswered call and the one nobody classified").isEqualTo(2);
        assertThat(unclassified9.answered()).isEqualTo(1);
        assertThat(t.stream().mapToLong(PrankHistory.Tally::calls).sum()).isEqualTo(12);
    }

    @Test
    void perStationAndOnlyTheStationsAsked() {
        List<PrankHistory.Tally> t = history.tally(List.of("POLRES-3402"), List.of(H8, H10), true);
        assertThat(t).allMatch(x -> x.station().equals("POLRES-3402"));
        assertThat(find(t, 0, "POLRES-3402", Classification.PRANK).calls()).isEqualTo(3);
        assertThat(t.stream().mapToLong(PrankHistory.Tally::calls).sum()).isEqualTo(6);
        assertThat(history.tally(null, List.of(H8, H10), true).stream().mapToLong(PrankHistory.Tally::calls).sum()).as("every station")
                .isEqualTo(12);
        assertThat(history.tally(List.of(), List.of(H8, H10), true)).isEmpty();
        assertThat(history.tally(List.of("POLRES-3404"), List.of(H10, H10.plusSeconds(3600)), false)).as("nothing after 10.00").isEmpty();
    }

    @Test
    void repeatPrankstersComeWithTheirPranksAtEveryStation() {
        List<PrankHistory.NumberAtStation> rows = history.repeatPranksters(List.of("POLRES-3402"), H8, H10, 2, 10);
        assertThat(rows).as("at Bantul only +…0006 pranked twice; +…0001 once there (three times at Sleman)")
                .extracting(PrankHistory.NumberAtStation::number).containsOnly("+6281111110006");
        rows = history.repeatPranksters(null, H8, H10, 2, 10);
        assertThat(rows).containsExactlyInAnyOrder(
                new PrankHistory.NumberAtStation("+6281111110001", "POLRES-3404", 3, H8.plusSeconds(1200)),
                new PrankHistory.NumberAtStation("+6281111110001", "POLRES-3402", 1, H9.plusSeconds(60)),
                new PrankHistory.NumberAtStation("+6281111110006", "POLRES-3402", 2, H9.plusSeconds(300)));
        assertThat(history.repeatPranksters(List.of("POLRES-3404"), H8, H10, 1, 10)).as("every station of a number in scope")
                .extracting(PrankHistory.NumberAtStation::station).containsExactlyInAnyOrder("POLRES-3404", "POLRES-3402");
        assertThat(history.repeatPranksters(null, H8, H10, 1, 1)).extracting(PrankHistory.NumberAtStation::number).as("the most first")
                .containsOnly("+6281111110001");
    }

    @Test
    void withheldNumbersAreNoRepeatPranksterToFollowUp() {
        for (int i = 0; i < 4; i++) {
            call("w" + i, "anonymous", "POLRES-3404", H8.plusSeconds(3000 + i * 60L), 10, Classification.PRANK, -7.7 - i / 100.0, 110.3, "CELL_ID");
        }
        assertThat(history.repeatPranksters(null, H8, H10, 2, 10)).extracting(PrankHistory.NumberAtStation::number)
                .as("four withheld pranks are four callers nobody can tell apart").doesNotContain("anonymous");
    }

    @Test
    void aGenuineCallOfTheNumberIsFoundWhateverItsReputationSays() {
        PrankWarningStore warnings = new JdbcPrankWarningStore(new JdbcTemplate(db.dataSource()));
        assertThat(warnings.genuineCallSince("+6281111110004", H8)).as("c7 at 09.02, classified after it").isTrue();
        assertThat(warnings.genuineCallSince("+6281111110004", H10)).isFalse();
        assertThat(warnings.genuineCallSince("+6281111110001", H8)).as("pranks and information only").isFalse();
    }

    @Test
    void aNumbersLastPositionIsItsLatestLocatedCall() {
        List<PrankHistory.LastPosition> p = history.lastPositions(List.of("+6281111110001", "+6281111110006"), H8, H10);
        assertThat(p).as("the 09.50 call had only an area code").containsExactly(new PrankHistory.LastPosition("+6281111110001", "c6", H9.plusSeconds(60), "AML", -7.90, 110.33));
        assertThat(history.lastPositions(List.of("+6281111110001"), H8, H9)).extracting(PrankHistory.LastPosition::call).as("within the window")
                .containsExactly("c2");
    }

    @Test
    void aWarningIsKeptAndFoundAndForgotten() {
        PrankWarningStore warnings = new JdbcPrankWarningStore(new JdbcTemplate(db.dataSource()));
        assertThat(warnings.lastWarnedAt("+6281111110001")).isEmpty();
        warnings.keep(new PrankWarningStore.Sent("+6281111110001", H8, "POLRES-3404", 5, "c3"));
        warnings.keep(new PrankWarningStore.Sent("+6281111110001", H10, "POLRES-3404", 6, "c9"));
        assertThat(warnings.lastWarnedAt("+6281111110001")).contains(H10);
        assertThat(warnings.forgetBefore(H9)).isEqualTo(1);
        assertThat(warnings.lastWarnedAt("+6281111110001")).contains(H10);
    }

    private static PrankHistory.Tally find(List<PrankHistory.Tally> t, int bucket, String station, Classification c) {
        return t.stream().filter(x -> x.bucket() == bucket && java.util.Objects.equals(x.station(), station) && x.classification() == c)
                .findFirst().orElseThrow(() -> new AssertionError("no tally for bucket " + bucket + ", " + station + ", " + c + " in " + t));
    }

    private void call(String id, String number, String station, Instant offered, int talkSeconds, Classification c, Double lat, Double lon,
                      String source) {
        Instant answered = offered.plusSeconds(5);
        records.save(new CallRecord(new CallId(id), number, "110", station, offered, answered, answered.plusSeconds(talkSeconds),
                CallRecord.Outcome.ANSWERED, "OP-1", station, 0, "caller", source, lat, lon));
        if (c != null) {
            screening.classify(new ScreeningStore.Classified(id, number, station, c, "operator", answered.plusSeconds(talkSeconds + 10), null));
        }
    }

    private void cutOff(String id, String number, String station, Instant offered) {
        Instant answered = offered.plusSeconds(5);
        records.save(new CallRecord(new CallId(id), number, "110", station, offered, answered, answered.plusSeconds(2), CallRecord.Outcome.CUT_OFF,
                "OP-1", station, 0, "caller", "NONE", null, null));
    }

}
