package id.siaga.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * The virtual clock: a queue of things to do at future instants, run in time order (ties in the order they were
 * scheduled, so a run is the same every time). Time is nanoseconds from the start of the first simulated day, 00:00
 * local time; {@link #instant()} gives it to the real rules as an {@link Instant}.
 */
final class Events {

    static final long SECOND = 1_000_000_000L;
    static final long HOUR = 3600 * SECOND;
    static final long DAY = 24 * HOUR;
    /** 00:00 WIB on a Monday: where the virtual clock starts. */
    static final Instant START = Instant.parse("2026-01-04T17:00:00Z");

    private record Event(long at, long order, Runnable action) {
    }

    private final PriorityQueue<Event> queue = new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
    private long now;
    private long scheduled;
    private long ran;

    long now() {
        return now;
    }

    Instant instant() {
        return START.plusNanos(now);
    }

    static long nanosOf(Instant instant) {
        return Duration.between(START, instant).toNanos();
    }

    static long nanos(double seconds) {
        return Math.round(seconds * SECOND);
    }

    void at(long when, Runnable action) {
        queue.add(new Event(Math.max(when, now), scheduled++, action));
    }

    void after(double seconds, Runnable action) {
        at(now + nanos(seconds), action);
    }

    /** Runs every event, and those they schedule, until none is left. */
    void runAll() {
        Event e;
        while ((e = queue.poll()) != null) {
            now = e.at;
            ran++;
            e.action.run();
        }
    }

    /** Events run so far. */
    long ran() {
        return ran;
    }
}
