package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.Peers;
import id.siaga.support.ServerProcess;
import id.siaga.support.Sipp;
import id.siaga.support.TestDatabase;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * Two nodes of a cluster on one PostgreSQL database (and the machine's NATS, buckets of the test's own), each the real
 * server as its own process with its own SIP port and the same digest secret. Bripka Rina's desk phone (SIPp) registers
 * with digest through siaga-a; she turns READY on siaga-b, whose console she uses; a caller in Sleman reaches siaga-b,
 * which rings the phone registered through siaga-a, and she answers. At the end of her shift the phone signs off
 * through siaga-b, and her position is OFFLINE on both nodes.
 */
class RegistrationsAcrossNodesTests {

    static final String SLEMAN_OPERATOR = Http.basic("operator.sleman1", "siaga110");
    static final String SUPERVISOR = Http.basic("supervisor.mabes", "siaga110");
    static final String ADMIN = Http.basic("admin", "siaga110");
    static final String DIGEST_SECRET = "5ia9a110c1u5te4d19e5t5ec4e7000000000000000000000000000000000000a".replaceAll("[^0-9a-f]", "0");
    static final Map<String, String> IN_SLEMAN = Map.of("lat", "-7.7156", "lon", "110.3558");

    @TempDir
    Path dir;
    TestDatabase db;
    final String prefix = "test-" + UUID.randomUUID().toString().substring(0, 8);
    final int phonePort = ServerProcess.freePort();

    @BeforeAll
    static void peers() {
        Sipp.requireInstalled();
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
    }

    @Test
    void aPhoneRegisteredThroughOneNodeIsRungForTheOthersCall() {
        Node a = new Node("siaga-a");
        Node b = new Node("siaga-b");
        try (ServerProcess nodeA = a.start(); ServerProcess nodeB = b.start()) {
            assertThat(register(a, "3600")).as("registered with digest through siaga-a\n" + nodeA.output()).isZero();

            Http.Response ready = b.http.put("/api/operators/OP-3404-1/presence", "{\"presence\":\"READY\"}", "Authorization", SLEMAN_OPERATOR);
            assertThat(ready.status()).as(ready.body()).isEqualTo(200);
            assertThat(ready.json().path("presence").asString()).isEqualTo("READY");

            try (Sipp phone = Sipp.phone("phone-answer.xml", phonePort, 1, 300);
                 Sipp caller = Sipp.caller("caller-pidf.xml", ServerProcess.freePort(), "127.0.0.1:" + b.sipPort, "110", with("+6281299981701"),
                         6_000, 1)) {
                assertThat(caller.await(60)).as("siaga-b's caller is answered\n" + caller.output() + "\n" + nodeB.output()).isZero();
                assertThat(phone.await(60)).as(phone.output()).isZero();
            }
            String call = await("siaga-b's record of the call", nodeB::output, () -> recordOf(b, "+6281299981701"), id -> !id.isEmpty());
            List<JsonNode> story = story(b, call);
            JsonNode answered = story.stream().filter(e -> e.path("type").asString().equals("CallAnswered")).findFirst().orElseThrow();
            assertThat(answered.path("payload").path("operator").asString()).isEqualTo("OP-3404-1");
            assertThat(answered.path("node").asString()).as("the call was siaga-b's").isEqualTo("siaga-b");

            assertThat(register(b, "0")).as("signed off through siaga-b\n" + nodeB.output()).isZero();
            await("OFFLINE on siaga-b", nodeB::output, () -> presence(b, "OP-3404-1"), "OFFLINE"::equals);
            await("OFFLINE on siaga-a", nodeA::output, () -> presence(a, "OP-3404-1"), "OFFLINE"::equals);
        }
    }

