package id.siaga.app;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.journal.Journal;
import id.siaga.journal.JournalEntry;
import id.siaga.journal.JournalSpool;
import id.siaga.journal.SubjectKind;
import id.siaga.org.StationId;
import id.siaga.store.JdbcCallRecordStore;
import id.siaga.store.JdbcJournalStore;
import id.siaga.store.JdbcRecordingStore;
import id.siaga.support.ManualClock;
import id.siaga.support.PrivateRtpengine;
import id.siaga.support.RtpEndpoint;
import id.siaga.support.TestDatabase;
import id.siaga.telephony.CallId;
import id.siaga.telephony.CallRecord;
import id.siaga.telephony.CallRecordStore;
import id.siaga.telephony.event.CallEvents;
import id.siaga.telephony.event.CallInterrupted;
import id.siaga.telephony.event.CallRecorded;
import id.siaga.telephony.event.RecordingStarted;
import id.siaga.telephony.media.AnchoredSdp;
import id.siaga.telephony.media.Rtpengine;
import id.siaga.telephony.media.RtpengineSettings;
import id.siaga.telephony.media.SdpOption;
import id.siaga.telephony.recording.CallRecordings;
import id.siaga.telephony.recording.RecordingRecovery;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The server is killed while a caller in Sleman talks to Polres Sleman's operator through a real rtpengine, which
 * outlives it. At the next start the journal (H2) says the call's recording was under way: rtpengine still holds the
 * call and writes its pcap, so the recording waits (the two may still be talking) and is not converted half-way; once
 * the wait is over the call is deleted on rtpengine and the whole pcap becomes the WAV. When rtpengine itself was
 * restarted meanwhile, nothing writes the pcap any more, and what it holds is kept at once.
 */
class RecordingRecoveryRtpengineTests {

    static final StationId SLEMAN = StationId.of("POLRES-3404");
    static final Instant T0 = Instant.parse("2026-12-03T12:23:06Z");
    static final Duration WAIT = Duration.ofHours(1);

    @TempDir
    Path tmp;
    PrivateRtpengine engine;
    TestDatabase db;
    ManualClock clock = new ManualClock(T0);
    Journal journal;
    JdbcJournalStore journalStore;
    CallRecordStore records;
    CallRecordings recordings;
    Rtpengine restarted;

    @BeforeEach
    void start() {
        engine = PrivateRtpengine.start(PrivateRtpengine.freeUdpPort());
        db = TestDatabase.create(TestDatabase.Kind.H2);
        journalStore = new JdbcJournalStore(db.dataSource());
        journal = new Journal(journalStore, new JournalSpool(tmp.resolve("spool.jsonl")), clock, 100, 1_000, Duration.ofMillis(50));
        records = new JdbcCallRecordStore(new JdbcTemplate(db.dataSource()));
        recordings = new CallRecordings(tmp.resolve("recordings"), Duration.ofDays(365), Duration.ofMillis(500),
                new JdbcRecordingStore(new JdbcTemplate(db.dataSource())), journal, clock);
        restarted = client();
    }

