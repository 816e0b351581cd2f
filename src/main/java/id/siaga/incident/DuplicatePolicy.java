package id.siaga.incident;

import id.siaga.location.Geodesy;
import id.siaga.org.GeoPoint;
import java.time.Duration;
import java.time.Instant;

/**
 * When a report may be a second report of an open incident: the incident is still open, its type is among the
 * new report's {@link IncidentType#related() related types}, it lies within {@code distanceMeters} and it was
 * created within {@code window} of the report (before or after). A brawl is rung in by several passers-by
 * within minutes from a few hundred metres around; further apart, it is more likely another event.
 */
public record DuplicatePolicy(double distanceMeters, Duration window) {

    public DuplicatePolicy {
        if (!(distanceMeters > 0 && distanceMeters <= 100_000)) {
            throw new IllegalArgumentException("duplicate distance must be above 0 and at most 100,000 metres, got " + distanceMeters);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("duplicate window must be positive, got " + window);
        }
    }

    /** Whether {@code candidate} may be the same event as a report of {@code type} at {@code where}, made at {@code at}. */
    public boolean matches(Incident candidate, IncidentType type, GeoPoint where, Instant at) {
        return candidate.status().isOpen() && type.related().contains(candidate.type())
                && candidate.location().isPresent() && distanceMeters(candidate, where) <= distanceMeters
                && !candidate.createdAt().isBefore(at.minus(window)) && !candidate.createdAt().isAfter(at.plus(window));
    }

    /** Great-circle metres from the candidate's location to {@code where} (infinite when it has none). */
    public static double distanceMeters(Incident candidate, GeoPoint where) {
        return candidate.location().map(l -> Geodesy.distanceMeters(l.point().latitude(), l.point().longitude(), where.latitude(),
                where.longitude())).orElse(Double.POSITIVE_INFINITY);
    }

    /** A latitude/longitude box that holds every point within the distance of {@code where} (a store's coarse filter). */
    public IncidentStore.Box searchBox(GeoPoint where) {
        double dLat = distanceMeters / Geodesy.METERS_PER_DEGREE;
        double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(where.latitude())));
        return new IncidentStore.Box(where.latitude() - dLat, where.longitude() - dLon, where.latitude() + dLat, where.longitude() + dLon);
    }
}
