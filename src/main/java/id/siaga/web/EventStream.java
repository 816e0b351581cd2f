package id.siaga.web;

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
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A Server-Sent Events stream of events of type {@code E} for the consoles: one {@link StreamSubscription} per
 * console (never blocking the producer, slow subscribers dropped), a comment heartbeat every {@link #HEARTBEAT} so
 * proxies keep the connection open and dead clients are noticed, streams ended after {@link #MAX_AGE} (EventSource
 * reconnects by itself), and every stream ended before the web server's graceful shutdown waits for open requests
 * (a lifecycle of the highest phase stops first), which an open stream would otherwise hold for its whole timeout.
 */
abstract class EventStream<E> implements SmartLifecycle {

    /** Heartbeat period: under the 30-60 s idle timeouts of common proxies and load balancers. */
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** A stream is ended after this long; EventSource reconnects on its own, so nothing long-lived leaks. */
    static final Duration MAX_AGE = Duration.ofMinutes(30);

    private final String name;
    private final Set<StreamSubscription<E>> subscriptions = ConcurrentHashMap.newKeySet();
    /** Writers block only while a client's connection is full; idle subscribers hold no thread. */
    private final ExecutorService writers;
    private final ScheduledExecutorService heartbeats;
    private volatile boolean running;

    EventStream(String name) {
        this.name = name;
        this.writers = Executors.newCachedThreadPool(daemon(name + "-writer"));
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(daemon(name + "-heartbeat"));
        heartbeats.scheduleAtFixedRate(() -> subscriptions.forEach(s -> s.comment("heartbeat")), HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The SSE event name of an event. */
    abstract String eventName(E event);

    /** What goes out as the event's JSON data. */
    abstract Object eventData(E event);

    /** A subscription starts: e.g. register it as a listener of the producer. */
    void started(StreamSubscription<E> subscription) {
    }

    /** A subscription ended, whatever the reason: e.g. remove it from the producer. */
    void ended(StreamSubscription<E> subscription) {
    }

    /** A stream of the events {@code visible} lets through, named by {@link #eventName}. */
    SseEmitter open(String subscriber, Predicate<? super E> visible) {
        SseEmitter emitter = new SseEmitter(MAX_AGE.toMillis());
        StreamSubscription<E> subscription = new StreamSubscription<>(subscriber, visible, new EmitterSink(emitter), writers,
                StreamSubscription.DEFAULT_BACKLOG, this::forget);
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
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not open the " + name, e);
        }
        subscriptions.add(subscription);
        started(subscription);
        return emitter;
    }

    /** Hands an event to every subscriber (each filters by its scope); never blocks. */
    void publish(E event) {
        subscriptions.forEach(s -> s.accept(event));
    }

    /** Subscriptions still open; for tests and metrics. */
    int size() {
        return subscriptions.size();
    }

    private void forget(StreamSubscription<E> subscription) {
        ended(subscription);
        subscriptions.remove(subscription);
    }

    @Override
    public void start() {
        running = true;
    }

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

    private final class EmitterSink implements StreamSubscription.Sink<E> {
        private final SseEmitter emitter;

        EmitterSink(SseEmitter emitter) {
            this.emitter = emitter;
        }

        @Override
        public void send(E event) throws IOException {
            emitter.send(SseEmitter.event().name(eventName(event)).data(eventData(event), MediaType.APPLICATION_JSON));
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
