package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A client that gets everything wrong, at every layer of the running server: wrong kinds of value, ids that are not
 * ids, enums and dates that do not exist, an id of 5,000 characters, bytes that are not UTF-8, NUL and {@code ..} in the
 * path, the wrong method or content type, headers too large and request lines that are not HTTP. Every answer must be
 * a 4xx in problem+json whose detail names no Java type, exception or SQL and repeats a bounded part of what was sent,
 * wherever it was refused: by Tomcat, by Spring Security's firewall, by the text rule, by Jackson or by a controller.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:badrequesttests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/badrequesttests-spool.jsonl", "siaga.telephony.enabled=false", "siaga.tracking.osmand-port=0"})
class BadRequestTests {

    static final String OPERATOR = Http.basic("operator.sleman1", "siaga110");
    static final String DISPATCHER = Http.basic("dispatcher.sleman", "siaga110");
    static final String SUPERVISOR = Http.basic("supervisor.diy", "siaga110");
    static final String ADMIN = Http.basic("admin", "siaga110");
    static final String OFFICER = Http.basic("officer.sleman", "siaga110");
    static final String GATEWAY = Http.basic("aml.gateway", "siaga110");
    /** An id no one could mean: 5,000 characters (a 10,000-character one does not fit in Tomcat's request line). */
    static final String HUGE = "q".repeat(5_000);

    @LocalServerPort
    int port;

    record Answer(String what, int status, String contentType, String body) {
    }

    final List<Answer> answers = new ArrayList<>();

    @BeforeEach
    void reset() {
        answers.clear();
    }

