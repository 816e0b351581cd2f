package id.siaga.telephony.recording;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;

/**
 * Turns rtpengine's pcap of a call into one stereo WAV (16-bit PCM, 8 kHz): the caller on the left channel, the
 * operator on the right, as the two sides were heard at the relay. G.711 µ-law (PCMU) and A-law (PCMA) are decoded;
 * telephone-events (RFC 4733), comfort noise (RFC 3389), RTCP and anything else are skipped. Each packet is placed by
 * its RTP timestamp on the capture's clock ({@link StreamClock}), so a lost packet, a gap or a pause becomes silence
 * of its length and both channels stay in step. The recording runs from the first packet of either side to the end of
 * the last one.
 * <p>
 * The file is read twice (once to place every packet, once to write the audio in the order it plays), so memory
 * stays at a few dozen bytes a packet however long the call. A pcap cut off by a crash yields what it holds.
 */
public final class PcapToWav {

    /** G.711's sampling rate; RTP timestamps of payload types 0 and 8 count these. */
    public static final int SAMPLE_RATE = 8_000;
    /** The longest recording a converter may be asked to write: a day is far beyond any call and under WAV's 4 GB. */
    public static final Duration LONGEST = Duration.ofHours(24);
    private static final int WAV_HEADER = 44;
    /** More than any packet's samples (a UDP datagram holds less than 64 KB): longer packets are not audio. */
    private static final int WINDOW = 1 << 16;
    /** Packets are at least this many samples long in practice (10 ms); bounds the packets one recording may hold. */
    private static final int SHORTEST_PACKET = 80;

    private final long maxSamples;

    /** A converter that writes at most {@code longest} of audio (packets beyond are counted and left out). */
    public PcapToWav(Duration longest) {
        if (longest.isNegative() || longest.isZero() || longest.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("the longest recording must be between 0 and " + LONGEST + ", got " + longest);
        }
        this.maxSamples = longest.toNanos() / StreamClock.NANOS_PER_SAMPLE;
    }

    /**
     * Writes the WAV of {@code pcap} to {@code wav} (not closed).
     *
     * @throws UnreadableRecordingException when the file is not a classic pcap or holds no G.711 audio; nothing was
     *                                      written then
     * @throws IOException                  when the pcap cannot be read or the WAV not written
     */
    public CallAudio convert(Path pcap, CallerMedia caller, OutputStream wav) throws IOException, UnreadableRecordingException {
        try (FileChannel file = FileChannel.open(pcap, StandardOpenOption.READ)) {
            return convert(PcapSource.of(file), caller, wav);
        }
    }

    /** The same for a pcap held in memory. */
    public CallAudio convert(byte[] pcap, CallerMedia caller, OutputStream wav) throws IOException, UnreadableRecordingException {
        return convert(PcapSource.of(pcap), caller, wav);
    }

    CallAudio convert(PcapSource source, CallerMedia caller, OutputStream wav) throws IOException, UnreadableRecordingException {
        PcapFile file = PcapFile.open(source);
        Placed placed = new Placed();
        StreamClock.Runs runs = new StreamClock.Runs();
        StreamClock[] clocks = {new StreamClock(runs), new StreamClock(runs)};
        int[] perSide = new int[2];
        int other = 0;
        long mostPackets = 2 * maxSamples / SHORTEST_PACKET + 1_000;
        String endProblem = null;
        for (PcapFile.Record r = file.next(); r != null; r = file.next()) {
            RtpPacket p = RtpPacket.parse(r.data(), r.length(), file.linkType());
            if (p == null || !G711.decodes(p.payloadType()) || p.payloadLength() == 0 || p.payloadLength() >= WINDOW) {
                other++;
                continue;
            }
            if (placed.size >= mostPackets) {
                endProblem = "more than " + mostPackets + " audio packets; read up to byte " + r.dataOffset();
                break;
            }
            int side = caller.isCaller(p) ? 0 : 1;
            perSide[side]++;
            int run = clocks[side].place(r.timeNanos(), p.ssrc(), p.timestamp());
            placed.add(run, clocks[side].relative(), r.dataOffset() + p.payloadStart(), p.payloadLength(), p.payloadType(), side);
        }
        if (endProblem == null) {
            endProblem = file.endProblem().orElse(null);
        }
        if (placed.size == 0) {
            throw new UnreadableRecordingException("no G.711 audio (PCMU or PCMA RTP) in the pcap: " + other + " other packets"
                    + (endProblem == null ? "" : "; " + endProblem));
        }
        for (int i = 0; i < placed.size; i++) {
            placed.at[i] += runs.offset(placed.run[i]);
        }
        long start = Long.MAX_VALUE;
        for (int i = 0; i < placed.size; i++) {
            start = Math.min(start, placed.at[i]);
        }
        long[] order = new long[placed.size];
        int kept = 0;
        int cutOff = 0;
        long samples = 0;
        int longestPacket = 0;
        for (int i = 0; i < placed.size; i++) {
            long first = (placed.at[i] - start + StreamClock.NANOS_PER_SAMPLE / 2) / StreamClock.NANOS_PER_SAMPLE;
            if (first + placed.length[i] > maxSamples) {
                cutOff++;
                continue;
            }
            order[kept++] = first << 31 | i;
            longestPacket = Math.max(longestPacket, placed.length[i]);
            samples = Math.max(samples, first + placed.length[i]);
        }
        Arrays.sort(order, 0, kept);
        wav.write(header(samples));
        new Mixer(source, wav, Math.max(SAMPLE_RATE, longestPacket)).write(placed, order, kept, samples);
        return new CallAudio(samples, perSide[0], perSide[1], other, cutOff, endProblem,
                java.time.Instant.ofEpochSecond(0, start));
    }

