package id.siaga.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * Another agency's system subscribing to Siaga 110's EIDOs the way NENA-STA-024 has it, with Java's own WebSocket client:
 * connects to {@code /ws/eido} with its API key offering the {@code emergency-ent1.0} sub-protocol, sends subscribe and
 * unsubscribe requests, acknowledges every notification ({@code eventResponse} 200) and every termination, and keeps
 * every message it received, in order.
 */
final class EidoSubscriber implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final WebSocket socket;
    private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();

    private EidoSubscriber(WebSocket socket) {
        this.socket = socket;
    }

    static EidoSubscriber connect(int port, String apiKey) {
        Listener listener = new Listener();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().header("X-Api-Key", apiKey).subprotocols("emergency-ent1.0")
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/eido"), listener).join();
        EidoSubscriber s = new EidoSubscriber(ws);
        listener.owner = s;
        listener.pending.forEach(s.inbox::add);
        return s;
    }

    String subProtocol() {
        return socket.getSubprotocol();
    }

    void send(String json) {
        socket.sendText(json, true).join();
    }

    /** Subscribes; returns the subscribeResponse's body. */
    JsonNode subscribe(String requestId, String fields) {
        send("{\"subscribe\":{\"requestId\":\"" + requestId + "\"" + (fields.isEmpty() ? "" : "," + fields) + "}}");
        return next(m -> m.has("subscribeResponse") && m.path("subscribeResponse").path("requestId").asString().equals(requestId))
                .path("subscribeResponse");
    }

    /** The next message {@code wanted} accepts (earlier ones it passes over stay seen); fails after {@link #PATIENCE}. */
    JsonNode next(Predicate<JsonNode> wanted) {
        long end = System.nanoTime() + PATIENCE.toNanos();
        try {
            while (true) {
                JsonNode m = inbox.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (m == null) {
                    throw new AssertionError("no such message within " + PATIENCE + "; received " + seen);
                }
                if (wanted.test(m)) {
                    return m;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next notification of {@code subscription} whose EIDOs {@code wanted} accepts; returns its EIDOs. */
    JsonNode notification(String subscription, Predicate<JsonNode> wanted) {
        return next(m -> m.has("event") && m.path("event").path("subscriptionId").asString().equals(subscription)
                && wanted.test(m.path("event").path("notification"))).path("event").path("notification");
    }

    /** Every message received so far. */
    List<JsonNode> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    private void received(JsonNode m) {
        synchronized (seen) {
            seen.add(m);
        }
        if (m.has("event")) {
            send("{\"eventResponse\":{\"transactionId\":\"" + m.path("event").path("transactionId").asString()
                    + "\",\"statusCode\":200,\"statusText\":\"OK\"}}");
        } else if (m.has("terminate")) {
            send("{\"terminateResponse\":{\"requestId\":\"" + m.path("terminate").path("requestId").asString() + "\",\"subscriptionId\":\""
                    + m.path("terminate").path("subscriptionId").asString() + "\",\"statusCode\":200,\"statusText\":\"OK\"}}");
        }
        inbox.add(m);
    }

    /** Drops the connection without a word, as a crashed or cut-off subscriber does. */
    void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null).join();
        }
        socket.abort();
    }

    private static final class Listener implements WebSocket.Listener {
        EidoSubscriber owner;
        final List<JsonNode> pending = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                JsonNode m = Http.JSON.readTree(text.toString());
                text.setLength(0);
                if (owner == null) {
                    pending.add(m);
                } else {
                    owner.received(m);
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            if (owner != null) {
                owner.closed.complete(statusCode);
            }
            return null;
        }
    }
}
