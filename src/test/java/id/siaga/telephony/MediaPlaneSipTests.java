package id.siaga.telephony;

import static id.siaga.telephony.CallStories.payload;
import static id.siaga.telephony.CallStories.types;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.app.PresenceService;
import id.siaga.journal.JournalEntry;
import id.siaga.journal.JournalStore;
import id.siaga.org.OperatorId;
import id.siaga.org.OperatorRoster;
import id.siaga.org.Presence;
import id.siaga.support.Peers;
import id.siaga.support.PrivateRtpengine;
import id.siaga.support.Sipp;
import id.siaga.support.SipTestPorts;
import id.siaga.support.Tones;
import id.siaga.telephony.event.CallEvents;
import id.siaga.telephony.event.RecordingStarted;
import id.siaga.telephony.media.Rtpengine;
import id.siaga.telephony.recording.CallRecordings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The voice of a 110 call through the media plane (issue 15), with SIPp as the caller and the operator's phone and a
 * private rtpengine as the relay: the caller in Sleman speaks a 440 Hz tone, Polres Sleman's operator answers with a
 * 1 kHz tone, and the call's recording is one stereo WAV, the caller left and the operator right, its SHA-256 in the
 * journal; a caller who waits hears the announcement through a 183 before any answer; with rtpengine gone a call is
 * still answered, end to end, and the journal says why it was not anchored.
 */
@ExtendWith(SipTestPorts.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.datasource.url=jdbc:h2:mem:mediacalls;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/mediacalls-spool.jsonl",
        "siaga.routing.polres-ring-time=2s",
        "siaga.routing.polda-ring-time=2s",
        "siaga.telephony.phones.OP-3404-1=sip:op-3404-1@127.0.0.1:${siaga.test.sip.op-3404-1}",
        "siaga.media.prompt-after=2s",
        "siaga.screening.gate.stations=POLDA-DIY",
        "siaga.screening.gate.key-wait=5s"})
class MediaPlaneSipTests {

    static final int EDGE = SipTestPorts.free();
    static final Map<String, String> IN_SLEMAN = Map.of("lat", "-7.71560", "lon", "110.35580");
    static PrivateRtpengine rtpengineProcess;
    static Path recordings;

    @DynamicPropertySource
    static void mediaPlane(DynamicPropertyRegistry registry) throws IOException {
        int keypresses = PrivateRtpengine.freeUdpPort();
        rtpengineProcess = PrivateRtpengine.start(keypresses);
        recordings = Files.createTempDirectory("siaga-media-recordings-");
        registry.add("siaga.telephony.sip-port", () -> EDGE);
        registry.add("siaga.media.rtpengines", rtpengineProcess::hostPort);
        registry.add("siaga.media.dtmf-log-port", () -> keypresses);
        registry.add("siaga.media.recording-dir", recordings::toString);
    }

    @Autowired
    PresenceService presence;
    @Autowired
    OperatorRoster roster;
    @Autowired
    JournalStore journal;
    @Autowired
    CallRecordings callRecordings;
    @Autowired
    Rtpengine rtpengine;
    @Autowired
    CallCoordinator coordinator;
    @Autowired
    id.siaga.screening.Screening screening;

    /** Four pranks of this number yesterday: its reputation flags it (the gate is on for Polda DIY in this class). */
    void prankedYesterday(String number) {
        java.time.Instant yesterday = java.time.Instant.now().minus(java.time.Duration.ofHours(20));
        for (int i = 0; i < 4; i++) {
            screening.reputation().mark(new id.siaga.screening.Mark(number, yesterday.plusSeconds(i * 60L), id.siaga.screening.Mark.Kind.PRANK,
                    "earlier-" + number + "-" + i, id.siaga.screening.Mark.Source.CLASSIFIED));
        }
    }

    /**
     * What the recordings say of an anchored call's pcap. The relay scenarios send no audio, so mostly "no G.711 audio"
     * (RecordingFailed); but the audio of an earlier test's SIPp may still be on its way to a port rtpengine has given
     * to the next call, which is then recorded: either proves the call was anchored.
     */
    static final String[] RECORDINGS_SAY = {"CallRecorded", "RecordingFailed"};

