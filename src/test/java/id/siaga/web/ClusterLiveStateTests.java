package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.Peers;
import id.siaga.support.ServerProcess;
import id.siaga.support.Sipp;
import id.siaga.support.TestDatabase;
import java.nio.file.Path;
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
 * Two nodes of a cluster on one PostgreSQL and the machine's NATS (buckets of the test's own), each the real server as
 * its own process, one operator phone (SIPp) that both may ring. Bripka Rina (OP-3404-1) turns READY on siaga-a: siaga-b
 * sees her READY and rings her phone for its caller; she answers and is BUSY on both nodes, so siaga-a does not ring her
 * for its own caller, who waits; when the first call ends she is READY again everywhere and siaga-a's caller is put
 * through to her.
 */
class ClusterLiveStateTests {

    static final String SLEMAN_OPERATOR = Http.basic("operator.sleman1", "siaga110");
    static final String SUPERVISOR = Http.basic("supervisor.mabes", "siaga110");
    static final String ADMIN = Http.basic("admin", "siaga110");
    static final String AML_GATEWAY = Http.basic("aml.gateway", "siaga110");
    /** A cell of Polres Bantul (the demo's cell table): the only location the caller's INVITE carries. */
    static final String BANTUL_CELL = "3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=51010" + "00A2" + "B2C8D01;network-provided";
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
        id.siaga.support.NatsBuckets.deleteAll(prefix);
    }

    @Test
    void anOperatorReadyOnOneNodeIsRungByTheOtherAndIsBusyForBoth() {
        Node a = new Node("siaga-a");
        Node b = new Node("siaga-b");
        try (ServerProcess nodeA = a.start(); ServerProcess nodeB = b.start(); Sipp phone = Sipp.phone("phone-answer.xml", phonePort, 2, 300)) {
            assertThat(a.http.put("/api/operators/OP-3404-1/presence", "{\"presence\":\"READY\"}", "Authorization", SLEMAN_OPERATOR).status())
                    .isEqualTo(200);
            long readyAt = System.nanoTime(); // siaga-a has it: from here, what the bus takes
            await("siaga-b sees her READY", nodeB::output, () -> presence(b, "OP-3404-1"), "READY"::equals);
            long seenMs = (System.nanoTime() - readyAt) / 1_000_000;

            // a console on siaga-a follows every call of the cluster
            List<String> streamedOnA = new java.util.concurrent.CopyOnWriteArrayList<>();
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            java.util.concurrent.CompletableFuture<?> console = client.sendAsync(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    "http://127.0.0.1:" + a.httpPort + "/api/calls/stream")).header("Authorization", SUPERVISOR).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().forEach(streamedOnA::add));
            String first;
            // her console runs on siaga-a (the consoles' load balancer sent her there), the call will be siaga-b's
            try (id.siaga.support.Browser browser = operatorConsole(a, "operator.sleman1");
                 Sipp onB = Sipp.caller("caller-pidf.xml", ServerProcess.freePort(), "127.0.0.1:" + b.sipPort, "110",
                    with("+6281299980001"), 6_000, 1)) {
                first = await("siaga-b's call answered by her", nodeB::output, () -> callOf(b, "+6281299980001", "ANSWERED"), id -> !id.isEmpty());
                await("siaga-a sees her BUSY", nodeA::output, () -> presence(a, "OP-3404-1"), "BUSY"::equals);
                browser.await("her console on siaga-a has siaga-b's call, answered, and opens its report",
                        w -> OperatorConsoleTests.text(w, "call-number").contains("81299980001")
                                && "type-input".equals(w.switchTo().activeElement().getDomAttribute("id")));
                assertThat(OperatorConsoleTests.text(browser.driver(), "call-chain")).isEqualTo("Polres Sleman → Polda DIY → Mabes Polri");
                browser.screenshot("cluster-console-on-siaga-a-call-on-siaga-b");
                await("siaga-a's console lists siaga-b's call, answered", nodeA::output, () -> callOf(a, "+6281299980001", "ANSWERED"),
                        first::equals);
                // working siaga-b's call from siaga-a: the silent caller's prompt is siaga-b's to play (it has no media plane here)
                Http.Response silent = a.http.post("/api/calls/" + first + "/silent-prompt", "{}", "Authorization", SLEMAN_OPERATOR);
                assertThat(silent.status()).as(silent.body()).isEqualTo(409);
                assertThat(silent.body()).as("siaga-b was asked and answered why").contains("no media plane carries call " + first);
                await("siaga-a's console stream told it answered", nodeA::output, () -> String.join("\n", streamedOnA),
                        lines -> lines.contains("event:answered") && lines.contains(first));
                try (Sipp onA = Sipp.caller("caller-pidf.xml", ServerProcess.freePort(), "127.0.0.1:" + a.sipPort, "110",
                        with("+6281299980002"), 1_000, 1)) {
                    String second = await("siaga-a's caller waits", nodeA::output, () -> callOf(a, "+6281299980002", "RINGING"), id -> !id.isEmpty());
                    assertThat(types(a, second)).as("not rung while she talks on siaga-b").doesNotContain("LegRang");
                    assertThat(onB.await(60)).as(onB.output()).isZero();
                    assertThat(onA.await(60)).as("put through once she is free\n" + onA.output() + "\n" + nodeA.output()).isZero();
                    List<JsonNode> story = story(a, second);
                    JsonNode answered = story.stream().filter(e -> e.path("type").asString().equals("CallAnswered")).findFirst().orElseThrow();
                    assertThat(answered.path("payload").path("operator").asString()).isEqualTo("OP-3404-1");
                    assertThat(answered.path("node").asString()).isEqualTo("siaga-a");
                }
            }
            // the call's own story is siaga-b's; siaga-a journals only that its console was shown the caller's location
            assertThat(story(b, first).stream().filter(e -> e.path("node").asString().equals("siaga-a")).map(e -> e.path("type").asString())
                    .distinct()).containsOnly("CallerLocationRead");
            assertThat(story(b, first).stream().filter(e -> e.path("type").asString().equals("CallOffered")).map(e -> e.path("node").asString()))
                    .containsExactly("siaga-b");
            await("siaga-b's call gone from siaga-a's list once ended", nodeA::output, () -> callOf(a, "+6281299980001", "ANSWERED"),
                    String::isEmpty);
            console.cancel(true);
            System.out.printf("cluster live state: READY on siaga-a (its answer in hand) seen by siaga-b within %d ms (read every 20 ms over HTTP)%n", seenMs);
        }
    }

    /**
     * Two callers in Sleman dial 110 at the same moment, one reaching siaga-a and one siaga-b, while Bripka Rina's is the
     * only READY phone: it is never rung for both at once. One call rings it and she answers; the other is not rung
     * while that call rings or talks, and is put through to her once it has ended.
     */
    @Test
    void twoCallersAtOnceOnTwoNodesNeverRingTheOnlyReadyPhoneTwice() {
        Node a = new Node("siaga-a");
        Node b = new Node("siaga-b");
        try (ServerProcess nodeA = a.start(); ServerProcess nodeB = b.start(); Sipp phone = Sipp.phone("phone-answer.xml", phonePort, 2, 300)) {
            assertThat(a.http.put("/api/operators/OP-3404-1/presence", "{\"presence\":\"READY\"}", "Authorization", SLEMAN_OPERATOR).status())
                    .isEqualTo(200);
            await("siaga-b sees her READY", nodeB::output, () -> presence(b, "OP-3404-1"), "READY"::equals);
            try (Sipp onA = Sipp.caller("caller-pidf.xml", ServerProcess.freePort(), "127.0.0.1:" + a.sipPort, "110",
                    with("+6281299980021"), 2_000, 1);
                 Sipp onB = Sipp.caller("caller-pidf.xml", ServerProcess.freePort(), "127.0.0.1:" + b.sipPort, "110",
                    with("+6281299980022"), 2_000, 1)) {
                assertThat(onA.await(60)).as("siaga-a's caller put through\n" + onA.output() + "\n" + nodeA.output()).isZero();
                assertThat(onB.await(60)).as("siaga-b's caller put through\n" + onB.output() + "\n" + nodeB.output()).isZero();
            }
            assertThat(phone.await(60)).as("her phone took two calls\n" + phone.output()).isZero();
            String callA = await("siaga-a's call ended", nodeA::output, () -> endedCallOf(a, "+6281299980021"), id -> !id.isEmpty());
            String callB = await("siaga-b's call ended", nodeB::output, () -> endedCallOf(b, "+6281299980022"), id -> !id.isEmpty());
            List<JsonNode> storyA = story(a, callA);
            List<JsonNode> storyB = story(a, callB);
            boolean aFirst = at(storyA, "CallAnswered").get(0).isBefore(at(storyB, "CallAnswered").get(0));
            List<JsonNode> first = aFirst ? storyA : storyB;
            List<JsonNode> second = aFirst ? storyB : storyA;
            for (List<JsonNode> story : List.of(first, second)) {
                assertThat(answeredBy(story)).isEqualTo("OP-3404-1");
            }
            java.time.Instant firstAnswered = at(first, "CallAnswered").get(0);
            java.time.Instant firstEnded = at(first, "CallEnded").get(0);
            // a ring this node was refused at once (her phone's claim held by the other node) never reached her phone: the
            // story says so with a LegFailed "rung by another node" right after its LegRang
            long refused = second.stream().filter(e -> e.path("type").asString().equals("LegFailed")
                    && e.path("payload").path("reason").asString().contains("rung by another node")).count();
            List<java.time.Instant> rang = at(second, "LegRang");
            assertThat(rang.subList((int) Math.min(refused, rang.size()), rang.size()))
                    .as("the second call rings her phone only once the first is answered: " + second).isNotEmpty()
                    .allMatch(r -> !r.isBefore(firstAnswered));
            assertThat(at(second, "CallAnswered").get(0)).as("she answers the second once the first has ended").isAfterOrEqualTo(firstEnded);
        }
    }

    /**
     * A caller in Sleman whose handset gives only a cell in Bantul dials 110 and reaches siaga-b; the carrier's gateway
     * posts the handset's AML SMS to siaga-a, which has no call from that number. siaga-a passes it on; siaga-b joins it
     * to its call while the call waits on its cell, routes it to Polres Sleman, and Bripka Rina answers there.
     */
    @Test
    void anAmlReportPostedToOneNodeLocatesTheCallTheOtherCarries() {
        Node a = new Node("siaga-a");
        Node b = new Node("siaga-b");
        String caller = "+6281299980011";
        try (ServerProcess nodeA = a.start(); ServerProcess nodeB = b.start(); Sipp phone = Sipp.phone("phone-answer.xml", phonePort, 1, 300)) {
            assertThat(b.http.put("/api/operators/OP-3404-1/presence", "{\"presence\":\"READY\"}", "Authorization", SLEMAN_OPERATOR).status())
                    .isEqualTo(200);
            try (Sipp onB = Sipp.caller("caller-cell.xml", ServerProcess.freePort(), "127.0.0.1:" + b.sipPort, "110",
                    Map.of("caller", caller, "pani", BANTUL_CELL), 3_000, 1)) {
                String call = await("siaga-b's call waits on its cell", nodeB::output, () -> callOf(b, caller, "RINGING"), id -> !id.isEmpty());
                Http.Response aml = a.http.post("/api/aml/sms", "{\"sender\":\"" + caller + "\",\"text\":\""
                        + amlSms(-7.71560, 110.35580).replace("\"", "\\\"") + "\"}", "Authorization", AML_GATEWAY);
                assertThat(aml.status()).as(aml.body()).isEqualTo(200);
                assertThat(aml.body()).contains("\"accepted\":true");
                await("siaga-b's call located by the AML siaga-a received", nodeB::output, () -> locationSource(b, call), "AML"::equals);
                assertThat(onB.await(60)).as("put through in Sleman\n" + onB.output() + "\n" + nodeB.output()).isZero();
                List<JsonNode> story = story(b, call);
                JsonNode located = story.stream().filter(e -> e.path("type").asString().equals("CallLocated")
                        && e.path("payload").path("source").asString().equals("AML")).findFirst().orElseThrow();
                assertThat(located.path("node").asString()).as("journalled by the call's own node").isEqualTo("siaga-b");
                assertThat(located.path("payload").path("via").asString()).contains("AML over SMS").contains("siaga-a");
                JsonNode answered = story.stream().filter(e -> e.path("type").asString().equals("CallAnswered")).findFirst().orElseThrow();
                assertThat(answered.path("payload").path("operator").asString()).isEqualTo("OP-3404-1");
                // the receiving node journals that it received the report, and that no call of its own took it
                JsonNode unmatched = a.http.get("/api/journal?kind=SYSTEM&id=location", "Authorization", ADMIN).json();
                assertThat(unmatched.toString()).contains("passed to the other nodes").contains(caller);
            }
        }
    }

    /** An AML SMS positioned now, with its {@code ml} (the length of the whole text, itself included) right. */
    private static String amlSms(double lat, double lon) {
        return id.siaga.support.TextGateway.amlSms(lat, lon);
    }

    private static String locationSource(Node n, String call) {
        for (JsonNode c : n.http.get("/api/calls", "Authorization", SUPERVISOR).json()) {
            if (call.equals(c.path("id").asString())) {
                return c.path("locationSource").asString();
            }
        }
        return "";
    }

    /** When each entry of this type in a story was journalled, in order. */
    private static List<java.time.Instant> at(List<JsonNode> story, String type) {
        return story.stream().filter(e -> e.path("type").asString().equals(type)).map(e -> java.time.Instant.parse(e.path("at").asString()))
                .sorted().toList();
    }

    private static String answeredBy(List<JsonNode> story) {
        return story.stream().filter(e -> e.path("type").asString().equals("CallAnswered")).map(e -> e.path("payload").path("operator").asString())
                .findFirst().orElse("");
    }

    /** The id of the call from this number in the node's history, once it has ended. */
    private static String endedCallOf(Node n, String caller) {
        for (JsonNode c : n.http.get("/api/calls/history?caller=" + caller.replace("+", "%2B"), "Authorization", SUPERVISOR).json()) {
            if (caller.equals(c.path("callerNumber").asString())) {
                return c.path("id").asString();
            }
        }
        return "";
    }

    private static Map<String, String> with(String caller) {
        Map<String, String> keys = new java.util.HashMap<>(IN_SLEMAN);
        keys.put("caller", caller);
        return keys;
    }

    /** One node's ports, files and settings; both ring the same phone. */
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
            return ServerProcess.start("cluster-live-" + id, httpPort, List.of("--spring.profiles.active=postgres",
                    "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
                    "--siaga.cluster.enabled=true", "--siaga.cluster.node-id=" + id, "--siaga.cluster.nats-prefix=" + prefix,
                    "--siaga.journal.spool-file=" + files.resolve("journal-spool.jsonl"), "--siaga.telephony.sip-port=" + sipPort,
                    "--siaga.telephony.phones.OP-3404-1=sip:op-3404-1@127.0.0.1:" + phonePort,
                    "--siaga.tracking.osmand-port=0", "--siaga.tracking.mqtt.enabled=false"));
        }
    }

    /** An operator's console in headless Chromium on node {@code n}, logged in and READY. */
    private static id.siaga.support.Browser operatorConsole(Node n, String username) {
        id.siaga.support.Browser browser = id.siaga.support.Browser.open(n.httpPort, false);
        try {
            ConsoleAccessTests.logIn(browser, username);
            browser.await("the operator console on " + n.id, w -> w.getCurrentUrl().contains("/operator/")
                    && "READY".equals(w.findElement(org.openqa.selenium.By.id("presence")).getDomAttribute("data-presence")));
            return browser;
        } catch (RuntimeException | AssertionError e) {
            browser.close();
            throw e;
        }
    }

    private static String presence(Node n, String operator) {
        return n.http.get("/api/operators/" + operator, "Authorization", SUPERVISOR).json().path("presence").asString();
    }

    private static String callOf(Node n, String caller, String state) {
        for (JsonNode c : n.http.get("/api/calls", "Authorization", SUPERVISOR).json()) {
            if (caller.equals(c.path("callerNumber").asString()) && state.equals(c.path("state").asString())) {
                return c.path("id").asString();
            }
        }
        return "";
    }

    private static List<JsonNode> story(Node n, String call) {
        JsonNode entries = n.http.get("/api/journal?kind=CALL&id=" + call, "Authorization", ADMIN).json();
        return StreamSupport.stream(entries.spliterator(), false).toList();
    }

    private static List<String> types(Node n, String call) {
        return story(n, call).stream().map(e -> e.path("type").asString()).toList();
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
