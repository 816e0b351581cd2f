package id.siaga.app;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the automatic screening signals are written (a hang-up on answer, a silent caller): one thread of their own,
 * so a database that is away (each write then waits for the pool's connection timeout, 3 s) delays signals and nothing
 * else. Before, the hang-up mark was written on the thread that keeps call records, and during an outage each caller
 * who hung up on answer held every later call's record, call-back task and "ended" on the consoles for those seconds
 * (ScreeningSurvivalTests measures it). A signal is nobody's acknowledged word: past {@link #BACKLOG} waiting, new ones
 * are dropped and counted in the log, so an outage under a flood of pranks cannot grow memory.
 */
final class ScreeningSignals implements Executor, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScreeningSignals.class);
    /** Signals that may wait: at 3 s each during an outage, hours of them; far more than any burst of calls. */
    static final int BACKLOG = 10_000;

    private final AtomicLong dropped = new AtomicLong();
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(BACKLOG), r -> {
        Thread t = new Thread(r, "screening-signals");
        t.setDaemon(true);
        return t;
    }, (task, pool) -> {
        long n = dropped.incrementAndGet();
        if (n == 1 || n % 1_000 == 0) {
            log.warn("screening signals: {} waiting, {} dropped so far (the database is slow or away); each dropped one is a light mark"
                    + " a number does not get", BACKLOG, n);
        }
    });

    /** Runs {@code signal} on the signals' thread; a failure is logged with {@code what}, never thrown. */
    void write(String what, Runnable signal) {
        execute(() -> {
            try {
                signal.run();
            } catch (RuntimeException e) {
                // a signal, not anyone's acknowledged word: the number's reputation misses one light mark
                log.warn("{} was not marked: {}", what, e.toString());
            }
        });
    }

    @Override
    public void execute(Runnable task) {
        worker.execute(task);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
