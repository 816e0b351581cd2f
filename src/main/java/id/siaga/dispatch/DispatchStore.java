package id.siaga.dispatch;

import id.siaga.incident.IncidentId;
import java.util.List;
import java.util.Optional;

/**
 * Where unit states and assignments are kept, so a restart forgets no unit on its way, and the truth every node of a
 * cluster decides on. Changes are optimistic, as the incidents' are: each is stored only over the version it was made to.
 */
public interface DispatchStore {

    /**
     * Stores the changed unit states and assignments together, all or none, each only if it is still stored at the
     * version before its own ({@code version() - 1}; not stored at all for a unit state of version 1 or a new assignment).
     * False, with nothing stored, when any of them was changed meanwhile (by another node).
     */
    boolean update(List<UnitState> states, List<Assignment> assignments);

    List<UnitState> unitStates();

    /** The unit's stored state; empty when it was never changed (AVAILABLE since the register listed it). */
    Optional<UnitState> unitState(String unitId);

    Optional<Assignment> find(AssignmentId id);

    List<Assignment> active();

    /** Every assignment of the incident, oldest first. */
    List<Assignment> ofIncident(IncidentId incident);

    /**
     * The active assignments whose timers node {@code lost} watched are watched by {@code by} from now on, each one version
     * further; returns them as they are now.
     */
    List<Assignment> takeOverTimers(String lost, String by);
}
