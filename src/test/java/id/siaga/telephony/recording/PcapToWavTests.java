package id.siaga.telephony.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * rtpengine's pcap of a call becomes its stereo WAV. The fixtures are pcaps rtpengine 10.5 wrote for real calls
 * ({@code src/test/resources/media/README.md} says how they were made): a caller sending a 440 Hz tone, an operator a
 * 1 kHz tone, 100 packets of 20 ms each way.
 */
class PcapToWavTests {

    /** rtpengine's port for the caller's leg in the PCMU call (the answer's m=audio): the caller sent to it. */
    static final CallerMedia TONES_CALLER = CallerMedia.sentTo(41068);
    /** The same in the PCMA call with loss. */
    static final CallerMedia LOSS_CALLER = CallerMedia.sentTo(41000);

    static byte[] fixture(String name) {
        try (InputStream in = PcapToWavTests.class.getResourceAsStream("/media/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Converted(CallAudio audio, Wav wav) {
    }

    static Converted convert(byte[] pcap, CallerMedia caller) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CallAudio audio = new PcapToWav(Duration.ofHours(1)).convert(pcap, caller, out);
        assertThat(out.size()).as("the WAV's size").isEqualTo(44 + audio.samples() * 4);
        return new Converted(audio, Wav.read(out.toByteArray()));
    }

    /** What the test sender put in sample {@code n} of its stream: a sine of 8000 at {@code hz}. */
    static int sent(double hz, int n) {
        return (int) (8000 * Math.sin(2 * Math.PI * hz * n / 8000));
    }

    /** Where a side's sample 0 landed: the offset whose first packet matches the tone best. */
    static int start(short[] channel, double hz) {
        int best = -1;
        double bestError = Double.MAX_VALUE;
        for (int o = 0; o + 160 < channel.length && o < 4000; o++) {
            double error = 0;
            for (int k = 0; k < 160; k++) {
                error += Math.abs(channel[o + k] - sent(hz, k));
            }
            if (error < bestError) {
                bestError = error;
                best = o;
            }
        }
        return best;
    }

    @Test
    void theCallersToneIsOnTheLeftTheOperatorsOnTheRightForTheLengthOfTheCall() throws Exception {
        Converted c = convert(fixture("rtpengine-pcmu-tones.pcap"), TONES_CALLER);
        Wav wav = c.wav();

        assertThat(c.audio().callerPackets()).isEqualTo(100);
        assertThat(c.audio().operatorPackets()).isEqualTo(100);
        assertThat(c.audio().otherPackets()).as("three telephone-event packets, one comfort noise packet, one RTCP report").isEqualTo(5);
        assertThat(c.audio().complete()).isTrue();
        assertThat(wav.seconds()).as("100 packets of 20 ms each way, the operator's first a few µs after the caller's")
                .isBetween(2.0, 2.005);
        assertThat(c.audio().duration()).isEqualTo(Duration.ofNanos(wav.frames() * 125_000L));

        int n = wav.frames();
        assertThat(Wav.power(wav.left(), 0, n, 440)).as("left: the caller's 440 Hz").isGreaterThan(100 * Wav.power(wav.left(), 0, n, 1000));
        assertThat(Wav.power(wav.right(), 0, n, 1000)).as("right: the operator's 1 kHz").isGreaterThan(100 * Wav.power(wav.right(), 0, n, 440));
        assertThat(Wav.rms(wav.left(), 0, n)).as("a sine of 8000 has an RMS of 5657").isBetween(5000.0, 6000.0);
        assertThat(Wav.rms(wav.right(), 0, n)).isBetween(5000.0, 6000.0);
    }

    @Test
    void theOperatorsPortAloneTellsTheSidesApartAsWellAsTheCallersPort() throws Exception {
        // 41054: rtpengine's port in the offer's SDP (the metadata's "SDP mode: offer"), the one the operator's phone sent to
        Converted byOperator = convert(fixture("rtpengine-pcmu-tones.pcap"), CallerMedia.notSentTo(41054));
        Converted byCaller = convert(fixture("rtpengine-pcmu-tones.pcap"), TONES_CALLER);
        assertThat(byOperator.audio()).isEqualTo(byCaller.audio());
        assertThat(byOperator.wav().left()).isEqualTo(byCaller.wav().left());
        assertThat(byOperator.wav().right()).isEqualTo(byCaller.wav().right());
        assertThat(CallerMedia.notSentTo(41054)).hasToString("not sent to rtpengine port 41054").isNotEqualTo(CallerMedia.sentTo(41054));
    }

    @Test
    void everySampleLandsWhereItsTimestampSaysSoLostPacketsAndPausesAreSilenceOfTheirLength() throws Exception {
        // the caller (PCMA) lost packets 20-29 and sent packet 40 after 41; the operator paused for packets 60-84
        // (silence suppression: its timestamps went on) and resumed with the marker bit
        Converted c = convert(fixture("rtpengine-pcma-loss.pcap"), LOSS_CALLER);
        Wav wav = c.wav();
        assertThat(c.audio().callerPackets()).isEqualTo(90);
        assertThat(c.audio().operatorPackets()).isEqualTo(75);

        int caller = start(wav.left(), 440);
        int operator = start(wav.right(), 1000);
        assertThat(Math.abs(caller - operator)).as("both sides started together").isLessThan(8);
        for (int packet = 0; packet < 100; packet++) {
            boolean lost = packet >= 20 && packet < 30;
            for (int k = 0; k < 160; k++) {
                int n = 160 * packet + k;
                short heard = wav.left()[caller + n];
                if (lost) {
                    assertThat(heard).as("caller sample %d, lost", n).isZero();
                } else {
                    assertThat(Math.abs(heard - sent(440, n))).as("caller sample %d (packet %d)", n, packet).isLessThanOrEqualTo(300);
                }
            }
        }
        for (int packet = 0; packet < 100; packet++) {
            boolean paused = packet >= 60 && packet < 85;
            for (int k = 0; k < 160; k++) {
                int n = 160 * packet + k;
                short heard = wav.right()[operator + n];
                if (paused) {
                    assertThat(heard).as("operator sample %d, paused", n).isZero();
                } else {
                    assertThat(Math.abs(heard - sent(1000, n))).as("operator sample %d (packet %d)", n, packet).isLessThanOrEqualTo(300);
                }
            }
        }
        assertThat(wav.frames()).isEqualTo(Math.max(caller, operator) + 16_000);
    }

    @Test
    void thePcapOfACallInProgressYieldsWhatItHolds() throws Exception {
        // copied while the call ran: rtpengine writes through a 4 KB buffer, so the file ends inside a packet, as
        // after a crash
        byte[] cut = fixture("rtpengine-pcmu-tones-in-progress.pcap");
        Converted part = convert(cut, TONES_CALLER);
        Converted whole = convert(fixture("rtpengine-pcmu-tones.pcap"), TONES_CALLER);

        assertThat(part.audio().complete()).isFalse();
        assertThat(part.audio().endProblem()).contains("cut off");
        assertThat(part.audio().callerPackets()).isEqualTo(47);
        assertThat(part.audio().operatorPackets()).isEqualTo(46);
        int frames = part.wav().frames();
        assertThat(frames).isEqualTo(47 * 160);
        assertThat(part.wav().left()).as("the same audio as the whole call's, as far as it goes")
                .isEqualTo(Arrays.copyOf(whole.wav().left(), frames));
        assertThat(Arrays.copyOf(part.wav().right(), 46 * 160)).isEqualTo(Arrays.copyOf(whole.wav().right(), 46 * 160));
    }

    @Test
    void aLongSilenceIsWrittenAsSilenceWhetherTheTimestampsShowItOrNot() throws Exception {
        // the call goes quiet for 5 s before the caller's 55th packet (the 100th record) and the operator's: once with the senders'
        // timestamps moving on with it (silence suppression), once with the timestamps going on where they were (a
        // sender that restarted its stream): both sides resume 5 s later either way
        byte[] pcap = fixture("rtpengine-pcma-loss.pcap");
        Converted unbroken = convert(pcap, LOSS_CALLER);
        for (int timestampSamples : new int[] {40_000, 0}) {
            Converted c = convert(Captures.later(pcap, 100, 5, timestampSamples), LOSS_CALLER);
            Wav wav = c.wav();
            assertThat(wav.frames()).as("timestamps +%d", timestampSamples).isBetween(unbroken.wav().frames() + 40_000 - 2_000,
                    unbroken.wav().frames() + 40_000 + 2_000);
            int caller = start(wav.left(), 440);
            int silentFrom = caller + 55 * 160;
            assertThat(Wav.rms(wav.left(), caller, silentFrom)).isGreaterThan(5000);
            assertThat(Wav.rms(wav.left(), silentFrom, silentFrom + 38_000)).as("5 s of nothing").isZero();
            int operatorSilentFrom = start(wav.right(), 1000) + 55 * 160;
            assertThat(Wav.rms(wav.right(), operatorSilentFrom, operatorSilentFrom + 38_000)).isZero();
            assertThat(Wav.power(wav.left(), wav.frames() - 4000, wav.frames(), 440)).as("the caller after the silence")
                    .isGreaterThan(1_000_000);
        }
        Converted c = convert(Captures.later(pcap, 100, 5, 40_000), LOSS_CALLER);
        int caller = start(c.wav().left(), 440);
        int resumed = caller + 40_000 + 55 * 160;
        for (int n = 0; n < 160; n++) {
            assertThat(Math.abs(c.wav().left()[resumed + n] - sent(440, 55 * 160 + n))).as("timestamps place the resumed audio exactly")
                    .isLessThanOrEqualTo(300);
        }
    }

    @Test
    void aPcapCutAnywhereYieldsItsAudioOrIsRefusedNeverBreaks() throws Exception {
        byte[] pcap = fixture("rtpengine-pcma-loss.pcap");
        for (int length = 0; length < pcap.length; length += 37) {
            byte[] cut = Arrays.copyOf(pcap, length);
            try {
                Converted c = convert(cut, LOSS_CALLER);
                assertThat(c.audio().callerPackets() + c.audio().operatorPackets()).isPositive();
                assertThat(c.audio().complete()).as("cut at %d", length).isEqualTo((length - 24) % 216 == 0);
            } catch (UnreadableRecordingException e) {
                assertThat(length).as("refused only before the first whole audio packet: %s", e.getMessage()).isLessThan(24 + 216);
            }
        }
    }

    @Test
    void filesThatAreNotRecordingsAreRefusedSayingWhat() {
        PcapToWav converter = new PcapToWav(Duration.ofMinutes(5));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> converter.convert(new byte[0], TONES_CALLER, out)).isInstanceOf(UnreadableRecordingException.class)
                .hasMessage("not a pcap file: 0 bytes, shorter than a pcap header");
        assertThatThrownBy(() -> converter.convert("RIFF....WAVEfmt not a pcap".getBytes(StandardCharsets.US_ASCII), TONES_CALLER, out))
                .hasMessage("not a pcap file: it starts with 52 49 46 46");
        byte[] pcapng = {0x0a, 0x0d, 0x0d, 0x0a, 0x1c, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a, 1, 0, 0, 0, -1, -1, -1, -1, -1, -1, -1, -1, 0x1c, 0, 0, 0};
        assertThatThrownBy(() -> converter.convert(pcapng, TONES_CALLER, out))
                .hasMessage("a pcapng file: only classic pcap is read (what rtpengine's pcap recording writes)");
        byte[] bluetooth = Arrays.copyOf(fixture("rtpengine-pcmu-tones.pcap"), 24);
        ByteBuffer.wrap(bluetooth).order(ByteOrder.LITTLE_ENDIAN).putInt(20, 201);
        assertThatThrownBy(() -> converter.convert(bluetooth, TONES_CALLER, out))
                .hasMessage("pcap link type 201 is not read (raw IP, Ethernet, Linux cooked capture and BSD loopback are)");
        byte[] random = new byte[5000];
        new Random(110).nextBytes(random);
        assertThatThrownBy(() -> converter.convert(random, TONES_CALLER, out)).isInstanceOf(UnreadableRecordingException.class)
                .hasMessageStartingWith("not a pcap file: it starts with");
        byte[] headerOnly = Arrays.copyOf(fixture("rtpengine-pcmu-tones.pcap"), 24);
        assertThatThrownBy(() -> converter.convert(headerOnly, TONES_CALLER, out))
                .hasMessage("no G.711 audio (PCMU or PCMA RTP) in the pcap: 0 other packets");
        assertThat(out.size()).as("nothing written for a refused file").isZero();
    }

