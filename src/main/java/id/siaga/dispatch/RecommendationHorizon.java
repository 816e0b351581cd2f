package id.siaga.dispatch;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How far a unit of each kind may be from an incident to be proposed for it: a longest ETA and a longest
 * straight-line distance. A unit beyond either is no candidate, however free it is: a foot post 48 km away is
 * 13 hours' walk, and proposing it hides that nothing suitable is free. With the straight-line ETA the ETA limit
 * is usually the one that binds; the distance limit is a ceiling that holds when the speeds are raised or a road
 * router gives quicker ETAs.
 */
public record RecommendationHorizon(Map<UnitKind, Reach> reaches) {

    /** A kind's limits. */
    public record Reach(Duration maxEta, double maxDistanceMeters) {

        public Reach {
            Objects.requireNonNull(maxEta, "maxEta");
            if (maxEta.isNegative() || maxEta.isZero() || !(maxDistanceMeters > 0)) {
                throw new IllegalArgumentException("a horizon's ETA and distance must be positive");
            }
        }
    }

    /** Which limit a unit is beyond. */
    public enum Limit { DISTANCE, ETA }

    public RecommendationHorizon {
        Map<UnitKind, Reach> all = new EnumMap<>(UnitKind.class);
        for (UnitKind kind : UnitKind.values()) {
            Reach reach = reaches.get(kind);
            if (reach == null) {
                throw new IllegalArgumentException("no horizon for " + kind);
            }
            all.put(kind, reach);
        }
        reaches = Map.copyOf(all);
    }

    /** Patrol car 45 min / 30 km, motorbike 40 min / 25 km, on foot 20 min / 1.5 km (the settings explain why). */
    public static RecommendationHorizon defaults() {
        return new RecommendationHorizon(Map.of(
                UnitKind.PATROL_CAR, new Reach(Duration.ofMinutes(45), 30_000),
                UnitKind.MOTORBIKE, new Reach(Duration.ofMinutes(40), 25_000),
                UnitKind.FOOT, new Reach(Duration.ofMinutes(20), 1_500)));
    }

    public Reach reach(UnitKind kind) {
        return reaches.get(kind);
    }

    /**
     * The limit a unit of {@code kind} this far and this many minutes away is beyond, the distance first when it is
     * beyond both; empty when it is within the horizon (a unit exactly at a limit is within).
     */
    public Optional<Limit> beyond(UnitKind kind, double distanceMeters, Duration eta) {
        Reach reach = reach(kind);
        if (distanceMeters > reach.maxDistanceMeters()) {
            return Optional.of(Limit.DISTANCE);
        }
        if (eta.compareTo(reach.maxEta()) > 0) {
            return Optional.of(Limit.ETA);
        }
        return Optional.empty();
    }

    /** The longest distance any kind may be proposed from. */
    public double farthestMeters() {
        return reaches.values().stream().mapToDouble(Reach::maxDistanceMeters).max().orElseThrow();
    }
}
