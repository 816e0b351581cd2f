package id.siaga.telephony;

import id.siaga.journal.Journal;
import id.siaga.telephony.event.CallbackTaskClaimed;
import id.siaga.telephony.event.CallbackTaskClosed;
import id.siaga.telephony.event.CallbackTaskOpened;
import java.time.Clock;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens a call-back task for every abandoned call; operators claim and close them. Each step is journalled. */
public final class CallbackTasks {

    private static final Logger log = LoggerFactory.getLogger(CallbackTasks.class);

    private final CallbackTaskStore store;
    private final Journal journal;
    private final Clock clock;

    public CallbackTasks(CallbackTaskStore store, Journal journal, Clock clock) {
        this.store = store;
        this.journal = journal;
        this.clock = clock;
    }

    public CallbackTask open(AbandonedCall abandoned) {
        id.siaga.location.LocationFix p = abandoned.position();
        CallbackTask task = new CallbackTask(UUID.randomUUID().toString(), abandoned.call(), abandoned.callerNumber(), abandoned.station(),
                p == null ? null : p.latitude(), p == null ? null : p.longitude(), clock.instant(), CallbackTask.Status.OPEN,
                null, null, null, null, null);
        store.save(task);
        log.info("call-back task {} opened at {} for {} (call {}{})", task.id(), task.station(), task.callerNumber(), task.call(),
                abandoned.wasAnswered() ? ", cut off right after the answer" : ", hung up before an answer");
        journal.append(new CallbackTaskOpened(task.call(), task.id(), task.station(), task.callerNumber(), abandoned.wasAnswered()), "system");
        return task;
    }

    /** @throws CallbackTaskConflictException unless the task is OPEN (also when another claim got there first) */
    public CallbackTask claim(String id, String by) {
        CallbackTask current = existing(id);
        CallbackTask task = current.claim(by, clock.instant());
        moveOn(current, task);
        Journal.awaitDurable(java.util.List.of(journal.append(new CallbackTaskClaimed(task.call(), id), by)));
        return task;
    }

    /** @throws CallbackTaskConflictException if the task is closed (also when it changed while this was asked) */
    public CallbackTask close(String id, String by, String outcome) {
        CallbackTask current = existing(id);
        CallbackTask task = current.close(by, clock.instant(), outcome);
        moveOn(current, task);
        Journal.awaitDurable(java.util.List.of(journal.append(new CallbackTaskClosed(task.call(), id, outcome), by)));
        return task;
    }

    /** Stores the next state only if nobody moved the task on since {@code current} was read. */
    private void moveOn(CallbackTask current, CallbackTask next) {
        if (!store.replaceIf(current.status(), next)) {
            CallbackTask now = existing(current.id());
            throw new CallbackTaskConflictException("call-back task " + current.id() + " changed meanwhile: it is now " + now.status()
                    + now.claimant().map(c -> " by " + c).orElse(""));
        }
    }

    public CallbackTask existing(String id) {
        return store.find(id).orElseThrow(() -> new NoSuchElementException("no call-back task " + id));
    }

    public CallbackTaskStore store() {
        return store;
    }
}
