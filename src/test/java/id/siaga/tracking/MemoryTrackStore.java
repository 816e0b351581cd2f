package id.siaga.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Track history in memory, for the tests and benchmarks of the pipeline and its doors: one row per fix (unit, device,
 * fix time) as the port promises, however often a fix is appended. It can play the database's faults: {@link #hold()}
 * makes every append wait until {@link #release()} (a database that hangs), {@link #down} refuses every append (a
 * database away), and a fix of device {@code "bad"} is refused as a value (a value the database will not take).
 * {@link #discarding()} takes every append at once and keeps nothing, for a benchmark that must not grow or slow.
 */
public final class MemoryTrackStore implements TrackStore {

    /** The device whose fixes the store refuses as values. */
    public static final String REFUSED_DEVICE = "bad";

    private final boolean keeping;
    private final List<Position> rows = Collections.synchronizedList(new ArrayList<>());
    private final Set<List<Object>> keys = ConcurrentHashMap.newKeySet();
    private final List<List<Position>> batches = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger appends = new AtomicInteger();
    private volatile CountDownLatch hold = new CountDownLatch(0);
    /** While true, every append throws as a database away would. */
    public volatile boolean down;

    public MemoryTrackStore() {
        this(true);
    }

    private MemoryTrackStore(boolean keeping) {
        this.keeping = keeping;
    }

    /** A store that takes every append and keeps nothing. */
    public static MemoryTrackStore discarding() {
        return new MemoryTrackStore(false);
    }

    /** From now on every append waits until {@link #release()}. */
    public MemoryTrackStore hold() {
        hold = new CountDownLatch(1);
        return this;
    }

    /** Lets the held appends (and every later one) through. */
    public void release() {
        hold.countDown();
    }

    @Override
    public void append(List<Position> positions) {
        appends.incrementAndGet();
        if (!keeping) {
            return;
        }
        try {
            hold.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the database hung", e);
        }
        if (down) {
            throw new IllegalStateException("connection refused");
        }
        if (positions.stream().anyMatch(p -> REFUSED_DEVICE.equals(p.deviceId()))) {
            throw new IllegalArgumentException("value too long for type character varying(128)");
        }
        batches.add(List.copyOf(positions));
        for (Position p : positions) {
            if (keys.add(List.of(p.unitId(), p.deviceId(), p.fixTime()))) {
                rows.add(p);
            }
        }
    }

    /** The rows, in the order they were first stored. */
    public List<Position> rows() {
        synchronized (rows) {
            return List.copyOf(rows);
        }
    }

    /** Each append that stored something, as it came (a fix appended again is in each). */
    public List<List<Position>> batches() {
        synchronized (batches) {
            return List.copyOf(batches);
        }
    }

    /** Appends tried, including those that waited, failed or were refused. */
    public int appends() {
        return appends.get();
    }

    @Override
    public List<Position> track(String unitId, Instant from, Instant to, int limit) {
        return rows().stream().filter(p -> p.unitId().equals(unitId) && !p.fixTime().isBefore(from) && p.fixTime().isBefore(to))
                .limit(limit).toList();
    }

    @Override
    public List<Position> latestSince(Instant since) {
        return List.of();
    }

    @Override
    public void prepareDays(LocalDate from, int days) {
    }

    @Override
    public long purgeBefore(Instant cutoff) {
        return 0;
    }
}
