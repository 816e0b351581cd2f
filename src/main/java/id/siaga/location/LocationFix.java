package id.siaga.location;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One position of a caller as a source reported it, reduced to what routing and the operator's map need:
 * a WGS84 point and how far off it may be.
 *
 * <p>{@code uncertaintyMeters} is a single radius so every source compares on one scale: a circle's radius,
 * an ellipse's semi-major axis, a polygon's farthest vertex from its centroid; NaN when the source gave
 * no uncertainty (a bare point), which is "unknown", not "exact". {@code method} is the source's own word
 * for how it measured (PIDF-LO {@code gp:method}: GPS, A-GPS, Cell, Manual …), empty when it said
 * nothing. {@code timestamp} is when the position was determined, when the source said so; it is an
 * {@link Optional} component so no accessor ever hands out {@code null}.
 */
public record LocationFix(double latitude, double longitude, double uncertaintyMeters, LocationSource source,
                          String method, Optional<Instant> timestamp) {

    public LocationFix {
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("latitude must be within -90..90 degrees, got " + latitude);
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("longitude must be within -180..180 degrees, got " + longitude);
        }
        if (!Double.isNaN(uncertaintyMeters) && !(uncertaintyMeters >= 0 && uncertaintyMeters < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("uncertaintyMeters must be NaN (unknown) or a finite distance >= 0, got "
                    + uncertaintyMeters);
        }
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(method, "method (empty when unknown)");
        Objects.requireNonNull(timestamp, "timestamp (Optional.empty() when unknown)");
    }

    /** Whether the source said how far off the position may be. */
    public boolean hasUncertainty() {
        return !Double.isNaN(uncertaintyMeters);
    }
}
