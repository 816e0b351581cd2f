package id.siaga.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a fix may be believed, from the fix, the unit's last accepted fix and the time (pure; the clock is
 * injected). A fix is refused when its coordinates are not finite numbers in range, when it was measured more
 * than {@code futureTolerance} ahead of now (a wrong device clock), or when reaching it from the unit's last
 * accepted fix implies more than {@code maxSpeed}. Measurement noise is allowed for: the two fixes' reported
 * accuracies (at most {@value #ACCURACY_ALLOWANCE_METERS} m together) are taken off the distance first, so GPS
 * jitter between fixes a second apart is no "jump". A fix older than the last accepted one is
 * {@link Verdict.Kind#OUT_OF_ORDER}: kept in the history, never moving the live position backwards; the same
 * device repeating its last fix's time is a {@link Verdict.Kind#DUPLICATE} (a resend) and is not stored twice.
 */
public final class PositionValidator {

    static final double ACCURACY_ALLOWANCE_METERS = 200.0;
    private static final double EARTH_RADIUS_METERS = 6_371_008.8;

    /** What to do with a fix. */
    public record Verdict(Kind kind, RejectReason reason, String detail) {
        public enum Kind { ADVANCE, OUT_OF_ORDER, DUPLICATE, REJECT }

        static final Verdict ADVANCE = new Verdict(Kind.ADVANCE, null, null);
        static final Verdict OUT_OF_ORDER = new Verdict(Kind.OUT_OF_ORDER, null, null);
        static final Verdict DUPLICATE = new Verdict(Kind.DUPLICATE, null, null);

        static Verdict reject(RejectReason reason, String detail) {
            return new Verdict(Kind.REJECT, reason, detail);
        }
    }

    /** Lowest and highest altitude a fix may report, metres: the Dead Sea shore to above any aircraft a unit flies in. */
    static final double MIN_ALTITUDE_METERS = -1_000;
    static final double MAX_ALTITUDE_METERS = 20_000;

    private final Clock clock;
    private final Duration futureTolerance;
    private final Duration maxAge;
    private final double maxSpeedMetersPerSecond;

    /**
     * @param maxAge a fix measured longer ago than this is refused ({@link RejectReason#TOO_OLD}): the track history's
     *               retention, since an older fix would not be kept anyway
     */
    public PositionValidator(Clock clock, Duration futureTolerance, Duration maxAge, double maxSpeedKilometersPerHour) {
        if (futureTolerance.isNegative()) {
            throw new IllegalArgumentException("future tolerance must not be negative");
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maximum fix age must be positive");
        }
        this.maxAge = maxAge;
        if (!(maxSpeedKilometersPerHour > 0)) {
            throw new IllegalArgumentException("maximum speed must be positive");
        }
        this.clock = clock;
        this.futureTolerance = futureTolerance;
        this.maxSpeedMetersPerSecond = maxSpeedKilometersPerHour / 3.6;
    }

    /** The verdict on {@code fix}, given the unit's last accepted fix ({@code null} for the unit's first). */
    public Verdict check(Position fix, Position lastAccepted) {
        double lat = fix.latitude();
        double lon = fix.longitude();
        if (!Double.isFinite(lat) || !Double.isFinite(lon) || lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            return Verdict.reject(RejectReason.INVALID_COORDINATES, "coordinates out of range: lat " + lat + ", lon " + lon);
        }
        Instant now = clock.instant();
        if (fix.fixTime().isAfter(now.plus(futureTolerance))) {
            return Verdict.reject(RejectReason.FUTURE_TIME, "fix time " + fix.fixTime() + " is "
                    + Duration.between(now, fix.fixTime()).toSeconds() + " s ahead of the server's " + now);
        }
        if (fix.fixTime().isBefore(now.minus(maxAge))) {
            return Verdict.reject(RejectReason.TOO_OLD, "fix time " + fix.fixTime() + " is older than the " + maxAge.toDays()
                    + " days the track history keeps (a device clock never set, or seconds read as milliseconds)");
        }
        if (lastAccepted == null) {
            return Verdict.ADVANCE;
        }
        double meters = distanceMeters(lastAccepted.latitude(), lastAccepted.longitude(), lat, lon)
                - Math.min(ACCURACY_ALLOWANCE_METERS, accuracy(fix) + accuracy(lastAccepted));
        double seconds = Math.abs(Duration.between(lastAccepted.fixTime(), fix.fixTime()).toNanos()) / 1e9;
        if (meters > 0 && meters > maxSpeedMetersPerSecond * seconds) {
            return Verdict.reject(RejectReason.IMPOSSIBLE_SPEED, String.format(Locale.ROOT,
                    "%.0f m from the last accepted fix in %.1f s (%.0f km/h) exceeds %.0f km/h", meters, seconds,
                    seconds == 0 ? Double.POSITIVE_INFINITY : meters / seconds * 3.6, maxSpeedMetersPerSecond * 3.6));
        }
        int order = fix.fixTime().compareTo(lastAccepted.fixTime());
        if (order > 0) {
            return Verdict.ADVANCE;
        }
        if (order == 0 && fix.deviceId().equals(lastAccepted.deviceId())) {
            return Verdict.DUPLICATE;
        }
        return Verdict.OUT_OF_ORDER;
    }

    /**
     * The fix without the optional readings no device can have measured: a negative or impossible speed (above the
     * maximum speed), a bearing outside 0-360°, a battery outside 0-100 %, a negative or non-finite accuracy, an
     * altitude outside {@value #MIN_ALTITUDE_METERS}..{@value #MAX_ALTITUDE_METERS} m. The position itself is kept (a
     * unit's whereabouts matter more than a tracker's bad speed field); {@code dropped} names what was taken out.
     */
    public Sanitized sanitize(Position p) {
        List<String> dropped = new ArrayList<>();
        Double speed = within(p.speedMetersPerSecond(), 0, maxSpeedMetersPerSecond, "speed", dropped);
        Double bearing = within(p.bearingDegrees(), 0, 360, "bearing", dropped);
        Double altitude = within(p.altitudeMeters(), MIN_ALTITUDE_METERS, MAX_ALTITUDE_METERS, "altitude", dropped);
        Double accuracy = within(p.accuracyMeters(), 0, Double.MAX_VALUE, "accuracy", dropped);
        Double battery = within(p.batteryPercent(), 0, 100, "battery", dropped);
        if (dropped.isEmpty()) {
            return new Sanitized(p, List.of());
        }
        return new Sanitized(new Position(p.unitId(), p.deviceId(), p.fixTime(), p.latitude(), p.longitude(), speed, bearing, altitude, accuracy,
                battery, p.source(), p.receivedAt()), List.copyOf(dropped));
    }

    /** A fix as it will be kept, and the names of the readings taken out of it. */
    public record Sanitized(Position position, List<String> dropped) {
    }

    private static Double within(Double value, double min, double max, String name, List<String> dropped) {
        if (value == null) {
            return null;
        }
        if (!Double.isFinite(value) || value < min || value > max) {
            dropped.add(name);
            return null;
        }
        return value;
    }

    private static double accuracy(Position p) {
        Double a = p.accuracyMeters();
        return a == null || !(a > 0) ? 0 : a;
    }

    /** Great-circle distance on the mean Earth sphere (haversine); metres. */
    static double distanceMeters(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
