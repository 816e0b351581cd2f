package id.siaga.org;

import java.time.Instant;
import java.util.Map;

/** Rollout statuses set at run time, which override the stations file and survive a restart. */
public interface StationStatusStore {

    Map<StationId, RolloutStatus> all();

    void save(StationId station, RolloutStatus status, String changedBy, Instant at);

    /** When each station's status was last changed at run time; a store that keeps no times answers none. */
    default Map<StationId, Instant> changedAt() {
        return Map.of();
    }
}
