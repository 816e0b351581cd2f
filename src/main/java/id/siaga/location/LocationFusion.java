package id.siaga.location;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Picks a call's best location from everything that arrived for it: the most accurate <em>fresh</em> fix,
 * where accuracy is first the kind of fix ({@link FixQuality}: GNSS, Wi-Fi, cell, area code), then the
 * smaller uncertainty, then the newer fix. A fix is fresh while younger than {@code freshness}; stale fixes
 * count only when there is no fresh one (a 10-minute-old GNSS fix beats nothing, not a new one). A fix older than
 * {@code maxAge} says nothing about where the caller is now (a handset's last position from days ago, a replayed
 * PIDF-LO): it is kept and shown, never routed on ({@link #routable}).
 *
 * <p>A fix's age runs from when it was measured, or when it was received when the source did not say.
 */
public final class LocationFusion {

    /**
     * A fix as it reached the call, with when it arrived and whether routing may use it (a PIDF-LO sent with
     * {@code Geolocation-Routing: no} is shown, not routed on).
     */
    public record Received(LocationFix fix, Instant receivedAt, boolean routable) {

        public Received(LocationFix fix, Instant receivedAt) {
            this(fix, receivedAt, true);
        }

        public Received {
            Objects.requireNonNull(fix, "fix");
            Objects.requireNonNull(receivedAt, "receivedAt");
        }

        /** When the position was true: measured, or failing that received. */
        public Instant measuredAt() {
            return fix.timestamp().filter(t -> !t.isAfter(receivedAt)).orElse(receivedAt);
        }

        public Duration age(Instant now) {
            Duration age = Duration.between(measuredAt(), now);
            return age.isNegative() ? Duration.ZERO : age;
        }

        public FixQuality quality() {
            return FixQuality.of(fix);
        }
    }

    private final Duration freshness;
    private final Duration maxAge;

    public LocationFusion(Duration freshness, Duration maxAge) {
        if (freshness.isNegative() || freshness.isZero()) {
            throw new IllegalArgumentException("freshness must be positive, got " + freshness);
        }
        if (maxAge.compareTo(freshness) < 0) {
            throw new IllegalArgumentException("maxAge must be at least the freshness " + freshness + ", got " + maxAge);
        }
        this.freshness = freshness;
        this.maxAge = maxAge;
    }

    /** Whether {@code r} is younger than the freshness at {@code now}. */
    public boolean isFresh(Received r, Instant now) {
        return r.age(now).compareTo(freshness) <= 0;
    }

    /** Whether a call may be routed on {@code r} at {@code now}: its sender allows it and it is no older than maxAge. */
    public boolean routable(Received r, Instant now) {
        return r.routable() && r.age(now).compareTo(maxAge) <= 0;
    }

    public Duration maxAge() {
        return maxAge;
    }

    /** The best of {@code history} at {@code now}; empty only when the history is. */
    public Optional<Received> best(List<Received> history, Instant now) {
        Comparator<Received> better = Comparator.<Received, FixQuality>comparing(Received::quality)
                .thenComparingDouble(r -> r.fix().hasUncertainty() ? r.fix().uncertaintyMeters() : Double.MAX_VALUE)
                .thenComparing(Received::measuredAt, Comparator.reverseOrder());
        Optional<Received> fresh = history.stream().filter(r -> isFresh(r, now)).min(better);
        return fresh.isPresent() ? fresh : history.stream().min(better);
    }

    /** Whether {@code candidate} is better than {@code current} at {@code now}, by the same rule as {@link #best}. */
    public boolean improves(Received candidate, Optional<Received> current, Instant now) {
        if (current.isEmpty()) {
            return true;
        }
        return best(List.of(current.get(), candidate), now).orElseThrow() == candidate && candidate != current.get();
    }
}