    @Test
    void aRecordHeaderThatMakesNoSenseEndsTheReadingThereKeepingWhatCameBefore() throws Exception {
        byte[] pcap = fixture("rtpengine-pcmu-tones.pcap");
        int tenth = 24 + 10 * 216;
        ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN).putInt(tenth + 8, 0x7fff_ffff);
        Converted c = convert(pcap, TONES_CALLER);
        assertThat(c.audio().endProblem()).isEqualTo("the packet at byte " + tenth + " claims 2147483647 bytes, more than any capture holds; "
                + "read up to there");
        assertThat(c.audio().callerPackets() + c.audio().operatorPackets()).isEqualTo(10);
    }

    @Test
    void theCallerToldByTheAddressItsSdpGaveIsTheSameRecording() throws Exception {
        byte[] pcap = fixture("rtpengine-pcmu-tones.pcap");
        Converted byRelayPort = convert(pcap, TONES_CALLER);
        Converted byCallerAddress = convert(pcap, CallerMedia.sentFrom(new InetSocketAddress("127.0.0.1", 40057)));
        assertThat(byCallerAddress.wav()).usingRecursiveComparison().isEqualTo(byRelayPort.wav());

        Converted nobody = convert(pcap, CallerMedia.sentTo(9));
        assertThat(nobody.audio().callerPackets()).as("an address that matches nothing puts everybody on the right").isZero();
        assertThat(Wav.firstSound(nobody.wav().left())).isEqualTo(-1);
    }

    @Test
    void theCallersPortComesFromTheSdpRtpengineGaveTheCaller() {
        String answer = fixture("rtpengine-pcma-loss.meta.txt").length > 0
                ? new String(fixture("rtpengine-pcma-loss.meta.txt"), StandardCharsets.US_ASCII) : "";
        String answerSdp = answer.substring(answer.indexOf("SDP mode: answer"));
        assertThat(CallerMedia.fromRelaySdp(answerSdp.replace("\n", "\r\n"))).contains(LOSS_CALLER);
        assertThat(CallerMedia.fromRelaySdp("v=0\r\nm=video 4000 RTP/AVP 96\r\n")).isEmpty();
        assertThat(CallerMedia.fromRelaySdp("m=audio x RTP/AVP 0")).isEmpty();
        assertThat(CallerMedia.fromRelaySdp(null)).isEmpty();
    }

    @Test
    void aBigEndianNanosecondCaptureOnEthernetReadsAlike() throws Exception {
        byte[] raw = fixture("rtpengine-pcmu-tones.pcap");
        Converted original = convert(raw, TONES_CALLER);
        Converted other = convert(Captures.bigEndianNanosecondEthernet(raw), TONES_CALLER);
        assertThat(other.audio()).isEqualTo(original.audio());
        assertThat(other.wav()).usingRecursiveComparison().isEqualTo(original.wav());
    }

    @Test
    void packetsBeyondTheLongestRecordingAreLeftOutAndCounted() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CallAudio audio = new PcapToWav(Duration.ofSeconds(1)).convert(fixture("rtpengine-pcmu-tones.pcap"), TONES_CALLER, out);
        assertThat(audio.samples()).isLessThanOrEqualTo(8000);
        assertThat(audio.cutOffPackets()).isBetween(98, 102);
        assertThatThrownBy(() -> new PcapToWav(Duration.ofDays(2))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void g711DecodesAsTheStandardSays() {
        assertThat(G711.decode(G711.PCMU, (byte) 0xff)).isZero();
        assertThat(G711.decode(G711.PCMU, (byte) 0x00)).isEqualTo((short) -32124);
        assertThat(G711.decode(G711.PCMU, (byte) 0x80)).isEqualTo((short) 32124);
        assertThat(G711.decode(G711.PCMA, (byte) 0xd5)).isEqualTo((short) 8);
        assertThat(G711.decode(G711.PCMA, (byte) 0x55)).isEqualTo((short) -8);
        assertThat(G711.decode(G711.PCMA, (byte) 0xaa)).isEqualTo((short) 32256);
    }
}
