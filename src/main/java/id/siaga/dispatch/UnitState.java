package id.siaga.dispatch;

import java.time.Instant;
import java.util.Objects;

/**
 * A unit's duty status as people set it (the officer's buttons, the dispatcher), with the assignment it
 * works on and since when. OFFLINE is not stored here: it is derived from GPS silence.
 *
 * @param version 0 for a unit whose state was never stored (AVAILABLE since start), one more at every change: a store
 *                keeps a change only over the version it was made to, so two nodes cannot both send one unit
 */
public record UnitState(String unitId, UnitStatus status, AssignmentId assignment, Instant since, String by, long version) {

    public UnitState {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(since, "since");
        if (status == UnitStatus.OFFLINE) {
            throw new IllegalArgumentException("OFFLINE is derived from GPS silence, not set");
        }
        if (version < 0) {
            throw new IllegalArgumentException("unit state version must not be negative, got " + version);
        }
    }

    static UnitState initial(String unitId, Instant at) {
        return new UnitState(unitId, UnitStatus.AVAILABLE, null, at, "system", 0);
    }

    /** The state after a change to {@code to}, one version further. */
    UnitState next(UnitStatus to, AssignmentId working, Instant at, String setBy) {
        return new UnitState(unitId, to, working, at, setBy, version + 1);
    }
}
