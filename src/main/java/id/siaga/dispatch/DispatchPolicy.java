package id.siaga.dispatch;

import java.time.Duration;
import java.util.Objects;

/**
 * The numbers dispatch decides with (the app's {@code siaga.dispatch.*} settings document each).
 *
 * @param acknowledgementTimeout how long an alert may go unacknowledged before the dispatcher is warned and the
 *                               next unit proposed
 * @param offlineAfter           GPS silence after which a unit is OFFLINE (its device needs a check)
 * @param freshFix               a position older than this is not used to rank a unit; the unit is listed apart
 * @param arrivalRadiusMeters    a dispatched unit this near the incident is proposed ON_SCENE
 * @param recommendations        how many units to recommend
 * @param searchRadiusMeters     how far to look for units
 * @param onSceneTarget          the time from the call's answer to the first unit on scene that the clock runs against
 * @param horizon                how far (ETA, distance) a unit of each kind may be to be proposed at all
 */
public record DispatchPolicy(Duration acknowledgementTimeout, Duration offlineAfter, Duration freshFix, double arrivalRadiusMeters,
                             int recommendations, double searchRadiusMeters, Duration onSceneTarget,
                             RecommendationHorizon horizon) {

    public DispatchPolicy {
        Objects.requireNonNull(acknowledgementTimeout, "acknowledgementTimeout");
        Objects.requireNonNull(offlineAfter, "offlineAfter");
        Objects.requireNonNull(freshFix, "freshFix");
        Objects.requireNonNull(onSceneTarget, "onSceneTarget");
        Objects.requireNonNull(horizon, "horizon");
        if (acknowledgementTimeout.isNegative() || acknowledgementTimeout.isZero()) {
            throw new IllegalArgumentException("acknowledgement timeout must be positive");
        }
        if (!(arrivalRadiusMeters > 0) || !(searchRadiusMeters > 0) || recommendations < 1) {
            throw new IllegalArgumentException("arrival radius, search radius and recommendations must be positive");
        }
    }

    /**
     * Defaults of the issue: 30 s to acknowledge, 100 m is on scene, 5 units recommended, on scene within 10 minutes, the
     * default horizon.
     */
    public static DispatchPolicy defaults() {
        return new DispatchPolicy(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(2), 100, 5, 50_000, Duration.ofMinutes(10),
                RecommendationHorizon.defaults());
    }
}
