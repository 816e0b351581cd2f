package id.siaga.dispatch;

import id.siaga.org.GeoPoint;
import java.time.Duration;

/**
 * How long a unit needs from where it is to the incident. {@link StraightLineEta} is the built-in estimate; a
 * road router (OSRM, GraphHopper) replaces it behind this interface.
 */
public interface EtaEstimator {

    Duration eta(UnitKind kind, GeoPoint from, GeoPoint to, double straightLineMeters);
}
