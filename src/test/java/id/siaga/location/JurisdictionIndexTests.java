package id.siaga.location;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.org.GeoPoint;
import id.siaga.org.RolloutStatus;
import id.siaga.org.Station;
import id.siaga.org.StationId;
import id.siaga.org.StationKind;
import id.siaga.org.StationTimeZone;
import id.siaga.org.StationTree;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Envelope;

/** Point → station on the demo region, and the tie-breaks that make overlapping data deterministic. */
class JurisdictionIndexTests {

    final JurisdictionIndex demo = new JurisdictionIndex(DemoRegion.load(), 20_000);

    @Test
    void malioboroIsKotaYogyakarta() {
        assertThat(demo.locate(-7.7926, 110.3658)).isEqualTo(new JurisdictionMatch(StationId.of("POLRES-3471"), LocateDecision.INSIDE, 0));
    }

    @Test
    void eachDemoPolresAnswersForItsOwnHeadquarters() {
        DemoRegion.load().tree().all().stream().filter(s -> s.kind() == StationKind.POLRES).forEach(s ->
                assertThat(demo.locate(s.headquarters().latitude(), s.headquarters().longitude()).station())
                        .as(s.name()).isEqualTo(s.id()));
    }

    @Test
    void theDeepestStationWinsOverItsPolda() {
        // Polda DIY's polygon covers Sleman too; Polres Sleman is deeper and answers
        assertThat(demo.locate(-7.7160, 110.3550).station()).isEqualTo(StationId.of("POLRES-3404"));
    }

    @Test
    void aBoatOffBantulGoesToTheNearestPolresWithinTwentyKilometres() {
        JurisdictionMatch m = demo.locate(-8.05, 110.33);
        assertThat(m.station()).isEqualTo(StationId.of("POLRES-3402"));
        assertThat(m.decision()).isEqualTo(LocateDecision.NEAREST);
        assertThat(m.distanceMeters()).isBetween(5_000.0, 7_000.0);
    }

    @Test
    void theOpenSeaFallsBackToMabes() {
        JurisdictionMatch m = demo.locate(-9.5, 110.3);
        assertThat(m.station()).isEqualTo(StationId.of("MABES"));
        assertThat(m.decision()).isEqualTo(LocateDecision.FALLBACK);
    }

    @Test
    void withNoNearestDistanceEveryOutsidePointIsMabes() {
        JurisdictionIndex strict = new JurisdictionIndex(DemoRegion.load(), 0);
        assertThat(strict.locate(-8.05, 110.33).decision()).isEqualTo(LocateDecision.FALLBACK);
    }

    @Test
    void overlapsGoToTheSmallestPolygonThenTheLowestId() {
        StationTree tree = StationTree.builder()
                .add(station("MABES", null), "t").add(station("POLDA-X", "MABES"), "t")
                .add(station("POLRES-B", "POLDA-X"), "t").add(station("POLRES-A", "POLDA-X"), "t")
                .add(station("POLRES-SMALL", "POLDA-X"), "t").build();
        Map<StationId, Geometry> areas = Map.of(
                StationId.of("POLDA-X"), box(0, 0, 10, 10),
                StationId.of("POLRES-A"), box(0, 0, 5, 5),
                StationId.of("POLRES-B"), box(0, 0, 5, 5),
                StationId.of("POLRES-SMALL"), box(3, 3, 6, 6));
        JurisdictionIndex index = new JurisdictionIndex(tree, areas, 0);
        assertThat(index.locate(1, 1).station()).as("identical overlap: lowest id").isEqualTo(StationId.of("POLRES-A"));
        assertThat(index.locate(4, 4).station()).as("smallest area").isEqualTo(StationId.of("POLRES-SMALL"));
        assertThat(index.locate(8, 8).station()).as("only the Polda").isEqualTo(StationId.of("POLDA-X"));
        assertThat(index.locate(5, 1).station()).as("on a shared edge: still deterministic").isEqualTo(StationId.of("POLRES-A"));
    }

    static Station station(String id, String parent) {
        return new Station(StationId.of(id), id, parent == null ? StationKind.MABES : StationKind.POLRES,
                parent == null ? null : StationId.of(parent), RolloutStatus.LIVE, new GeoPoint(0, 0), StationTimeZone.WIB);
    }

    static Geometry box(double lon1, double lat1, double lon2, double lat2) {
        return JurisdictionGeoJson.FACTORY.toGeometry(new Envelope(new Coordinate(lon1, lat1), new Coordinate(lon2, lat2)));
    }
}
