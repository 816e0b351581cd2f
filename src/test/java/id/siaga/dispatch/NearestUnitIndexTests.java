package id.siaga.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.location.Geodesy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NearestUnitIndexTests {

    static final Instant NOW = Instant.parse("2026-11-28T20:00:00Z");

    static NearestUnitIndex.Located at(String id, double lat, double lon, Instant fix) {
        return new NearestUnitIndex.Located(id, UnitKind.PATROL_CAR, lat, lon, fix);
    }

    @Test
    void findsTheSameNearestUnitsAsAFullScanWhileUnitsMove() {
        NearestUnitIndex index = new NearestUnitIndex(0.02);
        Map<String, NearestUnitIndex.Located> truth = new HashMap<>();
        Random random = new Random(110);
        // 5,000 units over Yogyakarta and around, some moved several times, some taken out
        for (int i = 0; i < 5_000; i++) {
            var u = at("U" + i, -7.6 - random.nextDouble() * 0.5, 110.1 + random.nextDouble() * 0.6, NOW.minusSeconds(random.nextInt(600)));
            index.put(u);
            truth.put(u.unitId(), u);
        }
        for (int i = 0; i < 3_000; i++) {
            String id = "U" + random.nextInt(5_000);
            if (random.nextInt(10) == 0) {
                index.remove(id);
                truth.remove(id);
            } else {
                var u = at(id, -7.6 - random.nextDouble() * 0.5, 110.1 + random.nextDouble() * 0.6, NOW.minusSeconds(random.nextInt(600)));
                index.put(u);
                truth.put(id, u);
            }
        }
        assertThat(index.size()).isEqualTo(truth.size());
        Instant freshSince = NOW.minusSeconds(300);
        for (int q = 0; q < 200; q++) {
            double lat = -7.55 - random.nextDouble() * 0.6;
            double lon = 110.05 + random.nextDouble() * 0.7;
            double radius = q % 4 == 0 ? 1_500 : 50_000;
            assertSameAsFullScan(index, truth, lat, lon, radius, freshSince);
        }
    }

    @Test
    void inTheCountrysideTheCoarseGridFindsTheSameAsAFullScan() {
        NearestUnitIndex index = new NearestUnitIndex(0.01);
        Map<String, NearestUnitIndex.Located> truth = new HashMap<>();
        Random random = new Random(62);
        // 60 units over 3 x 3 degrees (a rural Polda): the nearest are tens of kilometres away, beyond the fine rings
        for (int i = 0; i < 60; i++) {
            var u = at("R" + i, -9.0 + random.nextDouble() * 3, 118.0 + random.nextDouble() * 3, NOW);
            index.put(u);
            truth.put(u.unitId(), u);
        }
        for (int q = 0; q < 200; q++) {
            double lat = -9.2 + random.nextDouble() * 3.4;
            double lon = 117.8 + random.nextDouble() * 3.4;
            double radius = q % 3 == 0 ? 30_000 : 150_000;
            assertSameAsFullScan(index, truth, lat, lon, radius, null);
        }
    }

    @Test
    void smallMovesWithinACellAreSeenAtOnce() {
        NearestUnitIndex index = new NearestUnitIndex(0.015);
        Map<String, NearestUnitIndex.Located> truth = new HashMap<>();
        Random random = new Random(5);
        // 2,000 units packed into a few cells of central Yogyakarta, each then nudged by a few metres many times
        for (int i = 0; i < 2_000; i++) {
            var u = at("C" + i, -7.79 + random.nextDouble() * 0.03, 110.36 + random.nextDouble() * 0.03, NOW);
            index.put(u);
            truth.put(u.unitId(), u);
        }
        for (int step = 0; step < 20_000; step++) {
            var before = truth.get("C" + random.nextInt(2_000));
            var u = at(before.unitId(), before.latitude() + (random.nextDouble() - 0.5) * 0.0002, before.longitude() + (random.nextDouble() - 0.5) * 0.0002, NOW);
            index.put(u);
            truth.put(u.unitId(), u);
        }
        for (int q = 0; q < 300; q++) {
            double lat = -7.79 + random.nextDouble() * 0.03;
            double lon = 110.36 + random.nextDouble() * 0.03;
            assertSameAsFullScan(index, truth, lat, lon, 5_000, null);
        }
    }

    @Test
    void aUnitCrossingCellsWhileQueriesRunIsListedOnceAndNeverLost() throws Exception {
        NearestUnitIndex index = new NearestUnitIndex(0.01);
        // a crowd of 50 units around one corner of four cells, every one crossing boundaries all the time
        double cornerLat = -7.78;
        double cornerLon = 110.37;
        for (int i = 0; i < 50; i++) {
            index.put(at("X" + i, cornerLat + (i % 7 - 3) * 0.0003, cornerLon + (i % 5 - 2) * 0.0003, NOW));
        }
        java.util.concurrent.atomic.AtomicBoolean moving = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread mover = new Thread(() -> {
            Random random = new Random(9);
            while (moving.get()) {
                int i = random.nextInt(50);
                index.put(at("X" + i, cornerLat + (random.nextDouble() - 0.5) * 0.004, cornerLon + (random.nextDouble() - 0.5) * 0.004, NOW));
            }
        });
        mover.start();
        try {
            for (int q = 0; q < 20_000; q++) {
                List<String> ids = index.nearest(cornerLat, cornerLon, 5, 2_000, null).stream().map(n -> n.unit().unitId()).toList();
                assertThat(ids).as("query %d", q).hasSize(5).doesNotHaveDuplicates();
            }
        } finally {
            moving.set(false);
            mover.join();
        }
        assertThat(index.size()).isEqualTo(50);
    }

    @Test
    void packedPositionsKeepACentimetreEverywhereOnEarth() {
        double[][] points = {{-90, -180}, {90, 180}, {0, 0}, {-7.7956123, 110.3694789}, {5.55, 95.32}, {-10.17, 141.02}, {89.9999999, -179.9999999}};
        for (double[] p : points) {
            long packed = NearestUnitIndex.pack(p[0], p[1]);
            assertThat(NearestUnitIndex.packedLatitude(packed)).isCloseTo(p[0], org.assertj.core.data.Offset.offset(1e-7));
            assertThat(NearestUnitIndex.packedLongitude(packed)).isCloseTo(p[1], org.assertj.core.data.Offset.offset(1e-7));
        }
    }

    @Test
    void anEmptyNeighbourhoodGivesWhatIsWithinTheRadiusOnly() {
        NearestUnitIndex index = new NearestUnitIndex(0.02);
        index.put(at("FAR", -8.5, 111.5, NOW));
        assertThat(index.nearest(-7.78, 110.36, 5, 20_000, null)).isEmpty();
        assertThat(index.nearest(-7.78, 110.36, 5, 300_000, null)).extracting(n -> n.unit().unitId()).containsExactly("FAR");
    }

    @Test
    void aStaleFixIsNotRanked() {
        NearestUnitIndex index = new NearestUnitIndex(0.02);
        index.put(at("OLD", -7.7801, 110.3601, NOW.minusSeconds(900)));
        index.put(at("NEW", -7.7900, 110.3700, NOW));
        assertThat(index.nearest(-7.78, 110.36, 5, 10_000, NOW.minusSeconds(120))).extracting(n -> n.unit().unitId()).containsExactly("NEW");
    }

    private static void assertSameAsFullScan(NearestUnitIndex index, Map<String, NearestUnitIndex.Located> truth, double lat, double lon,
                                             double radius, Instant freshSince) {
        List<String> actual = index.nearest(lat, lon, 5, radius, freshSince).stream().map(n -> n.unit().unitId()).toList();
        assertThat(actual).as("query at %f,%f within %f m", lat, lon, radius)
                .isEqualTo(bruteForce(truth.values(), lat, lon, 5, radius, freshSince == null ? Instant.MIN : freshSince));
    }

    private static List<String> bruteForce(Iterable<NearestUnitIndex.Located> units, double lat, double lon, int k, double radius, Instant freshSince) {
        List<NearestUnitIndex.Near> all = new ArrayList<>();
        for (var u : units) {
            double d = Geodesy.distanceMeters(lat, lon, u.latitude(), u.longitude());
            if (d <= radius && !u.fixTime().isBefore(freshSince)) {
                all.add(new NearestUnitIndex.Near(u, d));
            }
        }
        all.sort(Comparator.comparingDouble(NearestUnitIndex.Near::distanceMeters));
        return all.stream().limit(k).map(n -> n.unit().unitId()).toList();
    }
}
