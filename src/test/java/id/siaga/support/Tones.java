package id.siaga.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tones as SIPp streams them (raw G.711 A-law at 8 kHz: {@code caller-tone.xml} and {@code phone-tone.xml} play
 * {@code target/media-tones/caller-440.alaw} and {@code phone-1000.alaw}) and the little signal analysis the media
 * tests need.
 */
public final class Tones {

    /** Writes the two tone files the SIPp tone scenarios stream: the caller's 440 Hz and the phone's 1 kHz, a second each. */
    public static void forSipp() throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "media-tones"));
        Files.write(dir.resolve("caller-440.alaw"), alaw(440, 1.0));
        Files.write(dir.resolve("phone-1000.alaw"), alaw(1000, 1.0));
    }

    /**
     * SIPp's RFC 4733 "5" ({@code dtmf_2833_5.pcap}) pressed a second time: the same packets with their RTP sequence
     * numbers 100 and timestamps one second later, as a phone sends a key pressed again ({@code caller-five-five.xml} plays
     * it after the first, as its "5 5"). The same packets twice would be one key: a receiver takes an event with a
     * timestamp it has seen for a retransmission of it.
     */
    public static void secondFiveForSipp() throws IOException {
        byte[] pcap = Files.readAllBytes(Path.of("/usr/share/sip-tester/dtmf_2833_5.pcap"));
        ByteBuffer b = ByteBuffer.wrap(pcap);
        int at = 24; // the pcap's global header; each record: 16 bytes of header, then Ethernet 14, IPv4 20, UDP 8, RTP
        while (at + 16 <= pcap.length) {
            int length = Integer.reverseBytes(b.getInt(at + 8)); // little-endian pcap (magic d4c3b2a1)
            int rtp = at + 16 + 14 + 20 + 8;
            b.putShort(rtp + 2, (short) (b.getShort(rtp + 2) + 100));
            b.putInt(rtp + 4, b.getInt(rtp + 4) + 8000);
            b.putShort(at + 16 + 14 + 20 + 6, (short) 0); // no UDP checksum (optional over IPv4): the payload changed
            at += 16 + length;
        }
        Path dir = Files.createDirectories(Path.of("target", "media-tones"));
        Files.write(dir.resolve("dtmf_2833_5_again.pcap"), pcap);
    }

    /** {@code seconds} of a sine of amplitude 8000 at {@code hz}, A-law. */
    public static byte[] alaw(double hz, double seconds) {
        int n = (int) (8000 * seconds);
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = linearToAlaw((short) (8000 * Math.sin(2 * Math.PI * hz * i / 8000.0)));
        }
        return out;
    }

    /** ITU-T G.711 A-law encoding of one 16-bit sample. */
    public static byte linearToAlaw(short sample) {
        int pcm = sample;
        int mask = pcm >= 0 ? 0xD5 : 0x55;
        if (pcm < 0) {
            pcm = -pcm - 1;
        }
        int[] segEnd = {0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF, 0x3FFF, 0x7FFF};
        int seg = 0;
        while (seg < 8 && pcm > segEnd[seg]) {
            seg++;
        }
        if (seg >= 8) {
            return (byte) (0x7F ^ mask);
        }
        int aval = seg << 4;
        aval |= seg < 2 ? (pcm >> 4) & 0x0F : (pcm >> (seg + 3)) & 0x0F;
        return (byte) (aval ^ mask);
    }

    /** The two channels of a 16-bit stereo WAV (the data chunk found by walking the chunks). */
    public static short[][] stereo(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        b.position(12);
        int channels = 0;
        while (b.remaining() >= 8) {
            int id = b.getInt();
            int size = b.getInt();
            if (id == 0x20746d66) { // "fmt "
                int at = b.position();
                b.getShort();
                channels = b.getShort();
                b.position(at + size);
            } else if (id == 0x61746164) { // "data"
                assertThat(channels).as("stereo").isEqualTo(2);
                int frames = size / 4;
                short[][] out = new short[2][frames];
                for (int i = 0; i < frames; i++) {
                    out[0][i] = b.getShort();
                    out[1][i] = b.getShort();
                }
                return out;
            } else {
                b.position(b.position() + size);
            }
        }
        throw new AssertionError("no data chunk in the WAV");
    }

    /** Goertzel: the power of one frequency in 8 kHz samples. */
    public static double power(short[] samples, double hz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hz / 8000.0);
        double s1 = 0;
        double s2 = 0;
        for (short x : samples) {
            double s = x + coefficient * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        return s1 * s1 + s2 * s2 - coefficient * s1 * s2;
    }

    private Tones() {
    }
}