    /** The 44-byte header of a canonical WAV: RIFF, PCM, 2 channels, 8 kHz, 16 bits, {@code samples} frames. */
    static byte[] header(long samples) {
        long data = samples * 4;
        java.nio.ByteBuffer h = java.nio.ByteBuffer.allocate(WAV_HEADER).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) (36 + data))
                .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 2)
                .putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 4).putShort((short) 4).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) data);
        return h.array();
    }

    /** Every placed packet, as parallel arrays: a long call is hundreds of thousands of them. */
    static final class Placed {
        int[] run = new int[1024];
        /** Relative to the run while the file is read; then on the capture's clock. */
        long[] at = new long[1024];
        long[] offset = new long[1024];
        int[] length = new int[1024];
        byte[] payloadType = new byte[1024];
        byte[] side = new byte[1024];
        int size;

        void add(int inRun, long relative, long payloadOffset, int payloadLength, int type, int channel) {
            if (size == at.length) {
                int n = size * 2;
                run = Arrays.copyOf(run, n);
                at = Arrays.copyOf(at, n);
                offset = Arrays.copyOf(offset, n);
                length = Arrays.copyOf(length, n);
                payloadType = Arrays.copyOf(payloadType, n);
                side = Arrays.copyOf(side, n);
            }
            run[size] = inRun;
            at[size] = relative;
            offset[size] = payloadOffset;
            length[size] = payloadLength;
            payloadType[size] = (byte) type;
            side[size] = (byte) channel;
            size++;
        }
    }

    /**
     * Writes the packets in the order they play through a window of open audio: everything before the next packet's
     * start is final and leaves the window; a later packet that overlaps an earlier one overwrites the overlap.
     */
    private static final class Mixer {
        private final PcapSource source;
        private final OutputStream out;
        private final int frames;
        private final short[] window;
        private final byte[] payload;
        private final byte[] bytes = new byte[8 * 1024];
        private long base;

        /** A mixer whose window holds {@code frames} frames, at least the longest packet's. */
        Mixer(PcapSource source, OutputStream out, int frames) {
            this.source = source;
            this.out = out;
            this.frames = frames;
            this.window = new short[2 * frames];
            this.payload = new byte[frames];
        }

        void write(Placed placed, long[] order, int count, long samples) throws IOException {
            for (int k = 0; k < count; k++) {
                int i = (int) (order[k] & 0x7fff_ffffL);
                long first = order[k] >>> 31;
                int n = placed.length[i];
                if (first + n > base + frames) {
                    flush(first - base);
                }
                if (source.read(placed.offset[i], payload, 0, n) < n) {
                    throw new IOException("the pcap changed while it was read: the packet at byte " + placed.offset[i] + " is gone");
                }
                int at = (int) (first - base);
                int channel = placed.side[i];
                int type = placed.payloadType[i];
                for (int s = 0; s < n; s++) {
                    window[2 * (at + s) + channel] = G711.decode(type, payload[s]);
                }
            }
            while (base < samples) {
                flush(Math.min(frames, samples - base));
            }
        }

        /** Writes the first {@code count} frames of the window out and moves the rest to its start. */
        private void flush(long count) throws IOException {
            int n = (int) Math.min(count, frames);
            int b = 0;
            for (int s = 0; s < 2 * n; s++) {
                bytes[b++] = (byte) window[s];
                bytes[b++] = (byte) (window[s] >> 8);
                if (b == bytes.length) {
                    out.write(bytes, 0, b);
                    b = 0;
                }
            }
            out.write(bytes, 0, b);
            System.arraycopy(window, 2 * n, window, 0, window.length - 2 * n);
            Arrays.fill(window, window.length - 2 * n, window.length, (short) 0);
            base += n;
            if (count > n) {
                writeSilence(count - n);
            }
        }

        private void writeSilence(long count) throws IOException {
            // the whole window was written out and nothing is placed beyond it yet: the rest of the gap is silence
            byte[] zeros = new byte[8 * 1024];
            long left = count * 4;
            while (left > 0) {
                int n = (int) Math.min(zeros.length, left);
                out.write(zeros, 0, n);
                left -= n;
            }
            base += count;
        }
    }
}
