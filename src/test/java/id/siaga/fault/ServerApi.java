package id.siaga.fault;

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

/** The few API calls the fault suite makes besides its load: an operator turning READY, an administrator verifying the journal. */
final class ServerApi {

    static final String ADMIN = basic("admin", "siaga110");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final String base;

    ServerApi(int httpPort) {
        this.base = "http://127.0.0.1:" + httpPort;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The operator turns READY at their position (as the console's button does); returns the HTTP status. */
    HttpResponse<String> ready(String operator, String auth) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/operators/" + operator + "/presence")).header("Authorization", auth)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"presence\":\"READY\"}")));
    }

    /** The administrator's walk of the whole hash chain: {@code {"checked":n,"firstBrokenSeq":null,...}}. */
    JsonNode journalVerification() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/journal/verify")).header("Authorization", ADMIN).GET());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET /api/journal/verify answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
