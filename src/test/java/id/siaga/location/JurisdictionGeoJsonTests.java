package id.siaga.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.org.InvalidStationDataException;
import id.siaga.org.StationId;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/** Jurisdiction files: every problem named by file, feature and station. */
class JurisdictionGeoJsonTests {

    static Map<StationId, Geometry> read(String json, JurisdictionGeoJson.InvalidGeometry mode) {
        return JurisdictionGeoJson.read(new StringReader(json), "areas.geojson", "station", StationId::of, mode);
    }

    static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    static String feature(String station, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":{\"station\":\"" + station + "\"},\"geometry\":" + geometry + "}";
    }

    static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[110,-8],[111,-8],[111,-7],[110,-7],[110,-8]]]}";
    static final String BOWTIE = "{\"type\":\"Polygon\",\"coordinates\":[[[110,-8],[111,-7],[111,-8],[110,-7],[110,-8]]]}";

    @Test
    void readsPolygonsAndMultiPolygons() {
        String multi = "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[110,-8],[111,-8],[111,-7],[110,-8]]],[[[112,-8],[113,-8],[113,-7],[112,-8]]]]}";
        Map<StationId, Geometry> areas = read(collection(feature("A", SQUARE), feature("B", multi)), JurisdictionGeoJson.InvalidGeometry.REJECT);
        assertThat(areas).containsOnlyKeys(StationId.of("A"), StationId.of("B"));
        assertThat(areas.get(StationId.of("B")).getNumGeometries()).isEqualTo(2);
    }

    @Test
    void aSelfIntersectingPolygonStopsStartUpNamingTheFeature() {
        assertThatThrownBy(() -> read(collection(feature("A", SQUARE), feature("B", BOWTIE)), JurisdictionGeoJson.InvalidGeometry.REJECT))
                .isInstanceOf(InvalidStationDataException.class)
                .hasMessageContaining("areas.geojson feature #1 (station=B)").hasMessageContaining("invalid geometry")
                .hasMessageContaining("Self-intersection");
    }

    @Test
    void publicBoundaryDataMayBeRepaired() {
        Map<StationId, Geometry> areas = read(collection(feature("B", BOWTIE)), JurisdictionGeoJson.InvalidGeometry.REPAIR);
        assertThat(areas.get(StationId.of("B")).isValid()).isTrue();
    }

    @Test
    void structuralProblemsAreNamed() {
        var reject = JurisdictionGeoJson.InvalidGeometry.REJECT;
        assertThatThrownBy(() -> read("{\"type\":\"FeatureCollection\",\"features\":[", reject))
                .hasMessageContaining("areas.geojson line 1").hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> read("{\"type\":\"Feature\"}", reject)).hasMessageContaining("FeatureCollection");
        assertThatThrownBy(() -> read(collection(feature("A", "{\"type\":\"Point\",\"coordinates\":[110,-7]}")), reject))
                .hasMessageContaining("feature #0").hasMessageContaining("Polygon or MultiPolygon");
        assertThatThrownBy(() -> read(collection(feature("A", "{\"type\":\"Polygon\",\"coordinates\":[[[110,-8],[111,-8],[111,-7],[110,-7]]]}")), reject))
                .hasMessageContaining("must end where it starts");
        assertThatThrownBy(() -> read(collection(feature("A", "{\"type\":\"Polygon\",\"coordinates\":[[[110,-8],[211,-8],[111,-7],[110,-8]]]}")), reject))
                .hasMessageContaining("outside lon/lat range");
        assertThatThrownBy(() -> read(collection(feature("A", SQUARE), feature("A", SQUARE)), reject))
                .hasMessageContaining("feature #1").hasMessageContaining("already has a polygon at feature #0");
        assertThatThrownBy(() -> read(collection("{\"type\":\"Feature\",\"properties\":{},\"geometry\":" + SQUARE + "}"), reject))
                .hasMessageContaining("property 'station' is missing");
    }

    @Test
    void everyStationButMabesNeedsAPolygon() {
        Jurisdictions demo = DemoRegion.load();
        var areas = new java.util.HashMap<>(demo.areas());
        areas.remove(StationId.of("POLRES-3403"));
        assertThatThrownBy(() -> new Jurisdictions(demo.tree(), areas))
                .isInstanceOf(InvalidStationDataException.class).hasMessageContaining("POLRES-3403")
                .hasMessageContaining("has no jurisdiction polygon");
        areas.put(StationId.of("POLRES-9999"), demo.areas().get(StationId.of("POLRES-3403")));
        areas.put(StationId.of("POLRES-3403"), demo.areas().get(StationId.of("POLRES-3403")));
        assertThatThrownBy(() -> new Jurisdictions(demo.tree(), areas)).hasMessageContaining("unknown station POLRES-9999");
    }
}
