package id.siaga.location;

import id.siaga.org.StationId;
import id.siaga.org.StationTree;
import id.siaga.org.StationsCsvReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/** The demo region as shipped in src/main/resources/demo, for domain tests. */
public final class DemoRegion {

    private DemoRegion() {
    }

    public static Jurisdictions load() {
        StationTree tree = StationsCsvReader.read(open("demo/stations.csv"), "demo/stations.csv");
        return new Jurisdictions(tree, JurisdictionGeoJson.read(open("demo/jurisdictions.geojson"), "demo/jurisdictions.geojson",
                "station", StationId::of, JurisdictionGeoJson.InvalidGeometry.REJECT));
    }

    static Reader open(String resource) {
        return new InputStreamReader(DemoRegion.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8);
    }
}
