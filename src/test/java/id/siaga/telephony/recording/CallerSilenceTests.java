package id.siaga.telephony.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Was the caller silent in the first seconds after the answer? Synthesised caller audio at 8 kHz (digital silence, a
 * line's hiss, a click, speech-like bursts at a talker's usual level and at a quiet one) judged with the default policy
 * (5 s, -45 dBov, 100 ms), then recordings as the converter writes them, where the answer falls somewhere in the
 * recording, and real pcaps rtpengine wrote.
 */
class CallerSilenceTests {

    static final CallerSilence.Policy POLICY = CallerSilence.Policy.DEFAULT;
    static final int RATE = 8_000;

    @TempDir
    Path tmp;

    /** {@code seconds} of silence. */
    static short[] silence(double seconds) {
        return new short[(int) (RATE * seconds)];
    }

    /** White noise with an RMS of {@code dbov} over the whole array (seeded: the same every run). */
    static short[] hiss(short[] pcm, double dbov) {
        Random random = new Random(110);
        double rms = 32768 * Math.pow(10, dbov / 20);
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) Math.max(-32768, Math.min(32767, pcm[i] + Math.round(random.nextGaussian() * rms)));
        }
        return pcm;
    }

    /**
     * Speech-like sound from {@code atSeconds} for {@code seconds}: a 150 Hz voice with its harmonics up to 3 kHz, its
     * loudness rising and falling four times a second (syllables), scaled so its loud part peaks near {@code dbov}.
     */
    static short[] speech(short[] pcm, double atSeconds, double seconds, double dbov) {
        double peak = 32768 * Math.pow(10, dbov / 20) * Math.sqrt(2) / Math.sqrt(20);
        int from = (int) (RATE * atSeconds);
        int to = Math.min(pcm.length, from + (int) (RATE * seconds));
        for (int i = from; i < to; i++) {
            double t = (i - from) / (double) RATE;
            double syllable = Math.pow(Math.sin(Math.PI * 4 * t), 2);
            double voice = 0;
            for (int h = 1; h <= 20; h++) {
                voice += Math.sin(2 * Math.PI * 150 * h * t + h);
            }
            pcm[i] = (short) Math.max(-32768, Math.min(32767, pcm[i] + Math.round(peak * syllable * voice)));
        }
        return pcm;
    }

    /** A sine of {@code hz} at an RMS of {@code dbov} from {@code atSeconds} for {@code seconds}. */
    static short[] tone(short[] pcm, double hz, double atSeconds, double seconds, double dbov) {
        double amplitude = 32768 * Math.pow(10, dbov / 20) * Math.sqrt(2);
        int from = (int) (RATE * atSeconds);
        for (int i = from; i < Math.min(pcm.length, from + (int) (RATE * seconds)); i++) {
            pcm[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * i / RATE));
        }
        return pcm;
    }

    @Test
    void aLevelIsTheRmsAgainstFullScale() {
        assertThat(CallerSilence.dbov(tone(silence(0.02), 1000, 0, 0.02, -20), 0, 160)).isCloseTo(-20.0, org.assertj.core.data.Offset.offset(0.2));
        short[] square = new short[160];
        java.util.Arrays.fill(square, Short.MIN_VALUE);
        assertThat(CallerSilence.dbov(square, 0, 160)).isEqualTo(0.0);
        assertThat(CallerSilence.dbov(new short[160], 0, 160)).isEqualTo(CallerSilence.FLOOR_DBOV);
    }

    @Test
    void fiveSecondsOfDigitalSilenceAreSilent() {
        CallerSilence.Finding f = CallerSilence.judge(silence(5), POLICY);
        assertThat(f.verdict()).isEqualTo(CallerSilence.Verdict.SILENT);
        assertThat(f.silent()).isTrue();
        assertThat(f.loudestDbov()).isEqualTo(CallerSilence.FLOOR_DBOV);
        assertThat(f.loud()).isZero();
        assertThat(f.window()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aLinesHissAndAPhonesComfortNoiseAreSilent() {
        CallerSilence.Finding hiss = CallerSilence.judge(hiss(silence(5), -60), POLICY);
        assertThat(hiss.verdict()).isEqualTo(CallerSilence.Verdict.SILENT);
        assertThat(hiss.loudestDbov()).as("the hiss was measured, not taken for digital silence").isBetween(-62.0, -58.0);
        assertThat(CallerSilence.judge(hiss(silence(5), -50), POLICY).verdict()).as("a loud hiss, still 5 dB under speech's threshold")
                .isEqualTo(CallerSilence.Verdict.SILENT);
    }

    @Test
    void aClickOrAPopIsNoSpeech() {
        short[] pcm = hiss(silence(5), -65);
        tone(pcm, 2000, 2.0, 0.02, -10);    // one frame, loud
        tone(pcm, 500, 3.5, 0.04, -15);     // two frames
        CallerSilence.Finding f = CallerSilence.judge(pcm, POLICY);
        assertThat(f.verdict()).isEqualTo(CallerSilence.Verdict.SILENT);
        assertThat(f.loudestDbov()).as("the click was heard").isGreaterThan(-15.0);
        assertThat(f.loud()).isBetween(Duration.ofMillis(40), Duration.ofMillis(80));
    }

    @Test
    void aCallerWhoSpeaksAtOneSecondSpoke() {
        CallerSilence.Finding f = CallerSilence.judge(speech(hiss(silence(5), -60), 1.0, 1.5, -26), POLICY);
        assertThat(f.verdict()).isEqualTo(CallerSilence.Verdict.SPOKE);
        assertThat(f.silent()).isFalse();
        assertThat(f.loudestDbov()).isBetween(-30.0, -20.0);
        assertThat(f.loud()).isGreaterThan(Duration.ofMillis(500));
    }

    @Test
    void aToneBurstOfAQuarterSecondAtOneSecondIsSpeech() {
        assertThat(CallerSilence.judge(tone(silence(5), 440, 1.0, 0.25, -30), POLICY).verdict()).isEqualTo(CallerSilence.Verdict.SPOKE);
    }

    @Test
    void aQuietTalkerTwentyDecibelsUnderTheUsualLevelStillSpoke() {
        CallerSilence.Finding f = CallerSilence.judge(speech(hiss(silence(5), -65), 0.5, 2, -38), POLICY);
        assertThat(f.verdict()).isEqualTo(CallerSilence.Verdict.SPOKE);
    }

    @Test
    void aPolicyOutsideItsBoundsIsRefusedWithItsReason() {
        assertThatThrownBy(() -> new CallerSilence.Policy(Duration.ofMillis(50), -45, Duration.ofMillis(20)))
                .hasMessageContaining("window");
        assertThatThrownBy(() -> new CallerSilence.Policy(Duration.ofSeconds(5), 3, Duration.ofMillis(100))).hasMessageContaining("dBov");
        assertThatThrownBy(() -> new CallerSilence.Policy(Duration.ofSeconds(5), -45, Duration.ofSeconds(6))).hasMessageContaining("shortest");
        assertThat(POLICY.windowFrames()).isEqualTo(250);
        assertThat(POLICY.speechFrames()).isEqualTo(5);
    }

    // --- recordings as the converter writes them: the answer is somewhere in them

    static final Instant START = Instant.parse("2026-12-03T12:00:00Z");

    /** A stereo WAV of {@code caller} on the left and a 1 kHz operator on the right, and what the converter says of it. */
    record Written(Path wav, CallAudio audio) {
    }

    Written recording(short[] caller, int callerPackets) throws IOException {
        Path wav = tmp.resolve("call-" + System.nanoTime() + ".wav");
        short[] operator = tone(silence(caller.length / (double) RATE), 1000, 0, caller.length / (double) RATE, -20);
        try (OutputStream out = Files.newOutputStream(wav)) {
            out.write(PcapToWav.header(caller.length));
            ByteBuffer frames = ByteBuffer.allocate(caller.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < caller.length; i++) {
                frames.putShort(caller[i]).putShort(operator[i]);
            }
            out.write(frames.array());
        }
        return new Written(wav, new CallAudio(caller.length, callerPackets, caller.length / 160, 0, 0, null, START));
    }

    @Test
    void speechThatStartsSixSecondsAfterTheAnswerIsOutsideTheWindow() throws IOException {
        Written w = recording(speech(hiss(silence(10), -60), 6.0, 3, -26), 500);
        assertThat(CallerSilence.ofRecording(w.wav(), w.audio(), START, POLICY).verdict()).isEqualTo(CallerSilence.Verdict.SILENT);
        assertThat(CallerSilence.ofRecording(w.wav(), w.audio(), START.plusSeconds(2), POLICY).verdict())
                .as("answered 2 s into the recording: the speech at 6 s is 4 s after the answer").isEqualTo(CallerSilence.Verdict.SPOKE);
    }

    @Test
    void theOperatorsChannelIsNeverTakenForTheCallers() throws IOException {
        Written w = recording(hiss(silence(6), -62), 300);
        CallerSilence.Finding f = CallerSilence.ofRecording(w.wav(), w.audio(), START, POLICY);
        assertThat(f.verdict()).as("the operator's 1 kHz at -20 dBov is on the right").isEqualTo(CallerSilence.Verdict.SILENT);
        assertThat(f.loudestDbov()).isLessThan(-55.0);
    }

    @Test
    void beforeTheCallersFirstPacketTheRelayHeardNothing() throws IOException {
        // the recording starts 3 s after the answer (nobody sent anything before); the caller speaks 1 s into it
        Written w = recording(speech(silence(6), 1.0, 2, -26), 250);
        assertThat(CallerSilence.ofRecording(w.wav(), w.audio(), START.minusSeconds(3), POLICY).verdict()).isEqualTo(CallerSilence.Verdict.SPOKE);
        Written late = recording(speech(silence(8), 2.5, 2, -26), 250);
        assertThat(CallerSilence.ofRecording(late.wav(), late.audio(), START.minusSeconds(3), POLICY).verdict())
                .as("speech 5.5 s after the answer").isEqualTo(CallerSilence.Verdict.SILENT);
        Written none = recording(speech(silence(3), 0.5, 2, -26), 150);
        assertThat(CallerSilence.ofRecording(none.wav(), none.audio(), START.minusSeconds(60), POLICY).verdict())
                .as("the whole window before the recording").isEqualTo(CallerSilence.Verdict.SILENT);
    }

    @Test
    void aCallThatEndsWithinTheWindowIsNotJudged() throws IOException {
        Written w = recording(silence(4), 200);
        assertThat(CallerSilence.ofRecording(w.wav(), w.audio(), START, POLICY).verdict()).isEqualTo(CallerSilence.Verdict.TOO_SHORT);
        assertThat(CallerSilence.ofRecording(w.wav(), w.audio(), START, POLICY).silent()).isFalse();
    }

    @Test
    void aRecordingWithoutOnePacketOfTheCallersIsOneWayAudioNotJustSilence() throws IOException {
        Written w = recording(silence(6), 0);
        CallerSilence.Finding f = CallerSilence.ofRecording(w.wav(), w.audio(), START, POLICY);
        assertThat(f.verdict()).isEqualTo(CallerSilence.Verdict.NO_CALLER_AUDIO);
        assertThat(f.silent()).isTrue();
    }

    // --- real pcaps rtpengine wrote (src/test/resources/media/README.md)

    Written converted(String fixture, CallerMedia caller) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CallAudio audio = new PcapToWav(Duration.ofHours(1)).convert(PcapToWavTests.fixture(fixture), caller, out);
        Path wav = tmp.resolve(fixture + "-" + System.nanoTime() + ".wav");
        Files.write(wav, out.toByteArray());
        return new Written(wav, audio);
    }

    @Test
    void theRecordingsStartIsWhenTheRelayHeardItsFirstPacket() throws Exception {
        Written w = converted("rtpengine-pcmu-tones.pcap", PcapToWavTests.TONES_CALLER);
        // rtpengine-pcmu-tones.meta.txt: "Timestamp started ms: 1796300582134.717", the first packet a moment later
        assertThat(w.audio().start()).isBetween(Instant.ofEpochMilli(1796300582134L), Instant.ofEpochMilli(1796300582134L + 2_000));
        assertThat(w.audio().frameAt(w.audio().start().plusMillis(1_000))).isEqualTo(8_000);
        assertThat(w.audio().frameAt(w.audio().start().minusMillis(1))).isEqualTo(-8);
    }

    @Test
    void aCallersToneThroughRtpengineIsSpeechAndACallerWhoseMediaNeverCameIsOneWay() throws Exception {
        CallerSilence.Policy second = new CallerSilence.Policy(Duration.ofSeconds(1), -45, Duration.ofMillis(100));
        Written tones = converted("rtpengine-pcmu-tones.pcap", PcapToWavTests.TONES_CALLER);
        CallerSilence.Finding f = CallerSilence.ofRecording(tones.wav(), tones.audio(), tones.audio().start(), second);
        assertThat(f.verdict()).isEqualTo(CallerSilence.Verdict.SPOKE);
        assertThat(f.loudestDbov()).as("a sine of amplitude 8000: -15 dBov").isBetween(-16.0, -14.0);
        assertThat(CallerSilence.ofRecording(tones.wav(), tones.audio(), tones.audio().start(), POLICY).verdict())
                .as("two seconds of call: a 5 s window is not judged").isEqualTo(CallerSilence.Verdict.TOO_SHORT);
        Written oneWay = converted("rtpengine-pcmu-tones.pcap", CallerMedia.sentTo(41054 + 1));
        assertThat(CallerSilence.ofRecording(oneWay.wav(), oneWay.audio(), oneWay.audio().start(), second).verdict())
                .isEqualTo(CallerSilence.Verdict.NO_CALLER_AUDIO);
    }

    @Test
    void aSideThatPausedIsSilentForThePauseThroughRtpengine() throws Exception {
        // rtpengine-pcma-loss.pcap: the operator (sending to rtpengine's 41080) paused for packets 60-84, 1.2 s to 1.7 s;
        // taken here as the side judged (every packet not sent to 41000, the caller's port, is theirs)
        Written w = converted("rtpengine-pcma-loss.pcap", CallerMedia.notSentTo(41000));
        CallerSilence.Policy short400 = new CallerSilence.Policy(Duration.ofMillis(400), -45, Duration.ofMillis(100));
        Instant start = w.audio().start();
        assertThat(CallerSilence.ofRecording(w.wav(), w.audio(), start.plusMillis(1_250), short400).verdict()).isEqualTo(CallerSilence.Verdict.SILENT);
        assertThat(CallerSilence.ofRecording(w.wav(), w.audio(), start.plusMillis(600), short400).verdict()).isEqualTo(CallerSilence.Verdict.SPOKE);
    }
}
