package id.siaga.telephony.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** A stereo 8 kHz 16-bit WAV read back for the tests: its two channels, and a Goertzel filter to hear a tone in them. */
record Wav(short[] left, short[] right) {

    static Wav read(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(b.getInt(4)).as("RIFF size").isEqualTo(wav.length - 8);
        assertThat(new String(wav, 8, 8, StandardCharsets.US_ASCII)).isEqualTo("WAVEfmt ");
        assertThat(b.getShort(20)).as("PCM").isEqualTo((short) 1);
        assertThat(b.getShort(22)).as("channels").isEqualTo((short) 2);
        assertThat(b.getInt(24)).as("sample rate").isEqualTo(8000);
        assertThat(b.getShort(34)).as("bits").isEqualTo((short) 16);
        assertThat(new String(wav, 36, 4, StandardCharsets.US_ASCII)).isEqualTo("data");
        int frames = b.getInt(40) / 4;
        assertThat(44 + frames * 4).as("data size").isEqualTo(wav.length);
        short[] left = new short[frames];
        short[] right = new short[frames];
        for (int i = 0; i < frames; i++) {
            left[i] = b.getShort(44 + 4 * i);
            right[i] = b.getShort(46 + 4 * i);
        }
        return new Wav(left, right);
    }

    int frames() {
        return left.length;
    }

    double seconds() {
        return frames() / 8000.0;
    }

    /** The power of {@code hz} in samples [from, to) of a channel (Goertzel), normalised by the length. */
    static double power(short[] channel, int from, int to, double hz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hz / 8000);
        double s1 = 0;
        double s2 = 0;
        for (int i = from; i < to; i++) {
            double s0 = channel[i] + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double n = to - from;
        return (s1 * s1 + s2 * s2 - coefficient * s1 * s2) / (n * n);
    }

    /** Root mean square of samples [from, to). */
    static double rms(short[] channel, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) channel[i] * channel[i];
        }
        return Math.sqrt(sum / Math.max(1, to - from));
    }

    /** The first sample of a channel that is not silence. */
    static int firstSound(short[] channel) {
        for (int i = 0; i < channel.length; i++) {
            if (Math.abs(channel[i]) > 16) {
                return i;
            }
        }
        return -1;
    }
}
