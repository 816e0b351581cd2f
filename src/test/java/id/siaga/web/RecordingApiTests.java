package id.siaga.web;

import static id.siaga.web.CallDriver.IN_BANTUL;
import static id.siaga.web.CallDriver.IN_SLEMAN;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.journal.Journal;
import id.siaga.journal.JournalEntry;
import id.siaga.journal.SubjectKind;
import id.siaga.org.StationId;
import id.siaga.telephony.CallId;
import id.siaga.telephony.event.CallEvents;
import id.siaga.telephony.event.CallRecorded;
import id.siaga.telephony.event.RecordingPlayed;
import id.siaga.telephony.recording.CallRecordings;
import id.siaga.telephony.recording.CallerMedia;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A caller in Sleman talks to Polres Sleman's operator; the call's recording is kept when it ends. The operator plays it
 * back in the console (the player asks in Range requests, as browsers do), the Polda supervisor listens too, Polres
 * Bantul's operator cannot even learn that it exists, and every listen is in the call's journal with who listened.
 */
class RecordingApiTests extends CallApiTestBase {

    /** rtpengine's port for the caller's leg in the fixture's call. */
    static final CallerMedia CALLER = CallerMedia.sentTo(41068);

    @Autowired
    CallRecordings recordings;
    @Autowired
    Journal journal;
    @TempDir
    Path tmp;

    /** A Sleman call, answered and ended, whose recording (the PCMU tones rtpengine recorded) is kept. */
    CallId recordedSlemanCall(String caller) throws Exception {
        CallId call = calls.dial(caller, IN_SLEMAN, "OP-3404-1");
        calls.answerAndHangUp(call, "OP-3404-1");
        Path pcap = tmp.resolve(call.value() + ".pcap");
        try (InputStream in = getClass().getResourceAsStream("/media/rtpengine-pcmu-tones.pcap")) {
            Files.copy(in, pcap);
        }
        assertThat(recordings.record(call, StationId.of("POLRES-3404"), pcap, CALLER).get(30, TimeUnit.SECONDS))
                .isInstanceOf(CallRecordings.Outcome.Kept.class);
        return call;
    }

    List<JournalEntry> story(CallId call) {
        return journal.bySubject(SubjectKind.CALL, call.value(), 1000);
    }

