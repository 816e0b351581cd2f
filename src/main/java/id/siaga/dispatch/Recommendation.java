package id.siaga.dispatch;

import id.siaga.incident.IncidentId;
import id.siaga.org.GeoPoint;
import id.siaga.org.StationId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The units to send to an incident, best ETA first, each within its kind's horizon and marked whether it belongs to
 * the incident's responsible {@code station} or a neighbour; apart from them the available units of the station whose
 * GPS is not fresh enough to rank (with how long ago they were last heard), so the dispatcher can radio them.
 * When no unit is proposed, {@code reason} says why and {@code nearestBeyondHorizon} names the nearest free unit
 * the horizon left out, if any.
 *
 * @param beyondHorizon        how many free units with a fresh fix the search met beyond their kind's horizon
 * @param busyAtStation        how many of the station's units are working on an incident or returning from one
 * @param nearestBeyondHorizon the quickest free unit beyond the horizon, only when no unit is proposed; null otherwise
 * @param reason               why no unit is proposed, in English for the journal and integrations (the consoles say
 *                             it in their own words from the other fields); null when units are proposed
 */
public record Recommendation(IncidentId incident, GeoPoint target, StationId station, List<Candidate> units, List<StaleUnit> withoutFreshFix,
                             int beyondHorizon, int busyAtStation, Beyond nearestBeyondHorizon, String reason, Instant at) {

    /** {@code ownStation}: the unit belongs to the incident's responsible station (false: a neighbour's unit). */
    public record Candidate(String unitId, String callSign, UnitKind kind, StationId station, boolean ownStation, double distanceMeters,
                            Duration eta, Instant fixTime) {
    }

    /** {@code lastSeen} is null when the unit was never heard. */
    public record StaleUnit(String unitId, String callSign, UnitKind kind, StationId station, Instant lastSeen, Duration lastSeenAgo) {
    }

    /** A free unit left out by the horizon: the limit it is beyond ({@code exceeded}) and its kind's limits. */
    public record Beyond(Candidate unit, RecommendationHorizon.Limit exceeded, Duration maxEta, double maxDistanceMeters) {
    }
}
