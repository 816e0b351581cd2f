package id.siaga.org;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The presence history in memory, for tests of what records and reads it without a database. */
public final class InMemoryPresenceHistory implements PresenceHistory {

    private final List<PresenceChanged> changes = new ArrayList<>();

    @Override
    public synchronized void record(PresenceChanged change) {
        changes.add(change);
    }

    @Override
    public synchronized List<PresenceChanged> around(StationId station, Instant from, Instant to) {
        Map<OperatorId, PresenceChanged> before = new LinkedHashMap<>();
        List<PresenceChanged> within = new ArrayList<>();
        for (PresenceChanged c : changes) {
            if (!c.station().equals(station)) {
                continue;
            }
            if (c.at().isBefore(from)) {
                before.put(c.operator(), c);
            } else if (c.at().isBefore(to)) {
                within.add(c);
            }
        }
        List<PresenceChanged> out = new ArrayList<>(before.values().stream().sorted(Comparator.comparing(PresenceChanged::at)).toList());
        out.addAll(within);
        return out;
    }

    public synchronized List<PresenceChanged> all() {
        return List.copyOf(changes);
    }
}
