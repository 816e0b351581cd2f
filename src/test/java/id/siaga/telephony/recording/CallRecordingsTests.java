package id.siaga.telephony.recording;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.journal.InMemoryJournalStore;
import id.siaga.journal.Journal;
import id.siaga.journal.JournalEntry;
import id.siaga.journal.JournalSpool;
import id.siaga.journal.SubjectKind;
import id.siaga.org.StationId;
import id.siaga.support.ManualClock;
import id.siaga.telephony.CallId;
import id.siaga.telephony.event.CallEvents;
import id.siaga.telephony.event.CallRecorded;
import id.siaga.telephony.event.RecordingExpired;
import id.siaga.telephony.event.RecordingFailed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call in Sleman ends and its recording is kept: rtpengine's pcap (laid out as rtpengine lays it out, its metadata
 * file appearing when it closes the pcap) becomes a WAV under the recordings directory, with its SHA-256 in the journal
 * and a row in the index; failures are journalled with the reason; a year later the recording expires.
 */
class CallRecordingsTests {

    static final StationId SLEMAN = StationId.of("POLRES-3404");
    static final Instant T0 = Instant.parse("2026-12-03T12:23:06Z");
    static final Duration A_YEAR = Duration.ofDays(365);

    @TempDir
    Path tmp;
    ManualClock clock = new ManualClock(T0);
    InMemoryJournalStore journalStore = new InMemoryJournalStore();
    InMemoryRecordingStore index = new InMemoryRecordingStore();
    Journal journal;
    CallRecordings recordings;
    Path rtpengine;

    @BeforeEach
    void start() throws Exception {
        journal = new Journal(journalStore, new JournalSpool(tmp.resolve("spool.jsonl")), clock, 100, 1_000, Duration.ofMillis(50));
        recordings = new CallRecordings(tmp.resolve("recordings"), A_YEAR, Duration.ofMinutes(10), index, journal, clock);
        rtpengine = tmp.resolve("rtpengine");
        Files.createDirectories(rtpengine.resolve("pcaps"));
        Files.createDirectories(rtpengine.resolve("metadata"));
    }

    @AfterEach
    void stop() {
        recordings.close();
        journal.close();
    }

    /** rtpengine's pcap of a call, as it lies while the call runs: no metadata file yet. */
    Path pcap(String name, String fixture) throws Exception {
        Path pcap = rtpengine.resolve("pcaps").resolve(name + ".pcap");
        Files.write(pcap, PcapToWavTests.fixture(fixture));
        return pcap;
    }

    /** rtpengine tears the call down: the pcap is whole and the metadata file moves into place. */
    void closed(String name) throws Exception {
        Files.write(rtpengine.resolve("pcaps").resolve(name + ".pcap"), PcapToWavTests.fixture("rtpengine-pcmu-tones.pcap"));
        Files.write(rtpengine.resolve("metadata").resolve("rtpengine-meta-" + name + ".txt"), PcapToWavTests.fixture("rtpengine-pcmu-tones.meta.txt"));
    }

    static CallRecordings.Outcome outcome(CompletableFuture<CallRecordings.Outcome> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }

