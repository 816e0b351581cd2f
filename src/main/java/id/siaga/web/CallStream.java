package id.siaga.web;

import id.siaga.telephony.CallCoordinator;
import id.siaga.telephony.CallUpdate;
import id.siaga.telephony.CallView;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live call updates as Server-Sent Events: one {@link StreamSubscription} per console, a comment heartbeat
 * every {@link #HEARTBEAT} so proxies keep the connection open and dead clients are noticed, and the
 * listener removed from the call pipeline when the stream completes, times out or fails. Why updates are
 * handed off and slow subscribers dropped is explained on {@link StreamSubscription}.
 */
@Component
class CallStream implements SmartLifecycle {

    /** Heartbeat period: under the 30-60 s idle timeouts of common proxies and load balancers. */
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** A stream is ended after this long; EventSource reconnects on its own, so nothing long-lived leaks. */
    static final Duration MAX_AGE = Duration.ofMinutes(30);

    private final CallCoordinator coordinator;
    private final Set<StreamSubscription<CallUpdate>> subscriptions = ConcurrentHashMap.newKeySet();
    /** Writers block only while a client's connection is full; idle subscribers hold no thread. */
    private final ExecutorService writers = Executors.newCachedThreadPool(daemon("call-stream-writer"));
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("call-stream-heartbeat"));

    CallStream(CallCoordinator coordinator) {
        this.coordinator = coordinator;
        heartbeats.scheduleAtFixedRate(() -> subscriptions.forEach(s -> s.comment("heartbeat")),
                HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A stream of the updates of the calls {@code visible} lets through, named by their event. */
    SseEmitter subscribe(String subscriber, Predicate<CallView> visible) {
        SseEmitter emitter = new SseEmitter(MAX_AGE.toMillis());
        StreamSubscription<CallUpdate> subscription = new StreamSubscription<>(subscriber, (CallUpdate u) -> visible.test(u.call()),
                new EmitterSink(emitter), writers, StreamSubscription.DEFAULT_BACKLOG, this::forget);
        emitter.onCompletion(() -> subscription.end("completed"));
        emitter.onError(e -> subscription.end("failed: " + e));
        emitter.onTimeout(() -> {
            subscription.end("timed out after " + MAX_AGE);
            emitter.complete();
        });
        try {
            // sent here, before the handler returns, so Spring flushes it (and the response headers) as soon as the
            // stream starts; a first write from the writer thread could race the stream's start and leave the
            // client waiting for headers
            emitter.send(SseEmitter.event().comment("subscribed"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not open the call stream", e);
        }
        subscriptions.add(subscription);
        coordinator.addListener(subscription);
        return emitter;
    }

    /** Subscriptions still open; for tests and metrics. */
    int size() {
        return subscriptions.size();
    }

    private void forget(StreamSubscription<CallUpdate> subscription) {
        coordinator.removeListener(subscription);
        subscriptions.remove(subscription);
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every stream before the web server's graceful shutdown starts waiting for open requests (a lifecycle
     * of the highest phase stops first): an open event stream would otherwise hold the shutdown for its whole
     * timeout. Browsers reconnect to whichever node is up.
     */
    @Override
    public void stop() {
        running = false;
        List.copyOf(subscriptions).forEach(s -> s.close("the server is stopping"));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    @PreDestroy
    void close() {
        heartbeats.shutdownNow();
        List.copyOf(subscriptions).forEach(s -> s.close("the server is stopping"));
        writers.shutdown();
        try {
            writers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record EmitterSink(SseEmitter emitter) implements StreamSubscription.Sink<CallUpdate> {

        @Override
        public void send(CallUpdate update) throws IOException {
            emitter.send(SseEmitter.event().name(update.event()).data(update.call(), MediaType.APPLICATION_JSON));
        }

        @Override
        public void comment(String text) throws IOException {
            emitter.send(SseEmitter.event().comment(text));
        }

        @Override
        public void complete() {
            emitter.complete();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
