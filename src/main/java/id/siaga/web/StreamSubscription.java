package id.siaga.web;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One console's subscription to a live event stream (call updates, CAD events): a listener that never blocks
 * the thread that produces the events.
 *
 * <p>For calls, {@link #accept} runs on the call pipeline's single call loop, the thread that also rings,
 * escalates and connects every 110 call. So it does nothing that can wait: it filters by the subscriber's scope and puts
 * the update in a bounded queue with {@link BlockingQueue#offer} (never {@code put}). A writer thread from a
 * shared pool then drains the queue into the network, where writes can block for as long as the client's
 * TCP window stays shut. At most one writer works for a subscription at a time, so events leave in order.
 *
 * <p>When {@value #DEFAULT_BACKLOG} updates (by default) wait for one subscriber, that subscriber is
 * <b>dropped</b>: its listener is removed and its stream ended. The alternatives are worse. Waiting for room
 * would let one stuck browser delay answering calls for everyone. An unbounded queue would let it exhaust
 * memory. Silently skipping updates would leave a screen that lies (a call answered long ago still shown
 * ringing). Ending the stream is visible and self-healing: the browser's {@code EventSource} reconnects,
 * and the console reloads {@code GET /api/calls} for a correct picture before following the stream again.
 */
final class StreamSubscription<E> implements Consumer<E> {

    static final int DEFAULT_BACKLOG = 256;

    private static final Logger log = LoggerFactory.getLogger(StreamSubscription.class);

    /** Where the updates go: the SSE stream in production. Writes may block; completion ends the stream. */
    interface Sink<E> {
        void send(E event) throws IOException;

        void comment(String text) throws IOException;

        void complete();
    }

    private record Comment(String text) {
    }

    private final String subscriber;
    private final Predicate<? super E> visible;
    private final Sink<E> sink;
    private final Executor writers;
    private final Consumer<StreamSubscription<E>> onEnd;
    private final BlockingQueue<Object> backlog;
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicBoolean completed = new AtomicBoolean();
    private volatile boolean endStream;

    /**
     * @param subscriber who is watching, for the log
     * @param visible    which events this subscriber may see (their station scope)
     * @param writers    the pool whose threads do the blocking writes
     * @param backlog    how many updates may wait before the subscriber is dropped
     * @param onEnd      called once when the subscription ends, whatever the reason (removes the listener)
     */
    StreamSubscription(String subscriber, Predicate<? super E> visible, Sink<E> sink, Executor writers, int backlog,
                       Consumer<StreamSubscription<E>> onEnd) {
        this.subscriber = subscriber;
        this.visible = visible;
        this.sink = sink;
        this.writers = writers;
        this.onEnd = onEnd;
        this.backlog = new ArrayBlockingQueue<>(backlog);
    }

    /** From the producing thread: hands the event over without waiting, or drops this subscriber. */
    @Override
    public void accept(E event) {
        if (!ended.get() && visible.test(event)) {
            enqueue(event);
        }
    }

    /** An SSE comment line (heartbeat, greeting), queued behind the updates. */
    void comment(String text) {
        enqueue(new Comment(text));
    }

    boolean isEnded() {
        return ended.get();
    }

    /** Ends the subscription and its stream, from any thread; the stream is completed by a writer. */
    void close(String reason) {
        endStream = true;
        end(reason);
        scheduleWrite();
    }

    /** Ends the subscription when the stream is already over (client gone, completed, failed). */
    void end(String reason) {
        if (ended.compareAndSet(false, true)) {
            backlog.clear();
            log.debug("stream of {} ended: {}", subscriber, reason);
            onEnd.accept(this);
        }
    }

    private void enqueue(Object item) {
        if (ended.get()) {
            return;
        }
        if (!backlog.offer(item)) {
            log.warn("stream of {} dropped: {} events waiting, the client is not reading fast enough", subscriber, backlog.size());
            close("too slow");
            return;
        }
        scheduleWrite();
    }

    private void scheduleWrite() {
        if (writing.compareAndSet(false, true)) {
            try {
                writers.execute(this::write);
            } catch (RejectedExecutionException e) {
                writing.set(false);
                end("the server is stopping");
            }
        }
    }

    private void write() {
        try {
            Object item;
            while (!ended.get() && (item = backlog.poll()) != null) {
                try {
                    if (item instanceof Comment comment) {
                        sink.comment(comment.text());
                    } else {
                        @SuppressWarnings("unchecked")
                        E event = (E) item;
                        sink.send(event);
                    }
                } catch (IOException | RuntimeException e) {
                    end("write failed: " + e); // the container has seen the failure too and finishes the response
                }
            }
            if (ended.get() && endStream && completed.compareAndSet(false, true)) {
                backlog.clear();
                sink.complete();
            }
        } catch (RuntimeException e) {
            log.debug("stream of {}: completing failed: {}", subscriber, e.toString());
        } finally {
            writing.set(false);
        }
        // work that arrived while this writer was finishing must not wait for the next update
        if ((!ended.get() && !backlog.isEmpty()) || (ended.get() && endStream && !completed.get())) {
            scheduleWrite();
        }
    }

    @Override
    public String toString() {
        return "stream of " + subscriber;
    }
}
