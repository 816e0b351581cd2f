package id.siaga.store;

import id.siaga.journal.JsonLinesSpool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Writes that must survive a database outage: what the database refuses for want of a connection goes to a
 * local {@link JsonLinesSpool} (forced to disk), is kept in memory for readers meanwhile, and is moved into
 * the database in order once it answers again, also after a restart. Call records and call-back tasks go this
 * way: a caller who hung up during an outage must still be called back.
 *
 * <p>Writes must be idempotent by key (a replay may repeat one that reached the database just before a
 * crash). A value the database rejects as invalid (an integrity violation) would block the spool forever:
 * it is logged in full and set aside in a {@code .rejected} file beside the spool instead.
 *
 * @param <T> a value Jackson writes and reads back unchanged
 */
public final class SpooledWrites<T> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SpooledWrites.class);

    private final String what;
    private final JsonLinesSpool<T> spool;
    private final JsonLinesSpool<T> rejected;
    private final Consumer<T> store;
    private final Function<T, String> key;
    /** The spool's values, oldest first, as its lines are; guarded by {@code this}. */
    private final List<T> pending = new ArrayList<>();
    private final Object flushing = new Object();
    private final ScheduledExecutorService retry;

    /**
     * @param what          what is written, for the log ("call record")
     * @param store         the database write; throws when it cannot be done
     * @param retryInterval how often a non-empty spool is offered to the database again
     */
    public SpooledWrites(String what, JsonLinesSpool<T> spool, Consumer<T> store, Function<T, String> key, Class<T> type,
                         Duration retryInterval) {
        this.what = what;
        this.spool = spool;
        this.rejected = new JsonLinesSpool<>(spool.file().resolveSibling(spool.file().getFileName() + ".rejected"), type, what + " rejects");
        this.store = store;
        this.key = key;
        pending.addAll(spool.readAll());
        if (!pending.isEmpty()) {
            log.warn("{} {}s from before the restart wait in {}; they go to the database as soon as it answers", pending.size(), what, spool.file());
        }
        this.retry = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "spool-" + what.replace(' ', '-'));
            t.setDaemon(true);
            return t;
        });
        // what waited through a restart is offered at once; afterwards the spool is offered every retryInterval
        long first = pending.isEmpty() ? retryInterval.toMillis() : 0;
        retry.scheduleWithFixedDelay(this::flushQuietly, first, retryInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Keeps {@code value}: in the database, or (while it is away, or while older values still wait) in the spool. */
    public void write(T value) {
        synchronized (this) {
            if (!pending.isEmpty()) {
                spool(value); // older values wait: keep the order, and do not knock on a door known to be shut
                return;
            }
        }
        try {
            store.accept(value);
        } catch (DataIntegrityViolationException e) {
            reject(value, e);
        } catch (RuntimeException e) {
            log.warn("the database did not take a {} ({}); spooled to {}", what, e.getMessage(), spool.file());
            synchronized (this) {
                spool(value);
            }
        }
    }

    /** A value written but still waiting in the spool, by key. */
    public synchronized Optional<T> pending(String k) {
        for (int i = pending.size() - 1; i >= 0; i--) {
            if (key.apply(pending.get(i)).equals(k)) {
                return Optional.of(pending.get(i)); // the latest write of that key
            }
        }
        return Optional.empty();
    }

    /** Every value still waiting in the spool, oldest first. */
    public synchronized List<T> pendingValues() {
        return List.copyOf(pending);
    }

    /** How many values wait in the spool. */
    public synchronized int backlog() {
        return pending.size();
    }

    /** Offers the spool to the database now, oldest first, stopping at the first failure; true when nothing waits any more. */
    public boolean flush() {
        synchronized (flushing) {
            List<T> waiting;
            synchronized (this) {
                if (pending.isEmpty()) {
                    return true;
                }
                waiting = List.copyOf(pending);
            }
            int done = 0;
            try {
                for (T v : waiting) {
                    try {
                        store.accept(v);
                    } catch (DataIntegrityViolationException e) {
                        reject(v, e);
                    }
                    done++;
                }
            } catch (RuntimeException e) {
                log.debug("{} spool not flushed yet ({} of {} stored): {}", what, done, waiting.size(), e.getMessage());
            }
            synchronized (this) {
                spool.dropFirst(done);
                pending.subList(0, done).clear(); // only flush takes from the front, and one flush runs at a time
                if (done > 0) {
                    log.info("{} spooled {}s moved into the database; {} still waiting", done, what, pending.size());
                }
                return pending.isEmpty();
            }
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.error("could not flush the {} spool {}", what, spool.file(), e);
        }
    }

    private void spool(T value) {
        spool.append(List.of(value));
        pending.add(value);
    }

    private void reject(T value, RuntimeException e) {
        log.error("the database rejected {} {} as invalid; set aside in {}: {}", what, key.apply(value), rejected.file(), e.getMessage());
        rejected.append(List.of(value));
    }

    @Override
    public void close() {
        retry.shutdownNow();
    }
}
