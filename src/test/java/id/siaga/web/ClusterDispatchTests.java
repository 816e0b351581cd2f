package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.Peers;
import id.siaga.support.ServerProcess;
import id.siaga.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Dispatch on any node: two nodes of a cluster on one PostgreSQL and the machine's NATS (streams and buckets of the test's
 * own), each the real server as its own process. Sleman's dispatcher follows the CAD stream on siaga-a. A theft is
 * reported on siaga-b: siaga-a's console hears of it. Raimas Sleman 1's phone reports to siaga-a's OsmAnd door: siaga-b
 * recommends it, and moves it in the recommendation when it moves. siaga-a sends it; siaga-b cannot send it again (409)
 * but records its acknowledgement, which siaga-a's console hears of. Then siaga-a sends Patroli Sleman 1 and is killed
 * before anyone acknowledges: siaga-b takes the alert's timer over and warns. Prints how long a fix accepted by siaga-a
 * takes to move the unit on siaga-b.
 */
class ClusterDispatchTests {

    static final String DISPATCHER = Http.basic("dispatcher.sleman", "siaga110");
    static final String ADMIN = Http.basic("admin", "siaga110");
    static final String AUTH = "Authorization";
    static final double SCENE_LAT = -7.7180;
    static final double SCENE_LON = 110.3590;
    static final HttpClient TRACKER = HttpClient.newHttpClient();

