package id.siaga.org;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live presence of every operator. Everyone starts OFFLINE: a position must say it is READY after
 * the service starts, and a position added to the roster at run time starts OFFLINE too. Thread-safe; each change is
 * returned as an event for the journal.
 */
public final class PresenceBoard {

    private final OperatorRoster roster;
    private final Clock clock;
    private final Map<OperatorId, Presence> states = new ConcurrentHashMap<>();

    public PresenceBoard(OperatorRoster roster, Clock clock) {
        this.roster = roster;
        this.clock = clock;
        roster.all().forEach(o -> states.put(o.id(), Presence.OFFLINE));
    }

    public Presence presenceOf(OperatorId id) {
        Presence p = states.get(id);
        if (p != null) {
            return p;
        }
        if (roster.find(id).isEmpty()) {
            throw new NoSuchElementException("no operator " + id);
        }
        return Presence.OFFLINE;
    }

    /** Moves an operator to a state; empty when the operator was already in it. */
    public Optional<PresenceChanged> change(OperatorId id, Presence to) {
        Operator op = roster.find(id).orElseThrow(() -> new NoSuchElementException("no operator " + id));
        Presence from = java.util.Objects.requireNonNullElse(states.put(id, to), Presence.OFFLINE);
        if (from == to) {
            return Optional.empty();
        }
        return Optional.of(new PresenceChanged(id, op.station(), from, to, clock.instant()));
    }

    /** The operators of one station who may be rung now. */
    public List<Operator> readyAt(StationId station) {
        return roster.atStation(station).stream().filter(o -> states.get(o.id()) == Presence.READY).toList();
    }
}