    /** What the consoles are told while a test runs (the call stream's updates). */
    final List<CallUpdate> updates = new java.util.concurrent.CopyOnWriteArrayList<>();
    final java.util.function.Consumer<CallUpdate> console = updates::add;

    @BeforeEach
    void listen() {
        coordinator.addListener(console);
    }

    @org.junit.jupiter.api.AfterEach
    void stopListening() {
        coordinator.removeListener(console);
    }

    /** The calls of this caller as the consoles saw them after each update of that kind. */
    List<CallView> seen(String kind, String caller) {
        return updates.stream().filter(u -> u.event().equals(kind) && u.call().callerNumber().equals(caller)).map(CallUpdate::call).toList();
    }

    @BeforeAll
    static void tones() throws IOException {
        Sipp.requireInstalled();
        Tones.forSipp();
        Tones.secondFiveForSipp();
    }

    @AfterAll
    static void stopRtpengine() {
        if (rtpengineProcess != null) {
            rtpengineProcess.close();
        }
    }

    @BeforeEach
    void onlySlemanReady() {
        roster.all().forEach(o -> presence.change(o.id(), Presence.OFFLINE, "test"));
        presence.change(new OperatorId("OP-3404-1"), Presence.READY, "test");
    }

    @Test
    @Order(1)
    void anAnsweredCallIsRecordedCallerLeftOperatorRightWithItsHashInTheJournal() throws Exception {
        try (Sipp phone = Sipp.phone("phone-tone.xml", SipTestPorts.OP_3404_1, 1, 300);
             Sipp caller = Sipp.caller("caller-tone.xml", SipTestPorts.free(), "127.0.0.1:" + EDGE, "110", keys("081200000151"), 4000, 1)) {
            assertThat(caller.await(40)).as(caller.output()).isZero();
            assertThat(phone.await(40)).as(phone.output()).isZero();
        }
        List<JournalEntry> story = CallStories.story(journal, "+6281200000151", "CallRecorded");
        assertThat(types(story)).contains("CallAnswered", "CallEnded", "CallRecorded").doesNotContain("MediaUnavailable");
        CallId call = new CallId(story.get(0).subjectId());
        CallRecordings.Stored stored = callRecordings.find(call).orElseThrow();
        byte[] wav = Files.readAllBytes(stored.file());
        assertThat(payload(story, "CallRecorded")).contains("\"sha256\":\"" + sha256(wav) + "\"");

        short[][] channels = Tones.stereo(wav);
        double seconds = channels[0].length / 8000.0;
        assertThat(seconds).as("about the 4 s of talk (and the moments before the answer)").isBetween(3.0, 7.0);
        assertThat(Tones.power(channels[0], 440)).as("the caller's channel is the 440 Hz tone").isGreaterThan(10 * Tones.power(channels[0], 1000));
        assertThat(Tones.power(channels[1], 1000)).as("the operator's channel is the 1 kHz tone").isGreaterThan(10 * Tones.power(channels[1], 440));
        assertThat(rtpengine.list(rtpengineProcess.ngAddress(), 100)).as("rtpengine holds no call after it ended").isEmpty();

        // where rtpengine recorded it was journalled when the call was anchored (a restart would finish it from there)
        RecordingStarted started = CallEvents.all(story, RecordingStarted.class).get(0);
        assertThat(types(story)).containsSubsequence("RecordingStarted", "CallAnswered", "CallRecorded");
        assertThat(started.rtpengine()).isEqualTo(rtpengineProcess.hostPort());
        assertThat(started.operatorPort()).isBetween(rtpengineProcess.portMin(), rtpengineProcess.portMax());
        Path pcap = Path.of(started.pcaps().get(0));
        assertThat(pcap.getParent()).isEqualTo(rtpengineProcess.recordingDir().resolve("pcaps"));
        assertThat(pcap).as("the WAV is kept and journalled: rtpengine's pcap is deleted").doesNotExist();
    }

