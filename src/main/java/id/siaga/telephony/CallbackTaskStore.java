package id.siaga.telephony;

import id.siaga.org.StationId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where call-back tasks are kept. */
public interface CallbackTaskStore {

    /** Keeps a new task, or overwrites a stored one whatever its state (use {@link #replaceIf} to move a task on). */
    void save(CallbackTask task);

    /**
     * Overwrites the stored task only if it still has status {@code expected}, in one atomic step: of two
     * operators claiming the same task at the same moment, exactly one wins. False when the task has moved on
     * (or does not exist).
     */
    boolean replaceIf(CallbackTask.Status expected, CallbackTask task);

    Optional<CallbackTask> find(String id);

    /** Which of these calls have a call-back task, in any state (start-up asks this so a call never gets a second one). */
    Set<CallId> callsWithTasks(Collection<CallId> calls);

    /** Tasks of these stations, not closed unless asked, newest first. */
    List<CallbackTask> atStations(Collection<StationId> stations, boolean includeClosed, int limit);
}