    @TempDir
    Path dir;
    TestDatabase db;
    final String prefix = "test-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void peers() {
        Peers.require(Peers.listening("127.0.0.1", 4222), "NATS JetStream at 127.0.0.1:4222");
    }

    @BeforeEach
    void database() {
        db = TestDatabase.create(TestDatabase.Kind.POSTGRES);
    }

    @AfterEach
    void dropDatabase() {
        if (db != null) {
            db.close();
        }
        id.siaga.support.NatsBuckets.deleteAll(prefix);
    }

    @Test
    void anIncidentReportedOnOneNodeIsDispatchedFromTheOtherAndAnAlertOfAKilledNodeStillWarns() throws Exception {
        Node a = new Node("siaga-a");
        Node b = new Node("siaga-b");
        try (ServerProcess nodeA = a.start(); ServerProcess nodeB = b.start()) {
            List<String> consoleOnA = new CopyOnWriteArrayList<>();
            HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + a.httpPort + "/api/cad/stream")).header(AUTH, DISPATCHER).GET().build(), HttpResponse.BodyHandlers.ofLines());
            assertThat(stream.statusCode()).isEqualTo(200);
            Thread reader = new Thread(() -> stream.body().forEach(consoleOnA::add), "cad-stream-on-siaga-a");
            reader.setDaemon(true);
            reader.start();
            try {
                story(a, b, nodeA, nodeB, consoleOnA);
            } finally {
                stream.body().close();
            }
        }
    }

    /**
     * siaga-a sends Patroli Sleman 1 and is stopped for maintenance (SIGTERM) before anyone acknowledges: it closes its
     * calls and leaves the cluster cleanly, and siaga-b takes over the alert's timeout all the same and warns.
     */
    @Test
    void anAlertOfANodeStoppedCleanlyStillWarnsOnTheOther() {
        Node a = new Node("siaga-a");
        Node b = new Node("siaga-b");
        try (ServerProcess nodeA = a.start(); ServerProcess nodeB = b.start()) {
            Http.Response reported = a.http.post("/api/incidents", "{\"type\":\"THEFT\",\"channel\":\"WALK_IN\",\"location\":{\"latitude\":"
                    + SCENE_LAT + ",\"longitude\":" + SCENE_LON + "},\"address\":\"Jl. Kaliurang km 5\"}", AUTH, DISPATCHER);
            assertThat(reported.status()).as(reported.body()).isEqualTo(201);
            String incident = reported.json().path("id").asString();
            Http.Response sent = a.http.post("/api/incidents/" + incident + "/assignments", "{\"unit\":\"SLM-R4-01\"}", AUTH, DISPATCHER);
            assertThat(sent.status()).as(sent.body()).isEqualTo(200);
            String unacknowledged = sent.json().path("id").asString();

            nodeA.terminate();

            JsonNode overdue = await("siaga-b warns of the alert the stopped siaga-a sent", nodeB::output, () -> journal(b, "INCIDENT", incident)
                    .stream().filter(e -> e.path("type").asString().equals("AcknowledgementOverdue")).findFirst().orElse(null), e -> e != null);
            assertThat(overdue.path("payload").path("assignment").asString()).isEqualTo(unacknowledged);
            assertThat(overdue.path("payload").path("timersOn").asString()).isEqualTo("siaga-b");
            assertThat(journal(b, "NODE", "siaga-a")).extracting(e -> e.path("type").asString())
                    .contains("NodeLeft", "LeftNodeTakenOver", "DispatchTimersTakenOver").doesNotContain("NodeLost");
        }
    }

    private void story(Node a, Node b, ServerProcess nodeA, ServerProcess nodeB, List<String> consoleOnA) {
        // a theft reported on siaga-b: siaga-a's console hears of it
        Http.Response reported = b.http.post("/api/incidents", "{\"type\":\"THEFT\",\"channel\":\"WALK_IN\",\"location\":{\"latitude\":" + SCENE_LAT
                + ",\"longitude\":" + SCENE_LON + "},\"address\":\"Jl. Kaliurang km 5\"}", AUTH, DISPATCHER);
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        String incident = reported.json().path("id").asString();
        await("siaga-a's console hears of the incident reported on siaga-b", nodeA::output, () -> heard(consoleOnA, "IncidentCreated", incident),
                found -> found);

        // Raimas Sleman 1 reports to siaga-a, 150 m from the scene: siaga-b recommends it
        Instant near = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        assertThat(a.osmAnd("860001040000201", near, SCENE_LAT - 0.0013, SCENE_LON)).isEqualTo(200);
        JsonNode first = await("siaga-b recommends the unit siaga-a heard", nodeB::output, () -> nearest(b, incident),
                c -> c.path("unitId").asString().equals("SLM-R2-01"));
        assertThat(first.path("distanceMeters").asDouble()).isBetween(100.0, 200.0);
        // it rides 2 km south: siaga-b's recommendation moves with it
        assertThat(a.osmAnd("860001040000201", near.plusSeconds(50), SCENE_LAT - 0.0193, SCENE_LON)).isEqualTo(200);
        JsonNode moved = await("siaga-b's recommendation follows the unit", nodeB::output, () -> nearest(b, incident),
                c -> c.path("distanceMeters").asDouble() > 2_000);
        assertThat(moved.path("unitId").asString()).isEqualTo("SLM-R2-01");

        // sent from siaga-a; siaga-b cannot send it again, but records the acknowledgement the officer gives by radio
        Http.Response sent = a.http.post("/api/incidents/" + incident + "/assignments", "{\"unit\":\"SLM-R2-01\"}", AUTH, DISPATCHER);
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        String assignment = sent.json().path("id").asString();
        assertThat(sent.json().path("node").asString()).isEqualTo("siaga-a");
        Http.Response twice = b.http.post("/api/incidents/" + incident + "/assignments", "{\"unit\":\"SLM-R2-01\"}", AUTH, DISPATCHER);
        assertThat(twice.status()).as(twice.body()).isEqualTo(409);
        assertThat(twice.contentType()).startsWith("application/problem+json");
        assertThat(twice.json().path("detail").asString()).contains("Raimas Sleman 1 is DISPATCHED");
        Http.Response acked = b.http.post("/api/assignments/" + assignment + "/ack", "{}", AUTH, DISPATCHER);
        assertThat(acked.status()).as(acked.body()).isEqualTo(200);
        assertThat(acked.json().path("state").asString()).isEqualTo("ACKNOWLEDGED");
        await("siaga-a's console hears of the acknowledgement given on siaga-b", nodeA::output,
                () -> heard(consoleOnA, "UnitAcknowledged", assignment), found -> found);
        assertThat(a.http.get("/api/units/SLM-R2-01", AUTH, DISPATCHER).json().path("assignment").asString()).isEqualTo(assignment);
        Http.Response again = a.http.post("/api/assignments/" + assignment + "/ack", "{}", AUTH, DISPATCHER);
        assertThat(again.json().path("version").asLong()).as("acknowledged once, whichever node is asked").isEqualTo(2);

        measure(a, b, nodeB);

        // siaga-a sends Patroli Sleman 1 and dies before anyone acknowledges: siaga-b's timer warns
        Http.Response second = a.http.post("/api/incidents/" + incident + "/assignments", "{\"unit\":\"SLM-R4-01\"}", AUTH, DISPATCHER);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        String unacknowledged = second.json().path("id").asString();
        nodeA.kill();
        long killedAt = System.nanoTime();
        JsonNode overdue = await("siaga-b warns of the alert siaga-a sent", nodeB::output, () -> journal(b, "INCIDENT", incident).stream()
                .filter(e -> e.path("type").asString().equals("AcknowledgementOverdue")).findFirst().orElse(null), e -> e != null);
        long warnedAfterMs = (System.nanoTime() - killedAt) / 1_000_000;
        assertThat(overdue.path("node").asString()).isEqualTo("siaga-b");
        assertThat(overdue.path("payload").path("assignment").asString()).isEqualTo(unacknowledged);
        assertThat(overdue.path("payload").path("timersOn").asString()).isEqualTo("siaga-b");
        assertThat(journal(b, "NODE", "siaga-a")).extracting(e -> e.path("type").asString()).contains("NodeLost", "DispatchTimersTakenOver");
        assertThat(journal(b, "INCIDENT", incident).stream().filter(e -> e.path("type").asString().equals("AcknowledgementOverdue")))
                .as("the acknowledged one is not overdue").hasSize(1);
        System.out.printf("cluster dispatch: siaga-a killed with an unacknowledged alert (timeout 15 s); siaga-b warned %d ms later%n",
                warnedAfterMs);
    }

    /** 200 fixes of Patroli Sleman 2 to siaga-a's door, one after another: how soon does siaga-b have each? */
    private void measure(Node a, Node b, ServerProcess nodeB) {
        // the unit board read with an API key (a password's bcrypt would cost each read tens of milliseconds)
        Http.Response issued = b.http.post("/api/admin/api-keys", "{\"name\":\"unit board\",\"roles\":[\"DISPATCHER\"],\"station\":\"POLRES-3404\"}",
                AUTH, ADMIN);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String key = issued.json().path("apiKey").asString();
        Instant start = Instant.now().minusSeconds(300).truncatedTo(ChronoUnit.MILLIS);
        List<Long> answered = new ArrayList<>();
        List<Long> seen = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Instant at = start.plusSeconds(i);
            long sent = System.nanoTime();
            assertThat(a.osmAnd("860001040000102", at, -7.70 + i * 0.0001, 110.40)).isEqualTo(200);
            answered.add(System.nanoTime() - sent);
            while (!at.equals(fixTime(b.http.get("/api/units/SLM-R4-02", "X-Api-Key", key).json()))) {
                if (System.nanoTime() - sent > 30_000_000_000L) {
                    throw new AssertionError("siaga-b never saw the fix at " + at + "\n" + nodeB.output());
                }
            }
            seen.add(System.nanoTime() - sent);
        }
        JsonNode delay = b.http.get("/actuator/metrics/siaga.cluster.positions.delay", AUTH, ADMIN).json();
        String prometheus = b.http.get("/actuator/prometheus", AUTH, ADMIN).body();
        System.out.printf(Locale.ROOT, "cluster positions: a fix received by siaga-a moves the unit on siaga-b after %.2f ms median, %.2f ms p99, "
                        + "%.2f ms max (siaga-b's metric over %d fixes); as a client sees it, 200 fixes one after another: siaga-a answers "
                        + "in %.2f ms median, siaga-b shows the fix %.2f ms median after it was sent (p90 %.2f ms; read by polling its API)%n",
                quantile(prometheus, "0.5") * 1000, quantile(prometheus, "0.99") * 1000, value(delay, "MAX") * 1000, (long) value(delay, "COUNT"),
                ms(answered, 0.5), ms(seen, 0.5), ms(seen, 0.9));
    }

    private static Instant fixTime(JsonNode unit) {
        String t = unit.path("fixTime").asString();
        return t.isEmpty() ? null : Instant.parse(t);
    }

    /** The delay's client-side percentile as Prometheus reads it, seconds. */
    private static double quantile(String prometheus, String q) {
        for (String line : prometheus.split("\n")) {
            if (line.startsWith("siaga_cluster_positions_delay_seconds{") && line.contains("quantile=\"" + q + "\"")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("no quantile " + q + " of siaga_cluster_positions_delay_seconds in\n" + prometheus);
    }

    private static double value(JsonNode metric, String statistic) {
        for (JsonNode m : metric.path("measurements")) {
            if (m.path("statistic").asString().equals(statistic)) {
                return m.path("value").asDouble();
            }
        }
        throw new AssertionError("no " + statistic + " in " + metric);
    }

    private static double ms(List<Long> nanos, double quantile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size()))) / 1e6;
    }

    private static boolean heard(List<String> console, String event, String id) {
        for (int i = 0; i + 1 < console.size(); i++) {
            if (console.get(i).equals("event:" + event) && console.get(i + 1).startsWith("data:") && console.get(i + 1).contains(id)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode nearest(Node n, String incident) {
        JsonNode units = n.http.get("/api/incidents/" + incident + "/recommendation", AUTH, DISPATCHER).json().path("units");
        return units.isEmpty() ? Http.JSON.createObjectNode() : units.get(0);
    }

    private static List<JsonNode> journal(Node n, String kind, String id) {
        JsonNode entries = n.http.get("/api/journal?kind=" + kind + "&id=" + id, AUTH, ADMIN).json();
        return StreamSupport.stream(entries.spliterator(), false).toList();
    }

    /** One node's ports, files and settings; alerts must be acknowledged within 15 s. */
    final class Node {
        final String id;
        final int httpPort = ServerProcess.freePort();
        final int osmAndPort = ServerProcess.freePort();
        final Http http = new Http(httpPort);

        Node(String id) {
            this.id = id;
        }

        ServerProcess start() {
            Path files = dir.resolve(id);
            return ServerProcess.start("cluster-dispatch-" + id, httpPort, List.of("--spring.profiles.active=postgres",
                    "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
                    "--siaga.cluster.enabled=true", "--siaga.cluster.node-id=" + id, "--siaga.cluster.nats-prefix=" + prefix,
                    "--siaga.journal.spool-file=" + files.resolve("journal-spool.jsonl"), "--siaga.telephony.sip-port=" + ServerProcess.freePort(),
                    "--siaga.tracking.osmand-port=" + osmAndPort, "--siaga.tracking.mqtt.enabled=false",
                    "--siaga.dispatch.acknowledgement-timeout=15s"));
        }

        /** One fix from a tracker to this node's OsmAnd door, as the OsmAnd app sends it; the status it answered. */
        int osmAnd(String device, Instant at, double lat, double lon) {
            try {
                return TRACKER.send(HttpRequest.newBuilder(URI.create(String.format(Locale.ROOT,
                        "http://127.0.0.1:%d/?id=%s&lat=%.6f&lon=%.6f&timestamp=%d&speed=0", osmAndPort, device, lat, lon, at.toEpochMilli())))
                        .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static <T> T await(String what, Supplier<String> log, Supplier<T> read, Predicate<T> done) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        T last = read.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = read.get();
        }
        assertThat(done.test(last)).as(what + ": " + last + "\n" + log.get()).isTrue();
        return last;
    }
}