    @Test
    @Order(2)
    void aCallerWhoWaitsHearsTheAnnouncementBeforeTheAnswer() throws Exception {
        Path messages = Path.of("target", "sipp", "media-announcement-" + System.nanoTime() + ".log");
        try (Sipp phone = Sipp.phone("phone-tone.xml", SipTestPorts.OP_3404_1, 1, 4000);
             Sipp caller = Sipp.oneCall("caller-tone.xml", SipTestPorts.free(), "127.0.0.1:" + EDGE, "110", keys("081200000152"), 1000, messages)) {
            assertThat(caller.await(40)).as(caller.output()).isZero();
            assertThat(phone.await(40)).as(phone.output()).isZero();
        }
        assertThat(Sipp.responsesIn(messages)).as("a 183 with rtpengine's SDP before the answer").containsSubsequence("183 INVITE", "200 INVITE");
        List<JournalEntry> story = CallStories.story(journal, "+6281200000152", "CallRecorded");
        assertThat(types(story)).containsSubsequence("CallAnswered", "CallEnded").contains("CallRecorded");
    }

    @Test
    @Order(3)
    void theCallersKeypressesAreJournalledOnTheCallAndShownToTheOperator() throws Exception {
        Peers.require("root".equals(System.getProperty("user.name")), "root, for SIPp to send a pcap's RTP (play_pcap_audio) as the caller's keypresses");
        try (Sipp phone = Sipp.phone("phone-dtmf.xml", SipTestPorts.OP_3404_1, 1, 300);
             Sipp caller = Sipp.caller("caller-dtmf.xml", SipTestPorts.free(), "127.0.0.1:" + EDGE, "110", keys("081200000154"), 2000, 1)) {
            assertThat(caller.await(40)).as(caller.output()).isZero();
            assertThat(phone.await(40)).as(phone.output()).isZero();
        }
        List<JournalEntry> story = CallStories.story(journal, "+6281200000154", "CallRecorded");
        assertThat(story).filteredOn(e -> e.type().equals("KeyPressed")).extracting(JournalEntry::payload)
                .satisfiesExactly(one -> assertThat(one).contains("\"key\":\"1\"").contains("\"party\":\"caller\""),
                        two -> assertThat(two).contains("\"key\":\"2\"").contains("\"party\":\"caller\""));
        assertThat(seen("key", "+6281200000154")).extracting(CallView::keys).as("the console's call after each key").containsExactly("1", "12");
    }

    @Test
    @Order(4)
    void aHoldReInviteGoesThroughRtpengineAndTheCallStaysAnchored() throws Exception {
        try (Sipp phone = Sipp.phone("phone-reinvite.xml", SipTestPorts.OP_3404_1, 1, 0);
             Sipp caller = Sipp.caller("caller-reinvite.xml", SipTestPorts.free(), "127.0.0.1:" + EDGE, "110", keys("081200000156"), 3000, 1)) {
            assertThat(caller.await(40)).as(caller.output()).isZero();
            assertThat(phone.await(40)).as(phone.output()).isZero();
        }
        List<JournalEntry> story = CallStories.story(journal, "+6281200000156", RECORDINGS_SAY);
        assertThat(types(story)).containsSubsequence("CallAnswered", "CallEnded").doesNotContain("MediaUnavailable");
        assertThat(types(story)).as("anchored: its pcap reached the recordings").containsAnyOf(RECORDINGS_SAY);
        Path pcap = Path.of(CallEvents.all(story, RecordingStarted.class).get(0).pcaps().get(0));
        if (types(story).contains("RecordingFailed")) {
            assertThat(payload(story, "RecordingFailed")).contains("no G.711 audio")
                    .as("the pcap is kept, as evidence, and named").contains("rtpengine's pcap is kept: " + rtpengineProcess.recordingDir().resolve("pcaps"));
            assertThat(pcap).exists();
        } else {
            assertThat(pcap).as("recorded: the pcap is gone once the WAV is kept").doesNotExist();
        }
        assertThat(rtpengine.list(rtpengineProcess.ngAddress(), 100)).isEmpty();
    }

