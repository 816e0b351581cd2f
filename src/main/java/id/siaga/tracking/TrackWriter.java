package id.siaga.tracking;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes track history in batches on its own thread: up to {@code batchSize} fixes per batch, a batch at the
 * latest {@code flushInterval} after its first fix. The queue is bounded by {@code capacity} through
 * reservations: an ingestion door reserves room for what it is about to hand over ({@link #tryReserve}) before
 * anything changes, so when the database falls behind the door refuses whole requests (HTTP 503, MQTT not
 * acknowledged) instead of dropping fixes. When the database refuses a batch the writer keeps it and retries
 * every {@code retryInterval}; the queue fills and the doors push back. Closing writes what is queued.
 */
public final class TrackWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrackWriter.class);

    private final TrackStore store;
    private final int batchSize;
    private final long flushNanos;
    private final Duration retryInterval;
    private final int capacity;
    private final Semaphore room;
    private final LinkedBlockingQueue<Position> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final Counter persisted;
    private final Counter refused;
    private final Counter failedBatches;
    private volatile boolean running = true;
    private final java.util.concurrent.atomic.AtomicLong refusedSinceLog = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong lastFullLogNanos = new java.util.concurrent.atomic.AtomicLong(System.nanoTime() - FULL_LOG_EVERY_NANOS);
    private static final long FULL_LOG_EVERY_NANOS = 10_000_000_000L;

    public TrackWriter(TrackStore store, int batchSize, Duration flushInterval, int capacity, Duration retryInterval, MeterRegistry meters) {
        if (batchSize < 1 || capacity < batchSize) {
            throw new IllegalArgumentException("batch size must be at least 1 and capacity at least the batch size");
        }
        this.store = store;
        this.batchSize = batchSize;
        this.flushNanos = flushInterval.toNanos();
        this.retryInterval = retryInterval;
        this.capacity = capacity;
        this.room = new Semaphore(capacity);
        this.persisted = Counter.builder("siaga.tracking.history.persisted").description("fixes written to track history").register(meters);
        this.refused = Counter.builder("siaga.tracking.history.refused")
                .description("fixes refused because the history queue was full (the sender was told to retry)").register(meters);
        this.failedBatches = Counter.builder("siaga.tracking.history.failed.batches")
                .description("history batches the database refused (kept and retried)").register(meters);
        Gauge.builder("siaga.tracking.history.queue", this, TrackWriter::depth).description("fixes waiting for the history writer")
                .register(meters);
        this.thread = new Thread(this::run, "track-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Reserves room for {@code n} fixes; false (and counted) when the queue cannot take them all. */
    public boolean tryReserve(int n) {
        if (n == 0) {
            return true;
        }
        if (running && room.tryAcquire(n)) {
            return true;
        }
        refused.increment(n);
        long waiting = refusedSinceLog.addAndGet(n);
        long last = lastFullLogNanos.get();
        long now = System.nanoTime();
        if (now - last >= FULL_LOG_EVERY_NANOS && lastFullLogNanos.compareAndSet(last, now)) {
            refusedSinceLog.addAndGet(-waiting);
            log.warn("track history queue full ({} fixes waiting for the database): {} fixes refused since the last warning; "
                    + "senders are told to retry", depth(), waiting);
        }
        return false;
    }

    /** Gives back reservations that were not used (rejected or duplicate fixes, heartbeats). */
    public void release(int n) {
        if (n > 0) {
            room.release(n);
        }
    }

    /** Queues a fix for which room was reserved. */
    void write(Position p) {
        queue.add(p);
    }

    /** Fixes reserved or waiting, not yet written. */
    public int depth() {
        return capacity - room.availablePermits();
    }

    private void run() {
        List<Position> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                Position first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long deadline = System.nanoTime() + flushNanos;
                while (batch.size() < batchSize) {
                    queue.drainTo(batch, batchSize - batch.size());
                    long left = deadline - System.nanoTime();
                    if (batch.size() >= batchSize || left <= 0 || !running) {
                        break;
                    }
                    Position next = queue.poll(left, TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                store(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void store(List<Position> batch) throws InterruptedException {
        while (true) {
            try {
                store.append(batch);
                persisted.increment(batch.size());
                room.release(batch.size());
                return;
            } catch (RuntimeException e) {
                failedBatches.increment();
                if (!running) {
                    log.error("track history: {} fixes could not be written at shutdown and are lost: {}", batch.size(), e.toString());
                    room.release(batch.size());
                    return;
                }
                log.error("track history: the database refused a batch of {} fixes; keeping it and retrying in {} ms ({} queued)",
                        batch.size(), retryInterval.toMillis(), queue.size(), e);
                Thread.sleep(retryInterval.toMillis());
            }
        }
    }

    /** Writes what is queued (within 30 s), then stops the thread. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!queue.isEmpty()) {
            log.error("track history closed with {} fixes unwritten", queue.size());
        }
    }
}
