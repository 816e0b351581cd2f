package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.ServerProcess;
import id.siaga.support.Sipp;
import id.siaga.support.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes of a cluster on one PostgreSQL database, each the real server as its own process. Five callers in Sleman wait
 * on node siaga-a (nobody is READY: their calls ring on, queued at Mabes) and one on siaga-b, when siaga-a is killed
 * ({@code kill -9}). Within a few seconds siaga-b counts siaga-a as lost and takes over: each of its five calls is closed
 * as interrupted, "node siaga-a was lost", with a call-back task at Polres Sleman; siaga-b's own caller rings on,
 * untouched; both journal chains verify. siaga-a, started again, rejoins and opens nothing twice.
 */
class NodeLossTests {

    static final String SUPERVISOR = Http.basic("supervisor.mabes", "siaga110");
    static final String ADMIN = Http.basic("admin", "siaga110");

    @TempDir
    Path dir;
    TestDatabase db;
    final String prefix = "test-" + java.util.UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void peers() {
        Sipp.requireInstalled();
        id.siaga.support.Peers.require(id.siaga.support.Peers.listening("127.0.0.1", 4222), "NATS JetStream at 127.0.0.1:4222");
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
    void theCallsOfAKilledNodeAreCalledBackByTheSurvivorAndTheNodeRejoins() {
        Node a = new Node("siaga-a");
        Node b = new Node("siaga-b");
        ServerProcess nodeB = b.start();
        try (nodeB) {
            Set<String> ofA;
            String ofB;
            long killedAt;
            ServerProcess nodeA = a.start();
            try (nodeA;
                 Sipp onA = Sipp.callers("caller-hangup.xml", ServerProcess.freePort(), "127.0.0.1:" + a.sipPort, "110",
                         Map.of("caller", "+6281299970001", "lat", "-7.7156", "lon", "110.3558"), 120_000, 5, 5);
                 Sipp onB = Sipp.caller("caller-hangup.xml", ServerProcess.freePort(), "127.0.0.1:" + b.sipPort, "110",
                         Map.of("caller", "+6281299970002", "lat", "-7.7156", "lon", "110.3558"), 120_000, 1)) {
                ofA = liveCalls(a.http, "+6281299970001", 5, () -> onA.output() + nodeA.output());
                ofB = liveCalls(b.http, "+6281299970002", 1, () -> onB.output() + nodeB.output()).iterator().next();
                assertThat(node(b.http, "siaga-a").path("state").asString()).isEqualTo("ALIVE");

                nodeA.kill();
                killedAt = System.nanoTime();
                JsonNode lost = await("siaga-b counts siaga-a as lost", nodeB::output, () -> node(b.http, "siaga-a"),
                        n -> n.path("state").asString().equals("LOST"));
                long lostAfterMs = (System.nanoTime() - killedAt) / 1_000_000;
                assertThat(lost.path("takenOverBy").asString()).isEqualTo("siaga-b");

                JsonNode tasks = b.http.get("/api/callbacks", "Authorization", SUPERVISOR).json();
                for (String call : ofA) {
                    List<JsonNode> of = StreamSupport.stream(tasks.spliterator(), false).filter(t -> call.equals(t.path("call").asString())).toList();
                    assertThat(of).as("the call-back task of " + call + " in " + tasks + "\n" + nodeB.output()).hasSize(1);
                    assertThat(of.get(0).path("station").asString()).isEqualTo("POLRES-3404");
                    JsonNode story = b.http.get("/api/journal?kind=CALL&id=" + call, "Authorization", ADMIN).json();
                    JsonNode interrupted = StreamSupport.stream(story.spliterator(), false)
                            .filter(e -> e.path("type").asString().equals("CallInterrupted")).findFirst().orElseThrow();
                    assertThat(interrupted.path("node").asString()).isEqualTo("siaga-b");
                    assertThat(interrupted.path("payload").path("reason").asString()).contains("node siaga-a was lost", "taken over by node siaga-b");
                }
                assertThat(liveCalls(b.http, "+6281299970002", 1, nodeB::output)).as("siaga-b's own caller rings on").containsExactly(ofB);
                System.out.printf("node loss: siaga-a killed with 5 calls ringing; siaga-b marked it lost %d ms later, every call with its "
                        + "call-back task by then%n", lostAfterMs);
            }

            try (ServerProcess again = a.start()) {
                assertThat(node(b.http, "siaga-a").path("state").asString()).as("rejoined").isEqualTo("ALIVE");
                assertThat(again.output()).contains("call recovery of node siaga-a: every call it offered");
                JsonNode tasks = a.http.get("/api/callbacks", "Authorization", SUPERVISOR).json();
                for (String call : ofA) {
                    assertThat(StreamSupport.stream(tasks.spliterator(), false).filter(t -> call.equals(t.path("call").asString())).count())
                            .as("one call-back task for " + call).isEqualTo(1);
                }
                JsonNode verify = a.http.get("/api/journal/verify", "Authorization", ADMIN).json();
                assertThat(verify.path("intact").asBoolean()).as(verify.toString()).isTrue();
                List<String> chains = new ArrayList<>();
                verify.path("chains").forEach(c -> chains.add(c.path("node").asString()));
                assertThat(chains).containsExactly("siaga-a", "siaga-b");
            }
        }
    }

    /** One node's ports, files and settings. */
    final class Node {
        final String id;
        final int httpPort = ServerProcess.freePort();
        final int sipPort = ServerProcess.freePort();
        final Http http = new Http(httpPort);

        Node(String id) {
            this.id = id;
        }

        ServerProcess start() {
            Path files = dir.resolve(id);
            return ServerProcess.start("cluster-" + id, httpPort, List.of("--spring.profiles.active=postgres",
                    "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
                    "--siaga.cluster.enabled=true", "--siaga.cluster.node-id=" + id, "--siaga.cluster.nats-prefix=" + prefix,
                    "--siaga.journal.spool-file=" + files.resolve("journal-spool.jsonl"), "--siaga.telephony.sip-port=" + sipPort,
                    "--siaga.tracking.osmand-port=0", "--siaga.tracking.mqtt.enabled=false"));
        }
    }

    private static JsonNode node(Http http, String id) {
        for (JsonNode n : http.get("/api/cluster", "Authorization", ADMIN).json().path("nodes")) {
            if (n.path("node").asString().equals(id)) {
                return n;
            }
        }
        throw new AssertionError("no node " + id + " in " + http.get("/api/cluster", "Authorization", ADMIN).body());
    }

    private static Set<String> liveCalls(Http http, String number, int count, Supplier<String> log) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        Set<String> ids = new LinkedHashSet<>();
        while (System.nanoTime() < deadline && ids.size() < count) {
            for (JsonNode c : http.get("/api/calls", "Authorization", SUPERVISOR).json()) {
                if (number.equals(c.path("callerNumber").asString()) && "RINGING".equals(c.path("state").asString())) {
                    ids.add(c.path("id").asString());
                }
            }
            sleep(100);
        }
        assertThat(ids).as(log.get()).hasSize(count);
        return ids;
    }

    private static JsonNode await(String what, Supplier<String> log, Supplier<JsonNode> read, Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        JsonNode last = read.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            sleep(100);
            last = read.get();
        }
        assertThat(done.test(last)).as(what + ": " + last + "\n" + log.get()).isTrue();
        return last;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