    @Test
    void theOperatorPlaysTheRecordingBackAndSeeksInItWithRangeRequests() throws Exception {
        CallId call = recordedSlemanCall("+6281200150001");
        String url = "/api/calls/" + call.value() + "/recording";

        Http.Bytes whole = http.getBytes(url, AUTH, SLEMAN_OPERATOR);
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.header("Content-Type")).isEqualTo("audio/wav");
        assertThat(whole.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(whole.header("Content-Disposition")).isEqualTo("inline; filename=\"" + call.value() + ".wav\"");
        CallRecorded recorded = CallEvents.all(story(call), CallRecorded.class).get(0);
        assertThat(whole.body()).hasSize((int) recorded.bytes());
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(whole.body())))
                .as("what is played is what the journal vouches for").isEqualTo(recorded.sha256());

        Http.Bytes start = http.getBytes(url, AUTH, SLEMAN_OPERATOR, "Range", "bytes=0-1023");
        assertThat(start.status()).isEqualTo(206);
        assertThat(start.header("Content-Range")).isEqualTo("bytes 0-1023/" + recorded.bytes());
        assertThat(start.body()).isEqualTo(Arrays.copyOf(whole.body(), 1024));

        Http.Bytes seek = http.getBytes(url, AUTH, SLEMAN_OPERATOR, "Range", "bytes=32044-");
        assertThat(seek.status()).isEqualTo(206);
        assertThat(seek.header("Content-Range")).isEqualTo("bytes 32044-" + (recorded.bytes() - 1) + "/" + recorded.bytes());
        assertThat(seek.body()).isEqualTo(Arrays.copyOfRange(whole.body(), 32044, (int) recorded.bytes()));

        Http.Bytes beyond = http.getBytes(url, AUTH, SLEMAN_OPERATOR, "Range", "bytes=99999999-");
        assertThat(beyond.status()).isEqualTo(416);
        assertThat(beyond.header("Content-Range")).isEqualTo("bytes */" + recorded.bytes());

        assertThat(http.getBytes(url, AUTH, DIY_SUPERVISOR).status()).as("the Polda's supervisor: Sleman is in scope").isEqualTo(200);
    }

    @Test
    void outOfScopeOrWithoutARecordingIsTheSame404() throws Exception {
        CallId sleman = recordedSlemanCall("+6281200150002");
        Http.Response bantul = http.get("/api/calls/" + sleman.value() + "/recording", AUTH, BANTUL_OPERATOR);
        assertThat(bantul.status()).isEqualTo(404);
        assertThat(bantul.contentType()).startsWith("application/problem+json");
        assertThat(bantul.json().path("detail").asString()).isEqualTo("no recording of call " + sleman.value());

        CallId unrecorded = calls.dial("+6281200150003", IN_BANTUL, "OP-3402-1");
        calls.answerAndHangUp(unrecorded, "OP-3402-1");
        Http.Response none = http.get("/api/calls/" + unrecorded.value() + "/recording", AUTH, BANTUL_OPERATOR);
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().path("detail").asString()).isEqualTo("no recording of call " + unrecorded.value());
        assertThat(http.get("/api/calls/no-such-call/recording", AUTH, SLEMAN_OPERATOR).status()).isEqualTo(404);
        Http.Response asAPlayer = http.get("/api/calls/" + sleman.value() + "/recording", AUTH, BANTUL_OPERATOR, "Accept", "audio/wav");
        assertThat(asAPlayer.status()).as("a player that asks only for audio").isEqualTo(404);

        assertThat(http.get("/api/calls/" + sleman.value() + "/recording", AUTH, SLEMAN_OFFICER).status()).as("a field officer").isEqualTo(403);
        assertThat(http.get("/api/calls/" + sleman.value() + "/recording").status()).as("nobody logged in").isEqualTo(401);
        assertThat(CallEvents.all(story(sleman), RecordingPlayed.class)).as("nobody heard it").isEmpty();
    }

    @Test
    void theHistoryLinksARecordedCallToItsRecordingAndTheBoardListsTheLatestInScope() throws Exception {
        CallId recorded = recordedSlemanCall("+6281200150005");
        CallId unrecorded = calls.dial("+6281200150005", IN_SLEMAN, "OP-3404-1");
        calls.answerAndHangUp(unrecorded, "OP-3404-1");
        var history = CallDriver.awaitValue("both calls are in the history",
                () -> http.get("/api/calls/history?caller=+6281200150005", AUTH, SLEMAN_OPERATOR).json(), h -> h.size() == 2);
        for (var r : history) {
            String link = r.path("id").asString().equals(recorded.value()) ? "/api/calls/" + recorded.value() + "/recording" : null;
            assertThat(r.has("recording") ? r.path("recording").asString() : null).as("call %s", r.path("id").asString()).isEqualTo(link);
        }
        assertThat(http.get("/api/calls/" + recorded.value(), AUTH, SLEMAN_OPERATOR).json().path("record").path("recording").asString())
                .isEqualTo("/api/calls/" + recorded.value() + "/recording");

        var latest = http.get("/api/calls/recordings?limit=100", AUTH, DIY_SUPERVISOR).json();
        var mine = java.util.stream.StreamSupport.stream(latest.spliterator(), false).filter(r -> r.path("call").asString().equals(recorded.value()))
                .findFirst().orElseThrow();
        CallRecorded journalled = CallEvents.all(story(recorded), CallRecorded.class).get(0);
        assertThat(mine.path("station").asString()).isEqualTo("POLRES-3404");
        assertThat(mine.path("sha256").asString()).isEqualTo(journalled.sha256());
        assertThat(mine.path("durationMs").asLong()).isEqualTo(journalled.durationMs());
        assertThat(mine.path("url").asString()).isEqualTo("/api/calls/" + recorded.value() + "/recording");
        assertThat(mine.has("callerNumber")).as("no caller number, no location in the list").isFalse();
        assertThat(http.get("/api/calls/recordings", AUTH, BANTUL_OPERATOR).json()).as("Bantul sees none of Sleman's")
                .noneMatch(r -> r.path("station").asString().equals("POLRES-3404"));
        assertThat(http.get("/api/calls/recordings?limit=0", AUTH, DIY_SUPERVISOR).status()).isEqualTo(400);
        assertThat(CallEvents.all(story(recorded), RecordingPlayed.class)).as("listing is not listening").isEmpty();
    }

    @Test
    void everyListenIsJournalledOnceWithWhoListenedHowEverManyRangeRequestsItTakes() throws Exception {
        CallId call = recordedSlemanCall("+6281200150004");
        String url = "/api/calls/" + call.value() + "/recording";

        http.getBytes(url, AUTH, SLEMAN_OPERATOR, "Range", "bytes=0-");
        http.getBytes(url, AUTH, SLEMAN_OPERATOR, "Range", "bytes=20000-");
        http.getBytes(url, AUTH, SLEMAN_OPERATOR, "Range", "bytes=44-");
        http.getBytes(url, AUTH, DIY_SUPERVISOR);

        List<JournalEntry> listens = story(call).stream().filter(e -> e.type().equals("RecordingPlayed")).toList();
        assertThat(listens).extracting(JournalEntry::actor).containsExactlyInAnyOrder("operator.sleman1", "supervisor.diy");
        assertThat(CallEvents.all(story(call), RecordingPlayed.class)).containsExactlyInAnyOrder(new RecordingPlayed(call, true, 0),
                new RecordingPlayed(call, false, 0));
    }
}
