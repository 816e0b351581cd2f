package id.siaga.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.cluster.ClusterCalls.Call;
import id.siaga.support.NatsBuckets;
import id.siaga.support.Peers;
import id.siaga.support.PrivateKamailio;
import id.siaga.support.ServerProcess;
import id.siaga.support.Sipp;
import id.siaga.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Kamailio as the SIP front of two Siaga nodes, each its own process (a real Kamailio with the project's
 * {@code scripts/cluster/kamailio.cfg}, SIPp as the callers and the operator's phone). A call through the front is
 * answered by Polres Sleman's operator, and the caller's ACK and BYE follow the route Kamailio recorded. Then callers in
 * Sleman dial 110 at the front with nobody READY, so each call queues and rings until its caller hangs up a second
 * later. The calls are spread over both nodes; one
 * node is killed ({@code kill -9}) under a steady twenty calls a second and, once Kamailio has given up on it, every new
 * call rings at the survivor; started again, it takes calls again; the other node stopped with SIGTERM (it refuses new
 * calls with 503 while it stops) is taken out without one caller failing. What the caller heard comes from SIPp's log
 * of each call (when the INVITE went, when the 180 came and from which node); which node took each call also from the
 * journal (each entry names its node), read through a node's API. The nodes share one PostgreSQL database and NATS, as a
 * cluster does: the survivor turns the calls the killed node left ringing into call-back tasks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KamailioFrontTests {

    static final int PER_SECOND = 20;
    /** How long each caller listens to the ringing before hanging up. */
    static final long RING_MILLIS = 1_000;
    /** Kamailio's log of each INVITE it sends to a node: its Call-ID (in the log prefix) and the node's SIP port. */
    static final Pattern SENT_TO_NODE = Pattern.compile("\\{1 1 INVITE (\\S+)\\} <script>: INVITE (?:from \\S+ to|failed over to) Siaga node sip:127\\.0\\.0\\.1:(\\d+)");

    Path dir;
    TestDatabase db;
    final String natsPrefix = "test-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    final int phonePort = ServerProcess.freePort();
    ClusterNode a;
    ClusterNode b;
    PrivateKamailio front;

    @BeforeAll
    void cluster() throws IOException {
        Sipp.requireInstalled();
        PrivateKamailio.requireInstalled();
        Peers.require(Peers.listening("127.0.0.1", 4222), "NATS JetStream at 127.0.0.1:4222");
        dir = Files.createTempDirectory("siaga-cluster-");
        db = TestDatabase.create(TestDatabase.Kind.POSTGRES);
        // Polres Sleman's first operator has a desk phone (static contact) that either node may ring
        List<String> phone = List.of("--siaga.telephony.phones.OP-3404-1=sip:op-3404-1@127.0.0.1:" + phonePort);
        a = new ClusterNode("siaga-1", dir, db, natsPrefix, phone).start();
        b = new ClusterNode("siaga-2", dir, db, natsPrefix, phone).start();
        front = PrivateKamailio.start(List.of(a.sipPort, b.sipPort));
        awaitFront("both nodes active at the front", () -> front.nodeActive(a.sipPort) && front.nodeActive(b.sipPort));
    }

    @AfterAll
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {front, a, b, db, () -> NatsBuckets.deleteAll(natsPrefix)}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // the next one still closes
            }
        }
    }

    @Test
    @Order(0)
    void aCallThroughTheFrontIsAnsweredByTheOperatorAndItsAckAndByeFollowTheRecordedRoute() throws IOException {
        b.api().presence("OP-3404-1", "READY");
        Path messages = dir.resolve("answered-call.msg");
        try (Sipp phone = Sipp.phone("phone-answer.xml", phonePort, 1, 500);
             Sipp caller = Sipp.oneCall("caller-pidf.xml", ServerProcess.freePort(), front.hostPort(), "110",
                     Map.of("caller", "081299917000", "lat", "-7.7156", "lon", "110.3558"), 1_000, messages)) {
            assertThat(caller.await(60)).as(caller.output() + "\n" + front.logTail()).isZero();
            assertThat(phone.await(30)).as(phone.output()).isZero();
        } finally {
            a.api().presence("OP-3404-1", "AWAY"); // the phone is gone: the later callers ring nobody
        }
        assertThat(Sipp.responsesIn(messages)).as("the caller heard ringing, the operator's answer, and its hang-up taken")
                .containsSubsequence("180 INVITE", "200 INVITE", "200 BYE");
        String sent = Files.readString(messages, java.nio.charset.StandardCharsets.ISO_8859_1);
        String route = "Route: <sip:127.0.0.1:" + front.port() + ";lr";
        assertThat(sent).as("the ACK and the BYE go through Kamailio, as its Record-Route asked")
                .containsPattern("(?s)ACK sip:siaga110@127\\.0\\.0\\.1:\\d+[^\\n]*\\n.*?" + java.util.regex.Pattern.quote(route))
                .containsPattern("(?s)BYE sip:siaga110@127\\.0\\.0\\.1:\\d+[^\\n]*\\n.*?" + java.util.regex.Pattern.quote(route));
        await(() -> "the answered call in the history: " + a.api().historyOf("+6281299917000"),
                () -> a.api().historyOf("+6281299917000").size() == 1);
        JsonNode call = a.api().historyOf("+6281299917000").get(0);
        // answered by the operator, ended by the caller's BYE (a second of talk: the history calls it cut off, under 5 s)
        assertThat(call.path("answeredBy").asString()).as(call.toString()).isEqualTo("OP-3404-1");
        assertThat(call.path("endedBy").asString()).as(call.toString()).isEqualTo("caller");
    }

    @Test
    @Order(1)
    void callsThroughTheFrontAreSpreadOverBothNodesAndEachNodeHoldsTheCallsItTook() {
        Path log = dir.resolve("spread.log");
        try (Sipp callers = callers("081299917001", 20, log)) {
            assertThat(callers.await(120)).as(callers.output() + "\n" + front.logTail()).isZero();
        }
        List<Call> calls = ClusterCalls.read(log);
        assertThat(calls).hasSize(20).allMatch(Call::rang);
        long atA = calls.stream().filter(c -> c.node() == a.sipPort).count();
        long atB = calls.stream().filter(c -> c.node() == b.sipPort).count();
        assertThat(atA + atB).as("every call rang at one of the two nodes: %s", calls).isEqualTo(20);
        assertThat(atA).as("node %s took calls", a.name).isPositive();
        assertThat(atB).as("node %s took calls", b.name).isPositive();
        // the cluster's history holds the twenty, and each node's journal chain the calls the front gave it
        Map<String, Long> offeredBy = offeredBy(b.api(), "+6281299917001", 20);
        assertThat(offeredBy).as("calls offered by each node, from the journal").isEqualTo(Map.of(a.name, atA, b.name, atB));
        System.out.printf("cluster front: 20 calls at %d/s spread %d/%d over %s/%s; post-dial delay (INVITE to 180) through Kamailio"
                + " median %d ms, p99 %d ms%n", PER_SECOND, atA, atB, a.name, b.name, ClusterCalls.postDialDelay(calls, 0.5),
                ClusterCalls.postDialDelay(calls, 0.99));
    }

    @Test
    @Order(2)
    void afterANodeIsKilledEveryNewCallRingsAtTheSurvivor() {
        Path log = dir.resolve("kill.log");
        long killedAt;
        long takenOutAt;
        int sippFailed;
        try (Sipp callers = callers("081299917002", 20 * PER_SECOND, log)) {
            awaitCalls(log, calls -> rangAt(calls, a) >= 10 && rangAt(calls, b) >= 10);
            killedAt = System.currentTimeMillis();
            a.kill();
            awaitFront("the killed node inactive at the front", () -> !front.nodeActive(a.sipPort));
            takenOutAt = System.currentTimeMillis();
            callers.await(120);
            sippFailed = callers.failedCalls();
        }
        List<Call> calls = ClusterCalls.read(log);
        // the survivor counts the killed node lost and turns each call it left unanswered into a call-back task
        await(() -> "the survivor counting " + a.name + " lost: " + b.api().get("/api/cluster"),
                () -> nodeState(b.api(), a.name).equals("LOST"));
        // each call's journal read once, after the survivor counted the node lost (four hundred calls: reading them once
        // per question took most of this test's time)
        Map<String, JsonNode> journals = journals(b.api(), "+6281299917002");
        List<Long> calledBackAt = lostCallsCalledBackAt(journals, a.name);
        List<Call> afterKill = calls.stream().filter(c -> c.sentAt() >= killedAt).toList();
        // the failover window: from the kill to the last call Kamailio still tried at the dead node
        Set<String> triedAtDead = sentTo(a.sipPort);
        long windowEnd = afterKill.stream().filter(c -> triedAtDead.contains(c.callId())).mapToLong(Call::sentAt).max().orElse(killedAt);
        List<Call> inWindow = afterKill.stream().filter(c -> c.sentAt() <= windowEnd).toList();
        List<Call> afterWindow = afterKill.stream().filter(c -> c.sentAt() > windowEnd).toList();
        Call firstAtSurvivor = afterKill.stream().filter(Call::rang).filter(c -> c.node() == b.sipPort)
                .min(java.util.Comparator.comparingLong(Call::rangAt)).orElseThrow(() -> new AssertionError("no call rang at the survivor"));
        long held = calls.stream().filter(c -> c.sentAt() < killedAt && c.rang() && c.node() == a.sipPort && c.rangAt() + RING_MILLIS > killedAt).count();
        System.out.printf("cluster front, kill -9 of %s at %d calls/s: first call ringing at the survivor %d ms after the kill; the front"
                        + " took the dead node out after %d ms (kamcmd); the last call tried at the dead node was placed %d ms after the kill;"
                        + " %d calls placed in that window, %d of them failed over (1.5 s each), %d failed; %d callers were ringing at the"
                        + " dead node when it died; %d calls after the window, %d failed; SIPp counted %d of %d calls failed (a call that"
                        + " rang and then missed its CANCEL's answers counts there); the survivor turned %d calls of the dead node into"
                        + " call-back tasks, the last %d ms after the kill%n",
                a.name, PER_SECOND, firstAtSurvivor.rangAt() - killedAt, takenOutAt - killedAt, windowEnd - killedAt, inWindow.size(),
                inWindow.stream().filter(c -> triedAtDead.contains(c.callId())).count(), inWindow.stream().filter(c -> !c.rang()).count(),
                held, afterWindow.size(), afterWindow.stream().filter(c -> !c.rang()).count(), sippFailed, calls.size(), calledBackAt.size(),
                calledBackAt.stream().mapToLong(t -> t - killedAt).max().orElse(-1));
        assertThat(afterWindow).as("calls placed after the failover window").isNotEmpty()
                .allSatisfy(c -> assertThat(c.rang() && c.node() == b.sipPort).as("%s rang at the survivor %s", c, b.name).isTrue());
        assertThat(front.logLines("Siaga node sip:127.0.0.1:" + a.sipPort + " is down")).as(front.logTail()).isNotEmpty();
        // nobody was READY: every call the killed node took, whether its caller hung up before the kill or was still
        // ringing, has its call-back task, and the still-ringing ones were closed by the survivor
        List<String> ofKilled = journals.keySet().stream()
                .filter(id -> a.name.equals(entry(journals.get(id), "CallOffered").path("node").asString())).toList();
        assertThat(ofKilled).as("calls the killed node took").isNotEmpty();
        assertThat(ofKilled).allSatisfy(id -> assertThat(entry(journals.get(id), "CallbackTaskOpened").isMissingNode())
                .as("call %s of the killed node has its call-back task", id).isFalse());
        assertThat(calledBackAt).as("calls ringing at the killed node, closed by the survivor").isNotEmpty();
        JsonNode verified = b.api().get("/api/journal/verify");
        assertThat(verified.path("intact").asBoolean()).as("both nodes' journal chains: %s", verified).isTrue();
    }

    @Test
    @Order(3)
    void aRestartedNodeTakesCallsAgain() {
        a.start();
        long readyAt = System.currentTimeMillis();
        awaitFront("the restarted node active at the front", () -> front.nodeActive(a.sipPort));
        long activeAt = System.currentTimeMillis();
        Path log = dir.resolve("restart.log");
        try (Sipp callers = callers("081299917003", 10, log)) {
            assertThat(callers.await(120)).as(callers.output() + "\n" + front.logTail()).isZero();
        }
        List<Call> calls = ClusterCalls.read(log);
        assertThat(calls).hasSize(10).allMatch(Call::rang);
        assertThat(calls.stream().filter(c -> c.node() == a.sipPort)).as("the restarted node rings callers again").isNotEmpty();
        assertThat(calls.stream().filter(c -> c.node() == b.sipPort)).as("so does the other").isNotEmpty();
        assertThat(front.logLines("Siaga node sip:127.0.0.1:" + a.sipPort + " is up")).as(front.logTail()).isNotEmpty();
        System.out.printf("cluster front: %s restarted, active at the front %d ms after it was ready%n", a.name, activeAt - readyAt);
    }

    @Test
    @Order(4)
    void aNodeStoppedWithSigtermIsTakenOutWithoutOneCallerFailing() {
        Path log = dir.resolve("sigterm.log");
        long stoppedAt;
        long exitedAt;
        try (Sipp callers = callers("081299917004", 20 * PER_SECOND, log)) {
            awaitCalls(log, calls -> rangAt(calls, a) >= 10 && rangAt(calls, b) >= 10);
            stoppedAt = System.currentTimeMillis();
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(b::terminate);
            awaitFront("the stopping node inactive at the front", () -> !front.nodeActive(b.sipPort));
            long takenOutAt = System.currentTimeMillis();
            stopping.join();
            exitedAt = System.currentTimeMillis();
            assertThat(takenOutAt).as("the front took the stopping node out before it exited").isLessThanOrEqualTo(exitedAt);
            assertThat(callers.await(120)).as("every caller rang, hung up and was told 487\n" + callers.output()).isZero();
        }
        List<Call> calls = ClusterCalls.read(log);
        List<Call> failed = calls.stream().filter(c -> !c.rang()).toList();
        Set<String> refusedByStopping = front.logLines("Siaga node sip:127.0.0.1:" + b.sipPort + " answered the INVITE 503").stream()
                .map(KamailioFrontTests::callIdOf).collect(Collectors.toSet());
        System.out.printf("cluster front, SIGTERM of %s at %d calls/s: it exited %d ms after the signal; %d calls answered 503 by it"
                        + " and failed over; %d of %d calls failed%n", b.name, PER_SECOND, exitedAt - stoppedAt, refusedByStopping.size(),
                failed.size(), calls.size());
        assertThat(calls).hasSize(20 * PER_SECOND);
        assertThat(failed).as("callers who never heard ringing\n" + front.logTail()).isEmpty();
        assertThat(calls.stream().filter(c -> c.sentAt() > exitedAt))
                .allSatisfy(c -> assertThat(c.node()).as("%s after the stopped node exited", c).isEqualTo(a.sipPort));
        assertThat(front.logLines("Siaga node sip:127.0.0.1:" + b.sipPort + " is down")).as(front.logTail()).isNotEmpty();
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** {@code calls} callers from Sleman at {@link #PER_SECOND}, each logging its call to {@code log}. */
    private Sipp callers(String caller, int calls, Path log) {
        return Sipp.steadyCallers("caller-cluster.xml", ServerProcess.freePort(), front.hostPort(), "110",
                Map.of("caller", caller, "lat", "-7.7156", "lon", "110.3558"), RING_MILLIS, calls, PER_SECOND, log);
    }

    private static long rangAt(List<Call> calls, ClusterNode node) {
        return calls.stream().filter(c -> c.rang() && c.node() == node.sipPort).count();
    }

    /** The Call-IDs of the INVITEs Kamailio sent to the node on {@code sipPort}, first choice or failover. */
    private Set<String> sentTo(int sipPort) {
        return front.logLines("Siaga node sip:127.0.0.1:" + sipPort).stream().map(SENT_TO_NODE::matcher).filter(Matcher::find)
                .filter(m -> Integer.parseInt(m.group(2)) == sipPort).map(m -> m.group(1)).collect(Collectors.toSet());
    }

    private static String callIdOf(String kamailioLine) {
        Matcher m = Pattern.compile("\\{1 1 INVITE (\\S+)\\}").matcher(kamailioLine);
        return m.find() ? m.group(1) : kamailioLine;
    }

    private void awaitCalls(Path log, Predicate<List<Call>> done) {
        await(() -> "the callers' calls: " + ClusterCalls.read(log), () -> done.test(ClusterCalls.read(log)));
    }

    /** How many of {@code caller}'s {@code calls} calls each node offered, as the journal (through {@code api}) says. */
    private static Map<String, Long> offeredBy(NodeApi api, String caller, int calls) {
        await(() -> calls + " calls of " + caller + " in the history, has " + api.historyOf(caller).size(), () -> api.historyOf(caller).size() == calls);
        return StreamSupport.stream(api.historyOf(caller).spliterator(), false)
                .map(call -> entry(api, call.path("id").asString(), "CallOffered").path("node").asString())
                .collect(Collectors.groupingBy(n -> n, Collectors.counting()));
    }

    /** Each of {@code caller}'s calls in the history, by id, with its journal as {@code api} reads it now. */
    private static Map<String, JsonNode> journals(NodeApi api, String caller) {
        Map<String, JsonNode> journals = new java.util.LinkedHashMap<>();
        for (JsonNode call : api.historyOf(caller)) {
            String id = call.path("id").asString();
            journals.put(id, api.get("/api/calls/" + id).path("journal"));
        }
        return journals;
    }

    /** When each call that {@code lostNode} left behind got its call-back task from another node (ms since 1970). */
    private static List<Long> lostCallsCalledBackAt(Map<String, JsonNode> journals, String lostNode) {
        return journals.values().stream()
                .filter(journal -> entry(journal, "CallInterrupted").path("payload").toString().contains("node " + lostNode + " was lost"))
                .map(journal -> Instant.parse(entry(journal, "CallbackTaskOpened").path("at").asString()).toEpochMilli()).toList();
    }

    /** The call's first journal entry of {@code type}; a missing node when it has none. */
    private static JsonNode entry(NodeApi api, String callId, String type) {
        return entry(api.get("/api/calls/" + callId).path("journal"), type);
    }

    private static JsonNode entry(JsonNode journal, String type) {
        for (JsonNode e : journal) {
            if (type.equals(e.path("type").asString())) {
                return e;
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }

    private static String nodeState(NodeApi api, String node) {
        for (JsonNode n : api.get("/api/cluster").path("nodes")) {
            if (node.equals(n.path("node").asString())) {
                return n.path("state").asString();
            }
        }
        return "";
    }

    private void awaitFront(String what, BooleanSupplier done) {
        await(() -> what + ": " + front.nodeStates() + "\n" + front.logTail(), done);
    }

    /** Until {@code done}, within a minute. */
    private static void await(Supplier<String> what, BooleanSupplier done) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within a minute: " + what.get());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
