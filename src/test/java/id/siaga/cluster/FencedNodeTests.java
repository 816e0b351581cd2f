package id.siaga.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.NatsBuckets;
import id.siaga.support.Peers;
import id.siaga.support.PrivateKamailio;
import id.siaga.support.PrivatePostgres;
import id.siaga.support.RawSipSocket;
import id.siaga.support.ServerProcess;
import id.siaga.support.Sipp;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster node cut off from its database (a PostgreSQL of the test's own, stopped) cannot renew its lease, and another
 * node may take it over at any moment: once it has gone half a lease without a renewal it is fenced, and answers the
 * front's OPTIONS probes 503, so Kamailio takes it out of rotation. Yet a 110 caller who still reaches it, straight or
 * through Kamailio (its last-resort set: every node of the probed set is inactive), hears it ring. With the database back
 * it renews its lease, answers OPTIONS 200 again, and Kamailio gives it calls; its journal says when it was fenced and
 * when not. The node and Kamailio run as their own processes; SIPp is the caller.
 */
class FencedNodeTests {

    /** Where the raw OPTIONS come from. */
    static final int PORT = ServerProcess.freePort();

    @TempDir
    Path dir;

    @BeforeAll
    static void peers() {
        Sipp.requireInstalled();
        PrivateKamailio.requireInstalled();
        Peers.require(Peers.listening("127.0.0.1", 4222), "NATS JetStream at 127.0.0.1:4222");
    }

    @Test
    void aNodeThatCannotRenewItsLeaseIsTakenOutOfRotationYetAnswersTheCallersThatReachIt() throws Exception {
        String natsPrefix = "test-" + UUID.randomUUID().toString().substring(0, 8);
        int httpPort = ServerProcess.freePort();
        int sipPort = ServerProcess.freePort();
        String node = "siaga-fenced";
        try (PrivatePostgres pg = PrivatePostgres.start()) {
            List<String> args = List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + pg.jdbcUrl(),
                    "--spring.datasource.username=postgres", "--siaga.cluster.enabled=true", "--siaga.cluster.node-id=" + node,
                    "--siaga.cluster.nats-prefix=" + natsPrefix, "--siaga.telephony.sip-port=" + sipPort,
                    "--siaga.journal.spool-file=" + dir.resolve("journal-spool.jsonl"), "--siaga.tracking.osmand-port=0",
                    "--siaga.tracking.mqtt.enabled=false", "--siaga.telephony.trusted-sources=127.0.0.1", "--siaga.telephony.keep-alive=10s");
            try (ServerProcess server = ServerProcess.start("fenced-node", httpPort, args);
                 PrivateKamailio front = PrivateKamailio.start(List.of(sipPort))) {
                Supplier<String> logs = () -> server.output() + "\n" + front.nodeStates() + "\n" + front.logTail();
                await("the node active at the front", logs, () -> front.nodeActive(sipPort));
                assertThat(optionsAnswer(sipPort)).as("a node renewing its lease").startsWith("SIP/2.0 200");

                pg.stop(); // the database host is lost: the node cannot renew its lease
                await("OPTIONS answered 503 once the node is fenced", logs, () -> optionsAnswer(sipPort).startsWith("SIP/2.0 503"));
                assertThat(optionsAnswer("sip:alive@127.0.0.1:" + sipPort, sipPort)).as("yet alive, to the front's second probe")
                        .startsWith("SIP/2.0 200");
                await("the fenced node inactive at the front", logs, () -> !front.nodeActive(sipPort));

                Path straight = dir.resolve("straight.msg");
                try (Sipp caller = Sipp.oneCall("caller-hangup.xml", ServerProcess.freePort(), "127.0.0.1:" + sipPort, "110",
                        Map.of("caller", "081299917201", "lat", "-7.7156", "lon", "110.3558"), 1_000, straight)) {
                    assertThat(caller.await(60)).as(caller.output() + "\n" + server.output()).isZero();
                }
                assertThat(Sipp.responsesIn(straight)).as("a caller reaching the fenced node hears it ring").contains("180 INVITE", "487 INVITE");

                Path throughFront = dir.resolve("through-front.log");
                try (Sipp caller = Sipp.steadyCallers("caller-cluster.xml", ServerProcess.freePort(), front.hostPort(), "110",
                        Map.of("caller", "081299917202", "lat", "-7.7156", "lon", "110.3558"), 1_000, 1, 1, throughFront)) {
                    assertThat(caller.await(60)).as(caller.output() + "\n" + logs.get()).isZero();
                }
                List<ClusterCalls.Call> calls = ClusterCalls.read(throughFront);
                assertThat(calls).as("no node active at the front: the caller is still given to a node, and hears it ring")
                        .singleElement().satisfies(c -> assertThat(c.rang() && c.node() == sipPort).as("%s rang at the node", c).isTrue());
                assertThat(front.logLines("to the last-resort set")).as(front.logTail()).isNotEmpty();
                assertThat(front.nodeStates(2)).as("the last-resort set is never marked down").containsEntry("sip:127.0.0.1:" + sipPort, "AX");

                pg.startServer();
                await("OPTIONS answered 200 once the lease is renewed", logs, () -> optionsAnswer(sipPort).startsWith("SIP/2.0 200"));
                await("the node active at the front again", logs, () -> front.nodeActive(sipPort));
                NodeApi api = new NodeApi(httpPort);
                await("the fence and its end in the node's journal", logs, () -> journalTypes(api, node).containsAll(List.of("NodeFenced", "NodeUnfenced")));
                List<String> types = journalTypes(api, node);
                // the journal lists a subject's entries newest first: the last change is the unfence
                assertThat(types.indexOf("NodeUnfenced")).as("fenced, then unfenced (newest first): %s", types).isLessThan(types.indexOf("NodeFenced"));
            }
        } finally {
            NatsBuckets.deleteAll(natsPrefix);
        }
    }

    private static List<String> journalTypes(NodeApi api, String node) {
        try {
            return StreamSupport.stream(api.get("/api/journal?kind=NODE&id=" + node).spliterator(), false).map(e -> e.path("type").asString())
                    .toList();
        } catch (RuntimeException notYet) {
            return List.of();
        }
    }

    /** The node's answer to an OPTIONS from outside any call, as the front's probe sends it; "" if none came within two seconds. */
    private static String optionsAnswer(int sipPort) {
        return optionsAnswer("sip:127.0.0.1:" + sipPort, sipPort);
    }

    /** The same, to {@code uri} ({@code sip:alive@…}: the front's probe of whether the node is alive at all). */
    private static String optionsAnswer(String uri, int sipPort) {
        long n = System.nanoTime();
        String request = "OPTIONS " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + PORT + ";branch=z9hG4bK-fenced-" + n + "\r\n"
                + "From: <sip:probe@127.0.0.1>;tag=f" + n + "\r\n"
                + "To: <sip:127.0.0.1:" + sipPort + ">\r\n"
                + "Call-ID: fenced-" + n + "@127.0.0.1\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Max-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n";
        try (RawSipSocket socket = new RawSipSocket(PORT, Duration.ofSeconds(2))) {
            socket.send(request, sipPort);
            Optional<RawSipSocket.Datagram> answer = socket.next(text -> text.startsWith("SIP/2.0 ") && !text.startsWith("SIP/2.0 100"));
            return answer.map(RawSipSocket.Datagram::text).orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    private static void await(String what, Supplier<String> log, BooleanSupplier done) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within a minute\n" + log.get());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
