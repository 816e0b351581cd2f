package id.siaga.dispatch;

import id.siaga.org.GeoPoint;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this node knows of every unit's duty status, its active assignment and where it is going: a copy of the
 * {@link DispatchStore}, which is the truth every node of a cluster decides on. Read without locks (the GPS path asks
 * it thousands of times a second); written only by the {@link DispatchDesk}, under the desk's lock, through
 * {@link #commit} (the store over versions, then the copy) and {@link #refresh} (the copy from the store).
 */
final class DispatchBook {

    private final DispatchStore store;
    private final IncidentProgress incidents;
    private final UnitRoster roster;
    private final Map<String, UnitState> states = new ConcurrentHashMap<>();
    private final Map<AssignmentId, Assignment> active = new ConcurrentHashMap<>();
    /** Where each committed unit is going, for the on-scene proposal. */
    private final Map<String, GeoPoint> destinations = new ConcurrentHashMap<>();

    DispatchBook(DispatchStore store, IncidentProgress incidents, UnitRoster roster, Instant now) {
        this.store = store;
        this.incidents = incidents;
        this.roster = roster;
        roster.all().forEach(u -> states.put(u.id(), UnitState.initial(u.id(), now)));
        store.unitStates().stream().filter(s -> roster.isUnit(s.unitId())).forEach(s -> states.put(s.unitId(), s));
        store.active().stream().filter(a -> roster.isUnit(a.unitId())).forEach(this::put);
    }

    UnitState state(String unitId) {
        return states.get(unitId);
    }

    Optional<Assignment> activeOf(String unitId) {
        UnitState s = states.get(unitId);
        return s == null || s.assignment() == null ? Optional.empty() : Optional.ofNullable(active.get(s.assignment()));
    }

    /** The active assignment, if this node knows it. */
    Optional<Assignment> active(AssignmentId id) {
        return Optional.ofNullable(active.get(id));
    }

    Collection<Assignment> active() {
        return List.copyOf(active.values());
    }

    GeoPoint destination(String unitId) {
        return destinations.get(unitId);
    }

    /**
     * Stores the changes over their versions and, once stored, keeps them here.
     *
     * @throws DispatchConflictException when another node changed one of them first; this node then reads the units
     *                                   concerned again, so a retry decides on what is stored
     */
    void commit(List<UnitState> changedStates, List<Assignment> changedAssignments) {
        if (!store.update(changedStates, changedAssignments)) {
            String unit = !changedStates.isEmpty() ? changedStates.get(0).unitId() : changedAssignments.get(0).unitId();
            changedStates.forEach(s -> refresh(s.unitId()));
            changedAssignments.forEach(a -> refresh(a.unitId()));
            UnitState now = states.get(unit);
            String callSign = roster.find(unit).map(Unit::callSign).orElse(unit);
            throw new DispatchConflictException("unit " + callSign + " was changed by someone else meanwhile (it is now " + now.status()
                    + (now.assignment() == null ? "" : " on assignment " + now.assignment()) + "); look again and retry");
        }
        changedStates.forEach(s -> states.put(s.unitId(), s));
        changedAssignments.forEach(a -> {
            if (a.isActive()) {
                put(a);
            } else {
                active.remove(a.id());
                destinations.remove(a.unitId());
            }
        });
    }

    /**
     * Reads the unit's state and active assignment again from the store: before a command decides on them, and when
     * another node has changed them. Returns the state as stored.
     */
    UnitState refresh(String unitId) {
        UnitState stored = store.unitState(unitId).orElse(null);
        if (stored == null) {
            UnitState known = states.get(unitId);
            stored = known != null && known.version() == 0 ? known : UnitState.initial(unitId, known == null ? Instant.EPOCH : known.since());
        }
        states.put(unitId, stored);
        active.values().removeIf(a -> a.unitId().equals(unitId));
        destinations.remove(unitId);
        if (stored.assignment() != null) {
            store.find(stored.assignment()).filter(Assignment::isActive).ifPresent(this::put);
        }
        return stored;
    }

    private void put(Assignment a) {
        active.put(a.id(), a);
        incidents.target(a.incident()).flatMap(DispatchTarget::location).ifPresent(p -> destinations.put(a.unitId(), p));
    }
}
