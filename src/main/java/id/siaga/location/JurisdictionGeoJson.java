package id.siaga.location;

import id.siaga.org.InvalidStationDataException;
import id.siaga.org.StationId;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads jurisdiction polygons from a GeoJSON FeatureCollection (RFC 7946, lon/lat): one Polygon or
 * MultiPolygon feature per station. Every complaint names the file, the feature and the problem.
 */
public final class JurisdictionGeoJson {

    /** WGS84 lon/lat, floating precision, SRID 4326. */
    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What to do with a self-intersecting or otherwise invalid polygon. */
    public enum InvalidGeometry {
        /** Refuse to start, naming the feature: right for hand-made station files. */
        REJECT,
        /** Repair with JTS {@link GeometryFixer}: right for simplified public boundary data. */
        REPAIR
    }

    private JurisdictionGeoJson() {
    }

    /**
     * Reads the features, taking the station id from the property {@code idProperty}.
     *
     * @param stationIdOf maps the property value to a station id (identity for station files; the national
     *                    loader maps Kemendagri codes)
     */
    public static Map<StationId, Geometry> read(Reader reader, String source, String idProperty,
                                                java.util.function.Function<String, StationId> stationIdOf,
                                                InvalidGeometry onInvalid) {
        JsonNode root;
        try {
            root = JSON.readTree(reader);
        } catch (JacksonException e) {
            long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new InvalidStationDataException(source + " line " + line + ": malformed JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asString(""))) {
            throw new InvalidStationDataException(source + ": expected a GeoJSON FeatureCollection");
        }
        Map<StationId, Geometry> out = new LinkedHashMap<>();
        Map<StationId, Integer> firstAt = new LinkedHashMap<>();
        JsonNode features = root.path("features");
        for (int i = 0; i < features.size(); i++) {
            JsonNode feature = features.get(i);
            String where = source + " feature #" + i;
            String rawId = feature.path("properties").path(idProperty).asString("");
            if (rawId.isBlank()) {
                throw new InvalidStationDataException(where + ": property '" + idProperty + "' is missing");
            }
            StationId id;
            try {
                id = stationIdOf.apply(rawId);
            } catch (IllegalArgumentException e) {
                throw new InvalidStationDataException(where + ": " + e.getMessage());
            }
            where = where + " (" + idProperty + "=" + rawId + ")";
            Integer earlier = firstAt.putIfAbsent(id, i);
            if (earlier != null) {
                throw new InvalidStationDataException(where + ": station " + id + " already has a polygon at feature #" + earlier);
            }
            Geometry g = geometry(feature.path("geometry"), where, onInvalid);
            TopologyValidationError error = new IsValidOp(g).getValidationError();
            if (error != null) {
                if (onInvalid == InvalidGeometry.REJECT) {
                    throw new InvalidStationDataException(where + ": invalid geometry: " + error.getMessage()
                            + " at " + error.getCoordinate().y + "," + error.getCoordinate().x + " (lat,lon)");
                }
                g = GeometryFixer.fix(g);
            }
            if (g.isEmpty() || g.getArea() == 0) {
                throw new InvalidStationDataException(where + ": polygon has no area");
            }
            out.put(id, g);
        }
        return out;
    }

    private static Geometry geometry(JsonNode node, String where, InvalidGeometry onInvalid) {
        String type = node.path("type").asString("");
        JsonNode coords = node.path("coordinates");
        try {
            return switch (type) {
                case "Polygon" -> {
                    Polygon p = polygon(coords, where, onInvalid);
                    yield p == null ? FACTORY.createPolygon() : p;
                }
                case "MultiPolygon" -> {
                    java.util.List<Polygon> parts = new java.util.ArrayList<>(coords.size());
                    for (int i = 0; i < coords.size(); i++) {
                        Polygon p = polygon(coords.get(i), where, onInvalid);
                        if (p != null) {
                            parts.add(p);
                        }
                    }
                    yield FACTORY.createMultiPolygon(parts.toArray(Polygon[]::new));
                }
                default -> throw new InvalidStationDataException(where + ": geometry must be Polygon or MultiPolygon, got '" + type + "'");
            };
        } catch (IllegalArgumentException e) {
            throw new InvalidStationDataException(where + ": invalid geometry: " + e.getMessage(), e);
        }
    }

    /** A polygon; null when repairing and its outer ring is degenerate (fewer than 4 positions). */
    private static Polygon polygon(JsonNode rings, String where, InvalidGeometry onInvalid) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new InvalidStationDataException(where + ": polygon without rings");
        }
        LinearRing shell = ring(rings.get(0), where, onInvalid);
        if (shell == null) {
            return null;
        }
        java.util.List<LinearRing> holes = new java.util.ArrayList<>();
        for (int i = 1; i < rings.size(); i++) {
            LinearRing hole = ring(rings.get(i), where, onInvalid);
            if (hole != null) {
                holes.add(hole);
            }
        }
        return FACTORY.createPolygon(shell, holes.toArray(LinearRing[]::new));
    }

    private static LinearRing ring(JsonNode positions, String where, InvalidGeometry onInvalid) {
        if (!positions.isArray() || positions.size() < 4) {
            if (onInvalid == InvalidGeometry.REPAIR && positions.isArray()) {
                return null; // a sliver the simplification collapsed: it has no area to lose
            }
            throw new InvalidStationDataException(where + ": a ring needs at least 4 positions");
        }
        Coordinate[] cs = new Coordinate[positions.size()];
        for (int i = 0; i < cs.length; i++) {
            JsonNode p = positions.get(i);
            if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                throw new InvalidStationDataException(where + ": position #" + i + " is not [lon, lat]");
            }
            double lon = p.get(0).asDouble();
            double lat = p.get(1).asDouble();
            if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
                throw new InvalidStationDataException(where + ": position #" + i + " [" + lon + ", " + lat + "] is outside lon/lat range");
            }
            cs[i] = new Coordinate(lon, lat);
        }
        if (!cs[0].equals2D(cs[cs.length - 1])) {
            throw new InvalidStationDataException(where + ": a ring must end where it starts");
        }
        return FACTORY.createLinearRing(cs);
    }
}
