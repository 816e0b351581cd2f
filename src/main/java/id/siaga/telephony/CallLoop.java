package id.siaga.telephony;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Where the call pipeline runs: one task at a time, in submission order, so "first answer wins" and queue order need
 * no locks. Production uses one thread ({@link #singleThread}); tests run it in place with a clock they move by hand,
 * so a call's whole life plays out without sleeping.
 */
public interface CallLoop extends AutoCloseable {

    /** A task that was scheduled and may still be cancelled. */
    interface Timer {
        void cancel();
    }

    /** Runs the task after every task submitted before it. */
    void execute(Runnable task);

    /** Runs the task once {@code delay} has passed (by the loop's clock). */
    Timer schedule(Runnable task, Duration delay);

    /** Runs the task in turn and waits for its result, at most {@code timeout}. */
    <T> T call(Callable<T> task, Duration timeout) throws TimeoutException, ExecutionException, InterruptedException;

    /** Stops the loop: tasks already submitted still run (for at most 10 s), scheduled ones are dropped. */
    @Override
    void close();

    /** A loop on one daemon thread of this name. */
    static CallLoop singleThread(String name) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        // at close, what was submitted runs; what was scheduled for later (ring deadlines, probes) is dropped
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return new CallLoop() {
            @Override
            public void execute(Runnable task) {
                executor.execute(task);
            }

            @Override
            public Timer schedule(Runnable task, Duration delay) {
                ScheduledFuture<?> f = executor.schedule(task, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
                return () -> f.cancel(false);
            }

            @Override
            public <T> T call(Callable<T> task, Duration timeout) throws TimeoutException, ExecutionException, InterruptedException {
                return executor.submit(task).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }

            @Override
            public void close() {
                executor.shutdown();
                try {
                    if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                        executor.shutdownNow();
                    }
                } catch (InterruptedException e) {
                    executor.shutdownNow();
                    Thread.currentThread().interrupt();
                }
            }
        };
    }
}