    @Test
    void everyBadRequestIsRefusedWithAProblemThatNamesNoInternalsAndEchoesLittle() {
        Http.Response opened = new Http(port).post("/api/incidents", "{\"type\":\"INFORMATION_REQUEST\",\"channel\":\"WALK_IN\"}",
                "Authorization", OPERATOR);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String incident = "/api/incidents/" + opened.json().path("id").asString();
        // query parameters and path variables of the wrong kind
        get("an unknown incident type", "/api/incidents?type=FOO", OPERATOR);
        get("an unknown status", "/api/incidents?status=NOPE", OPERATOR);
        get("a priority that is a word", "/api/incidents?priority=x", OPERATOR);
        get("a limit with a fraction", "/api/incidents?limit=1.5", OPERATOR);
        get("a date that is a word", "/api/calls/history?since=yesterday", SUPERVISOR);
        get("a date that does not exist", "/api/calls/history?until=2025-13-45T99:00:00Z", SUPERVISOR);
        get("staffing over a word of days", "/api/staffing?days=many", SUPERVISOR);
        get("staffing over a year", "/api/staffing?days=365", SUPERVISOR);
        get("staffing of a huge station", "/api/staffing?station=" + HUGE, SUPERVISOR);
        send("staffing in a huge format, asked as CSV", "GET", "/api/staffing?format=" + HUGE, null, null, SUPERVISOR, "Accept", "text/csv");
        get("a track from a word", "/api/units/PATROL-1/track?from=soon", DISPATCHER);
        get("an unknown journal kind", "/api/journal?kind=X&id=1", ADMIN);
        get("a latitude that is a word", "/api/locate?lat=x&lon=1", OPERATOR);
        get("a missing longitude", "/api/locate?lat=1", OPERATOR);
        get("duplicates at a word", "/api/incidents/duplicates?type=BRAWL&lat=abc&lon=1", OPERATOR);
        get("a yes-or-no that is neither", "/api/callbacks?includeClosed=maybe", OPERATOR);
        get("an incident id that is no UUID", "/api/incidents/not-a-uuid", OPERATOR);
        get("a huge incident id", "/api/incidents/" + HUGE, OPERATOR);
        get("a huge call id", "/api/calls/" + HUGE, SUPERVISOR);
        get("a huge unit id", "/api/units/" + HUGE, DISPATCHER);
        get("a huge station id", "/api/stations/" + HUGE, ADMIN);
        get("a huge operator id", "/api/operators/" + HUGE, ADMIN);
        get("a huge journal subject of a kind with owners", "/api/journal?kind=STATION&id=" + HUGE, ADMIN);
        get("a huge public token", "/api/public/status/" + HUGE, null);
        get("an unknown path", "/api/nothing/here", OPERATOR);
        get("an unknown metric", "/actuator/metrics/no.such.metric", ADMIN);
        get("a metric with a tag that is not one", "/actuator/metrics/jvm.memory.used?tag=nonsense", ADMIN);
        get("an unknown health group", "/actuator/health/nothing", null);
        get("an unknown console page", "/operator/nothing.html", OPERATOR);
        // bodies of the wrong kind
        post("an unknown type in a body", "/api/incidents", "{\"type\":\"FOO\"}", OPERATOR);
        post("a type by number", "/api/incidents", "{\"type\":3,\"channel\":\"WALK_IN\"}", OPERATOR);
        post("a priority of 1.5", "/api/incidents", "{\"type\":\"BRAWL\",\"priority\":1.5,\"channel\":\"WALK_IN\"}", OPERATOR);
        post("a priority as text", "/api/incidents", "{\"type\":\"BRAWL\",\"priority\":\"2\",\"channel\":\"WALK_IN\"}", OPERATOR);
        post("a priority out of range", "/api/incidents", "{\"type\":\"BRAWL\",\"priority\":99999999999}", OPERATOR);
        post("a location that is text", "/api/incidents", "{\"type\":\"BRAWL\",\"location\":\"here\"}", OPERATOR);
        post("a latitude that is a list", "/api/incidents", "{\"type\":\"BRAWL\",\"location\":{\"latitude\":[1]}}", OPERATOR);
        post("a list for an object", "/api/incidents", "[1]", OPERATOR);
        post("text for an object", "/api/incidents", "\"x\"", OPERATOR);
        post("broken JSON", "/api/incidents", "{x", OPERATOR);
        post("cut-off JSON", "/api/incidents", "{\"type\":", OPERATOR);
        post("no body", "/api/incidents", "", OPERATOR);
        post("a huge callId", "/api/incidents", "{\"type\":\"BRAWL\",\"callId\":\"" + HUGE + "\"}", OPERATOR);
        post("a 10,000-character type", "/api/incidents", "{\"type\":\"" + HUGE + HUGE + "\"}", OPERATOR);
        post("a huge channel", "/api/incidents", "{\"type\":\"INFORMATION_REQUEST\",\"channel\":\"" + HUGE + "\"}", OPERATOR);
        post("a huge field name", "/api/incidents", "{\"" + HUGE + "\":1,\"type\":\"FOO\"}", OPERATOR);
        post("a lone surrogate in a description", "/api/incidents",
                "{\"type\":\"INFORMATION_REQUEST\",\"channel\":\"WALK_IN\",\"description\":\"\\ud800\"}", OPERATOR);
        post("NUL in a caller's name", "/api/incidents", "{\"type\":\"INFORMATION_REQUEST\",\"channel\":\"WALK_IN\",\"callerName\":\"a\\u0000b\"}",
                OPERATOR);
        post("an escape character in an address", "/api/incidents",
                "{\"type\":\"INFORMATION_REQUEST\",\"channel\":\"WALK_IN\",\"address\":\"\\u001b[31m\"}", OPERATOR);
        post("a huge incident to link", incident + "/links", "{\"incident\":\"" + HUGE + "\"}", OPERATOR);
        post("a version that is a word", incident + "/priority", "{\"priority\":2,\"version\":\"abc\"}", OPERATOR);
        post("an unknown status move", incident + "/status", "{\"status\":\"BOGUS\"}", OPERATOR);
        post("an unknown unit status", "/api/units/PATROL-1/status", "{\"status\":\"FLYING\"}", DISPATCHER);
        post("a huge unit to send", incident + "/assignments", "{\"unit\":\"" + HUGE + "\"}", DISPATCHER);
        post("an API key with an unknown role", "/api/admin/api-keys", "{\"name\":\"x\",\"roles\":[\"KING\"],\"station\":\"POLDA-DIY\"}", ADMIN);
        post("an officer's fix with a word for latitude", "/api/officer/position", "{\"latitude\":\"x\",\"longitude\":110.3}", OFFICER);
        post("an officer's fix with a fraction for its time", "/api/officer/position",
                "{\"latitude\":-7.7,\"longitude\":110.3,\"timestamp\":1.5}", OFFICER);
        post("an SMS with an object for text", "/api/aml/sms", "{\"sender\":\"+6281234567890\",\"text\":{}}", GATEWAY);
        post("an SMS with NUL", "/api/aml/sms", "{\"sender\":\"+62812\\u0000\",\"text\":\"A\\\"ML=1\"}", GATEWAY);
        put("an unknown presence", "/api/operators/OP-3404-1/presence", "{\"presence\":\"DANCING\"}", OPERATOR);
        put("a rollout status by number", "/api/stations/POLRES-3404/status", "{\"status\":1}", ADMIN);
        // the wrong method or content type
        send("DELETE on the incidents", "DELETE", "/api/incidents", null, null, OPERATOR);
        send("PUT on a note", "PUT", incident + "/notes", "application/json", "{}", OPERATOR);
        send("PATCH on the calls", "PATCH", "/api/calls", "application/json", "{}", SUPERVISOR);
        send("plain text for JSON", "POST", "/api/incidents", "text/plain", "type=BRAWL", OPERATOR);
        send("XML for JSON", "POST", "/api/incidents", "application/xml", "<incident/>", OPERATOR);
        send("a form for JSON", "POST", "/api/incidents", "application/x-www-form-urlencoded", "type=BRAWL", OPERATOR);
        send("a content type that is not one", "POST", "/api/incidents", "nonsense", "{}", OPERATOR);
        send("asking for XML", "GET", "/api/incidents/types", null, null, OPERATOR, "Accept", "application/xml");
        send("asking a stream for JSON", "GET", "/api/calls/stream", null, null, SUPERVISOR, "Accept", "application/json");
        get("the officer socket without an upgrade", "/ws/officer", OFFICER);
        send("the officer socket upgraded to something else", "GET", "/ws/officer", null, null, OFFICER, "Upgrade", "h2c", "Connection", "Upgrade");
        send("the officer socket by POST", "POST", "/ws/officer", "application/json", "{}", OFFICER, "Upgrade", "websocket", "Connection", "Upgrade");
        send("the officer socket in version 99", "GET", "/ws/officer", null, null, OFFICER, "Upgrade", "websocket", "Connection", "Upgrade",
                "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version", "99");
        // odd encodings: refused by Tomcat, by the firewall or by the text rule
        get("NUL in the path", "/api/incidents/%00", OPERATOR);
        get("dot-dot in the path", "/api/incidents/%2e%2e/x", OPERATOR);
        get("an encoded slash", "/api/incidents/a%2fb", OPERATOR);
        get("an encoded percent", "/api/incidents/a%25b", OPERATOR);
        get("a semicolon in the path", "/api/incidents;x=1", OPERATOR);
        get("a lone surrogate's bytes in the path", "/api/incidents/a%ED%A0%80b", OPERATOR);
        get("bytes that are not UTF-8 in the path", "/api/incidents/a%FFb", OPERATOR);
        get("a control character in the path", "/api/incidents/a%01b", OPERATOR);
        get("NUL in a parameter", "/api/incidents?callId=a%00b", OPERATOR);
        get("an escape in a parameter", "/api/incidents?caller=%1b%5b31m", OPERATOR);
        get("a lone surrogate's bytes in a parameter", "/api/incidents?callId=a%ED%A0%80b", OPERATOR);
        get("a broken escape in a parameter", "/api/incidents?callId=a%zzb", OPERATOR);
        get("NUL in a parameter, without a login", "/api/incidents?x=%00", null);
        raw("a header too large", "GET /api/incidents HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
        raw("a request line too long", "GET /api/incidents/" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        raw("a request line that is not HTTP", "GARBAGE\r\n\r\n");
        raw("an unknown HTTP version", "GET /api/incidents HTTP/9.9\r\nHost: x\r\n\r\n"); // 505, the one 5xx here
        raw("a header without a colon", "GET /api/incidents HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n");
        raw("a space in the request target", "GET /api/inci dents HTTP/1.1\r\nHost: x\r\n\r\n");
        raw("a raw NUL in the request target", "GET /api/inci\0dents HTTP/1.1\r\nHost: x\r\n\r\n");
        raw("a lone percent in the path", "GET /api/incidents/% HTTP/1.1\r\nHost: x\r\n\r\n");
        raw("a raw control character in a header", "GET /api/incidents HTTP/1.1\r\nHost: x\r\nX-Odd: a\u0001b\r\n\r\n");
        raw("no Host header", "GET /api/incidents HTTP/1.1\r\n\r\n");

        assertThat(answers).filteredOn(a -> a.what.equals("an unknown status")).singleElement()
                .satisfies(a -> assertThat(a.body).contains("expected one of NEW, DISPATCHED").contains("got \\\"NOPE\\\""));
        assertThat(answers).filteredOn(a -> a.what.equals("a priority as text")).singleElement()
                .satisfies(a -> assertThat(a.body).contains("priority: expected a whole number, got the text \\\"2\\\""));
        SoftAssertions soft = new SoftAssertions();
        for (Answer a : answers) {
            String about = a.what + " → " + a.status + " " + a.contentType + " " + a.body;
            if (a.what.equals("an unknown HTTP version")) {
                soft.assertThat(a.status).as(about).isEqualTo(505);
            } else {
                soft.assertThat(a.status).as(about).isBetween(400, 499);
            }
            soft.assertThat(a.contentType).as(about).startsWith("application/problem+json");
            JsonNode problem;
            try {
                problem = Http.JSON.readTree(a.body);
            } catch (RuntimeException notJson) {
                soft.fail("not JSON: " + about);
                continue;
            }
            String detail = problem.path("detail").asString();
            soft.assertThat(detail).as(about).isNotBlank().doesNotContain("java.", "id.siaga", "Exception", "SQL", "tools.jackson", "`");
            soft.assertThat(problem.path("status").isInt() ? problem.path("status").intValue() : -1).as(about).isEqualTo(a.status);
            soft.assertThat(detail.length()).as("a bounded detail: " + about).isLessThanOrEqualTo(Problems.MAX_DETAIL + 1);
            soft.assertThat(detail).as("at most " + Problems.MAX_ECHO + " characters of the huge id: " + about)
                    .doesNotContain("q".repeat(Problems.MAX_ECHO + 1));
            soft.assertThat(problem.path("instance").asString().length()).as("a bounded instance: " + about)
                    .isLessThanOrEqualTo(2 * Problems.MAX_ECHO + 1);
        }
        soft.assertAll();
    }

    /** The officer app's socket says why a message is refused in the same words: no Jackson types, a bounded echo. */
    @Test
    void theOfficerSocketRefusesBadMessagesInPlainWords() throws Exception {
        List<String> messages = List.of("{x", "[1]", "{\"type\":\"dance\"}", "{\"type\":\"ack\",\"assignment\":\"no-such-assignment\"}",
                "{\"type\":\"ack\",\"assignment\":\"" + HUGE + "\"}", "{\"type\":\"" + HUGE + "\"}");
        try (OfficerSocket app = new OfficerSocket(port, OFFICER)) {
            for (String m : messages) {
                app.send(m);
            }
            CallDriver.await("an error for each message", () -> app.count("error") == messages.size());
            SoftAssertions soft = new SoftAssertions();
            app.received.stream().filter(m -> m.path("type").asString().equals("error")).forEach(error -> {
                String reason = error.path("data").path("reason").asString();
                soft.assertThat(reason).as(error.toString()).isNotBlank().doesNotContain("java.", "id.siaga", "Exception", "tools.jackson", "`",
                        "Source").doesNotContain("q".repeat(Problems.MAX_ECHO + 1));
            });
            soft.assertAll();
        }
    }

    // ---- the client ---------------------------------------------------------------------------------------

    private void get(String what, String path, String auth) {
        send(what, "GET", path, null, null, auth);
    }

    private void post(String what, String path, String json, String auth) {
        send(what, "POST", path, "application/json", json, auth);
    }

    private void put(String what, String path, String json, String auth) {
        send(what, "PUT", path, "application/json", json, auth);
    }

    /** One request over a socket of its own, the bytes as written here (Java's HTTP client would refuse some of them). */
    private void send(String what, String method, String path, String contentType, String body, String auth, String... headers) {
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        if (auth != null) {
            request.append("Authorization: ").append(auth).append("\r\n");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            request.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (body != null) {
            request.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        request.append("\r\n");
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(request.toString().getBytes(StandardCharsets.ISO_8859_1));
        all.writeBytes(bytes);
        answers.add(exchange(what, all.toByteArray()));
    }

    private void raw(String what, String request) {
        answers.add(exchange(what, request.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private Answer exchange(String what, byte[] request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            socket.shutdownOutput();
            return parse(what, socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(what, e);
        }
    }

    /** Status, headers and body (de-chunked) of one HTTP/1.1 answer read to the end of the connection. */
    private static Answer parse(String what, byte[] response) throws IOException {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            return new Answer(what, -1, "", "no HTTP answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(response, end + 4, response.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(new java.io.ByteArrayInputStream(body));
        }
        return new Answer(what, Integer.parseInt(lines[0].split(" ")[1]), headers.getOrDefault("content-type", ""),
                new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            StringBuilder size = new StringBuilder();
            for (int c = in.read(); c != '\n' && c >= 0; c = in.read()) {
                if (c != '\r') {
                    size.append((char) c);
                }
            }
            String hex = size.toString().split(";")[0].trim();
            if (hex.isEmpty() || Integer.parseInt(hex, 16) == 0) {
                return out.toByteArray();
            }
            out.writeBytes(in.readNBytes(Integer.parseInt(hex, 16)));
            in.read();
            in.read();
        }
    }
}
