package id.siaga.telephony;

import id.siaga.org.StationId;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Call-back tasks in a map, for tests of the rules around them. */
public final class InMemoryCallbackTaskStore implements CallbackTaskStore {

    private final Map<String, CallbackTask> tasks = new LinkedHashMap<>();

    @Override
    public synchronized void save(CallbackTask task) {
        tasks.put(task.id(), task);
    }

    @Override
    public synchronized boolean replaceIf(CallbackTask.Status expected, CallbackTask task) {
        CallbackTask stored = tasks.get(task.id());
        if (stored == null || stored.status() != expected) {
            return false;
        }
        tasks.put(task.id(), task);
        return true;
    }

    @Override
    public synchronized Optional<CallbackTask> find(String id) {
        return Optional.ofNullable(tasks.get(id));
    }

    @Override
    public synchronized java.util.Set<CallId> callsWithTasks(Collection<CallId> calls) {
        return tasks.values().stream().map(CallbackTask::call).filter(calls::contains).collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public synchronized List<CallbackTask> atStations(Collection<StationId> stations, boolean includeClosed, int limit) {
        return tasks.values().stream().filter(t -> stations.contains(t.station()))
                .filter(t -> includeClosed || t.status() != CallbackTask.Status.CLOSED)
                .sorted(Comparator.comparing(CallbackTask::createdAt).reversed()).limit(limit).toList();
    }
}
