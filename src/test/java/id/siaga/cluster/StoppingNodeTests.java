package id.siaga.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.RawSipSocket;
import id.siaga.support.ServerProcess;
import id.siaga.support.Sipp;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A node told to stop (SIGTERM) says so on SIP before it goes, which is how the cluster's SIP front (Kamailio's
 * dispatcher, probing each node with OPTIONS) learns to send calls elsewhere: for {@code siaga.telephony.drain-time} an
 * OPTIONS, a new call and a REGISTER are answered 503, while a caller already ringing there rings on (an operator may
 * still answer). The refused call is journalled as refused because the server was stopping. Then the waiting caller is
 * told 503 too, and the node exits. The server runs as its own process, with an H2 file database.
 */
class StoppingNodeTests {

    static final Pattern REFUSED = Pattern.compile("call (\\S+) from \\S+ refused: the server is stopping");
    /** Where the raw requests come from. */
    static final int PORT = ServerProcess.freePort();

    @TempDir
    Path dir;

    @BeforeAll
    static void sipp() {
        Sipp.requireInstalled();
    }

    @Test
    void aStoppingNodeAnswersOptionsNewCallsAndRegistrations503WhileTheCallerRingingThereRingsOn() throws Exception {
        int httpPort = ServerProcess.freePort();
        int sipPort = ServerProcess.freePort();
        List<String> args = List.of("--siaga.telephony.sip-port=" + sipPort, "--SIAGA_H2_FILE=" + dir.resolve("siaga110"),
                "--siaga.journal.spool-file=" + dir.resolve("journal-spool.jsonl"), "--siaga.tracking.osmand-port=-1",
                "--siaga.telephony.drain-time=10s");
        String refusedCall;
        try (ServerProcess node = ServerProcess.start("stopping-node", httpPort, args);
             Sipp waiting = Sipp.caller("caller-pidf.xml", ServerProcess.freePort(), "127.0.0.1:" + sipPort, "110",
                     Map.of("caller", "081299917101", "lat", "-7.7156", "lon", "110.3558"), 1_000, 1)) {
            NodeApi api = new NodeApi(httpPort);
            await("the caller ringing (nobody is READY)", node::output, () -> liveCallsOf(api, "+6281299917101") == 1);
            assertThat(firstAnswer(sipPort, request("OPTIONS", sipPort))).as("a running node").startsWith("SIP/2.0 200");

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(node::terminate);
            await("OPTIONS answered 503 once the stop began", node::output,
                    () -> firstAnswer(sipPort, request("OPTIONS", sipPort)).startsWith("SIP/2.0 503"));
            assertThat(firstAnswer(sipPort, request("INVITE", sipPort))).as("a new call").startsWith("SIP/2.0 503");
            assertThat(firstAnswer(sipPort, request("REGISTER", sipPort))).as("a phone registering").startsWith("SIP/2.0 503");
            assertThat(liveCallsOf(api, "+6281299917101")).as("the caller already ringing rings on").isEqualTo(1);
            assertThat(waiting.isRunning()).as("its call not ended yet").isTrue();

            stopping.join();
            assertThat(waiting.await(30)).as("the waiting caller is told 503 at last: " + waiting.output()).isNotZero();
            assertThat(waiting.output()).contains("503");
            Matcher refused = REFUSED.matcher(String.join("\n", node.logLines("refused")));
            assertThat(refused.find()).as(node.output()).isTrue();
            refusedCall = refused.group(1);
        }
        try (ServerProcess again = ServerProcess.start("stopping-node-restarted", httpPort, args)) {
            JsonNode journal = new NodeApi(httpPort).get("/api/journal?kind=CALL&id=" + refusedCall);
            assertThat(StreamSupport.stream(journal.spliterator(), false).map(e -> e.path("type").asString()))
                    .as("the call refused while stopping: " + journal).containsExactly("CallRefused");
            assertThat(journal.get(0).path("payload").toString()).contains("503").contains("stopping");
        }
    }

    private static long liveCallsOf(NodeApi api, String caller) {
        return StreamSupport.stream(api.get("/api/calls").spliterator(), false).filter(c -> caller.equals(c.path("callerNumber").asString()))
                .count();
    }

    /** A request from outside any call, as a cluster's front or a phone sends it. */
    private static String request(String method, int sipPort) {
        long n = System.nanoTime();
        String uri = "REGISTER".equals(method) ? "sip:127.0.0.1:" + sipPort : "sip:110@127.0.0.1:" + sipPort;
        String from = "REGISTER".equals(method) ? "<sip:op-3404-1@127.0.0.1>" : "<sip:081299917102@127.0.0.1>";
        return method + " " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + PORT + ";branch=z9hG4bK-stopping-" + n + "\r\n"
                + "From: " + from + ";tag=s" + n + "\r\n"
                + "To: " + ("REGISTER".equals(method) ? from : "<" + uri + ">") + "\r\n"
                + "Call-ID: stopping-" + n + "@127.0.0.1\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + "Contact: <sip:081299917102@127.0.0.1:" + PORT + ">\r\n"
                + "Max-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    /** The first answer other than a 100 to {@code request}, within two seconds; "" if none came. */
    private static String firstAnswer(int sipPort, String request) {
        try (RawSipSocket socket = new RawSipSocket(PORT, Duration.ofSeconds(2))) {
            socket.send(request, sipPort);
            Optional<RawSipSocket.Datagram> answer = socket.next(text -> text.startsWith("SIP/2.0 ") && !text.startsWith("SIP/2.0 100"));
            return answer.map(RawSipSocket.Datagram::text).orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    private static void await(String what, java.util.function.Supplier<String> log, java.util.function.BooleanSupplier done) {
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
