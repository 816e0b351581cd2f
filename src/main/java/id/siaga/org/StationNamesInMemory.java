package id.siaga.org;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Station names kept in memory only: they last as long as the process (tests, tools that rename nothing). */
public final class StationNamesInMemory implements StationNameStore {

    private final Map<StationId, String> names = new ConcurrentHashMap<>();

    @Override
    public Map<StationId, String> all() {
        return Map.copyOf(names);
    }

    @Override
    public synchronized void change(Map<StationId, String> changed, Set<StationId> forgotten, String changedBy, Instant at) {
        names.putAll(changed);
        forgotten.forEach(names::remove);
    }
}
