package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.PrivateRtpengine;
import id.siaga.support.ServerProcess;
import id.siaga.support.Sipp;
import id.siaga.support.Tones;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The silence signal end to end: the server as its own process with the media plane (a private rtpengine) records
 * every call. A caller in Sleman reaches Polres Sleman's operator, whose phone speaks (a 1 kHz tone), and says nothing
 * for seven seconds: only the hiss of an open line (-60 dBov) reaches the relay. Once the call's recording is kept, the
 * call's journal says the caller was silent, the number carries a SILENT mark set by the signal, and the board's list of
 * recordings says "silent for the first 5 seconds". A second caller who speaks (a 440 Hz tone) gets none of that. A
 * third caller's audio never reaches the relay at all (the scenario sends no RTP: one-way audio): silent too, and said
 * so apart.
 */
class SilentCallerTests {

    static final String SUPERVISOR = Http.basic("supervisor.diy", "siaga110");
    static final String SLEMAN_OPERATOR = Http.basic("operator.sleman1", "siaga110");
    static final String SILENT = "+6281299900031";
    static final String SPEAKING = "+6281299900032";
    static final String ONE_WAY = "+6281299900033";

    @TempDir
    Path dir;

    @BeforeAll
    static void peers() throws IOException {
        Sipp.requireInstalled();
        Tones.forSipp();
        // an open line nobody speaks into: white noise at -60 dBov, ten seconds (SIPp loops it)
        Random random = new Random(110);
        byte[] hiss = new byte[80_000];
        for (int i = 0; i < hiss.length; i++) {
            hiss[i] = Tones.linearToAlaw((short) Math.round(random.nextGaussian() * 32768 * Math.pow(10, -60 / 20.0)));
        }
        Files.write(Files.createDirectories(Path.of("target", "media-tones")).resolve("caller-hiss.alaw"), hiss);
    }