    /**
     * A desk set up through one node works through the other at once: the administrator creates "Meja 3" at Polres Sleman
     * on siaga-a, gives it a phone and moves Brigpol Hendra there from his old desk; the phone registers through siaga-b
     * with the credentials siaga-a showed, Hendra says READY on siaga-b, and siaga-a's caller in Sleman reaches him.
     */
    @Test
    void aPositionCreatedOnOneNodeRegistersAndAnswersThroughTheOther() {
        Node a = new Node("siaga-a");
        Node b = new Node("siaga-b");
        try (ServerProcess nodeA = a.start(); ServerProcess nodeB = b.start()) {
            String base = "/api/admin/positions";
            Http.Response created = a.http.post(base, "{\"id\":\"OP-3404-3\",\"station\":\"POLRES-3404\",\"name\":\"Meja 3\"}", "Authorization", ADMIN);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            JsonNode credentials = a.http.put(base + "/OP-3404-3/phone", "{\"kind\":\"REGISTERING\"}", "Authorization", ADMIN).json();
            assertThat(a.http.delete(base + "/OP-3404-2/seat", "Authorization", ADMIN).status()).isEqualTo(200);
            Http.Response seated = a.http.put(base + "/OP-3404-3/seat", "{\"username\":\"operator.sleman2\"}", "Authorization", ADMIN);
            assertThat(seated.status()).as(seated.body()).isEqualTo(200);

            String user = credentials.path("sipUser").asString();
            await("siaga-b knows the new desk", nodeB::output,
                    () -> b.http.get(base + "/OP-3404-3", "Authorization", ADMIN).json().path("username").asString(""), "operator.sleman2"::equals);
            try (Sipp register = Sipp.client("register.xml", ServerProcess.freePort(), "127.0.0.1:" + b.sipPort, Map.of("user", user,
                    "contact_port", String.valueOf(phonePort), "expires", "3600"), List.of("-au", user, "-ap", credentials.path("password").asString()))) {
                assertThat(register.await(30)).as("registered through siaga-b with siaga-a's credentials\n" + register.output() + nodeB.output()).isZero();
            }
            Http.Response ready = b.http.put("/api/operators/OP-3404-3/presence", "{\"presence\":\"READY\"}", "Authorization",
                    Http.basic("operator.sleman2", "siaga110"));
            assertThat(ready.status()).as(ready.body()).isEqualTo(200);
            await("READY on siaga-a", nodeA::output, () -> presence(a, "OP-3404-3"), "READY"::equals);

            try (Sipp phone = Sipp.phone("phone-answer.xml", phonePort, 1, 300);
                 Sipp caller = Sipp.caller("caller-pidf.xml", ServerProcess.freePort(), "127.0.0.1:" + a.sipPort, "110", with("+6281299981703"),
                         6_000, 1)) {
                assertThat(caller.await(60)).as("siaga-a's caller is answered\n" + caller.output() + "\n" + nodeA.output()).isZero();
                assertThat(phone.await(60)).as(phone.output()).isZero();
            }
            String call = await("siaga-a's record of the call", nodeA::output, () -> recordOf(a, "+6281299981703"), id -> !id.isEmpty());
            JsonNode answered = story(a, call).stream().filter(e -> e.path("type").asString().equals("CallAnswered")).findFirst().orElseThrow();
            assertThat(answered.path("payload").path("operator").asString()).isEqualTo("OP-3404-3");
        }
    }

    /** The desk phone's REGISTER through {@code node}, answering its digest challenge; SIPp's exit code (0: a 200). */
    private int register(Node node, String expires) {
        try (Sipp register = Sipp.client("register.xml", ServerProcess.freePort(), "127.0.0.1:" + node.sipPort, Map.of("user", "op-3404-1",
                "contact_port", String.valueOf(phonePort), "expires", expires), List.of("-au", "op-3404-1", "-ap", "siaga110"))) {
            return register.await(30);
        }
    }

    private static Map<String, String> with(String caller) {
        Map<String, String> keys = new HashMap<>(IN_SLEMAN);
        keys.put("caller", caller);
        return keys;
    }

    /** One node's ports, files and settings; both share the database and the digest secret, neither knows the phone's address. */
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
            return ServerProcess.start("registrations-" + id, httpPort, List.of("--spring.profiles.active=postgres",
                    "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
                    "--siaga.cluster.enabled=true", "--siaga.cluster.node-id=" + id, "--siaga.cluster.nats-prefix=" + prefix,
                    "--siaga.journal.spool-file=" + files.resolve("journal-spool.jsonl"), "--siaga.telephony.sip-port=" + sipPort,
                    "--siaga.telephony.digest-secret=" + DIGEST_SECRET, "--siaga.tracking.osmand-port=0", "--siaga.tracking.mqtt.enabled=false"));
        }
    }

    private static String presence(Node n, String operator) {
        return n.http.get("/api/operators/" + operator, "Authorization", SUPERVISOR).json().path("presence").asString();
    }

    /** The id of the finished call from {@code caller} in the node's call history, or "" while there is none. */
    private static String recordOf(Node n, String caller) {
        for (JsonNode c : n.http.get("/api/calls/history?caller=" + caller.replace("+", "%2B"), "Authorization", SUPERVISOR).json()) {
            return c.path("id").asString();
        }
        return "";
    }

    private static List<JsonNode> story(Node n, String call) {
        JsonNode entries = n.http.get("/api/journal?kind=CALL&id=" + call, "Authorization", ADMIN).json();
        return StreamSupport.stream(entries.spliterator(), false).toList();
    }

    private static <T> T await(String what, Supplier<String> log, Supplier<T> read, Predicate<T> done) {
        long deadline = System.nanoTime() + 30_000_000_000L;
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
