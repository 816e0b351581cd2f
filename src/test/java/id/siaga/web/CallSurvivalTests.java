package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.PrivatePostgres;
import id.siaga.support.PrivateRtpengine;
import id.siaga.support.ServerProcess;
import id.siaga.support.Sipp;
import id.siaga.support.Tones;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A 110 caller in Sleman is still waiting (nobody is READY anywhere: the call is queued at Mabes) when the server goes
 * down. Whether it is killed ({@code kill -9}) or stopped (SIGTERM), once it is back the caller has a call-back task
 * at Polres Sleman and the call is in the history as interrupted, visible through the API as a supervisor sees it.
 * The server runs as its own process on the demo region with an H2 file database, as the README's run command does;
 * SIPp is the caller. A caller who was talking to Polres Sleman's operator through rtpengine when the server was killed
 * has the call's recording, caller left and operator right, once it is back.
 */
class CallSurvivalTests {

    static final String SUPERVISOR = Http.basic("supervisor.diy", "siaga110");
    static final String SLEMAN_OPERATOR = Http.basic("operator.sleman1", "siaga110");

    @TempDir
    Path dir;

    @BeforeAll
    static void sipp() {
        Sipp.requireInstalled();
    }

    @Test
    void aCallerWaitingWhenTheServerIsKilledIsCalledBackAfterTheRestart() {
        int httpPort = ServerProcess.freePort();
        int sipPort = ServerProcess.freePort();
        String callId;
        try (ServerProcess first = ServerProcess.start("survival-kill", httpPort, args(sipPort));
             Sipp caller = waitingCaller("+6281299900001", sipPort)) {
            callId = liveCallOf("+6281299900001", new Http(httpPort), first::output, caller);
            first.kill();
        }
        try (ServerProcess second = ServerProcess.start("survival-kill-restart", httpPort, args(sipPort))) {
            Http http = new Http(httpPort);
            JsonNode task = taskOf(callId, http, second::output);
            assertThat(task.path("station").asString()).isEqualTo("POLRES-3404");
            assertThat(task.path("callerNumber").asString()).isEqualTo("+6281299900001");
            assertThat(task.path("status").asString()).isEqualTo("OPEN");
            JsonNode call = http.get("/api/calls/" + callId, "Authorization", SUPERVISOR).json();
            assertThat(call.path("record").path("outcome").asString()).as(second.output()).isEqualTo("INTERRUPTED");
            assertThat(types(call)).contains("CallOffered", "CallQueued", "CallInterrupted", "CallbackTaskOpened");
            assertThat(journalOf(call, "CallInterrupted").path("payload").toString()).contains("found unfinished at start");
            // the operator's console lists it too
            assertThat(calls(http.get("/api/callbacks", "Authorization", SLEMAN_OPERATOR).json())).contains(callId);
        }
    }

    @Test
    void aCallerWaitingWhenTheServerIsStoppedIsRefusedAndCalledBackOnlyOnce() {
        int httpPort = ServerProcess.freePort();
        int sipPort = ServerProcess.freePort();
        String callId;
        try (ServerProcess first = ServerProcess.start("survival-stop", httpPort, args(sipPort));
             Sipp caller = waitingCaller("+6281299900002", sipPort)) {
            callId = liveCallOf("+6281299900002", new Http(httpPort), first::output, caller);
            first.terminate();
            caller.await(15);
            assertThat(caller.output()).as("the caller is told the service is unavailable, so a carrier can try elsewhere").contains("503");
        }
        try (ServerProcess second = ServerProcess.start("survival-stop-restart", httpPort, args(sipPort))) {
            Http http = new Http(httpPort);
            JsonNode call = http.get("/api/calls/" + callId, "Authorization", SUPERVISOR).json();
            assertThat(call.path("record").path("outcome").asString()).as(second.output()).isEqualTo("INTERRUPTED");
            assertThat(journalOf(call, "CallInterrupted").path("payload").toString()).contains("shutting down");
            assertThat(types(call).stream().filter("CallInterrupted"::equals)).hasSize(1);
            assertThat(types(call).stream().filter("CallbackTaskOpened"::equals)).hasSize(1);
            assertThat(taskOf(callId, http, second::output).path("station").asString()).isEqualTo("POLRES-3404");
        }
    }

