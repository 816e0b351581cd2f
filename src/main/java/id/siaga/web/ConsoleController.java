package id.siaga.web;

import id.siaga.location.Jurisdictions;
import id.siaga.org.Station;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.security.ConsoleLanding;
import id.siaga.security.Role;
import id.siaga.security.SiagaPrincipal;
import id.siaga.security.StationScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What every console needs first: who is logged in, their station and its time zone (WIB/WITA/WIT), whether they
 * must change their password first, the map settings, and the jurisdiction polygons of their scope, which are the map when no street tiles are reachable.
 */
@RestController
class ConsoleController {

    /** About 100 m: plenty for a basemap, and it keeps a Polda's polygons to a few hundred kilobytes. */
    static final double SIMPLIFY_DEGREES = 0.001;

    private final StationDirectory stations;
    private final Jurisdictions jurisdictions;
    private final MapTiles tiles;
    private final Map<StationId, List<Object>> rings = new ConcurrentHashMap<>();

    ConsoleController(StationDirectory stations, Jurisdictions jurisdictions, MapTiles tiles) {
        this.stations = stations;
        this.jurisdictions = jurisdictions;
        this.tiles = tiles;
    }

    record ConsoleView(String username, String displayName, Set<Role> roles, StationView station, String zoneId, String zone, String landing,
                       String tileUrl, String tileAttribution, int tileMaxZoom, boolean mustChangePassword) {
    }

    @GetMapping("/api/console")
    ConsoleView console(Authentication auth) {
        SiagaPrincipal p = StationScope.principal(auth);
        Station home = stations.tree().get(p.station());
        return new ConsoleView(p.username(), p.displayName(), p.roles(), StationView.of(home), home.timeZone().zone().getId(),
                home.timeZone().name(), ConsoleLanding.console(p), tiles.tileUrl(), tiles.tileAttribution(),
                tiles.tileMaxZoom(), p.mustChangePassword());
    }

    /** GeoJSON of the jurisdictions in the user's scope, properties {@code station}, {@code name}, {@code kind}. */
    @GetMapping("/api/jurisdictions")
    ResponseEntity<Map<String, Object>> jurisdictions(Authentication auth) {
        List<Object> features = new ArrayList<>();
        for (Station s : stations.tree().subtree(StationScope.principal(auth).station())) {
            Geometry area = jurisdictions.areas().get(s.id());
            if (area == null) {
                continue;
            }
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("type", "Feature");
            feature.put("properties", Map.of("station", s.id().value(), "name", s.name(), "kind", s.kind().name()));
            feature.put("geometry", Map.of("type", "MultiPolygon", "coordinates",
                    rings.computeIfAbsent(s.id(), id -> multiPolygon(area, SIMPLIFY_DEGREES, 1e5))));
            features.add(feature);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePrivate())
                .body(Map.of("type", "FeatureCollection", "features", features));
    }

    /**
     * GeoJSON MultiPolygon coordinates of an area simplified to {@code toleranceDegrees}, each coordinate rounded to
     * {@code 1/scale} of a degree.
     */
    static List<Object> multiPolygon(Geometry area, double toleranceDegrees, double scale) {
        Geometry simple = TopologyPreservingSimplifier.simplify(area, toleranceDegrees);
        List<Object> polygons = new ArrayList<>();
        for (int i = 0; i < simple.getNumGeometries(); i++) {
            if (simple.getGeometryN(i) instanceof Polygon polygon) {
                List<Object> rs = new ArrayList<>();
                rs.add(ring(polygon.getExteriorRing().getCoordinates(), scale));
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    rs.add(ring(polygon.getInteriorRingN(h).getCoordinates(), scale));
                }
                polygons.add(rs);
            }
        }
        return polygons;
    }

    private static List<double[]> ring(Coordinate[] coordinates, double scale) {
        List<double[]> ring = new ArrayList<>(coordinates.length);
        for (Coordinate c : coordinates) {
            ring.add(new double[] {Math.round(c.x * scale) / scale, Math.round(c.y * scale) / scale});
        }
        return ring;
    }
}