    @Test
    @Order(5)
    void aCallerWhoHangsUpWhileItRingsLeavesNoCallInRtpengine() throws Exception {
        try (Sipp phone = Sipp.phone("phone-never.xml", SipTestPorts.OP_3404_1, 1, 0);
             Sipp caller = Sipp.caller("caller-hangup.xml", SipTestPorts.free(), "127.0.0.1:" + EDGE, "110", keys("081200000155"), 1000, 1)) {
            assertThat(caller.await(40)).as(caller.output()).isZero();
            assertThat(phone.await(40)).as(phone.output()).isZero();
        }
        List<JournalEntry> story = CallStories.story(journal, "+6281200000155", "CallAbandoned");
        assertThat(types(story)).contains("LegRang", "CallAbandoned").doesNotContain("MediaUnavailable");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!rtpengine.list(rtpengineProcess.ngAddress(), 100).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(rtpengine.list(rtpengineProcess.ngAddress(), 100)).as("the cancelled call was deleted from rtpengine").isEmpty();
    }

    @Test
    @Order(6)
    void aCallerQueuedBecauseNobodyIsReadyHearsTheAnnouncementAtOnce() throws Exception {
        presence.change(new OperatorId("OP-3404-1"), Presence.OFFLINE, "test");
        Path messages = Path.of("target", "sipp", "media-queued-" + System.nanoTime() + ".log");
        try (Sipp caller = Sipp.oneCall("caller-announced.xml", SipTestPorts.free(), "127.0.0.1:" + EDGE, "110", keys("081200000157"), 1500, messages)) {
            assertThat(caller.await(40)).as(caller.output()).isZero();
        }
        assertThat(Sipp.responsesIn(messages)).as("no phone rang, yet the 183 came before the caller gave up")
                .containsSubsequence("183 INVITE", "487 INVITE");
        List<JournalEntry> story = CallStories.story(journal, "+6281200000157", "CallAbandoned");
        assertThat(types(story)).contains("CallQueued").doesNotContain("LegRang", "MediaUnavailable");
    }

    @Test
    @Order(20)
    void withRtpengineGoneACallIsStillAnsweredEndToEndAndTheJournalSaysWhy() throws Exception {
        rtpengineProcess.stop();
        try {
            try (Sipp phone = Sipp.phone("phone-answer.xml", SipTestPorts.OP_3404_1, 1, 300);
                 Sipp caller = Sipp.caller("caller-pidf.xml", SipTestPorts.free(), "127.0.0.1:" + EDGE, "110", keys("081200000153"), 1000, 1)) {
                assertThat(caller.await(40)).as(caller.output()).isZero();
                assertThat(phone.await(40)).as(phone.output()).isZero();
            }
            List<JournalEntry> story = CallStories.story(journal, "+6281200000153", "CallEnded");
            assertThat(types(story)).contains("MediaUnavailable", "CallAnswered", "CallEnded");
            assertThat(payload(story, "MediaUnavailable")).contains("did not answer");
            assertThat(seen("media", "+6281200000153")).extracting(CallView::mediaProblem).as("the console is told the call is not recorded")
                    .singleElement().asString().startsWith("offer: ").contains("did not answer");
        } finally {
            rtpengineProcess.startEngine();
        }
    }

