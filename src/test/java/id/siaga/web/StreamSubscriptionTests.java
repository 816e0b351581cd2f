package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.telephony.CallUpdate;
import id.siaga.telephony.CallView;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hand-off between the call loop and a console's stream: in scope and in order, never waiting on the
 * network, and a subscriber that stops reading is dropped instead of holding up calls.
 */
class StreamSubscriptionTests {

    final ExecutorService writers = Executors.newCachedThreadPool();
    final AtomicInteger ended = new AtomicInteger();

    @AfterEach
    void stopWriters() {
        writers.shutdownNow();
    }

    /** A sink that records what it is given and can be made to hang like a client that stopped reading. */
    static final class Recording implements StreamSubscription.Sink<CallUpdate> {
        final List<String> sent = new CopyOnWriteArrayList<>();
        final CountDownLatch unblock;
        final AtomicInteger completed = new AtomicInteger();
        volatile boolean failing;

        Recording(boolean blocked) {
            unblock = new CountDownLatch(blocked ? 1 : 0);
        }

        @Override
        public void send(CallUpdate update) throws IOException {
            hang();
            if (failing) {
                throw new IOException("Broken pipe");
            }
            sent.add(update.event() + " " + update.call().id());
        }

        @Override
        public void comment(String text) throws IOException {
            hang();
            sent.add(":" + text);
        }

        @Override
        public void complete() {
            completed.incrementAndGet();
        }

        private void hang() {
            try {
                unblock.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    StreamSubscription<CallUpdate> subscription(StreamSubscription.Sink<CallUpdate> sink, int backlog) {
        return new StreamSubscription<>("operator.sleman1", (CallUpdate u) -> u.call().station().equals("POLRES-3404"), sink, writers, backlog,
                s -> ended.incrementAndGet());
    }

    static CallUpdate update(String event, String id, String station) {
        return new CallUpdate(event, new CallView(id, "+6281200000001", "RINGING", station, station, 0, Instant.parse("2026-11-28T01:00:00Z"),
                0, null, null, List.of(), List.of(station), null, null, "NONE", null, null, null, "", null, null, null, null, null, null));
    }

    @Test
    void updatesInScopeLeaveInOrderAndOthersNever() {
        Recording sink = new Recording(false);
        StreamSubscription<CallUpdate> s = subscription(sink, 16);
        s.comment("subscribed");
        s.accept(update("offered", "c1", "POLRES-3404"));
        s.accept(update("offered", "c2", "POLRES-3402"));
        s.accept(update("answered", "c1", "POLRES-3404"));
        CallDriver.await("three items are written", () -> sink.sent.size() >= 3);
        assertThat(sink.sent).containsExactly(":subscribed", "offered c1", "answered c1");
        assertThat(s.isEnded()).isFalse();
    }

    @Test
    void aSubscriberThatStopsReadingIsDroppedWhileTheCallLoopNeverWaits() throws Exception {
        Recording sink = new Recording(true);
        StreamSubscription<CallUpdate> s = subscription(sink, 8);
        Thread callLoop = new Thread(() -> {
            for (int i = 0; i < 100; i++) {
                s.accept(update("offered", "c" + i, "POLRES-3404"));
            }
        });
        callLoop.start();
        callLoop.join(TimeUnit.SECONDS.toMillis(20));
        assertThat(callLoop.isAlive()).as("the call loop went on although the client reads nothing").isFalse();
        assertThat(s.isEnded()).isTrue();
        assertThat(ended).as("the listener is removed once").hasValue(1);

        sink.unblock.countDown();
        CallDriver.await("the dropped stream is completed", () -> sink.completed.get() == 1);
        assertThat(sink.sent.size()).as("at most the write in flight went out after the drop").isLessThanOrEqualTo(1);
        s.accept(update("offered", "late", "POLRES-3404"));
        assertThat(sink.sent).doesNotContain("offered late");
    }

    @Test
    void aFailedWriteEndsTheSubscriptionWithoutCompletingTheStreamAgain() {
        Recording sink = new Recording(false);
        sink.failing = true;
        StreamSubscription<CallUpdate> s = subscription(sink, 8);
        s.accept(update("offered", "c1", "POLRES-3404"));
        CallDriver.await("the subscription ends", s::isEnded);
        assertThat(ended).hasValue(1);
        assertThat(sink.completed).as("the container completes a response whose write failed").hasValue(0);
    }

    @Test
    void closingCompletesTheStreamOnce() {
        Recording sink = new Recording(false);
        StreamSubscription<CallUpdate> s = subscription(sink, 8);
        s.close("the server is stopping");
        s.close("again");
        CallDriver.await("the stream is completed", () -> sink.completed.get() == 1);
        s.end("completed by the container");
        assertThat(ended).hasValue(1);
        assertThat(sink.completed).hasValue(1);
    }
}
