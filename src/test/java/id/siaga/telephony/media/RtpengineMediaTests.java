package id.siaga.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.Pcap;
import id.siaga.support.Peers;
import id.siaga.support.PrivateRtpengine;
import id.siaga.support.RtpEndpoint;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the SIP edge does with rtpengine in each moment of a 110 call, tried against the real rtpengine with phones'
 * RTP (docs/MEDIA.md tells the same story): a caller waiting hears a prompt before anyone answers, the operator who
 * answers a forked ring takes over, the call is recorded both ways, keypresses are reported, either side holds.
 */
class RtpengineMediaTests {

    static final String CALLER = "caller-tag";
    /** Siaga 110's own tag for the operators' side: its To tag towards the caller. */
    static final String OPERATORS = "siaga-tag";

    static final List<DtmfEvent> keypresses = new CopyOnWriteArrayList<>();
    static DtmfLogListener dtmfLog;
    static PrivateRtpengine engine;
    static Rtpengine rtpengine;

    @TempDir
    static Path prompts;

    @BeforeAll
    static void startRtpengine() {
        dtmfLog = DtmfLogListener.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Set.of(InetAddress.getLoopbackAddress()),
                keypresses::add);
        engine = PrivateRtpengine.start(dtmfLog.address().getPort());
        rtpengine = new Rtpengine(new RtpengineSettings(List.of(engine.ngAddress()), Duration.ofMillis(500), 3, Duration.ofSeconds(1)),
                Clock.systemUTC());
    }

    @AfterAll
    static void stopRtpengine() {
        if (rtpengine != null) {
            rtpengine.close();
        }
        if (engine != null) {
            engine.close();
        }
        if (dtmfLog != null) {
            dtmfLog.close();
        }
    }

    static String newCallId() {
        return UUID.randomUUID() + "@carrier.example";
    }

    static boolean from(RtpEndpoint.Packet p, long ssrc) {
        return p.ssrc() == ssrc;
    }

    @Test
    void aWaitingCallerHearsThePromptBeforeAnyAnswerAndTheOperatorWhoAnswersTakesOverOnTheSamePorts() throws Exception {
        String call = newCallId();
        Path prompt = Sdps.toneWav(prompts.resolve("queued.wav"), 440, 1000);
        try (RtpEndpoint caller = new RtpEndpoint(0x1111); RtpEndpoint operator = new RtpEndpoint(0x2222)) {
            AnchoredSdp toOperators = rtpengine.offer(call, CALLER, Sdps.callerOffer(caller.port()), Set.of());
            AnchoredSdp for183 = rtpengine.earlyMedia(call, CALLER, OPERATORS, toOperators);
            InetSocketAddress callerSendsTo = Sdps.media(for183.sdp());
            assertThat(Sdps.direction(for183.sdp())).isEqualTo("sendrecv");
            assertThat(for183.sdp()).contains("m=audio " + callerSendsTo.getPort() + " RTP/AVP 8 101");

            assertThat(rtpengine.playMedia(call, CALLER, prompt, 3)).isEqualTo(Duration.ofSeconds(1));
            List<RtpEndpoint.Packet> heard = caller.await(p -> p.payloadType() == 8, 25, Duration.ofSeconds(10));
            assertThat(heard).as("the prompt, A-law, from the port in the 183's SDP").hasSizeGreaterThanOrEqualTo(25)
                    .allSatisfy(p -> assertThat(p.from()).isEqualTo(new InetSocketAddress("127.0.0.1", callerSendsTo.getPort())));
            long promptSsrc = heard.get(0).ssrc();
            caller.sendAudio(callerSendsTo, 5);
            assertThat(operator.received()).as("nobody answered: the caller's voice goes to the discard port").isEmpty();

            // the operator answers: the prompt stops first (an answer alone does not stop it: both would reach the caller)
            rtpengine.stopMedia(call, CALLER);
            AnchoredSdp for200 = rtpengine.answerAfterEarlyMedia(call, CALLER, OPERATORS, Sdps.operatorAnswer(operator.port()), for183, Set.of());
            assertThat(Sdps.media(for200.sdp())).as("the 200 OK's SDP is the 183's").isEqualTo(callerSendsTo);
            String origin183 = for183.sdp().lines().filter(l -> l.startsWith("o=")).findFirst().orElseThrow();
            assertThat(origin183).matches("o=siaga110 \\d+ 1 IN IP4 127.0.0.1");
            assertThat(for200.sdp()).as("the same origin, the next version").contains(origin183.replace(" 1 IN IP4", " 2 IN IP4") + "\r\n");
            caller.clear();
            operator.sendAudio(Sdps.media(toOperators.sdp()), 10);
            caller.sendAudio(callerSendsTo, 10);
            assertThat(operator.await(p -> from(p, 0x1111), 10, Duration.ofSeconds(5))).hasSize(10);
            assertThat(caller.await(p -> from(p, 0x2222), 10, Duration.ofSeconds(5))).hasSize(10);
            List<RtpEndpoint.Packet> all = caller.received();
            int operatorFirst = all.indexOf(all.stream().filter(p -> from(p, 0x2222)).findFirst().orElseThrow());
            assertThat(all.subList(operatorFirst, all.size())).as("no prompt once the operator speaks").noneMatch(p -> from(p, promptSsrc));
            rtpengine.delete(call);
        }
    }

    @Test
    void withoutStopMediaThePromptGoesOnOverTheOperatorsVoice() throws Exception {
        String call = newCallId();
        Path prompt = Sdps.toneWav(prompts.resolve("long.wav"), 440, 1000);
        try (RtpEndpoint caller = new RtpEndpoint(0x1111); RtpEndpoint operator = new RtpEndpoint(0x2222)) {
            AnchoredSdp toOperators = rtpengine.offer(call, CALLER, Sdps.callerOffer(caller.port()), Set.of());
            rtpengine.earlyMedia(call, CALLER, OPERATORS, toOperators);
            rtpengine.playMedia(call, CALLER, prompt, 30);
            long promptSsrc = caller.await(p -> true, 1, Duration.ofSeconds(5)).get(0).ssrc();
            rtpengine.answer(call, CALLER, OPERATORS, Sdps.operatorAnswer(operator.port()), Set.of());
            caller.clear();
            operator.sendAudio(Sdps.media(toOperators.sdp()), 10);
            assertThat(caller.await(p -> from(p, 0x2222), 10, Duration.ofSeconds(5))).hasSize(10);
            assertThat(caller.received(p -> from(p, promptSsrc))).as("two streams reach the caller at once").isNotEmpty();
            rtpengine.delete(call);
        }
    }

    @Test
    void aForkedRingNeedsOnlyTheWinnersAnswerAndTheLosersLeaveNothingInRtpengine() throws Exception {
        String call = newCallId();
        try (RtpEndpoint caller = new RtpEndpoint(0x1111); RtpEndpoint first = new RtpEndpoint(0x2001);
             RtpEndpoint second = new RtpEndpoint(0x2002); RtpEndpoint third = new RtpEndpoint(0x2003)) {
            AnchoredSdp toOperators = rtpengine.offer(call, CALLER, Sdps.callerOffer(caller.port()), Set.of());
            // the same SDP goes to the three phones; the second answers; the others get CANCEL and never reach rtpengine
            AnchoredSdp toCaller = rtpengine.answer(call, CALLER, OPERATORS, Sdps.operatorAnswer(second.port()), Set.of());
            MediaQuery query = rtpengine.query(call);
            assertThat(query.parties()).extracting(MediaQuery.Party::tag).containsExactlyInAnyOrder(CALLER, OPERATORS);
            second.sendAudio(Sdps.media(toOperators.sdp()), 10);
            caller.sendAudio(Sdps.media(toCaller.sdp()), 10);
            assertThat(second.await(p -> from(p, 0x1111), 10, Duration.ofSeconds(5))).hasSize(10);
            assertThat(caller.await(p -> from(p, 0x2002), 10, Duration.ofSeconds(5))).hasSize(10);
            assertThat(first.received()).isEmpty();
            assertThat(third.received()).isEmpty();
            rtpengine.delete(call);
            assertThat(rtpengine.list(engine.ngAddress(), 1000)).doesNotContain(call);
        }
    }

    @Test
    void answeringALoserWithAToTagOfItsOwnTakesTheCallersMediaAwayFromTheWinner() throws Exception {
        String call = newCallId();
        try (RtpEndpoint caller = new RtpEndpoint(0x1111); RtpEndpoint winner = new RtpEndpoint(0x2001); RtpEndpoint loser = new RtpEndpoint(0x2002)) {
            AnchoredSdp toOperators = rtpengine.offer(call, CALLER, Sdps.callerOffer(caller.port()), Set.of());
            AnchoredSdp toCaller = rtpengine.answer(call, CALLER, "winner-phone-tag", Sdps.operatorAnswer(winner.port()), Set.of());
            rtpengine.answer(call, CALLER, "loser-phone-tag", Sdps.operatorAnswer(loser.port()), Set.of());
            assertThat(rtpengine.query(call).party(CALLER).orElseThrow().subscribers()).containsExactly("loser-phone-tag");
            caller.sendAudio(Sdps.media(toCaller.sdp()), 10);
            assertThat(loser.await(p -> from(p, 0x1111), 10, Duration.ofSeconds(5))).hasSize(10);
            assertThat(winner.received(p -> from(p, 0x1111))).isEmpty();
            // answering the winner again gives the caller back to it
            rtpengine.answer(call, CALLER, "winner-phone-tag", Sdps.operatorAnswer(winner.port()), Set.of());
            caller.sendAudio(Sdps.media(toCaller.sdp()), 10);
            assertThat(winner.await(p -> from(p, 0x1111), 10, Duration.ofSeconds(5))).hasSize(10);
            assertThat(Sdps.media(toOperators.sdp()).getPort()).isBetween(engine.portMin(), engine.portMax());
            rtpengine.delete(call);
        }
    }

    @Test
    void eitherSideHoldsWithAReInviteOnTheSamePorts() throws Exception {
        String call = newCallId();
        try (RtpEndpoint caller = new RtpEndpoint(0x1111); RtpEndpoint operator = new RtpEndpoint(0x2222)) {
            String offer = Sdps.callerOffer(caller.port());
            String answer = Sdps.operatorAnswer(operator.port());
            InetSocketAddress operatorSendsTo = Sdps.media(rtpengine.offer(call, CALLER, offer, Set.of()).sdp());
            InetSocketAddress callerSendsTo = Sdps.media(rtpengine.answer(call, CALLER, OPERATORS, answer, Set.of()).sdp());

            // the caller holds: its re-INVITE is an offer from the caller's tag to the operators'
            AnchoredSdp holdToOperator = rtpengine.reoffer(call, CALLER, OPERATORS, Sdps.withDirection(offer, "sendonly", 1764324931), Set.of());
            assertThat(Sdps.direction(holdToOperator.sdp())).isEqualTo("sendonly");
            assertThat(Sdps.media(holdToOperator.sdp())).isEqualTo(operatorSendsTo);
            AnchoredSdp holdToCaller = rtpengine.answer(call, CALLER, OPERATORS, Sdps.withDirection(answer, "recvonly", 20052), Set.of());
            assertThat(Sdps.direction(holdToCaller.sdp())).isEqualTo("recvonly");
            assertThat(Sdps.media(holdToCaller.sdp())).isEqualTo(callerSendsTo);
            rtpengine.reoffer(call, CALLER, OPERATORS, Sdps.withDirection(offer, "sendrecv", 1764324932), Set.of());
            rtpengine.answer(call, CALLER, OPERATORS, Sdps.withDirection(answer, "sendrecv", 20053), Set.of());

            // the operator holds: the tags turn round, from the operators' tag to the caller's
            AnchoredSdp holdToCaller2 = rtpengine.reoffer(call, OPERATORS, CALLER, Sdps.withDirection(answer, "sendonly", 20054), Set.of());
            assertThat(Sdps.direction(holdToCaller2.sdp())).isEqualTo("sendonly");
            assertThat(Sdps.media(holdToCaller2.sdp())).isEqualTo(callerSendsTo);
            AnchoredSdp holdToOperator2 = rtpengine.answer(call, OPERATORS, CALLER, Sdps.withDirection(offer, "recvonly", 1764324933), Set.of());
            assertThat(Sdps.direction(holdToOperator2.sdp())).isEqualTo("recvonly");
            assertThat(Sdps.media(holdToOperator2.sdp())).isEqualTo(operatorSendsTo);
            rtpengine.reoffer(call, OPERATORS, CALLER, Sdps.withDirection(answer, "sendrecv", 20055), Set.of());
            rtpengine.answer(call, OPERATORS, CALLER, Sdps.withDirection(offer, "sendrecv", 1764324934), Set.of());

            caller.sendAudio(callerSendsTo, 10);
            operator.sendAudio(operatorSendsTo, 10);
            assertThat(operator.await(p -> from(p, 0x1111), 10, Duration.ofSeconds(5))).hasSize(10);
            assertThat(caller.await(p -> from(p, 0x2222), 10, Duration.ofSeconds(5))).hasSize(10);
            rtpengine.delete(call);
        }
    }

    @Test
    void aRecordedCallIsOnePcapOfWhatEachSideSentTellingCallerFromOperatorByTheDestinationPort() throws Exception {
        String call = newCallId();
        Path prompt = Sdps.toneWav(prompts.resolve("short.wav"), 440, 200);
        try (RtpEndpoint caller = new RtpEndpoint(0x1111); RtpEndpoint operator = new RtpEndpoint(0x2222)) {
            AnchoredSdp toOperators = rtpengine.offer(call, CALLER, Sdps.callerOffer(caller.port()), Set.of(SdpOption.RECORD_CALL));
            assertThat(toOperators.recordings()).singleElement().satisfies(file -> {
                assertThat(Path.of(file).getParent()).isEqualTo(engine.recordingDir().resolve("pcaps"));
                assertThat(Path.of(file).getFileName().toString()).as("the call-id percent-escaped, a random suffix")
                        .matches(java.util.regex.Pattern.quote(escaped(call)) + "-[0-9a-f]{16}\\.pcap");
            });
            Path pcap = Path.of(toOperators.recordings().get(0));
            InetSocketAddress callerSendsTo = Sdps.media(rtpengine.earlyMedia(call, CALLER, OPERATORS, toOperators).sdp());
            rtpengine.playMedia(call, CALLER, prompt, 1);
            caller.sendAudio(callerSendsTo, 5);
            rtpengine.stopMedia(call, CALLER);
            rtpengine.answer(call, CALLER, OPERATORS, Sdps.operatorAnswer(operator.port()), Set.of());
            InetSocketAddress operatorSendsTo = Sdps.media(toOperators.sdp());
            caller.sendAudio(callerSendsTo, 10);
            operator.sendAudio(operatorSendsTo, 10);
            operator.await(p -> from(p, 0x1111), 10, Duration.ofSeconds(5));
            caller.await(p -> from(p, 0x2222), 10, Duration.ofSeconds(5));
            assertThat(metadata(engine.recordingDir().resolve("tmp"), call)).as("while the call lasts").hasSize(1);

            rtpengine.delete(call);
            Pcap recorded = Pcap.read(pcap);
            assertThat(recorded.linkType()).as("raw IPv4, no Ethernet header").isEqualTo(Pcap.RAW_IP);
            List<Pcap.Datagram> fromCaller = recorded.datagrams().stream().filter(d -> d.to().getPort() == callerSendsTo.getPort()).toList();
            List<Pcap.Datagram> fromOperator = recorded.datagrams().stream().filter(d -> d.to().getPort() == operatorSendsTo.getPort()).toList();
            assertThat(fromCaller).as("the caller's 5 packets while waiting and 10 in the talk").hasSize(15)
                    .allSatisfy(d -> assertThat(d.from().getPort()).isEqualTo(caller.port()));
            assertThat(fromOperator).hasSize(10).allSatisfy(d -> assertThat(d.from().getPort()).isEqualTo(operator.port()));
            assertThat(recorded.datagrams()).as("what rtpengine received, not what it sent: no prompt").hasSize(25);

            List<Path> done = metadata(engine.recordingDir().resolve("metadata"), call);
            assertThat(done).hasSize(1);
            String meta = Files.readString(done.get(0));
            assertThat(meta).startsWith(pcap + "\n").contains("SDP mode: offer", "SDP mode: answer", "m=audio " + operatorSendsTo.getPort() + " ",
                    "m=audio " + callerSendsTo.getPort() + " ", "call start time: ", "call end time: ");
            assertThat(metadata(engine.recordingDir().resolve("tmp"), call)).isEmpty();
        }
    }

    private static List<Path> metadata(Path dir, String call) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("rtpengine-meta-" + escaped(call) + "-")).toList();
        }
    }

    /** The call-id as rtpengine puts it in file names: every byte but letters, digits and {@code -._~} as %XX. */
    static String escaped(String callId) {
        StringBuilder out = new StringBuilder();
        for (byte b : callId.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    @Test
    void theCallersKeypressesComeAsJsonNamingTheCallAndTheCallersTagBeforeAndAfterTheAnswer() throws Exception {
        Path one = Path.of("/usr/share/sip-tester/dtmf_2833_1.pcap");
        Path two = Path.of("/usr/share/sip-tester/dtmf_2833_2.pcap");
        Peers.require(Files.isReadable(one) && Files.isReadable(two), "SIPp's DTMF pcaps (Debian package sip-tester) under /usr/share/sip-tester");
        String call = newCallId();
        try (RtpEndpoint caller = new RtpEndpoint(0x1111); RtpEndpoint operator = new RtpEndpoint(0x2222)) {
            AnchoredSdp toOperators = rtpengine.offer(call, CALLER, Sdps.callerOffer(caller.port()), Set.of());
            InetSocketAddress callerSendsTo = Sdps.media(rtpengine.earlyMedia(call, CALLER, OPERATORS, toOperators).sdp());
            caller.sendAudio(callerSendsTo, 3);
            caller.sendEvent(callerSendsTo, eventPayloads(one));
            caller.sendAudio(callerSendsTo, 3);
            List<DtmfEvent> waiting = awaitKeypresses(call, 1);
            assertThat(waiting).singleElement().satisfies(e -> {
                assertThat(e.key()).isEqualTo('1');
                assertThat(e.sourceTag()).isEqualTo(CALLER);
                assertThat(e.tags()).containsExactlyInAnyOrder(CALLER, OPERATORS);
                assertThat(e.duration()).isEqualTo(Duration.ofMillis(280));
                assertThat(e.volume()).isEqualTo(10);
                assertThat(e.sourceIp()).isEqualTo("127.0.0.1");
            });

            rtpengine.answer(call, CALLER, OPERATORS, Sdps.operatorAnswer(operator.port()), Set.of());
            caller.sendEvent(callerSendsTo, eventPayloads(two));
            caller.sendAudio(callerSendsTo, 3);
            assertThat(awaitKeypresses(call, 2)).extracting(DtmfEvent::key).containsExactly('1', '2');
            assertThat(operator.await(p -> p.payloadType() == 101, 1, Duration.ofSeconds(5))).as("the events go on to the operator too")
                    .isNotEmpty();
            rtpengine.delete(call);
        }
    }

    /** The RTP payloads of the telephone-event packets in a SIPp DTMF pcap, in order. */
    static List<byte[]> eventPayloads(Path pcap) {
        return Pcap.read(pcap).datagrams().stream().map(Pcap.Datagram::payload).filter(rtp -> rtp.length >= 16 && (rtp[1] & 0x7f) == 101)
                .map(rtp -> Arrays.copyOfRange(rtp, 12, rtp.length)).toList();
    }

    private static List<DtmfEvent> awaitKeypresses(String call, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (keypresses.stream().filter(e -> e.callId().equals(call)).count() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return keypresses.stream().filter(e -> e.callId().equals(call)).toList();
    }
}
