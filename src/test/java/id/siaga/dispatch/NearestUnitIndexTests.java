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
            List<String> expected = bruteForce(truth.values(), lat, lon, 5, radius, freshSince);
            List<String> actual = index.nearest(lat, lon, 5, radius, freshSince).stream().map(n -> n.unit().unitId()).toList();
            assertThat(actual).as("query %d at %f,%f within %f m", q, lat, lon, radius).isEqualTo(expected);
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
            assertThat(index.nearest(lat, lon, 5, radius, null).stream().map(n -> n.unit().unitId()).toList())
                    .as("query %d at %f,%f within %f m", q, lat, lon, radius).isEqualTo(bruteForce(truth.values(), lat, lon, 5, radius, NOW));
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
