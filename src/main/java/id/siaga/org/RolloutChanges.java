package id.siaga.org;

import java.util.Optional;

/**
 * Rollout status changes made by an administrator: the {@link StationDirectory} changed and the change recorded
 * with who made it and why. The stations API asks through this port; the recording (log, journal) belongs to
 * whoever implements it.
 */
public interface RolloutChanges {

    /** Sets a station's rollout status on behalf of {@code by}; empty when it already had it. */
    Optional<StationStatusChanged> changeStatus(StationId station, RolloutStatus status, String by, String reason);
}
