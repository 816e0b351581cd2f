package id.siaga.org;

import java.time.Instant;

/** A station's rollout status was changed by an administrator. */
public record StationStatusChanged(StationId station, RolloutStatus from, RolloutStatus to, String by, Instant at) {
}
