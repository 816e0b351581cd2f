package id.siaga.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.siaga.integration.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Another police app's webhook endpoint, as the README tells its builders to write one, on a free port of 127.0.0.1: each
 * path is one receiver with its subscriber's secret. A request is checked with {@link WebhookSignature#verify} (401 when it
 * fails), then the receiver may be told to fail (503) the first attempts of each event or every attempt for now; an event it
 * takes is processed once, by its {@code X-Siaga-Event-Id}, however often it arrives.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Request(String path, String eventId, String timestamp, String signature, String body, int answered) {
    }

    private final HttpServer server;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, Integer> failFirst = new ConcurrentHashMap<>();
    private final Map<String, Boolean> down = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attemptsByEvent = new ConcurrentHashMap<>();
    /** Per path, the events processed, in order, each once. */
    private final Map<String, Map<String, String>> processed = new ConcurrentHashMap<>();
    private final List<Request> requests = new ArrayList<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", receiver::handle);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException("the webhook receiver could not start", e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The secret the receiver at {@code path} verifies with. */
    public void secret(String path, String secret) {
        secrets.put(path, secret);
    }

    /** The receiver at {@code path} answers 503 to the first {@code attempts} attempts of every event. */
    public void failFirst(String path, int attempts) {
        failFirst.put(path, attempts);
    }

    /** The receiver at {@code path} answers 503 to everything while down. */
    public void down(String path, boolean isDown) {
        down.put(path, isDown);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String eventId = exchange.getRequestHeaders().getFirst(WebhookSignature.EVENT_ID);
        String timestamp = exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP);
        String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE);
        int status;
        if (!WebhookSignature.verify(secrets.get(path), timestamp, signature, body, Instant.now())) {
            status = 401;
        } else if (Boolean.TRUE.equals(down.get(path))
                || attemptsByEvent.computeIfAbsent(path + " " + eventId, k -> new AtomicInteger()).incrementAndGet() <= failFirst.getOrDefault(path, 0)) {
            status = 503;
        } else {
            processed.computeIfAbsent(path, k -> new LinkedHashMap<>());
            synchronized (processed) {
                processed.get(path).putIfAbsent(eventId, body);
            }
            status = 200;
        }
        synchronized (requests) {
            requests.add(new Request(path, eventId, timestamp, signature, body, status));
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** Every request to {@code path} so far. */
    public List<Request> requests(String path) {
        synchronized (requests) {
            return requests.stream().filter(r -> r.path().equals(path)).toList();
        }
    }

    /** The events {@code path} processed (event id → body), each once. */
    public Map<String, String> processed(String path) {
        synchronized (processed) {
            return new LinkedHashMap<>(processed.getOrDefault(path, Map.of()));
        }
    }

    /** Waits until {@code path} has processed something {@code done} accepts; fails after {@code limit}. */
    public Map<String, String> awaitProcessed(String path, Predicate<Map<String, String>> done, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        while (true) {
            Map<String, String> now = processed(path);
            if (done.test(now)) {
                return now;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("the receiver at " + path + " processed only " + now.size() + " event(s): " + now.values()
                        + "; requests: " + requests(path));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
