package id.siaga.routing;

import id.siaga.org.StationKind;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How long each kind of station rings before the call climbs, and whether lower tiers keep ringing.
 * The root (Mabes) has no ring time: it never gives up.
 */
public final class RingPolicy {

    /** Polri's 2026 target is an answer within 10 s; a Polsek gets a little less so Polres still has time. */
    public static final RingPolicy DEFAULT = new RingPolicy(Map.of(StationKind.POLSEK, Duration.ofSeconds(8),
            StationKind.POLRES, Duration.ofSeconds(10), StationKind.POLDA, Duration.ofSeconds(10)), EscalationMode.WIDEN);

    private final Map<StationKind, Duration> ringTimes;
    private final EscalationMode mode;

    public RingPolicy(Map<StationKind, Duration> ringTimes, EscalationMode mode) {
        this.ringTimes = new EnumMap<>(StationKind.class);
        ringTimes.forEach((kind, d) -> {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("ring time for " + kind + " must be positive, got " + d);
            }
            this.ringTimes.put(kind, d);
        });
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    /** The ring time of a non-root station of this kind; kinds not configured ring for 10 s. */
    public Duration ringTime(StationKind kind) {
        return ringTimes.getOrDefault(kind, Duration.ofSeconds(10));
    }


    public EscalationMode mode() {
        return mode;
    }
}