    @Test
    void callersWhoHangUpWhileTheDatabaseIsDownAndTheServerIsThenKilledAreAllCalledBack() {
        try (PrivatePostgres pg = PrivatePostgres.start()) {
            int httpPort = ServerProcess.freePort();
            int sipPort = ServerProcess.freePort();
            List<String> args = List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + pg.jdbcUrl(),
                    "--spring.datasource.username=postgres", "--siaga.telephony.sip-port=" + sipPort,
                    "--siaga.journal.spool-file=" + dir.resolve("journal-spool.jsonl"));
            java.util.Set<String> ids;
            try (ServerProcess first = ServerProcess.start("outage", httpPort, args);
                 Sipp callers = Sipp.callers("caller-hangup.xml", ServerProcess.freePort(), "127.0.0.1:" + sipPort, "110",
                         Map.of("caller", "+6281299900003", "lat", "-7.7156", "lon", "110.3558"), 8_000, 5, 5)) {
                ids = liveCallsOf("+6281299900003", 5, new Http(httpPort), first::output, callers);
                pg.stop(); // the database host is lost while five callers wait
                assertThat(callers.await(60)).as("every caller hung up and got its 487\n" + callers.output()).isZero();
                sleep(1_000);
                first.kill();
            }
            pg.startServer();
            try (ServerProcess second = ServerProcess.start("outage-restart", httpPort, args)) {
                Http http = new Http(httpPort);
                for (String id : ids) {
                    JsonNode call = http.get("/api/calls/" + id, "Authorization", SUPERVISOR).json();
                    assertThat(call.path("record").path("outcome").asString()).as(id + "\n" + second.output()).isIn("ABANDONED", "INTERRUPTED");
                    assertThat(taskOf(id, http, second::output).path("station").asString()).isEqualTo("POLRES-3404");
                }
            }
        }
    }

    @Test
    void aCallTalkingThroughRtpengineWhenTheServerIsKilledIsRecordedAfterTheRestart() throws Exception {
        Tones.forSipp();
        int httpPort = ServerProcess.freePort();
        int sipPort = ServerProcess.freePort();
        int phonePort = ServerProcess.freePort();
        try (PrivateRtpengine rtpengine = PrivateRtpengine.start(PrivateRtpengine.freeUdpPort())) {
            List<String> args = new java.util.ArrayList<>(args(sipPort));
            args.addAll(List.of("--siaga.media.rtpengines=" + rtpengine.hostPort(), "--siaga.media.recording-dir=" + dir.resolve("recordings"),
                    "--siaga.telephony.phones.OP-3404-1=sip:op-3404-1@127.0.0.1:" + phonePort,
                    // rtpengine still holds the call after the restart: it is deleted there at once, not after an hour
                    "--siaga.media.recording-recovery-wait=0s"));
            String callId;
            try (ServerProcess first = ServerProcess.start("survival-media-kill", httpPort, args);
                 Sipp phone = Sipp.phone("phone-tone.xml", phonePort, 1, 300)) {
                Http http = new Http(httpPort);
                assertThat(http.put("/api/operators/OP-3404-1/presence", "{\"presence\":\"READY\"}", "Authorization", SLEMAN_OPERATOR).status())
                        .isEqualTo(200);
                try (Sipp caller = Sipp.caller("caller-tone.xml", ServerProcess.freePort(), "127.0.0.1:" + sipPort, "110",
                        Map.of("caller", "+6281299900004", "lat", "-7.7156", "lon", "110.3558"), 60_000, 1)) {
                    callId = callOf("+6281299900004", "ANSWERED", http, first::output, caller);
                    sleep(2_000); // the caller and the operator talk through rtpengine
                    first.kill();
                    sleep(1_000); // and go on talking through rtpengine, which outlives the server
                }
            } // then both hang up: their media stops, rtpengine still holds the call
            try (ServerProcess second = ServerProcess.start("survival-media-kill-restart", httpPort, args)) {
                Http http = new Http(httpPort);
                JsonNode call = awaitJournalled(callId, "CallRecorded", http, second::output);
                assertThat(types(call)).containsSubsequence("RecordingStarted", "CallAnswered", "CallInterrupted", "CallRecorded");
                assertThat(journalOf(call, "CallRecorded").path("actor").asString()).isEqualTo("recovery");
                Http.Bytes wav = http.getBytes("/api/calls/" + callId + "/recording", "Authorization", SUPERVISOR);
                assertThat(wav.status()).as(second.output()).isEqualTo(200);
                short[][] channels = Tones.stereo(wav.body());
                assertThat(channels[0].length / 8000.0).as("the talk before the kill and after it").isGreaterThan(2.0);
                assertThat(Tones.power(channels[0], 440)).as("the caller's 440 Hz on the left").isGreaterThan(10 * Tones.power(channels[0], 1000));
                assertThat(Tones.power(channels[1], 1000)).as("the operator's 1 kHz on the right").isGreaterThan(10 * Tones.power(channels[1], 440));
                Path pcap = Path.of(journalOf(call, "RecordingStarted").path("payload").path("pcaps").get(0).asString());
                assertThat(pcap.getParent()).isEqualTo(rtpengine.recordingDir().resolve("pcaps"));
                assertThat(pcap).as("kept as the WAV: rtpengine's pcap is deleted").doesNotExist();
            }
        }
    }

    /** The call's story once it has an entry of this type (the recovery of recordings runs in the background). */
    private static JsonNode awaitJournalled(String callId, String type, Http http, Supplier<String> log) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        JsonNode call = http.get("/api/calls/" + callId, "Authorization", SUPERVISOR).json();
        while (!types(call).contains(type) && System.nanoTime() < deadline) {
            sleep(250);
            call = http.get("/api/calls/" + callId, "Authorization", SUPERVISOR).json();
        }
        assertThat(types(call)).as(log.get()).contains(type);
        return call;
    }

    private List<String> args(int sipPort) {
        return List.of("--siaga.telephony.sip-port=" + sipPort,
                "--SIAGA_H2_FILE=" + dir.resolve("siaga110"), // the run command's own database settings, in a folder of the test's
                "--siaga.journal.spool-file=" + dir.resolve("journal-spool.jsonl"));
    }

    /** A caller in Sleman who holds on for two minutes. */
    private static Sipp waitingCaller(String number, int sipPort) {
        return Sipp.caller("caller-hangup.xml", ServerProcess.freePort(), "127.0.0.1:" + sipPort, "110",
                Map.of("caller", number, "lat", "-7.7156", "lon", "110.3558"), 120_000, 1);
    }

    /** The id of the live call from this number, once it rings. */
    private static String liveCallOf(String number, Http http, Supplier<String> log, Sipp caller) {
        return liveCallsOf(number, 1, http, log, caller).iterator().next();
    }

    /** The id of the live call from this number, once it is in this state. */
    private static String callOf(String number, String state, Http http, Supplier<String> log, Sipp caller) {
        return liveCallsOf(number, state, 1, http, log, caller).iterator().next();
    }

    /** The ids of {@code count} live calls from this number, once they all ring. */
    private static java.util.Set<String> liveCallsOf(String number, int count, Http http, Supplier<String> log, Sipp caller) {
        return liveCallsOf(number, "RINGING", count, http, log, caller);
    }

    private static java.util.Set<String> liveCallsOf(String number, String state, int count, Http http, Supplier<String> log, Sipp caller) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        while (System.nanoTime() < deadline && ids.size() < count) {
            for (JsonNode c : http.get("/api/calls", "Authorization", SUPERVISOR).json()) {
                if (number.equals(c.path("callerNumber").asString()) && state.equals(c.path("state").asString())) {
                    ids.add(c.path("id").asString());
                }
            }
            sleep(100);
        }
        assertThat(ids).as(caller.output() + "\n" + log.get()).hasSize(count);
        return ids;
    }

    private static JsonNode taskOf(String callId, Http http, Supplier<String> log) {
        JsonNode tasks = http.get("/api/callbacks", "Authorization", SUPERVISOR).json();
        List<JsonNode> of = StreamSupport.stream(tasks.spliterator(), false).filter(t -> callId.equals(t.path("call").asString())).toList();
        assertThat(of).as("call-back tasks of call " + callId + " in " + tasks + "\n" + log.get()).hasSize(1);
        return of.get(0);
    }

    private static List<String> types(JsonNode call) {
        return StreamSupport.stream(call.path("journal").spliterator(), false).map(e -> e.path("type").asString()).toList();
    }

    private static JsonNode journalOf(JsonNode call, String type) {
        return StreamSupport.stream(call.path("journal").spliterator(), false).filter(e -> type.equals(e.path("type").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + types(call)));
    }

    private static List<String> calls(JsonNode tasks) {
        return StreamSupport.stream(tasks.spliterator(), false).map(t -> t.path("call").asString()).toList();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
