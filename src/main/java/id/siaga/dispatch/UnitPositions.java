package id.siaga.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each unit was last seen, which units have gone silent (OFFLINE), and the index of the units that
 * could be sent now. Written by GPS ingestion threads at thousands of positions per second, without a global
 * lock; the {@link DispatchDesk} says which units are available. In a cluster every node sees every unit's fixes;
 * it also keeps which node received each unit's last one: that node announces the unit's silence.
 */
final class UnitPositions {

    /** A unit whose silence started or ended. */
    record SilenceChange(String unitId, boolean offline, Instant lastSeen, Duration silentFor) {
    }

    private final NearestUnitIndex available;
    private final Map<String, NearestUnitIndex.Located> last = new ConcurrentHashMap<>();
    private final Map<String, Instant> heardAt = new ConcurrentHashMap<>();
    private final Set<String> offline = ConcurrentHashMap.newKeySet();
    /** The node that received each unit's last fix. */
    private final Map<String, String> heardBy = new ConcurrentHashMap<>();

    UnitPositions(NearestUnitIndex available, Iterable<Unit> units) {
        this.available = available;
        // a unit never heard since start is offline until its device speaks
        units.forEach(u -> offline.add(u.id()));
    }

    NearestUnitIndex index() {
        return available;
    }

    /**
     * Records the fix; returns the end of the unit's silence if it was OFFLINE (empty when it was never heard
     * before: that is a start, not a recovery).
     */
    Optional<SilenceChange> update(NearestUnitIndex.Located fix, Instant receivedAt, String node) {
        last.put(fix.unitId(), fix);
        heardBy.put(fix.unitId(), node);
        Instant before = heardAt.put(fix.unitId(), receivedAt);
        if (offline.remove(fix.unitId()) && before != null) {
            return Optional.of(new SilenceChange(fix.unitId(), false, before, Duration.between(before, receivedAt)));
        }
        return Optional.empty();
    }

    /** Makes the index follow the unit's availability: in it with its last fix when available, out otherwise. */
    void availability(String unitId, boolean canBeSent) {
        NearestUnitIndex.Located fix = last.get(unitId);
        if (canBeSent && fix != null && !offline.contains(unitId)) {
            available.put(fix);
        } else {
            available.remove(unitId);
        }
    }

    Optional<NearestUnitIndex.Located> last(String unitId) {
        return Optional.ofNullable(last.get(unitId));
    }

    Optional<Instant> heardAt(String unitId) {
        return Optional.ofNullable(heardAt.get(unitId));
    }

    /** The node that received the unit's last fix, if it was ever heard. */
    Optional<String> heardBy(String unitId) {
        return Optional.ofNullable(heardBy.get(unitId));
    }

    /** The units {@code lost} heard last are heard by {@code by} from now on (their silence is its to announce). */
    void adopt(String lost, String by) {
        heardBy.replaceAll((unit, node) -> node.equals(lost) ? by : node);
    }

    boolean isOffline(String unitId) {
        return offline.contains(unitId);
    }

    /** The unit as the unit board shows it: its duty status, OFFLINE while silent, where it was last seen and when. */
    UnitView view(Unit u, UnitState s, Assignment a, Instant now) {
        NearestUnitIndex.Located fix = last.get(u.id());
        Instant heard = heardAt.get(u.id());
        UnitStatus effective = offline.contains(u.id()) ? UnitStatus.OFFLINE : s.status();
        return new UnitView(u.id(), u.callSign(), u.kind(), u.station(), effective, s.status(), s.since(), a == null ? null : a.id().value(),
                a == null ? null : a.incident().value(), fix == null ? null : fix.latitude(), fix == null ? null : fix.longitude(),
                fix == null ? null : fix.fixTime(), heard, heard == null ? null : Duration.between(heard, now));
    }

    /** Units heard before but silent for longer than {@code offlineAfter} become OFFLINE and leave the index. */
    List<SilenceChange> silence(Instant now, Duration offlineAfter) {
        List<SilenceChange> changes = new ArrayList<>();
        for (Map.Entry<String, Instant> e : heardAt.entrySet()) {
            Duration silent = Duration.between(e.getValue(), now);
            if (silent.compareTo(offlineAfter) > 0 && offline.add(e.getKey())) {
                available.remove(e.getKey());
                changes.add(new SilenceChange(e.getKey(), true, e.getValue(), silent));
            }
        }
        return changes;
    }
}
