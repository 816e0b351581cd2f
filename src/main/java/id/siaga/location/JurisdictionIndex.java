package id.siaga.location;

import id.siaga.org.StationId;
import id.siaga.org.StationTree;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * Point → station, in memory. A JTS STRtree over every polygon's envelope narrows the candidates; an
 * indexed point-in-area locator per polygon decides. Among containing polygons the deepest station wins,
 * then the smallest area, then the lowest id, so overlaps in simplified boundary data always resolve the
 * same way. A point in no polygon goes to the nearest polygon within {@code nearestWithinMeters}; farther
 * away it falls back to the root. Immutable and safe for any number of threads.
 */
public final class JurisdictionIndex {

    private static final Comparator<Area> BY_RANK = Comparator.comparingInt(Area::rank);

    private final STRtree tree = new STRtree();
    private final Area[] areas;
    private final StationId root;
    private final double nearestWithinMeters;

    /** One polygon with its precedence: lower rank wins. */
    private record Area(StationId station, Geometry geometry, IndexedPointInAreaLocator locator, int rank) {
    }

    public JurisdictionIndex(StationTree stations, Map<StationId, Geometry> polygons, double nearestWithinMeters) {
        if (!(nearestWithinMeters >= 0)) {
            throw new IllegalArgumentException("nearestWithinMeters must be >= 0, got " + nearestWithinMeters);
        }
        this.root = stations.root().id();
        this.nearestWithinMeters = nearestWithinMeters;
        List<Map.Entry<StationId, Geometry>> ordered = new ArrayList<>(polygons.entrySet());
        ordered.sort(Comparator.<Map.Entry<StationId, Geometry>>comparingInt(e -> -stations.depth(e.getKey()))
                .thenComparingDouble(e -> e.getValue().getArea())
                .thenComparing(Map.Entry::getKey));
        this.areas = new Area[ordered.size()];
        for (int rank = 0; rank < ordered.size(); rank++) {
            Map.Entry<StationId, Geometry> e = ordered.get(rank);
            IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(e.getValue());
            locator.locate(e.getValue().getEnvelopeInternal().centre()); // builds the locator's index now, not on the first call
            Area area = new Area(e.getKey(), e.getValue(), locator, rank);
            areas[rank] = area;
            tree.insert(e.getValue().getEnvelopeInternal(), area);
        }
        tree.build();
    }

    public JurisdictionIndex(Jurisdictions jurisdictions, double nearestWithinMeters) {
        this(jurisdictions.tree(), jurisdictions.areas(), nearestWithinMeters);
    }

    public double nearestWithinMeters() {
        return nearestWithinMeters;
    }

    /** The station answerable for a WGS84 point. Latitude and longitude must be finite and in range. */
    public JurisdictionMatch locate(double latitude, double longitude) {
        Coordinate c = new Coordinate(longitude, latitude);
        List<Area> candidates = new ArrayList<>(4);
        tree.query(new Envelope(c), item -> candidates.add((Area) item));
        // deepest, smallest first: the first polygon that holds the point decides, and the large Polda
        // unions are only tested for points that no Polres holds
        candidates.sort(BY_RANK);
        for (Area a : candidates) {
            if (a.locator.locate(c) != Location.EXTERIOR) {
                return new JurisdictionMatch(a.station, LocateDecision.INSIDE, 0);
            }
        }
        return nearest(c);
    }

    private JurisdictionMatch nearest(Coordinate c) {
        if (nearestWithinMeters > 0) {
            double dLat = nearestWithinMeters / Geodesy.METERS_PER_DEGREE;
            double cos = Math.max(0.01, Math.cos(Math.toRadians(c.y)));
            Envelope search = new Envelope(c.x - dLat / cos, c.x + dLat / cos, c.y - dLat, c.y + dLat);
            Point p = JurisdictionGeoJson.FACTORY.createPoint(c);
            Area bestArea = null;
            double bestMeters = Double.POSITIVE_INFINITY;
            for (Object item : tree.query(search)) {
                Area a = (Area) item;
                Coordinate onEdge = DistanceOp.nearestPoints(a.geometry, p)[0];
                double meters = Geodesy.distanceMeters(c.y, c.x, onEdge.y, onEdge.x);
                // within a metre counts as a tie: the deeper, smaller polygon wins, as for overlaps
                if (meters < bestMeters - 1 || (meters <= bestMeters + 1 && bestArea != null && a.rank < bestArea.rank)) {
                    bestMeters = Math.min(bestMeters, meters);
                    bestArea = a;
                }
            }
            if (bestArea != null && bestMeters <= nearestWithinMeters) {
                return new JurisdictionMatch(bestArea.station, LocateDecision.NEAREST, bestMeters);
            }
        }
        return new JurisdictionMatch(root, LocateDecision.FALLBACK, Double.NaN);
    }

    public int polygonCount() {
        return areas.length;
    }
}
