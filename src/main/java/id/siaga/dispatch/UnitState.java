package id.siaga.dispatch;

import java.time.Instant;
import java.util.Objects;

/**
 * A unit's duty status as people set it (the officer's buttons, the dispatcher), with the assignment it
 * works on and since when. OFFLINE is not stored here: it is derived from GPS silence.
 */
public record UnitState(String unitId, UnitStatus status, AssignmentId assignment, Instant since, String by) {

    public UnitState {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(since, "since");
        if (status == UnitStatus.OFFLINE) {
            throw new IllegalArgumentException("OFFLINE is derived from GPS silence, not set");
        }
    }

    static UnitState initial(String unitId, Instant at) {
        return new UnitState(unitId, UnitStatus.AVAILABLE, null, at, "system");
    }
}
