package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.PrivateRtpengine;
import id.siaga.support.ServerProcess;
import id.siaga.support.Sipp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code kill -9} while flagged callers hear the gate's prompt (issue 16): the server runs as its own process, as the
 * README's run command does (H2 file database), with a private rtpengine as its media plane and the gate on for Polda
 * DIY. A number earns its flag (three answered calls classified as pranks); five calls from it are then held at the
 * gate at once, no phone ringing for them, and the server is killed. After the restart every one of the five has ended
 * as interrupted with a call-back task at Polres Sleman, its journal saying it met the gate, and the three
 * classifications acknowledged before the kill are all there: no caller lost, nothing acknowledged lost.
 */
class GateSurvivalTests {

    static final String SUPERVISOR = Http.basic("supervisor.diy", "siaga110");
    static final String SLEMAN_OPERATOR = Http.basic("operator.sleman1", "siaga110");
    static final String PRANKSTER = "+6281299900066";
    static final Map<String, String> FROM_SLEMAN = Map.of("caller", "081299900066", "lat", "-7.7156", "lon", "110.3558");

    @TempDir
    Path dir;

    @BeforeAll
    static void peers() {
        Sipp.requireInstalled();
    }

    @Test
    void callersHeldAtTheGateWhenTheServerIsKilledAreCalledBackAfterTheRestart() throws Exception {
        int httpPort = ServerProcess.freePort();
        int sipPort = ServerProcess.freePort();
        int phonePort = ServerProcess.freePort();
        try (PrivateRtpengine rtpengine = PrivateRtpengine.start(PrivateRtpengine.freeUdpPort())) {
            // the longest key wait, so the five calls are still at the gate when the server dies
            List<String> args = List.of("--siaga.telephony.sip-port=" + sipPort, "--SIAGA_H2_FILE=" + dir.resolve("siaga110"),
                    "--siaga.journal.spool-file=" + dir.resolve("journal-spool.jsonl"), "--siaga.media.rtpengines=" + rtpengine.hostPort(),
                    "--siaga.media.recording-dir=" + dir.resolve("recordings"), "--siaga.screening.gate.stations=POLDA-DIY",
                    "--siaga.screening.gate.key-wait=30s", "--siaga.telephony.phones.OP-3404-1=sip:op-3404-1@127.0.0.1:" + phonePort);
            List<String> classified = new ArrayList<>();
            List<String> held;
            ServerProcess server = ServerProcess.start("gate-survival", httpPort, args);
            try (server) {
                Http http = new Http(httpPort);
                assertThat(http.put("/api/operators/OP-3404-1/presence", "{\"presence\":\"READY\"}", "Authorization", SLEMAN_OPERATOR).status())
                        .isEqualTo(200);
                try (Sipp phone = Sipp.phone("phone-answer.xml", phonePort, 3, 300)) {
                    for (int i = 0; i < 3; i++) {
                        try (Sipp caller = Sipp.caller("caller-pidf.xml", ServerProcess.freePort(), "127.0.0.1:" + sipPort, "110", FROM_SLEMAN,
                                6_000, 1)) {
                            assertThat(caller.await(60)).as(caller.output() + "\n" + server.output()).isZero();
                        }
                        http.put("/api/operators/OP-3404-1/presence", "{\"presence\":\"READY\"}", "Authorization", SLEMAN_OPERATOR);
                    }
                }
                JsonNode history = await("three answered calls in the history", server::output,
                        () -> http.get("/api/calls/history?caller=" + PRANKSTER, "Authorization", SUPERVISOR).json(), h -> h.size() == 3);
                for (JsonNode call : history) {
                    String id = call.path("id").asString();
                    assertThat(http.post("/api/calls/" + id + "/classification", "{\"classification\":\"PRANK\"}", "Authorization",
                            SLEMAN_OPERATOR).status()).isEqualTo(200);
                    classified.add(id);
                }
                assertThat(http.get("/api/numbers/" + PRANKSTER + "/reputation", "Authorization", SUPERVISOR).json()
                        .path("standing").path("flagged").asBoolean()).isTrue();

                try (Sipp callers = Sipp.callers("caller-pidf.xml", ServerProcess.freePort(), "127.0.0.1:" + sipPort, "110", FROM_SLEMAN,
                        1_000, 5, 5)) {
                    JsonNode live = await("five calls at the gate", server::output,
                            () -> http.get("/api/calls", "Authorization", SUPERVISOR).json(),
                            calls -> ids(calls, c -> "WAITING".equals(c.path("gate").asString())).size() == 5);
                    held = ids(live, c -> "WAITING".equals(c.path("gate").asString()));
                    assertThat(StreamSupport.stream(live.spliterator(), false).filter(c -> held.contains(c.path("id").asString()))
                            .flatMap(c -> StreamSupport.stream(c.path("ringing").spliterator(), false))).as("no phone rings for them").isEmpty();
                    server.kill();
                }
            }

            try (ServerProcess again = ServerProcess.start("gate-survival-restarted", httpPort, args)) {
                Http http = new Http(httpPort);
                JsonNode tasks = await("a call-back task for each caller held at the gate", again::output,
                        () -> http.get("/api/callbacks?limit=500", "Authorization", SUPERVISOR).json(),
                        t -> ids(t, x -> true, "call").containsAll(held));
                for (JsonNode task : tasks) {
                    if (held.contains(task.path("call").asString())) {
                        assertThat(task.path("station").asString()).as(task.toString()).isEqualTo("POLRES-3404");
                    }
                }
                for (String call : held) {
                    List<String> types = StreamSupport.stream(http.get("/api/calls/" + call, "Authorization", SUPERVISOR).json().path("journal")
                            .spliterator(), false).map(e -> e.path("type").asString()).toList();
                    assertThat(types).as(call).containsSubsequence("CallFlagged", "CallGated", "CallInterrupted", "CallbackTaskOpened")
                            .doesNotContain("LegRang", "CallRefused");
                }
                for (String call : classified) {
                    assertThat(http.get("/api/calls/" + call + "/classification", "Authorization", SUPERVISOR).json()
                            .path("classification").asString()).as("acknowledged before the kill").isEqualTo("PRANK");
                }
                assertThat(http.get("/api/numbers/" + PRANKSTER + "/reputation", "Authorization", SUPERVISOR).json()
                        .path("standing").path("flagged").asBoolean()).as("the flag survives the restart").isTrue();
            }
        }
    }

    private static List<String> ids(JsonNode list, Predicate<JsonNode> which) {
        return ids(list, which, "id");
    }

    private static List<String> ids(JsonNode list, Predicate<JsonNode> which, String field) {
        return StreamSupport.stream(list.spliterator(), false).filter(which).map(n -> n.path(field).asString()).collect(Collectors.toList());
    }

    /** {@code read} until {@code done} holds, within a minute; fails with the server's log. */
    private static JsonNode await(String what, Supplier<String> log, Supplier<JsonNode> read, Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        JsonNode last = read.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = read.get();
        }
        if (!done.test(last)) {
            throw new AssertionError(what + ": not within a minute; last read " + last + "\n" + log.get());
        }
        return last;
    }
}
