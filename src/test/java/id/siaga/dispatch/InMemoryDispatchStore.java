package id.siaga.dispatch;

import id.siaga.incident.IncidentId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The dispatch store in memory, for domain tests. */
public final class InMemoryDispatchStore implements DispatchStore {

    private final Map<String, UnitState> states = new LinkedHashMap<>();
    private final Map<AssignmentId, Assignment> assignments = new LinkedHashMap<>();

    @Override
    public synchronized void save(UnitState state) {
        states.put(state.unitId(), state);
    }

    @Override
    public synchronized List<UnitState> unitStates() {
        return new ArrayList<>(states.values());
    }

    @Override
    public synchronized void save(Assignment assignment) {
        assignments.put(assignment.id(), assignment);
    }

    @Override
    public synchronized Optional<Assignment> find(AssignmentId id) {
        return Optional.ofNullable(assignments.get(id));
    }

    @Override
    public synchronized List<Assignment> active() {
        return assignments.values().stream().filter(Assignment::isActive).toList();
    }

    @Override
    public synchronized List<Assignment> ofIncident(IncidentId incident) {
        return assignments.values().stream().filter(a -> a.incident().equals(incident))
                .sorted(Comparator.comparing(Assignment::assignedAt)).toList();
    }
}
