package id.siaga.tracking;

import id.siaga.journal.JsonLinesSpool;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps track history durably, by group commit: a door hands over the fixes of one request ({@link #commit}) and is
 * answered once they are <em>kept</em>, committed to the database or, while the database is away, forced to disk in
 * the local {@link TrackSpool}. A writer thread takes whatever is queued (up to {@code batchSize}) the moment it is
 * free and writes it at once, so one fix alone waits one commit, and under load the batches grow by themselves.
 * {@code writers} threads do this side by side, each on its own connection: while one waits for its commit (a disk
 * flush), the next takes what came meanwhile, and the database flushes their commits together.
 *
 * <ul>
 * <li><b>Bounded</b>: a door reserves room ({@link #tryReserve}) for what it is about to hand over before anything
 * changes; when {@code capacity} fixes are waiting it refuses whole requests (HTTP 503, MQTT not acknowledged).</li>
 * <li><b>Database away</b>: the batch it refused goes to the spool, and so does every batch after it until the
 * replay (every {@code retryInterval}, and at once after a restart) has moved the spool into the database and emptied
 * it. The store keeps one row per fix, so a line replayed twice, or a fix a sender resent, is stored once.</li>
 * <li><b>Neither</b> (the spool is full or the disk refuses): the request's future completes {@code false}, and
 * the door tells the sender to resend. Nothing is acknowledged that is not on disk.</li>
 * <li><b>Bounded wait</b>: a hand-over not kept within {@code commitTimeout} completes {@code false} (the sender
 * resends); if the writer keeps it afterwards, the resend is stored once.</li>
 * <li><b>Refused values</b>: fixes the database refuses as values (not as an outage) would block a batch forever: the
 * batch is written one fix at a time and those refused are set aside, logged, in {@code <spool>.rejected}.</li>
 * </ul>
 * Closing keeps what is queued (into the database or the spool); a spool left behind is replayed at the next start.
 */
public final class TrackWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrackWriter.class);
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;

    /**
     * @param writers       writer threads (database connections) keeping batches side by side
     * @param batchSize     most fixes per database write
     * @param capacity      most fixes reserved or waiting; beyond it the doors refuse
     * @param commitTimeout longest a door waits for its fixes to be kept before telling the sender to resend
     * @param retryInterval how often a non-empty spool is offered to the database again
     * @param spoolFile     the local spool (its set-aside file is beside it)
     * @param spoolMaxBytes the spool's size limit
     */
    public record Settings(int writers, int batchSize, int capacity, Duration commitTimeout, Duration retryInterval, Path spoolFile,
                           long spoolMaxBytes) {
        public Settings {
            if (writers < 1) {
                throw new IllegalArgumentException("at least one writer");
            }
            if (batchSize < 1 || capacity < batchSize) {
                throw new IllegalArgumentException("batch size must be at least 1 and capacity at least the batch size");
            }
            if (commitTimeout.isNegative() || commitTimeout.isZero() || retryInterval.isNegative() || retryInterval.isZero()) {
                throw new IllegalArgumentException("commit timeout and retry interval must be positive");
            }
        }
    }

    private record Pending(Position fix, Ticket ticket) {
    }

    /** One hand-over: completes true once every fix of it is kept, false when one was not or time ran out. */
    private static final class Ticket {
        final CompletableFuture<Boolean> kept = new CompletableFuture<>();
        private int waiting;
        private boolean lost;

        Ticket(int fixes) {
            waiting = fixes;
        }

        synchronized void settle(boolean fixKept) {
            lost |= !fixKept;
            if (--waiting == 0) {
                kept.complete(!lost);
            }
        }
    }

    private final TrackStore store;
    private final TrackSpool spool;
    private final JsonLinesSpool<Position> setAside;
    private final Settings settings;
    private final Semaphore room;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition queued = lock.newCondition();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>(); // guarded by lock
    private volatile boolean running = true;
    private final List<Thread> threads = new ArrayList<>();
    private final ScheduledThreadPoolExecutor timeouts;
    private final ScheduledThreadPoolExecutor replays;
    /** How far the replay has moved the spool into the database; only the replay thread touches it. */
    private long replayedUpTo;
    private final Counter persisted;
    private final Counter spooled;
    private final Counter replayed;
    private final Counter refused;
    private final Counter notKept;
    private final Counter setAsideCount;
    private final Counter failedBatches;
    private final DistributionSummary batchSizes;
    private final Timer keepTimes;
    private final AtomicLong refusedSinceLog = new AtomicLong();
    private final AtomicLong lastFullLogNanos = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);
    private final AtomicLong lastSpoolLogNanos = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    public TrackWriter(TrackStore store, Settings settings, MeterRegistry meters) {
        this.store = store;
        this.settings = settings;
        this.room = new Semaphore(settings.capacity());
        this.spool = new TrackSpool(settings.spoolFile(), settings.spoolMaxBytes());
        Path rejects = spool.file().resolveSibling(spool.file().getFileName() + ".rejected");
        this.setAside = new JsonLinesSpool<>(rejects, Position.class, "track history set-aside file");
        this.persisted = Counter.builder("siaga.tracking.history.persisted").description("fixes written to track history").register(meters);
        this.spooled = Counter.builder("siaga.tracking.history.spooled")
                .description("fixes kept in the local spool while the database was away").register(meters);
        this.replayed = Counter.builder("siaga.tracking.history.replayed")
                .description("spooled fixes moved into the database (a line replayed twice counts twice)").register(meters);
        this.refused = Counter.builder("siaga.tracking.history.refused")
                .description("fixes refused because the history queue was full (the sender was told to retry)").register(meters);
        this.notKept = Counter.builder("siaga.tracking.history.not.kept")
                .description("fixes neither the database nor the spool took in time (the sender was told to retry)").register(meters);
        this.setAsideCount = Counter.builder("siaga.tracking.history.set.aside")
                .description("fixes the database refused as values, set aside in the spool's .rejected file").register(meters);
        this.failedBatches = Counter.builder("siaga.tracking.history.failed.batches")
                .description("history batches the database refused (then spooled)").register(meters);
        this.batchSizes = DistributionSummary.builder("siaga.tracking.history.batch.size")
                .description("fixes per batch the writer kept at once (group commit: grows with load)").register(meters);
        this.keepTimes = Timer.builder("siaga.tracking.history.keep").description("time to keep one batch (database commit or spool fsync)")
                .register(meters);
        Gauge.builder("siaga.tracking.history.queue", this, TrackWriter::depth).description("fixes waiting for the history writer")
                .register(meters);
        Gauge.builder("siaga.tracking.history.spool.bytes", spool, TrackSpool::size)
                .description("bytes of fixes waiting in the local spool for the database").register(meters);
        this.timeouts = daemonScheduler("track-commit-timeouts");
        this.replays = daemonScheduler("track-spool-replay");
        if (spool.active()) {
            log.warn("track history spool {} holds {} bytes of fixes from before the restart; they go to the database as soon as it answers",
                    spool.file(), spool.size());
        }
        long first = spool.active() ? 0 : settings.retryInterval().toMillis();
        replays.scheduleWithFixedDelay(this::replay, first, settings.retryInterval().toMillis(), TimeUnit.MILLISECONDS);
        for (int i = 0; i < settings.writers(); i++) {
            Thread t = new Thread(this::run, "track-writer-" + (i + 1));
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    private static ScheduledThreadPoolExecutor daemonScheduler(String name) {
        ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        s.setRemoveOnCancelPolicy(true);
        return s;
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
        if (due(lastFullLogNanos)) {
            refusedSinceLog.addAndGet(-waiting);
            log.warn("track history queue full ({} fixes waiting to be kept): {} fixes refused since the last warning; "
                    + "senders are told to retry", depth(), waiting);
        }
        return false;
    }

    /** Gives back reservations that will not be handed over (rejected fixes, heartbeats). */
    public void release(int n) {
        if (n > 0) {
            room.release(n);
        }
    }

    /**
     * Hands over fixes room was reserved for; the future completes {@code true} once all of them are kept (database or
     * spool), {@code false} when they could not be, at the latest after the commit timeout. Never fails exceptionally.
     */
    CompletableFuture<Boolean> commit(List<Position> fixes) {
        if (fixes.isEmpty()) {
            return CompletableFuture.completedFuture(true);
        }
        Ticket ticket = new Ticket(fixes.size());
        lock.lock();
        try {
            if (!running) {
                room.release(fixes.size());
                ticket.kept.complete(false);
                return ticket.kept;
            }
            for (Position p : fixes) {
                queue.add(new Pending(p, ticket));
            }
            queued.signal();
        } finally {
            lock.unlock();
        }
        try {
            ScheduledFuture<?> late = timeouts.schedule(() -> {
                if (ticket.kept.complete(false)) {
                    notKept.increment(fixes.size());
                }
            }, settings.commitTimeout().toNanos(), TimeUnit.NANOSECONDS);
            ticket.kept.whenComplete((kept, e) -> late.cancel(false));
        } catch (RejectedExecutionException closing) {
            // closing: the writer keeps or refuses the queue before it stops
        }
        return ticket.kept;
    }

    /** Fixes reserved or waiting, not yet kept. */
    public int depth() {
        return settings.capacity() - room.availablePermits();
    }

    /** Bytes of fixes waiting in the local spool for the database. */
    public long spooledBytes() {
        return spool.size();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(settings.batchSize());
        List<Position> fixes = new ArrayList<>(settings.batchSize());
        while (true) {
            lock.lock();
            try {
                while (queue.isEmpty() && running) {
                    queued.await();
                }
                if (queue.isEmpty()) {
                    return; // closed, and everything handed over is settled
                }
                while (batch.size() < settings.batchSize() && !queue.isEmpty()) {
                    batch.add(queue.poll());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
            for (Pending p : batch) {
                fixes.add(p.fix());
            }
            boolean kept;
            long started = System.nanoTime();
            try {
                kept = keep(fixes);
            } catch (RuntimeException | Error e) {
                log.error("track history: a batch of {} fixes could not be kept; their senders are told to resend", fixes.size(), e);
                kept = false;
            }
            keepTimes.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            batchSizes.record(fixes.size());
            if (!kept) {
                notKept.increment(fixes.size());
            }
            room.release(batch.size());
            for (Pending p : batch) {
                p.ticket().settle(kept);
            }
            batch.clear();
            fixes.clear();
        }
    }

    /** Into the database, else into the spool; false when neither took them. */
    private boolean keep(List<Position> fixes) {
        try {
            if (spool.appendIfActive(fixes)) {
                spooled.increment(fixes.size());
                return true;
            }
        } catch (TrackSpool.Refused e) {
            return spoolRefused(fixes, e);
        }
        try {
            store.append(fixes);
            persisted.increment(fixes.size());
            return true;
        } catch (IllegalArgumentException e) {
            return oneByOne(fixes, persisted, e);
        } catch (RuntimeException e) {
            return spoolFrom(fixes, 0, e);
        }
    }

    /** The database is away: these fixes (from index {@code from}) and all that follow go to the spool. */
    private boolean spoolFrom(List<Position> fixes, int from, RuntimeException outage) {
        failedBatches.increment();
        List<Position> rest = fixes.subList(from, fixes.size());
        if (!spool.active()) {
            log.warn("track history: the database did not take {} fixes ({}); spooling to {} until it answers again", rest.size(),
                    outage.getMessage(), spool.file());
        }
        try {
            spool.activate(rest);
            spooled.increment(rest.size());
            return true;
        } catch (TrackSpool.Refused e) {
            return spoolRefused(rest, e);
        }
    }

    private boolean spoolRefused(List<Position> fixes, TrackSpool.Refused e) {
        if (due(lastSpoolLogNanos)) {
            log.error("track history: {} fixes could not be kept: {}; senders are told to resend", fixes.size(), e.getMessage());
        }
        return false;
    }

    /**
     * The database refused a batch for its values: each fix alone, those it refuses set aside. When the database goes
     * away meanwhile, the rest is spooled.
     */
    private boolean oneByOne(List<Position> fixes, Counter stored, IllegalArgumentException cause) {
        log.warn("track history: the database refused a batch of {} fixes for their values ({}); writing them one by one", fixes.size(),
                cause.getMessage());
        for (int i = 0; i < fixes.size(); i++) {
            Position p = fixes.get(i);
            try {
                store.append(List.of(p));
                stored.increment();
            } catch (IllegalArgumentException refusedValue) {
                setAside(p, refusedValue);
            } catch (RuntimeException outage) {
                return spoolFrom(fixes, i, outage);
            }
        }
        return true;
    }

    private void setAside(Position p, IllegalArgumentException why) {
        log.error("track history: the database refused the fix of unit {} from device {} at {} ({}); set aside in {}", p.unitId(),
                p.deviceId(), p.fixTime(), why.getMessage(), setAside.file());
        setAside.append(List.of(p));
        setAsideCount.increment();
    }

    /** Moves the spool into the database from the front; ends the spooling once it has caught up with the end. */
    private void replay() {
        try {
            while (spool.active()) {
                long end = spool.size();
                while (replayedUpTo < end) {
                    TrackSpool.Chunk chunk = spool.read(replayedUpTo, end, settings.batchSize());
                    if (!chunk.fixes().isEmpty()) {
                        try {
                            store.append(chunk.fixes());
                            replayed.increment(chunk.fixes().size());
                        } catch (IllegalArgumentException e) {
                            replayOneByOne(chunk.fixes(), e);
                        }
                    }
                    replayedUpTo = chunk.next();
                }
                if (spool.finishIfAt(end)) {
                    replayedUpTo = 0;
                    log.info("track history: the database answers again; the spool {} is in it and emptied", spool.file());
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.debug("track history spool not replayed yet ({} of {} bytes done): {}", replayedUpTo, spool.size(), e.getMessage());
        }
    }

    private void replayOneByOne(List<Position> fixes, IllegalArgumentException cause) {
        log.warn("track history: the database refused spooled fixes for their values ({}); replaying them one by one", cause.getMessage());
        for (Position p : fixes) {
            try {
                store.append(List.of(p));
                replayed.increment();
            } catch (IllegalArgumentException refusedValue) {
                setAside(p, refusedValue);
            }
        }
    }

    private static boolean due(AtomicLong last) {
        long before = last.get();
        long now = System.nanoTime();
        return now - before >= LOG_EVERY_NANOS && last.compareAndSet(before, now);
    }

    /** Keeps what is queued (database or spool), then stops; a spool left behind is replayed at the next start. */
    @Override
    public void close() {
        lock.lock();
        try {
            running = false;
            queued.signalAll();
        } finally {
            lock.unlock();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try {
            for (Thread t : threads) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        replays.shutdownNow();
        try {
            replays.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lock.lock();
        try {
            if (!queue.isEmpty()) {
                log.error("track history closed with {} fixes not kept; their senders were told to resend", queue.size());
                for (Pending p : queue) {
                    p.ticket().settle(false);
                }
                queue.clear();
            }
        } finally {
            lock.unlock();
        }
        timeouts.shutdownNow();
        spool.close();
    }
}
