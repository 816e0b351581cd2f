package id.siaga.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The API of one Siaga node, as the administrator (scope: all of Indonesia) reads it. */
final class NodeApi {

    static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:siaga110".getBytes(StandardCharsets.UTF_8));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final String base;

    NodeApi(int httpPort) {
        this.base = "http://127.0.0.1:" + httpPort;
    }

    /** The finished calls of {@code caller} this node holds, newest first (a call ends in the history once its caller hung up). */
    JsonNode historyOf(String caller) {
        return get("/api/calls/history?limit=1000&caller=" + caller.replace("+", "%2B"));
    }

    /** The operator's presence set as the administrator would (READY, AWAY); fails unless the answer is 200. */
    void presence(String operator, String presence) {
        send(HttpRequest.newBuilder(URI.create(base + "/api/operators/" + operator + "/presence")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"presence\":\"" + presence + "\"}")), "PUT presence of " + operator);
    }

    /** GET as the administrator; fails unless the answer is 200. */
    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), "GET " + path);
    }

    private static JsonNode send(HttpRequest.Builder request, String what) {
        try {
            HttpResponse<String> r = CLIENT.send(request.header("Authorization", ADMIN).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(what + " answered " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
