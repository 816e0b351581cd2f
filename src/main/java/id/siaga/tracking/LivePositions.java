package id.siaga.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The last accepted position and the last sign of life of every unit, in memory: what dispatch asks when it
 * looks for the nearest unit. Reads never lock (a concurrent map of per-unit holders with volatile fields);
 * writes come from the {@link PositionPipeline}, which moves a unit's position only forward in fix time.
 */
public final class LivePositions {

    /** One unit's live state. The pipeline updates it under the holder's lock; readers see volatile fields. */
    static final class UnitState {
        volatile Position last;
        volatile Instant lastSeen;

        void seen(Instant at) {
            Instant before = lastSeen;
            if (before == null || at.isAfter(before)) {
                lastSeen = at;
            }
        }
    }

    private final ConcurrentHashMap<String, UnitState> units = new ConcurrentHashMap<>();
    private final List<PositionListener> listeners = new CopyOnWriteArrayList<>();

    /** The unit's last accepted position (newest fix time), if it ever sent one. */
    public Optional<Position> last(String unitId) {
        UnitState s = units.get(unitId);
        return s == null ? Optional.empty() : Optional.ofNullable(s.last);
    }

    /** When the unit was last heard from (a position, an out-of-order fix or a heartbeat), by the server's clock. */
    public Optional<Instant> lastSeen(String unitId) {
        UnitState s = units.get(unitId);
        return s == null ? Optional.empty() : Optional.ofNullable(s.lastSeen);
    }

    /** Every unit's last accepted position: a snapshot. */
    public List<Position> all() {
        List<Position> out = new ArrayList<>(units.size());
        units.values().forEach(s -> {
            Position p = s.last;
            if (p != null) {
                out.add(p);
            }
        });
        return out;
    }

    /**
     * Seeds units' last positions, e.g. from track history at start, so dispatch sees them at once and a fix the
     * broker delivers again after a restart is recognised as old. A unit that already has a newer one keeps it;
     * listeners are not told. Last-seen stays unknown until the unit is heard from.
     */
    public void restore(java.util.Collection<Position> positions) {
        for (Position p : positions) {
            UnitState s = state(p.unitId());
            synchronized (s) {
                if (s.last == null || p.fixTime().isAfter(s.last.fixTime())) {
                    s.last = p;
                }
            }
        }
    }

    /** Told of every position that moves a unit forward, from now on. */
    public void addListener(PositionListener listener) {
        listeners.add(listener);
    }

    /**
     * A position another node of the cluster received and validated (it keeps it in track history; this node does not):
     * if it is newer than the unit's last, it becomes the unit's live position, last-seen moves to when that node received
     * it, and the listeners are told ({@link PositionListener#positionShared}). An older one changes nothing: fixes of one
     * unit through two nodes may arrive out of order, and the unit's position only moves forward in fix time.
     *
     * @param node the node that received it
     * @return whether it moved the unit
     */
    public boolean shared(Position p, String node) {
        UnitState s = state(p.unitId());
        synchronized (s) {
            if (s.last != null && !p.fixTime().isAfter(s.last.fixTime())) {
                return false;
            }
            s.last = p;
            s.seen(p.receivedAt());
            for (PositionListener listener : listeners) {
                listener.positionShared(p, node);
            }
            return true;
        }
    }

    UnitState state(String unitId) {
        return units.computeIfAbsent(unitId, id -> new UnitState());
    }

    List<PositionListener> listeners() {
        return listeners;
    }
}