    List<JournalEntry> story(CallId call) {
        return journalStore.bySubject(SubjectKind.CALL, call.value(), 100);
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void theRecordingWaitsForRtpengineToCloseThePcapThenIsKeptWithItsHashInTheJournal() throws Exception {
        CallId call = new CallId("7f3a9c1e-5d2b-4c8a-9e61-0b4f2d7a1c33");
        Path pcap = pcap("7f3a-1", "rtpengine-pcmu-tones-in-progress.pcap");

        CompletableFuture<CallRecordings.Outcome> done = recordings.record(call, SLEMAN, pcap, PcapToWavTests.TONES_CALLER);
        Thread.sleep(500);
        assertThat(done).as("rtpengine has not closed the pcap").isNotDone();
        closed("7f3a-1");

        CallRecordings.Outcome.Kept kept = (CallRecordings.Outcome.Kept) outcome(done);
        Recording r = kept.recording();
        Path file = tmp.resolve("recordings/2026/12/03/" + call.value() + ".wav");
        assertThat(r.file()).isEqualTo("2026/12/03/" + call.value() + ".wav");
        assertThat(file).exists();
        assertThat(r.sha256()).isEqualTo(sha256(file));
        assertThat(r.bytes()).isEqualTo(Files.size(file));
        assertThat(r.duration()).isBetween(Duration.ofMillis(2_000), Duration.ofMillis(2_005));
        assertThat(r.station()).isEqualTo(SLEMAN);
        assertThat(kept.audio().complete()).isTrue();
        assertThat(kept.audio().callerPackets()).isEqualTo(100);
        Wav wav = Wav.read(Files.readAllBytes(file));
        assertThat(Wav.power(wav.left(), 0, wav.frames(), 440)).isGreaterThan(100 * Wav.power(wav.left(), 0, wav.frames(), 1000));

        assertThat(CallEvents.all(story(call), CallRecorded.class)).containsExactly(new CallRecorded(call, SLEMAN, r.sha256(), r.bytes(),
                r.duration().toMillis(), r.file(), true, null));
        assertThat(index.find(call)).contains(r);
        assertThat(recordings.find(call)).contains(new CallRecordings.Stored(r, file));
        assertThat(tmp.resolve("recordings/.incoming")).isEmptyDirectory();
        assertThat(pcap).as("the WAV is kept and journalled: rtpengine's pcap is not kept beside it").doesNotExist();
        assertThat(rtpengine.resolve("metadata/rtpengine-meta-7f3a-1.txt")).as("nor its metadata").doesNotExist();
    }

    @Test
    void whenRtpengineNeverClosesThePcapWhatItHoldsIsKeptAndSaidToBeCutOff() throws Exception {
        CallRecordings hasty = new CallRecordings(tmp.resolve("recordings"), A_YEAR, Duration.ofMillis(200), index, journal, clock);
        CallId call = new CallId("call-rtpengine-died");
        Path pcap = pcap("died", "rtpengine-pcmu-tones-in-progress.pcap");
        try {
            CallRecordings.Outcome.Kept kept = (CallRecordings.Outcome.Kept) outcome(hasty.record(call, SLEMAN, pcap, PcapToWavTests.TONES_CALLER));
            assertThat(kept.recording().duration()).isEqualTo(Duration.ofMillis(940));
            CallRecorded journalled = CallEvents.all(story(call), CallRecorded.class).get(0);
            assertThat(journalled.complete()).isFalse();
            assertThat(journalled.problem()).isEqualTo("the file ends inside the packet at byte 20421 (the recording was cut off)");
        } finally {
            hasty.close();
        }
    }

    @Test
    void whatCannotBeRecordedIsJournalledWithTheReasonAndLeavesNoFile() throws Exception {
        CallId garbage = new CallId("call-garbage");
        Path notPcap = rtpengine.resolve("pcaps/garbage.pcap");
        Files.writeString(notPcap, "this is not a capture");
        Files.writeString(rtpengine.resolve("metadata/rtpengine-meta-garbage.txt"), "");
        CallRecordings.Outcome.NotKept refused = (CallRecordings.Outcome.NotKept) outcome(recordings.record(garbage, SLEMAN, notPcap,
                PcapToWavTests.TONES_CALLER));
        assertThat(refused.reason()).isEqualTo("not a pcap file: it starts with 74 68 69 73; rtpengine's pcap is kept: " + notPcap);
        assertThat(notPcap).as("evidence: what could not be converted stays").exists();
        assertThat(CallEvents.all(story(garbage), RecordingFailed.class)).containsExactly(new RecordingFailed(garbage, refused.reason()));

        CallId missing = new CallId("call-missing");
        Path nowhere = tmp.resolve("elsewhere/none.pcap");
        assertThat(outcome(recordings.record(missing, SLEMAN, nowhere, PcapToWavTests.TONES_CALLER)))
                .isEqualTo(new CallRecordings.Outcome.NotKept(missing, "rtpengine's pcap " + nowhere + " is not there"));
        assertThat(CallEvents.all(story(missing), RecordingFailed.class)).hasSize(1);

        assertThat(outcome(recordings.record(missing, SLEMAN, nowhere, null)))
                .isEqualTo(new CallRecordings.Outcome.NotKept(missing, "no SDP of the media plane reached the caller, so no audio of theirs can be in the recording"));
        try (var left = Files.walk(tmp.resolve("recordings"))) {
            assertThat(left.filter(Files::isRegularFile)).as("no file kept, none half-written").isEmpty();
        }
        assertThat(recordings.find(garbage)).isEmpty();
    }

    @Test
    void aPcapThatCouldNotBeConvertedIsKeptAsEvidenceUntilTheRetentionPeriodEnds() throws Exception {
        CallId call = new CallId("call-unreadable");
        Path pcap = rtpengine.resolve("pcaps/unreadable.pcap");
        Files.writeString(pcap, "this is not a capture");
        Files.writeString(rtpengine.resolve("metadata/rtpengine-meta-unreadable.txt"), "");
        CallRecordings.Outcome.NotKept failed = (CallRecordings.Outcome.NotKept) outcome(recordings.record(call, SLEMAN, pcap,
                PcapToWavTests.TONES_CALLER));
        assertThat(failed.reason()).endsWith("; rtpengine's pcap is kept: " + pcap);
        Path other = pcap("someone-else", "rtpengine-pcmu-tones.pcap");
        Files.setLastModifiedTime(pcap, java.nio.file.attribute.FileTime.from(T0));
        Files.setLastModifiedTime(other, java.nio.file.attribute.FileTime.from(T0.plus(Duration.ofDays(2))));

        clock.advance(A_YEAR.minusDays(1));
        recordings.sweep();
        assertThat(pcap).as("364 days").exists();

        clock.advance(Duration.ofDays(2));
        recordings.sweep();
        assertThat(pcap).as("366 days: gone with its metadata").doesNotExist();
        assertThat(rtpengine.resolve("metadata/rtpengine-meta-unreadable.txt")).doesNotExist();
        assertThat(other).as("a pcap written a day later has a day to go").exists();
    }

    @Test
    void aCallKeepsItsFirstRecording() throws Exception {
        CallId call = new CallId("call-twice");
        closed("twice");
        Path pcap = rtpengine.resolve("pcaps/twice.pcap");
        Recording first = ((CallRecordings.Outcome.Kept) outcome(recordings.record(call, SLEMAN, pcap, PcapToWavTests.TONES_CALLER))).recording();
        clock.advance(Duration.ofMinutes(1));
        assertThat(outcome(recordings.record(call, SLEMAN, pcap, CallerMedia.sentTo(9))))
                .isEqualTo(new CallRecordings.Outcome.NotKept(call, "the call already has a recording"));
        assertThat(recordings.find(call).orElseThrow().recording()).isEqualTo(first);
        index.away(1);
        assertThat(outcome(recordings.record(call, SLEMAN, pcap, CallerMedia.sentTo(9))))
                .as("the index cannot be asked, but the file is there").isEqualTo(new CallRecordings.Outcome.NotKept(call, "the call already has a recording"));
        index.away(0);
        assertThat(sha256(recordings.find(call).orElseThrow().file())).isEqualTo(first.sha256());
    }

    @Test
    void aRecordingKeptWhileTheDatabaseWasAwayIsFoundThroughTheJournalAndIndexedOnceItAnswers() throws Exception {
        CallId call = new CallId("call-db-away");
        closed("db-away");
        index.away(1);
        Recording kept = ((CallRecordings.Outcome.Kept) outcome(recordings.record(call, SLEMAN, rtpengine.resolve("pcaps/db-away.pcap"),
                PcapToWavTests.TONES_CALLER))).recording();

        // the node stops before the index has the row: a new node with an empty index finds the recording in the journal
        CallRecordings restarted = new CallRecordings(tmp.resolve("recordings"), A_YEAR, Duration.ofMinutes(10), new InMemoryRecordingStore(),
                journal, clock);
        try {
            Recording found = restarted.find(call).orElseThrow().recording();
            assertThat(found.sha256()).isEqualTo(kept.sha256());
            assertThat(found.file()).isEqualTo(kept.file());
            assertThat(found.station()).isEqualTo(SLEMAN);
        } finally {
            restarted.close();
        }
        // the node that kept it indexes it once the database answers
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (index.find(call).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(index.find(call)).contains(kept);
    }

    @Test
    void aRecordingOlderThanTheRetentionPeriodIsDeletedAndItsExpiryJournalled() throws Exception {
        closed("old");
        closed("new");
        CallId old = new CallId("call-old");
        CallId recent = new CallId("call-new");
        Recording oldOne = ((CallRecordings.Outcome.Kept) outcome(recordings.record(old, SLEMAN, rtpengine.resolve("pcaps/old.pcap"),
                PcapToWavTests.TONES_CALLER))).recording();
        clock.advance(Duration.ofDays(2));
        outcome(recordings.record(recent, SLEMAN, rtpengine.resolve("pcaps/new.pcap"), PcapToWavTests.TONES_CALLER));

        clock.advance(A_YEAR.minusDays(1));
        assertThat(recordings.sweep()).as("364 days after the new one, 366 after the old one").isEqualTo(1);

        assertThat(tmp.resolve("recordings/2026/12/03")).as("the old one's day, now empty, is gone").doesNotExist();
        assertThat(recordings.find(old)).isEmpty();
        assertThat(index.find(old)).isEmpty();
        assertThat(CallEvents.all(story(old), RecordingExpired.class)).containsExactly(new RecordingExpired(old, oldOne.sha256(), oldOne.file(),
                oldOne.recordedAt()));
        assertThat(recordings.find(recent)).isPresent();
        assertThat(recordings.sweep()).as("nothing else is due").isZero();

        CallRecordings restarted = new CallRecordings(tmp.resolve("recordings"), A_YEAR, Duration.ofMinutes(10), new InMemoryRecordingStore(),
                journal, clock);
        try {
            assertThat(restarted.find(old)).as("an expired recording is not found through the journal either").isEmpty();
        } finally {
            restarted.close();
        }
    }
}
