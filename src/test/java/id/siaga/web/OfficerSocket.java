package id.siaga.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The officer app's side of {@code /ws/officer}, as a test drives it: connect with a login, read messages, send. */
final class OfficerSocket implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final WebSocket socket;
    private final StringBuilder partial = new StringBuilder();
    volatile Integer closedWith;

    OfficerSocket(int port, String basicAuth) throws Exception {
        socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", basicAuth).connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/officer"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            received.add(JSON.readTree(partial.toString()));
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                        closedWith = statusCode;
                        return CompletableFuture.completedFuture(null);
                    }
                }).get(10, TimeUnit.SECONDS);
    }

    void send(String json) throws Exception {
        socket.sendText(json, true).get(5, TimeUnit.SECONDS);
    }

    /** The first message of this type that arrives (waits up to 10 s). */
    JsonNode await(String type) {
        return CallDriver.awaitValue("officer app receives a '" + type + "' message", () -> received.stream()
                .filter(m -> m.path("type").asString().equals(type)).reduce((a, b) -> b).orElse(null), m -> m != null);
    }

    long count(String type) {
        return received.stream().filter(m -> m.path("type").asString().equals(type)).count();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
}