    @Test
    @Order(7)
    void aReInviteWithoutSdpHasItsOfferAndTheAnswerInTheAckGoThroughRtpengine() throws Exception {
        Path messages = Path.of("target", "sipp", "media-late-reinvite-" + System.nanoTime() + ".log");
        try (Sipp phone = Sipp.phone("phone-reinvite-late.xml", SipTestPorts.OP_3404_1, 1, 0);
             Sipp caller = Sipp.oneCall("caller-reinvite-late.xml", SipTestPorts.free(), "127.0.0.1:" + EDGE, "110", keys("081200000158"), 1000,
                     messages)) {
            assertThat(caller.await(40)).as(caller.output()).isZero();
            assertThat(phone.await(40)).as("the phone's ACK brought an answer: %s", phone.output()).isZero();
        }
        int offered = reOfferPort(messages);
        assertThat(offered).as("the caller was offered rtpengine's port, not the phone's").isBetween(rtpengineProcess.portMin(), rtpengineProcess.portMax());
        List<JournalEntry> story = CallStories.story(journal, "+6281200000158", RECORDINGS_SAY);
        assertThat(types(story)).containsSubsequence("CallAnswered", "CallEnded").doesNotContain("MediaUnavailable");
        assertThat(types(story)).as("anchored: its pcap reached the recordings").containsAnyOf(RECORDINGS_SAY);
    }

    @Test
    @Order(8)
    void aDelayedOfferIsAnchoredAtTheAnswerAndTheCallersAnswerInItsAckGoesThroughRtpengine() throws Exception {
        Path messages = Path.of("target", "sipp", "media-late-offer-" + System.nanoTime() + ".log");
        try (Sipp phone = Sipp.phone("phone-late-offer.xml", SipTestPorts.OP_3404_1, 1, 200);
             Sipp caller = Sipp.oneCall("caller-late-offer.xml", SipTestPorts.free(), "127.0.0.1:" + EDGE, "110", keys("081200000159"), 1000,
                     messages)) {
            assertThat(caller.await(40)).as(caller.output()).isZero();
            assertThat(phone.await(40)).as("the phone's ACK brought the caller's answer: %s", phone.output()).isZero();
        }
        assertThat(offerPort(messages, "1 INVITE")).as("the caller was offered rtpengine's port, not the phone's")
                .isBetween(rtpengineProcess.portMin(), rtpengineProcess.portMax());
        List<JournalEntry> story = CallStories.story(journal, "+6281200000159", RECORDINGS_SAY);
        assertThat(types(story)).containsSubsequence("CallAnswered", "CallEnded").doesNotContain("MediaUnavailable");
        assertThat(types(story)).as("owed from the caller's answer on: a restart would finish it").contains("RecordingStarted");
        assertThat(types(story)).as("anchored: its pcap reached the recordings").containsAnyOf(RECORDINGS_SAY);
    }

    @Test
    @Order(9)
    void aFlaggedCallerWhoPressesOneAtTheGateIsRungConfirmedAndAnswered() throws Exception {
        Peers.require("root".equals(System.getProperty("user.name")), "root, for SIPp to send a pcap's RTP (play_pcap_audio) as the caller's 1");
        prankedYesterday("+6281200000160");
        Path messages = Path.of("target", "sipp", "media-gate-" + System.nanoTime() + ".log");
        try (Sipp phone = Sipp.phone("phone-answer.xml", SipTestPorts.OP_3404_1, 1, 500);
             Sipp caller = Sipp.oneCall("caller-gate.xml", SipTestPorts.free(), "127.0.0.1:" + EDGE, "110", keys("081200000160"), 500, messages)) {
            assertThat(caller.await(40)).as(caller.output()).isZero();
            assertThat(phone.await(40)).as(phone.output()).isZero();
        }
        assertThat(Sipp.responsesIn(messages)).as("the gate's prompt as early media before the answer").containsSubsequence("183 INVITE", "200 INVITE");
        List<JournalEntry> story = CallStories.story(journal, "+6281200000160", "CallEnded");
        assertThat(types(story)).containsSubsequence("CallFlagged", "CallGated", "KeyPressed", "GatePassed", "LegRang", "CallAnswered", "CallEnded");
        assertThat(payload(story, "GatePassed")).contains("\"confirmed\":true");
        assertThat(payload(story, "CallAnswered")).contains("\"tier\":0");
        assertThat(seen("gate", "+6281200000160")).extracting(CallView::gate).as("the console's call as it leaves the gate").containsExactly("CONFIRMED");
    }

