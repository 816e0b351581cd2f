package id.siaga.dispatch;

import id.siaga.incident.IncidentId;
import id.siaga.org.GeoPoint;
import id.siaga.org.StationId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The units to send to an incident, best ETA first, and apart from them the available units whose GPS is not
 * fresh enough to rank (with how long ago they were last heard), so the dispatcher can radio them.
 */
public record Recommendation(IncidentId incident, GeoPoint target, List<Candidate> units, List<StaleUnit> withoutFreshFix, Instant at) {

    public record Candidate(String unitId, String callSign, UnitKind kind, StationId station, double distanceMeters, Duration eta,
                            Instant fixTime) {
    }

    /** {@code lastSeen} is null when the unit was never heard. */
    public record StaleUnit(String unitId, String callSign, UnitKind kind, StationId station, Instant lastSeen, Duration lastSeenAgo) {
    }
}