    @AfterEach
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {recordings, restarted, journal, db, engine}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // the next one is closed all the same
            }
        }
    }

    Rtpengine client() {
        return new Rtpengine(new RtpengineSettings(List.of(engine.ngAddress()), Duration.ofMillis(250), 3, Duration.ofSeconds(5)), clock);
    }

    static String sdp(int port) {
        return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio " + port + " RTP/AVP 8 101\r\n"
                + "a=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n";
    }

    static int audioPort(String sdp) {
        for (String line : sdp.split("\r\n")) {
            if (line.startsWith("m=audio ")) {
                return Integer.parseInt(line.split(" ")[1]);
            }
        }
        throw new AssertionError("no m=audio in " + sdp);
    }

    /** A call of the earlier run: anchored and recorded by its client, journalled as the SIP edge does, talking. */
    record Talk(CallId call, Path pcap, RtpEndpoint caller, RtpEndpoint operator, InetSocketAddress callerSendsTo,
                InetSocketAddress operatorSendsTo) implements AutoCloseable {

        void talk(int packets) throws Exception {
            Thread both = new Thread(() -> operator.sendAudio(operatorSendsTo, packets));
            both.start();
            caller.sendAudio(callerSendsTo, packets);
            both.join();
        }

        @Override
        public void close() {
            caller.close();
            operator.close();
        }
    }

    Talk anchoredByTheEarlierRun(String name) throws Exception {
        String mediaCallId = name + "-" + System.nanoTime() + "@carrier.example";
        CallId call = new CallId("call-" + name);
        RtpEndpoint caller = new RtpEndpoint(0x1111);
        RtpEndpoint operator = new RtpEndpoint(0x2222);
        try (Rtpengine earlier = client()) {
            AnchoredSdp offer = earlier.offer(mediaCallId, "caller-tag", sdp(caller.port()), Set.of(SdpOption.RECORD_CALL));
            AnchoredSdp answer = earlier.answer(mediaCallId, "caller-tag", "siaga-tag", sdp(operator.port()), Set.of());
            journal.append(new RecordingStarted(call, Rtpengine.hostPort(offer.instance()), mediaCallId, offer.recordings(),
                    audioPort(offer.sdp())), "media").join();
            Talk t = new Talk(call, Path.of(offer.recordings().get(0)), caller, operator,
                    new InetSocketAddress("127.0.0.1", audioPort(answer.sdp())), new InetSocketAddress("127.0.0.1", audioPort(offer.sdp())));
            t.talk(50);
            return t;
        } // the earlier run dies: its client goes without deleting anything
    }

    /** What the restart's call recovery leaves: the call closed as interrupted, in the history at Polres Sleman. */
    void closedAtStart(CallId call) {
        journal.append(new CallInterrupted(call, "the server stopped while the call was answered; found unfinished at start",
                CallInterrupted.State.ANSWERED, SLEMAN, 30.0), "system").join();
        records.save(new CallRecord(call, "+6281200000151", "110", SLEMAN.value(), T0, T0, T0, CallRecord.Outcome.INTERRUPTED, "OP-3404-1",
                SLEMAN.value(), 0, "system", "NONE", null, null));
    }

    RecordingRecovery recovery() {
        return new RecordingRecovery(recordings, MediaConfiguration.recordingPlane(restarted),
                call -> RecordingConfiguration.stationOf(call, records, journal, StationId.of("MABES"), Duration.ofSeconds(5)), call -> false,
                Duration.ofDays(365), WAIT, Duration.ofMillis(100));
    }

    List<JournalEntry> story(CallId call) {
        return journalStore.bySubject(SubjectKind.CALL, call.value(), 100);
    }

    @Test
    void aCallRtpengineStillHoldsWaitsThenIsDeletedThereAndItsWholeRecordingKept() throws Exception {
        try (Talk t = anchoredByTheEarlierRun("still-talking")) {
            closedAtStart(t.call());
            RecordingRecovery recovery = recovery();
            CompletableFuture<RecordingRecovery.Summary> done = recovery.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!recovery.waiting().contains(t.call()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(recovery.waiting()).as("rtpengine still holds the call").contains(t.call());
            assertThat(restarted.list(engine.ngAddress(), 100)).as("and the recovery left it there").hasSize(1);

            t.talk(50); // they are still talking through rtpengine
            assertThat(story(t.call()).stream().map(JournalEntry::type)).doesNotContain("CallRecorded", "RecordingFailed");

            clock.advance(WAIT);
            RecordingRecovery.Summary summary = done.get(60, TimeUnit.SECONDS);

            CallRecordings.Outcome.Kept kept = (CallRecordings.Outcome.Kept) summary.outcomes().get(0);
            assertThat(kept.audio().complete()).as("rtpengine closed the pcap when it was deleted").isTrue();
            assertThat(kept.audio().callerPackets()).as("the caller's packets from before the crash and after").isEqualTo(100);
            assertThat(kept.audio().operatorPackets()).isEqualTo(100);
            assertThat(kept.recording().station()).as("from the call's record").isEqualTo(SLEMAN);
            CallRecorded recorded = CallEvents.all(story(t.call()), CallRecorded.class).get(0);
            assertThat(recorded.sha256()).isEqualTo(kept.recording().sha256());
            assertThat(recordings.find(t.call())).isPresent();
            assertThat(restarted.list(engine.ngAddress(), 100)).as("deleted on rtpengine").isEmpty();
            assertThat(t.pcap()).as("kept and journalled: the pcap goes").doesNotExist();
        }
    }

    @Test
    void aCallRtpengineNoLongerKnowsIsKeptAsThePcapHoldsIt() throws Exception {
        try (Talk t = anchoredByTheEarlierRun("rtpengine-restarted")) {
            closedAtStart(t.call());
            engine.kill(); // rtpengine dies too, and comes back knowing nothing of the call; the pcap stays open-looking
            engine.startEngine();
            assertThat(Files.exists(t.pcap())).isTrue();

            RecordingRecovery.Summary summary = recovery().start().get(60, TimeUnit.SECONDS);

            CallRecordings.Outcome.Kept kept = (CallRecordings.Outcome.Kept) summary.outcomes().get(0);
            assertThat(kept.audio().callerPackets()).as("what rtpengine had written of the caller's 50 packets").isBetween(1, 50);
            assertThat(CallEvents.all(story(t.call()), CallRecorded.class)).hasSize(1);
        }
    }
}