    @Test
    @Order(10)
    void aFlaggedCallerWhoPressesNothingIsStillRungAfterTheWaitAndAnswered() throws Exception {
        prankedYesterday("+6281200000161");
        try (Sipp phone = Sipp.phone("phone-answer.xml", SipTestPorts.OP_3404_1, 1, 500);
             Sipp caller = Sipp.caller("caller-pidf.xml", SipTestPorts.free(), "127.0.0.1:" + EDGE, "110", keys("081200000161"), 500, 1)) {
            assertThat(caller.await(40)).as(caller.output()).isZero();
            assertThat(phone.await(40)).as(phone.output()).isZero();
        }
        List<JournalEntry> story = CallStories.story(journal, "+6281200000161", "CallEnded");
        assertThat(types(story)).as(payload(story, "MediaUnavailable")).containsSubsequence("CallGated", "GatePassed", "LegRang", "CallAnswered", "CallEnded")
                .doesNotContain("CallRefused");
        assertThat(payload(story, "GatePassed")).contains("\"confirmed\":false");
    }

    @Test
    @Order(11)
    void aSilentCallerAskedForFiveFivePressesItAndTheCallBecomesASilentEmergencyWithItsLocation() throws Exception {
        Peers.require("root".equals(System.getProperty("user.name")), "root, for SIPp to send a pcap's RTP (play_pcap_audio) as the caller's 5 5");
        try (Sipp phone = Sipp.phone("phone-dtmf.xml", SipTestPorts.OP_3404_1, 1, 300);
             Sipp caller = Sipp.caller("caller-five-five.xml", SipTestPorts.free(), "127.0.0.1:" + EDGE, "110", keys("081200000162"), 3000, 1)) {
            CallView answered = awaitAnswered("+6281200000162");
            assertThat(coordinator.askSilentCaller(new CallId(answered.id()), new OperatorId("OP-3404-1"), true))
                    .isEqualTo(CallCoordinator.SilentAsk.PLAYED);
            assertThat(caller.await(40)).as(caller.output()).isZero();
            phone.await(40);
        }
        List<JournalEntry> story = CallStories.story(journal, "+6281200000162", "CallEnded");
        assertThat(types(story)).as("the prompt played (a prompt that cannot be is journalled MediaUnavailable), 5 5 heard after it")
                .containsSubsequence("CallAnswered", "SilentPromptPlayed", "KeyPressed", "KeyPressed", "SilentEmergency")
                .doesNotContain("MediaUnavailable");
        assertThat(payload(story, "SilentEmergency")).contains("\"latitude\":-7.7156").contains("\"source\":\"PIDF_LO\"");
        assertThat(seen("silent", "+6281200000162")).as("the console is told of the ask, then of 5 5").hasSize(2)
                .last().satisfies(c -> assertThat(c.silentEmergencyAt()).isNotNull());
    }

    /** The caller's live call once an operator has answered it (within 15 s). */
    CallView awaitAnswered(String caller) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            java.util.Optional<CallView> call = coordinator.live().stream().filter(c -> c.callerNumber().equals(caller) && "ANSWERED".equals(c.state()))
                    .findFirst();
            if (call.isPresent()) {
                return call.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no answered call from " + caller + " within 15 s");
    }

    static int reOfferPort(Path messages) throws IOException {
        return offerPort(messages, "2 INVITE");
    }

    /** The m=audio port of the SDP in the 200 the caller got to the INVITE of that CSeq, from its message file. */
    static int offerPort(Path messages, String cseq) throws IOException {
        String trace = Files.readString(messages, java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String received : trace.split("message received")) {
            String block = received.split("message sent")[0]; // what follows is what the caller sent next
            if (block.contains("\nSIP/2.0 200") && block.contains("CSeq: " + cseq)) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("m=audio (\\d+)").matcher(block);
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        }
        throw new AssertionError("no 200 with SDP to " + cseq + " in " + messages);
    }

    static Map<String, String> keys(String caller) {
        Map<String, String> keys = new java.util.HashMap<>(IN_SLEMAN);
        keys.put("caller", caller);
        return keys;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
