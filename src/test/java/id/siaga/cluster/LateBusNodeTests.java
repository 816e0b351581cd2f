package id.siaga.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.PrivateNats;
import id.siaga.support.RawSipSocket;
import id.siaga.support.ServerProcess;
import id.siaga.support.TestDatabase;
import io.nats.client.Connection;
import io.nats.client.KeyValue;
import io.nats.client.Nats;
import io.nats.client.api.KeyValueEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node of a cluster whose NATS (a server of the test's own) is not running when the node starts, the real server as its
 * own process: the node becomes ready, is in the cluster's membership and answers SIP as a node that has its bus. Once
 * NATS runs, the node sets up its live state: Bripka Rina (OP-3404-1) turning READY on it is written to the shared
 * presence, and another node's change to her presence reaches it.
 */
class LateBusNodeTests {

    @TempDir
    Path dir;
    final String prefix = "late-" + UUID.randomUUID().toString().substring(0, 8);
    final int probePort = ServerProcess.freePort();

    @Test
    void aNodeStartsWhileItsBusIsDownAndSharesPresenceOnceTheBusRuns() throws Exception {
        try (PrivateNats bus = PrivateNats.notStarted(); TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRES);
             ClusterNode node = new ClusterNode("siaga-a", dir, db, prefix, List.of("--siaga.cluster.nats-url=" + bus.url()))) {
            node.start(); // returns once the node reports ready
            NodeApi api = node.api();
            assertThat(StreamSupport.stream(api.get("/api/cluster").path("nodes").spliterator(), false).map(n -> n.path("node").asString()
                    + " " + n.path("state").asString())).as("in the cluster's membership").contains("siaga-a ALIVE");
            assertThat(options(node.sipPort)).as("answers SIP without its bus\n" + node.output()).startsWith("SIP/2.0 200");
            assertThat(String.join("\n", node.logLines("cluster bus at"))).contains("not reachable");

            bus.startServer();
            await("the node sets up its live state once the bus runs", node, () -> String.join("\n", node.logLines("cluster bus at")),
                    log -> log.contains(" reached: "));
            api.presence("OP-3404-1", "READY");
            try (Connection nc = Nats.connect(bus.url())) {
                KeyValue presence = nc.keyValue(prefix + "-presence");
                await("her READY on siaga-a in the shared presence", node, () -> value(presence, "OP-3404-1"), "siaga-a READY"::equals);
                presence.put("OP-3404-1", "siaga-b AWAY".getBytes(StandardCharsets.UTF_8));
                await("siaga-b's change to her presence applied on siaga-a", node,
                        () -> api.get("/api/operators/OP-3404-1").path("presence").asString(), "AWAY"::equals);
            }
        }
    }

    private static String value(KeyValue kv, String key) {
        try {
            KeyValueEntry e = kv.get(key);
            return e == null || e.getValue() == null ? "(none)" : new String(e.getValue(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** The first answer other than a 100 to an OPTIONS, as the cluster's front probes a node with; "" if none came within 2 s. */
    private String options(int sipPort) {
        long n = System.nanoTime();
        String request = "OPTIONS sip:110@127.0.0.1:" + sipPort + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + probePort + ";branch=z9hG4bK-late-" + n + "\r\n"
                + "From: <sip:probe@127.0.0.1>;tag=l" + n + "\r\n"
                + "To: <sip:110@127.0.0.1:" + sipPort + ">\r\n"
                + "Call-ID: late-" + n + "@127.0.0.1\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Max-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n";
        try (RawSipSocket socket = new RawSipSocket(probePort, Duration.ofSeconds(2))) {
            socket.send(request, sipPort);
            Optional<RawSipSocket.Datagram> answer = socket.next(text -> text.startsWith("SIP/2.0 ") && !text.startsWith("SIP/2.0 100"));
            return answer.map(RawSipSocket.Datagram::text).orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    /** Reads {@code what} until it passes {@code ok}, for a minute at most (a bound, not a measure). */
    private static <T> void await(String description, ClusterNode node, Supplier<T> what, Predicate<T> ok)
            throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        T last = what.get();
        while (!ok.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            last = what.get();
        }
        assertThat(ok.test(last)).as(description + ": last " + last + "\n" + node.output()).isTrue();
    }
}
