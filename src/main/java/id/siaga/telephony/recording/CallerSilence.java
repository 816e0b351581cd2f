package id.siaga.telephony.recording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Whether the caller said anything in the first seconds after the answer, from the caller's channel of the call's
 * recording (the left one: {@link CallerMedia} told the caller's packets from the operator's, {@link G711} decoded them).
 * The window is cut into 20 ms frames (160 samples, a G.711 packet's usual length); each frame's level is its RMS in
 * dBov (0 dBov: a full-scale square wave; a full-scale sine is -3 dBov). The caller spoke when enough frames rise above
 * the threshold, as a simple energy voice-activity detector decides; otherwise the caller was silent. A caller with no
 * packet at all in the recording (one-way audio: the caller's media never reached the relay) is told apart: that is
 * the network's silence as much as the caller's.
 * <p>
 * The rule errs towards "spoke": loud background noise counts as speech and leaves the call unmarked, never the other
 * way. A silent mark weighs on a number's reputation, and a genuine caller who could not speak (the Silent Solution's
 * 1 %) should not be marked for a noisy line; a caller whose silence is missed is still marked by the operator.
 */
public final class CallerSilence {

    /** One frame: 20 ms at 8 kHz. */
    static final int FRAME = 160;
    /** The level of a frame of digital silence (the log of zero): far below anything a line carries. */
    static final double FLOOR_DBOV = -120.0;

    /** What was found. */
    public enum Verdict {
        /** The caller's level rose above the threshold for long enough: speech, or a noisy line. */
        SPOKE,
        /** The caller sent audio but nothing rose above the threshold for long enough. */
        SILENT,
        /** The recording holds no packet of the caller at all (one-way audio). */
        NO_CALLER_AUDIO,
        /** The call ended (or the recording stops) before the window did: not judged; a hang-up speaks for itself. */
        TOO_SHORT
    }

    /**
     * How silence is judged.
     *
     * @param window         how long after the answer the caller is listened to
     * @param thresholdDbov  a frame louder than this is a candidate for speech
     * @param shortestSpeech how much of the window (in frames above the threshold, together) makes speech: less is a
     *                       click, a breath, a line's pop
     */
    public record Policy(Duration window, double thresholdDbov, Duration shortestSpeech) {

        /**
         * 5 s after the answer; -45 dBov; 100 ms. Speech on a telephone line sits around -26 dBov (ITU-T P.56's
         * nominal active speech level), a quiet talker 10 to 15 dB lower; a quiet room through a handset, an idle
         * line and the comfort noise phones make in pauses (RFC 3389) sit at -60 dBov and below. -45 dBov is about
         * 20 dB under nominal speech and 15 dB over the hiss. 100 ms is under one syllable ("halo" lasts 300 ms or
         * more) and five frames: a single click or pop (one frame) does not make speech.
         */
        public static final Policy DEFAULT = new Policy(Duration.ofSeconds(5), -45.0, Duration.ofMillis(100));

        public Policy {
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(shortestSpeech, "shortestSpeech");
            if (window.compareTo(Duration.ofMillis(100)) < 0 || window.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("the silence window is between 100 ms and 1 minute, got " + window);
            }
            if (!(thresholdDbov < 0) || thresholdDbov < -100) {
                throw new IllegalArgumentException("the speech threshold is between -100 and 0 dBov, got " + thresholdDbov);
            }
            if (shortestSpeech.isNegative() || shortestSpeech.isZero() || shortestSpeech.compareTo(window) > 0) {
                throw new IllegalArgumentException("the shortest speech is positive and within the window, got " + shortestSpeech);
            }
        }

        int windowFrames() {
            return (int) (window.toMillis() * PcapToWav.SAMPLE_RATE / 1000 / FRAME);
        }

        int speechFrames() {
            return (int) Math.max(1, (shortestSpeech.toMillis() * PcapToWav.SAMPLE_RATE / 1000 + FRAME - 1) / FRAME);
        }
    }

    /**
     * @param verdict     what was found
     * @param window      how long the caller was listened to
     * @param loudestDbov the loudest frame of the window ({@link #FLOOR_DBOV} when there was none)
     * @param loud        how much of the window rose above the threshold
     */
    public record Finding(Verdict verdict, Duration window, double loudestDbov, Duration loud) {

        /** Whether the caller was silent (with or without audio): what marks the number. */
        public boolean silent() {
            return verdict == Verdict.SILENT || verdict == Verdict.NO_CALLER_AUDIO;
        }
    }

    /** What was noted on a recording: the verdict, over how long after the answer. */
    public record Heard(Verdict verdict, Duration window) {
        public Heard {
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(window, "window");
        }
    }

    private CallerSilence() {
    }

    /**
     * Judges the caller's samples of the window ({@code caller}: 8 kHz, 16-bit, the window's length; audio the relay
     * never heard is zeros, as in the recording).
     */
    public static Finding judge(short[] caller, Policy policy) {
        int frames = caller.length / FRAME;
        double loudest = FLOOR_DBOV;
        int loud = 0;
        for (int f = 0; f < frames; f++) {
            double level = dbov(caller, f * FRAME, FRAME);
            loudest = Math.max(loudest, level);
            if (level > policy.thresholdDbov()) {
                loud++;
            }
        }
        Verdict verdict = loud >= policy.speechFrames() ? Verdict.SPOKE : Verdict.SILENT;
        return new Finding(verdict, policy.window(), Math.round(loudest * 10) / 10.0, Duration.ofMillis(loud * 20L));
    }

    /** The RMS level of {@code n} samples from {@code from}, in dBov; {@link #FLOOR_DBOV} for digital silence. */
    static double dbov(short[] pcm, int from, int n) {
        double sum = 0;
        for (int i = from; i < from + n; i++) {
            sum += (double) pcm[i] * pcm[i];
        }
        if (sum == 0) {
            return FLOOR_DBOV;
        }
        return Math.max(FLOOR_DBOV, 20 * Math.log10(Math.sqrt(sum / n) / 32768.0));
    }

    /**
     * Judges a converted recording: the caller's channel of {@code wav} (as {@link PcapToWav} wrote it, described by
     * {@code audio}) over the window from {@code answeredAt}. The part of the window before the recording's first frame
     * is silence (the relay heard nothing then); a recording that ends before the window does is not judged.
     */
    public static Finding ofRecording(Path wav, CallAudio audio, Instant answeredAt, Policy policy) throws IOException {
        if (audio.callerPackets() == 0) {
            return new Finding(Verdict.NO_CALLER_AUDIO, policy.window(), FLOOR_DBOV, Duration.ZERO);
        }
        long from = audio.frameAt(answeredAt);
        long to = from + (long) policy.windowFrames() * FRAME;
        if (to > audio.samples()) {
            return new Finding(Verdict.TOO_SHORT, policy.window(), FLOOR_DBOV, Duration.ZERO);
        }
        short[] caller = new short[(int) (to - from)];
        long first = Math.min(Math.max(0, from), to);
        try (FileChannel file = FileChannel.open(wav, StandardOpenOption.READ)) {
            ByteBuffer bytes = ByteBuffer.allocate((int) (to - first) * 4).order(ByteOrder.LITTLE_ENDIAN);
            long position = PcapToWav.header(0).length + first * 4;
            while (bytes.hasRemaining()) {
                int n = file.read(bytes, position + bytes.position());
                if (n < 0) {
                    throw new IOException(wav + " ends at frame " + (first + bytes.position() / 4) + ", before the " + audio.samples()
                            + " its recording holds");
                }
            }
            bytes.flip();
            for (int i = (int) (first - from); i < caller.length; i++) {
                caller[i] = bytes.getShort();
                bytes.getShort(); // the operator's
            }
        }
        return judge(caller, policy);
    }
}
