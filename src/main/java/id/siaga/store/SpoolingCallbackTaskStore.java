package id.siaga.store;

import id.siaga.org.StationId;
import id.siaga.telephony.CallbackTask;
import id.siaga.telephony.CallbackTaskStore;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import id.siaga.telephony.CallId;

/**
 * Call-back tasks, opened even while the database is away: a new task the database cannot take waits in a
 * spool (see {@link SpooledWrites}) and is found there by id. Claiming and closing need the database (two
 * operators must not both win a claim), so they first move anything waiting into it.
 */
public final class SpoolingCallbackTaskStore implements CallbackTaskStore {

    private final CallbackTaskStore database;
    private final SpooledWrites<CallbackTask> writes;

    public SpoolingCallbackTaskStore(CallbackTaskStore database, SpooledWrites<CallbackTask> writes) {
        this.database = database;
        this.writes = writes;
    }

    /** The key tasks are spooled by. */
    public static String key(CallbackTask t) {
        return t.id();
    }

    @Override
    public void save(CallbackTask task) {
        writes.write(task);
    }

    @Override
    public boolean replaceIf(CallbackTask.Status expected, CallbackTask task) {
        writes.flush();
        return database.replaceIf(expected, task);
    }

    @Override
    public Optional<CallbackTask> find(String id) {
        Optional<CallbackTask> waiting = writes.pending(id);
        return waiting.isPresent() ? waiting : database.find(id);
    }

    @Override
    public Set<CallId> callsWithTasks(Collection<CallId> calls) {
        Set<CallId> with = new java.util.HashSet<>(database.callsWithTasks(calls));
        Set<CallId> asked = Set.copyOf(calls);
        writes.pendingValues().stream().map(CallbackTask::call).filter(asked::contains).forEach(with::add);
        return with;
    }

    @Override
    public List<CallbackTask> atStations(Collection<StationId> stations, boolean includeClosed, int limit) {
        writes.flush();
        return database.atStations(stations, includeClosed, limit);
    }
}
