package id.siaga.telephony.registrar;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A binding store in memory that a test can take away (every call fails as a database outage does) or make slow (reads
 * wait until the test lets them finish), counting the reads that reached it.
 */
final class AwayBindingStore implements BindingStore {

    private final InMemoryBindingStore memory = new InMemoryBindingStore();
    private final AtomicInteger reads = new AtomicInteger();
    private final Semaphore finishedReads = new Semaphore(0);
    private volatile boolean away;
    private volatile CountDownLatch held;

    void goAway() {
        away = true;
    }

    void comeBack() {
        away = false;
    }

    /** Reads from now on wait until {@link #release}. */
    void hold() {
        held = new CountDownLatch(1);
    }

    void release() {
        CountDownLatch latch = held;
        held = null;
        latch.countDown();
    }

    /** Reads of bindings that reached the store (answered, failed or held). */
    int reads() {
        return reads.get();
    }

    /** Waits until a held read has finished after {@link #release}. */
    void awaitFinishedRead() throws InterruptedException {
        finishedReads.acquire();
    }

    private void check() {
        if (away) {
            throw new Unavailable("the database is away", null);
        }
    }

    @Override
    public <T> T change(String aor, Change<T> change) {
        check();
        return memory.change(aor, change);
    }

    @Override
    public List<Binding> bindingsOf(String aor) {
        reads.incrementAndGet();
        CountDownLatch latch = held;
        if (latch != null) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            check();
            return memory.bindingsOf(aor);
        } finally {
            finishedReads.release();
        }
    }

    @Override
    public List<String> withLapsedBindings(Instant now) {
        check();
        return memory.withLapsedBindings(now);
    }
}
