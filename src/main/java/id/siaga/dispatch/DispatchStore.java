package id.siaga.dispatch;

import id.siaga.incident.IncidentId;
import java.util.List;
import java.util.Optional;

/** Where unit states and assignments are kept, so a restart forgets no unit on its way. */
public interface DispatchStore {

    void save(UnitState state);

    List<UnitState> unitStates();

    void save(Assignment assignment);

    Optional<Assignment> find(AssignmentId id);

    List<Assignment> active();

    /** Every assignment of the incident, oldest first. */
    List<Assignment> ofIncident(IncidentId incident);
}
