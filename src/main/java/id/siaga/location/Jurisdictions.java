package id.siaga.location;

import id.siaga.org.InvalidStationDataException;
import id.siaga.org.Station;
import id.siaga.org.StationId;
import id.siaga.org.StationTree;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * The station tree together with the polygon of every station but the root. Construction checks that
 * the two agree: every non-root station has a polygon, and no polygon belongs to an unknown station.
 */
public record Jurisdictions(StationTree tree, Map<StationId, Geometry> areas) {

    public Jurisdictions {
        areas = Map.copyOf(areas);
        for (StationId id : areas.keySet()) {
            if (!tree.contains(id)) {
                throw new InvalidStationDataException("jurisdiction polygon for unknown station " + id);
            }
        }
        for (Station s : tree.all()) {
            if (s.parent().isPresent() && !areas.containsKey(s.id())) {
                throw new InvalidStationDataException("station " + s.id() + " (" + s.name() + ") has no jurisdiction polygon");
            }
        }
    }
}