    @Test
    void aCallerSilentForTheFirstSecondsIsMarkedAndSaidSoWhereTheRecordingIsListed() throws Exception {
        int httpPort = ServerProcess.freePort();
        int sipPort = ServerProcess.freePort();
        int phonePort = ServerProcess.freePort();
        try (PrivateRtpengine rtpengine = PrivateRtpengine.start(PrivateRtpengine.freeUdpPort())) {
            List<String> args = List.of("--siaga.telephony.sip-port=" + sipPort, "--SIAGA_H2_FILE=" + dir.resolve("siaga110"),
                    "--siaga.journal.spool-file=" + dir.resolve("journal-spool.jsonl"), "--siaga.media.rtpengines=" + rtpengine.hostPort(),
                    "--siaga.media.recording-dir=" + dir.resolve("recordings"),
                    "--siaga.telephony.phones.OP-3404-1=sip:op-3404-1@127.0.0.1:" + phonePort);
            try (ServerProcess server = ServerProcess.start("silent-caller", httpPort, args);
                 Sipp phone = Sipp.phone("phone-tone.xml", phonePort, 3, 300)) {
                Http http = new Http(httpPort);
                assertThat(http.put("/api/operators/OP-3404-1/presence", "{\"presence\":\"READY\"}", "Authorization", SLEMAN_OPERATOR).status())
                        .isEqualTo(200);
                String silentCall = talk("caller-silent.xml", SILENT, sipPort, http, server::output);
                String speakingCall = talk("caller-tone.xml", SPEAKING, sipPort, http, server::output);
                String oneWayCall = talk("caller-pidf.xml", ONE_WAY, sipPort, http, server::output);

                JsonNode silent = await("the silent caller's recording judged", server::output,
                        () -> recordingOf(silentCall, http).filter(r -> r.hasNonNull("callerSilence")));
                assertThat(silent.path("callerSilence").asString()).as(server.output()).isEqualTo("SILENT");
                assertThat(silent.path("callerSilenceMs").asLong()).isEqualTo(5_000);
                JsonNode noted = journalOf(http.get("/api/calls/" + silentCall, "Authorization", SUPERVISOR).json(), "CallerSilent")
                        .orElseThrow(() -> new AssertionError("no CallerSilent in the call's journal\n" + server.output()));
                assertThat(noted.path("actor").asString()).isEqualTo("recording");
                assertThat(noted.path("payload").path("caller_audio").asBoolean()).isTrue();
                assertThat(noted.path("payload").path("loudest_dbov").asDouble()).as("the hiss was heard, under speech").isBetween(-75.0, -45.0);
                JsonNode reputation = http.get("/api/numbers/" + SILENT + "/reputation", "Authorization", SUPERVISOR).json();
                assertThat(StreamSupport.stream(reputation.path("marks").spliterator(), false)
                        .filter(m -> m.path("call").asString().equals(silentCall)).map(m -> m.path("kind").asString()).toList())
                        .as(reputation.toString()).containsExactly("SILENT");

                JsonNode speaking = await("the speaking caller's recording judged", server::output,
                        () -> recordingOf(speakingCall, http).filter(r -> r.hasNonNull("callerSilence")));
                assertThat(speaking.path("callerSilence").asString()).isEqualTo("SPOKE");
                assertThat(journalOf(http.get("/api/calls/" + speakingCall, "Authorization", SUPERVISOR).json(), "CallerSilent")).isEmpty();
                assertThat(http.get("/api/numbers/" + SPEAKING + "/reputation", "Authorization", SUPERVISOR).json().path("marks")).isEmpty();

                JsonNode oneWay = await("the one-way call's recording judged", server::output,
                        () -> recordingOf(oneWayCall, http).filter(r -> r.hasNonNull("callerSilence")));
                assertThat(oneWay.path("callerSilence").asString()).isEqualTo("NO_CALLER_AUDIO");
                JsonNode noAudio = journalOf(http.get("/api/calls/" + oneWayCall, "Authorization", SUPERVISOR).json(), "CallerSilent")
                        .orElseThrow(() -> new AssertionError("no CallerSilent in the one-way call's journal\n" + server.output()));
                assertThat(noAudio.path("payload").path("caller_audio").asBoolean()).isFalse();
                assertThat(http.get("/api/numbers/" + ONE_WAY + "/reputation", "Authorization", SUPERVISOR).json().path("marks").toString())
                        .contains("SILENT");
            }
        }
    }

    /** One call from {@code number} that the operator answers, seven seconds long; returns its id once it has ended. */
    private static String talk(String scenario, String number, int sipPort, Http http, Supplier<String> log) {
        try (Sipp caller = Sipp.caller(scenario, ServerProcess.freePort(), "127.0.0.1:" + sipPort, "110",
                Map.of("caller", number, "lat", "-7.7156", "lon", "110.3558"), 7_000, 1)) {
            assertThat(caller.await(60)).as("the call was answered and ended\n" + caller.output() + "\n" + log.get()).isZero();
        }
        JsonNode history = await("the call in the history", log, () -> Optional.of(http.get("/api/calls/history?caller=" + number,
                "Authorization", SUPERVISOR).json()).filter(h -> h.size() == 1));
        assertThat(history.get(0).path("outcome").asString()).isEqualTo("ANSWERED");
        return history.get(0).path("id").asString();
    }

    private static Optional<JsonNode> recordingOf(String call, Http http) {
        return StreamSupport.stream(http.get("/api/calls/recordings?limit=100", "Authorization", SUPERVISOR).json().spliterator(), false)
                .filter(r -> r.path("call").asString().equals(call)).findFirst();
    }

    private static Optional<JsonNode> journalOf(JsonNode call, String type) {
        return StreamSupport.stream(call.path("journal").spliterator(), false).filter(e -> type.equals(e.path("type").asString())).findFirst();
    }

    /** What {@code find} finds within a minute (a recording is kept once rtpengine has closed its pcap). */
    private static JsonNode await(String what, Supplier<String> log, Supplier<Optional<JsonNode>> find) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        Optional<JsonNode> found = find.get();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            found = find.get();
        }
        return found.orElseThrow(() -> new AssertionError(what + ": not within a minute\n" + log.get()));
    }
}
