package id.siaga.dispatch;

import id.siaga.incident.IncidentId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The dispatch store in memory, for domain tests; shared by two desks, it is the database of a two-node cluster. */
public final class InMemoryDispatchStore implements DispatchStore {

    private final Map<String, UnitState> states = new LinkedHashMap<>();
    private final Map<AssignmentId, Assignment> assignments = new LinkedHashMap<>();

    @Override
    public synchronized boolean update(List<UnitState> changedStates, List<Assignment> changedAssignments) {
        for (UnitState s : changedStates) {
            UnitState stored = states.get(s.unitId());
            if ((stored == null ? 0 : stored.version()) != s.version() - 1) {
                return false;
            }
        }
        for (Assignment a : changedAssignments) {
            Assignment stored = assignments.get(a.id());
            if ((stored == null ? 0 : stored.version()) != a.version() - 1) {
                return false;
            }
        }
        changedStates.forEach(s -> states.put(s.unitId(), s));
        changedAssignments.forEach(a -> assignments.put(a.id(), a));
        return true;
    }

    @Override
    public synchronized List<UnitState> unitStates() {
        return new ArrayList<>(states.values());
    }

    @Override
    public synchronized Optional<UnitState> unitState(String unitId) {
        return Optional.ofNullable(states.get(unitId));
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

    @Override
    public synchronized List<Assignment> takeOverTimers(String lost, String by) {
        List<Assignment> taken = new ArrayList<>();
        for (Assignment a : List.copyOf(assignments.values())) {
            if (a.isActive() && a.node().equals(lost)) {
                Assignment now = a.watchedBy(by);
                assignments.put(a.id(), now);
                taken.add(now);
            }
        }
        return taken;
    }
}
