package id.siaga.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.org.GeoPoint;
import id.siaga.org.RolloutStatus;
import id.siaga.org.Station;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.org.StationKind;
import id.siaga.org.StationStatusStore;
import id.siaga.org.StationTimeZone;
import id.siaga.org.StationTree;
import id.siaga.screening.Classification;
import id.siaga.screening.PrankHistory;
import id.siaga.screening.Reputation;
import id.siaga.support.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The board's prank figures from what the database counted, with a fake history that records what it was asked: a
 * Polres in WIT is counted by its own hours and days (at 01.30 WIT on 4 March, while WIB is still on the 3rd); a
 * number pranking two Polres is shown in full above them and masked beside them; a scope's figures are counted again
 * only once a minute.
 */
class PrankFiguresTests {

    static final StationTree TREE = StationTree.builder()
            .add(station("MABES", StationKind.MABES, null, StationTimeZone.WIB), "t")
            .add(station("POLDA-X", StationKind.POLDA, "MABES", StationTimeZone.WIB), "t")
            .add(station("POLRES-W", StationKind.POLRES, "POLDA-X", StationTimeZone.WIB), "t")
            .add(station("POLRES-T", StationKind.POLRES, "POLDA-X", StationTimeZone.WIT), "t").build();
    static final StationStatusStore NO_STATUSES = new StationStatusStore() {
        @Override
        public Map<StationId, RolloutStatus> all() {
            return Map.of();
        }

        @Override
        public void save(StationId station, RolloutStatus status, String changedBy, Instant at) {
        }
    };
    static final Instant AT = Instant.parse("2026-03-03T16:30:00Z"); // 23.30 WIB on the 3rd, 01.30 WIT on the 4th

    final ManualClock clock = new ManualClock(AT);
    final List<List<Instant>> asked = new ArrayList<>();
    final PrankHistory history = new PrankHistory() {
        @Override
        public List<Tally> tally(Collection<String> stations, List<Instant> bounds, boolean perStation) {
            asked.add(bounds);
            int last = bounds.size() - 2;
            return List.of(new Tally(last, perStation ? "POLRES-T" : null, Classification.PRANK, 3, 3, 0, 90),
                    new Tally(last, perStation ? "POLRES-T" : null, null, 2, 1, 1, 0));
        }

        @Override
        public List<NumberAtStation> repeatPranksters(Collection<String> stations, Instant from, Instant until, int atLeast, int limit) {
            return List.of(new NumberAtStation("+6281234564521", "POLRES-T", 4, AT), new NumberAtStation("+6281234564521", "POLRES-W", 1, AT));
        }

        @Override
        public List<LastPosition> lastPositions(Collection<String> numbers, Instant from, Instant until) {
            return List.of();
        }
    };
    final PrankBoard board = new PrankBoard(new StationDirectory(TREE, NO_STATUSES, clock), history, new Reputation(Reputation.Policy.DEFAULT), null,
            clock);

    @Test
    void aStationIsCountedByItsOwnHoursAndDays() {
        PrankFigures f = board.figures(StationId.of("POLDA-X"), StationId.of("POLRES-T"), 7);

        assertThat(f.day()).hasToString("2026-03-04");
        assertThat(asked.get(0)).as("24 hours of 4 March in WIT").hasSize(25).startsWith(Instant.parse("2026-03-03T15:00:00Z"))
                .endsWith(Instant.parse("2026-03-04T15:00:00Z"));
        assertThat(asked.get(1)).as("7 days, the 4th the last").hasSize(8).startsWith(Instant.parse("2026-02-25T15:00:00Z"))
                .endsWith(Instant.parse("2026-03-04T15:00:00Z"));
        assertThat(f.todayByHour().get(23).prank()).isEqualTo(3);
        assertThat(f.today().calls()).isEqualTo(5);
        assertThat(f.today().answered()).isEqualTo(4);
        assertThat(f.today().classified()).isEqualTo(3);
        assertThat(f.today().hungUp()).isEqualTo(1);
        assertThat(f.today().prankPercent()).isEqualTo(75.0);
        assertThat(f.today().prankMinutes()).isEqualTo(1.5);
        assertThat(f.byDay().get(6).day()).hasToString("2026-03-04");
        assertThat(f.stations()).extracting(PrankFigures.StationCounts::station).containsExactly("POLRES-T");
    }

    @Test
    void aNumberIsMaskedBesideItsStationAndInFullAboveIt() {
        PrankFigures.TopNumber above = board.figures(StationId.of("POLDA-X"), StationId.of("POLDA-X"), 7).topNumbers().get(0);
        assertThat(above.number()).isEqualTo("+6281234564521");
        assertThat(above.masked()).isFalse();
        PrankFigures.TopNumber itsOwn = board.figures(StationId.of("POLRES-T"), StationId.of("POLRES-T"), 7).topNumbers().get(0);
        assertThat(itsOwn.number()).isEqualTo("+6281234564521");
        PrankFigures.TopNumber beside = board.figures(StationId.of("POLRES-W"), StationId.of("POLRES-W"), 7).topNumbers().get(0);
        assertThat(beside.number()).isEqualTo("•••••••4521");
        assertThat(beside.masked()).isTrue();
        assertThat(beside.owner()).isEqualTo("POLRES-T");
        assertThat(beside.pranks()).as("its one prank at W").isEqualTo(1);
        assertThat(beside.pranksEverywhere()).isEqualTo(5);
    }

    @Test
    void aScopesFiguresAreCountedAgainOnlyOnceAMinute() {
        board.figures(StationId.of("POLDA-X"), StationId.of("POLDA-X"), 7);
        int counted = asked.size();
        clock.advance(Duration.ofSeconds(59));
        board.figures(StationId.of("POLDA-X"), StationId.of("POLDA-X"), 7);
        assertThat(asked).as("served again within the minute").hasSize(counted);
        board.figures(StationId.of("POLDA-X"), StationId.of("POLDA-X"), 30);
        assertThat(asked).as("another window is another count").hasSize(2 * counted);
        clock.advance(Duration.ofSeconds(1));
        board.figures(StationId.of("POLDA-X"), StationId.of("POLDA-X"), 7);
        assertThat(asked).as("counted anew after a minute").hasSize(3 * counted);
    }

    static Station station(String id, StationKind kind, String parent, StationTimeZone zone) {
        return new Station(StationId.of(id), id, kind, parent == null ? null : StationId.of(parent), RolloutStatus.LIVE, new GeoPoint(-7.7, 110.4),
                zone);
    }
}
