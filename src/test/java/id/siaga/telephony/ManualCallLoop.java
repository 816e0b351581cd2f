package id.siaga.telephony;

import id.siaga.support.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * The call loop run in place on a {@link ManualClock}: a submitted task runs at once (after any task it was submitted
 * from, as on the real loop's single thread), a scheduled one when the test moves the clock past its time with
 * {@link #advance}. A call's whole life plays out in plain Java, without threads or sleeping.
 */
public final class ManualCallLoop implements CallLoop {

    private final ManualClock clock;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private final List<Due> scheduled = new ArrayList<>();
    private boolean running;
    private long order;

    private final class Due implements Timer {
        final Instant at;
        final long seq;
        final Runnable task;
        boolean cancelled;

        Due(Instant at, long seq, Runnable task) {
            this.at = at;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
            scheduled.remove(this);
        }
    }

    public ManualCallLoop(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public void execute(Runnable task) {
        queue.add(task);
        drain();
    }

    @Override
    public Timer schedule(Runnable task, Duration delay) {
        Due due = new Due(clock.instant().plus(delay.isNegative() ? Duration.ZERO : delay), order++, task);
        scheduled.add(due);
        return due;
    }

    @Override
    public <T> T call(Callable<T> task, Duration timeout) throws ExecutionException {
        drain();
        try {
            return task.call();
        } catch (Exception e) {
            throw new ExecutionException(e);
        }
    }

    /** Moves the clock forward, running every scheduled task that falls due, in time order, at its own time. */
    public void advance(Duration by) {
        Instant until = clock.instant().plus(by);
        while (true) {
            Due next = scheduled.stream().filter(d -> !d.at.isAfter(until)).min(Comparator.comparing((Due d) -> d.at).thenComparingLong(d -> d.seq))
                    .orElse(null);
            if (next == null) {
                break;
            }
            scheduled.remove(next);
            if (next.at.isAfter(clock.instant())) {
                clock.advance(Duration.between(clock.instant(), next.at));
            }
            execute(next.task);
        }
        if (until.isAfter(clock.instant())) {
            clock.advance(Duration.between(clock.instant(), until));
        }
    }

    private void drain() {
        if (running) {
            return; // a task submitted from a task runs after it, as on the real loop
        }
        running = true;
        try {
            Runnable next;
            while ((next = queue.poll()) != null) {
                next.run();
            }
        } finally {
            running = false;
        }
    }

    @Override
    public void close() {
        queue.clear();
        scheduled.clear();
    }
}
