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
import id.siaga.telephony.event.CallInterrupted;
import id.siaga.telephony.event.CallRecorded;
import id.siaga.telephony.event.RecordingFailed;
import id.siaga.telephony.event.RecordingStarted;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server was killed while calls in Sleman were being recorded. At the next start the journal says which recordings
 * were under way ({@code RecordingStarted}, the server's earlier run) and never finished: each is finished from the
 * pcap rtpengine left, with the caller told from the operator by the operators' port alone; a pcap that is gone is
 * journalled as failed, naming it; what was already finished, or is this run's own, is left alone, however often the
 * recovery runs.
 */
class RecordingRecoveryTests {

    static final StationId SLEMAN = StationId.of("POLRES-3404");
    static final Instant T0 = Instant.parse("2026-12-03T12:23:06Z");
    /** rtpengine's port in the offer's SDP of the tones fixture: what the operator's phone sent to. */
    static final int TONES_OPERATOR_PORT = 41054;
    static final Duration AN_HOUR = Duration.ofHours(1);

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
        recordings = new CallRecordings(tmp.resolve("recordings"), Duration.ofDays(365), Duration.ofMillis(200), index, journal, clock);
        rtpengine = tmp.resolve("rtpengine");
        Files.createDirectories(rtpengine.resolve("pcaps"));
        Files.createDirectories(rtpengine.resolve("metadata"));
    }

    @AfterEach
    void stop() {
        recordings.close();
        journal.close();
    }

    /** The earlier run anchored the call and journalled its recording; then the call ended (closed at start, or before). */
    RecordingStarted startedAndEnded(CallId call, Path pcap) {
        RecordingStarted started = new RecordingStarted(call, "192.0.2.10:2223", call.value() + "@carrier.example", List.of(pcap.toString()),
                TONES_OPERATOR_PORT);
        journal.append(started, "media").join();
        journal.append(new CallInterrupted(call, "the server stopped while the call was answered; found unfinished at start",
                CallInterrupted.State.ANSWERED, SLEMAN, 12.0), "system").join();
        return started;
    }

    /** rtpengine's pcap as it lies once rtpengine closed it: the metadata file moved into place. */
    Path closedPcap(String name) throws Exception {
        Path pcap = rtpengine.resolve("pcaps").resolve(name + ".pcap");
        Files.write(pcap, PcapToWavTests.fixture("rtpengine-pcmu-tones.pcap"));
        Files.write(rtpengine.resolve("metadata").resolve("rtpengine-meta-" + name + ".txt"), PcapToWavTests.fixture("rtpengine-pcmu-tones.meta.txt"));
        return pcap;
    }

    RecordingRecovery recovery(RecordingRecovery.MediaPlane plane, Predicate<CallId> carried) {
        return new RecordingRecovery(recordings, plane, call -> Optional.of(SLEMAN), carried, Duration.ofDays(365), AN_HOUR, Duration.ofMillis(50));
    }

    RecordingRecovery.Summary recover() throws Exception {
        return recovery(RecordingRecovery.MediaPlane.NONE, call -> false).start().get(30, TimeUnit.SECONDS);
    }

    List<JournalEntry> story(CallId call) {
        return journalStore.bySubject(SubjectKind.CALL, call.value(), 100);
    }

    @Test
    void aRecordingUnderWayWhenTheServerWasKilledIsKeptAtTheNextStartAndItsPcapDeleted() throws Exception {
        CallId call = new CallId("call-killed-while-converting");
        Path pcap = closedPcap("killed");
        startedAndEnded(call, pcap);
        Files.createDirectories(tmp.resolve("recordings/.incoming"));
        Files.writeString(tmp.resolve("recordings/.incoming/" + call.value() + ".wav.part"), "RIFF half a recording");
        recordings.start(Duration.ofDays(1));

        RecordingRecovery.Summary summary = recover();

        assertThat(summary.owed()).isEqualTo(1);
        CallRecordings.Outcome.Kept kept = (CallRecordings.Outcome.Kept) summary.outcomes().get(0);
        assertThat(kept.audio().callerPackets()).as("the caller's 100 packets, told by the operators' port").isEqualTo(100);
        assertThat(kept.audio().operatorPackets()).isEqualTo(100);
        Path wav = tmp.resolve("recordings/2026/12/03/" + call.value() + ".wav");
        assertThat(wav).exists();
        Wav w = Wav.read(Files.readAllBytes(wav));
        assertThat(Wav.power(w.left(), 0, w.frames(), 440)).as("the caller left").isGreaterThan(100 * Wav.power(w.left(), 0, w.frames(), 1000));
        List<JournalEntry> journalled = story(call).stream().filter(e -> e.type().equals("CallRecorded")).toList();
        assertThat(journalled).hasSize(1);
        assertThat(journalled.get(0).actor()).as("the recovery kept it").isEqualTo("recovery");
        CallRecorded recorded = CallEvents.all(journalled, CallRecorded.class).get(0);
        assertThat(recorded.sha256()).isEqualTo(CallRecordingsTests.sha256(wav));
        assertThat(recorded.station()).isEqualTo(SLEMAN);
        assertThat(index.find(call)).isPresent();
        assertThat(pcap).as("kept and journalled: the pcap goes").doesNotExist();
        assertThat(tmp.resolve("recordings/.incoming")).as("the half-written WAV of the earlier run is gone").isEmptyDirectory();
    }

    @Test
    void aPcapThatIsGoneIsJournalledAsFailedNamingIt() throws Exception {
        CallId call = new CallId("call-pcap-gone");
        Path pcap = rtpengine.resolve("pcaps/gone.pcap");
        startedAndEnded(call, pcap);

        RecordingRecovery.Summary summary = recover();

        assertThat(summary.owed()).isEqualTo(1);
        String reason = "rtpengine's pcap " + pcap + " is not there (the server stopped while the call's recording was under way; found missing at start)";
        assertThat(summary.outcomes()).containsExactly(new CallRecordings.Outcome.NotKept(call, reason));
        assertThat(CallEvents.all(story(call), RecordingFailed.class)).containsExactly(new RecordingFailed(call, reason));
        assertThat(recover().owed()).as("journalled as failed: not owed any more").isZero();
        assertThat(CallEvents.all(story(call), RecordingFailed.class)).hasSize(1);
    }

    @Test
    void aPcapThatCannotBeConvertedIsJournalledAsFailedAndKept() throws Exception {
        CallId call = new CallId("call-garbage");
        Path pcap = rtpengine.resolve("pcaps/garbage.pcap");
        Files.writeString(pcap, "this is not a capture");
        Files.writeString(rtpengine.resolve("metadata/rtpengine-meta-garbage.txt"), ""); // rtpengine closed it
        startedAndEnded(call, pcap);

        RecordingRecovery.Summary summary = recover();

        assertThat(CallEvents.all(story(call), RecordingFailed.class)).containsExactly(new RecordingFailed(call,
                "not a pcap file: it starts with 74 68 69 73; rtpengine's pcap is kept: " + pcap));
        assertThat(summary.kept()).isZero();
        assertThat(pcap).exists();
    }

    @Test
    void finishedRecordingsAndThoseOfThisRunAreLeftAloneHoweverOftenTheRecoveryRuns() throws Exception {
        recordings.close();
        recordings = new CallRecordings(tmp.resolve("recordings"), Duration.ofDays(365), Duration.ofMinutes(10), index, journal, clock);
        CallId done = new CallId("call-recorded-before-the-crash");
        Path donePcap = closedPcap("done");
        startedAndEnded(done, donePcap);
        journal.append(new CallRecorded(done, SLEMAN, "5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef", 64_044, 2_001,
                "2026/12/03/" + done.value() + ".wav", true, null), "recording").join();
        CallId live = new CallId("call-live-in-this-run");
        startedAndEnded(live, closedPcap("live"));
        CallId handedOver = new CallId("call-ended-in-this-run");
        Path handedOverPcap = rtpengine.resolve("pcaps/handed-over.pcap");
        Files.write(handedOverPcap, PcapToWavTests.fixture("rtpengine-pcmu-tones.pcap"));
        startedAndEnded(handedOver, handedOverPcap);
        // this run's call path handed it over; rtpengine has not closed its pcap yet
        var handedOverKept = recordings.record(handedOver, SLEMAN, handedOverPcap, PcapToWavTests.TONES_CALLER);
        CallId owed = new CallId("call-owed");
        startedAndEnded(owed, closedPcap("owed"));

        RecordingRecovery.Summary first = recovery(RecordingRecovery.MediaPlane.NONE, Set.of(live)::contains).start().get(30, TimeUnit.SECONDS);
        RecordingRecovery.Summary second = recovery(RecordingRecovery.MediaPlane.NONE, Set.of(live)::contains).start().get(30, TimeUnit.SECONDS);

        assertThat(first.owed()).as("only the owed one").isEqualTo(1);
        assertThat(first.outcomes()).singleElement().extracting(CallRecordings.Outcome::call).isEqualTo(owed);
        assertThat(second.owed()).as("kept now, so owed no more").isZero();
        assertThat(CallEvents.all(story(owed), CallRecorded.class)).hasSize(1);
        assertThat(CallEvents.all(story(done), CallRecorded.class)).hasSize(1);
        assertThat(story(done).stream().map(JournalEntry::type)).doesNotContain("RecordingFailed");
        assertThat(donePcap).as("not the recovery's to touch (the retention sweep's)").exists();
        Files.write(rtpengine.resolve("metadata/rtpengine-meta-handed-over.txt"), PcapToWavTests.fixture("rtpengine-pcmu-tones.meta.txt"));
        assertThat(handedOverKept.get(30, TimeUnit.SECONDS)).isInstanceOf(CallRecordings.Outcome.Kept.class);
        assertThat(story(handedOver)).filteredOn(e -> e.type().equals("CallRecorded")).as("kept once, by this run")
                .singleElement().extracting(JournalEntry::actor).isEqualTo("recording");
        assertThat(story(live).stream().map(JournalEntry::type)).as("live here").doesNotContain("CallRecorded", "RecordingFailed");
        assertThat(rtpengine.resolve("pcaps/live.pcap")).exists();
    }

    @Test
    void aPcapStillOpenWaitsForRtpengineAndIsKeptAsItIsOnlyOnceTheWaitIsOver() throws Exception {
        CallId call = new CallId("call-pcap-open");
        Path pcap = rtpengine.resolve("pcaps/open.pcap");
        Files.write(pcap, PcapToWavTests.fixture("rtpengine-pcmu-tones-in-progress.pcap")); // no metadata: rtpengine has not closed it
        startedAndEnded(call, pcap);

        RecordingRecovery recovery = recovery(RecordingRecovery.MediaPlane.NONE, c -> false);
        var done = recovery.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!recovery.waiting().contains(call) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(recovery.waiting()).as("rtpengine cannot be asked and the hour is not over: it may still write the pcap").contains(call);
        assertThat(story(call).stream().map(JournalEntry::type)).doesNotContain("CallRecorded", "RecordingFailed");
        assertThat(pcap).exists();

        clock.advance(AN_HOUR);
        RecordingRecovery.Summary summary = done.get(30, TimeUnit.SECONDS);

        CallRecorded recorded = CallEvents.all(story(call), CallRecorded.class).get(0);
        assertThat(recorded.complete()).as("what the pcap held, said to be cut off").isFalse();
        assertThat(recorded.problem()).contains("cut off");
        assertThat(summary.kept()).isEqualTo(1);
        assertThat(recovery.waiting()).isEmpty();
    }
}
