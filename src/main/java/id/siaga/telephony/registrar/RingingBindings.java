package id.siaga.telephony.registrar;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bindings ringing uses, read from the {@link BindingStore} and remembered per position, so that ringing neither
 * waits long for the database nor stops when it is briefly away. The decision, per call to {@link #activeAt}:
 *
 * <ol>
 *   <li>bindings this node read or wrote less than {@code freshFor} ago are used as they are (a REGISTER through this
 *       node is seen at once; one through another node within {@code freshFor});</li>
 *   <li>otherwise the store is read, waiting at most {@code readWait}: a position's phone is rung where the database
 *       says now;</li>
 *   <li>when the store fails or does not answer within {@code readWait}, it is taken as away: ringing uses the bindings
 *       it last read or wrote, and stops asking the store until the store answers the registrar again (a REGISTER, the
 *       expiry sweep every few seconds, or the late answer of the read that timed out). A brief outage so does not
 *       stop calls from ringing registered phones, and it costs one call at most {@code readWait}, never the
 *       database's connection timeout per call.</li>
 * </ol>
 *
 * Only bindings still in force at the time asked are ever returned: a phone whose registration ran out during an
 * outage is not rung. A position this node never read has nothing to fall back on while the store is away. Built
 * without a {@code readWait} it reads on the caller's thread and uses nothing remembered while the store answers,
 * which suits a store in memory.
 */
final class RingingBindings implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RingingBindings.class);

    private record Read(List<Binding> bindings, Instant at) {
    }

    private final BindingStore store;
    private final Duration freshFor;
    private final Duration readWait;
    private final ExecutorService reader;
    private final Map<String, Read> lastRead = new ConcurrentHashMap<>();
    private final AtomicBoolean away = new AtomicBoolean();

    /** Reads the store on every call, on the caller's thread. */
    RingingBindings(BindingStore store) {
        this.store = Objects.requireNonNull(store, "store");
        this.freshFor = Duration.ZERO;
        this.readWait = null;
        this.reader = null;
    }

    RingingBindings(BindingStore store, Duration freshFor, Duration readWait) {
        this.store = Objects.requireNonNull(store, "store");
        this.freshFor = Objects.requireNonNull(freshFor, "freshFor");
        this.readWait = Objects.requireNonNull(readWait, "readWait");
        if (freshFor.isNegative()) {
            throw new IllegalArgumentException("how long read bindings stay fresh must not be negative, got " + freshFor);
        }
        if (readWait.isNegative() || readWait.isZero()) {
            throw new IllegalArgumentException("how long ringing waits for the binding store must be positive, got " + readWait);
        }
        this.reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "registrar-reads");
            t.setDaemon(true);
            return t;
        });
    }

    /** The bindings of {@code aor} to ring at {@code now}, oldest first (see the class comment); never throws for want of the store. */
    List<Binding> activeAt(String aor, Instant now) {
        Read last = lastRead.get(aor);
        if (last != null && now.isBefore(last.at().plus(freshFor))) {
            return active(last.bindings(), now);
        }
        if (!away.get()) {
            try {
                return active(read(aor, now), now);
            } catch (BindingStore.Unavailable e) {
                storeFailed(e);
            } catch (TimeoutException e) {
                storeFailed(new BindingStore.Unavailable("no answer within " + readWait.toMillis() + " ms", e));
            }
        }
        return last == null ? List.of() : active(last.bindings(), now);
    }

    private List<Binding> read(String aor, Instant now) throws TimeoutException {
        if (reader == null) {
            return readNow(aor, now);
        }
        Future<List<Binding>> reading = reader.submit(() -> readNow(aor, now));
        try {
            return reading.get(readWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted while waiting for the binding store");
        }
    }

    private List<Binding> readNow(String aor, Instant now) {
        List<Binding> read = store.bindingsOf(aor);
        wrote(aor, read, now);
        storeAnswered();
        return read;
    }

    /** {@code aor} holds exactly {@code bindings} as of {@code at}: remembered, unless something newer already is. */
    void wrote(String aor, List<Binding> bindings, Instant at) {
        Read read = new Read(List.copyOf(bindings), at);
        lastRead.merge(aor, read, (old, fresh) -> old.at().isAfter(fresh.at()) ? old : fresh);
    }

    /** The store answered: ringing reads it again. */
    void storeAnswered() {
        if (away.compareAndSet(true, false)) {
            log.info("the registrations' store answers again; ringing reads it again");
        }
    }

    /** The store failed: ringing uses what it last read until the store answers again. */
    void storeFailed(BindingStore.Unavailable e) {
        if (away.compareAndSet(false, true)) {
            log.warn("the registrations' store is away ({}); ringing uses the bindings this node last read until it answers", e.getMessage());
        }
    }

    private static List<Binding> active(List<Binding> bindings, Instant now) {
        return bindings.stream().filter(b -> b.activeAt(now)).toList();
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.shutdownNow();
        }
    }
}
