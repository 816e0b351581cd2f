package id.siaga.telephony.recording;

import java.io.IOException;

/**
 * A classic pcap file (libpcap's format, the one rtpengine's {@code --recording-method=pcap} writes: magic
 * {@code a1b2c3d4} in the machine's byte order, version 2.4, link type 101 "raw IP"), read record by record. Both
 * byte orders and the nanosecond variant ({@code a1b23c4d}) are read; pcapng is refused by name.
 * <p>
 * A file that ends inside a record (rtpengine writes through a buffer and flushes it when the call is torn down, so a
 * crash or a look at a call in progress leaves the last record cut) ends the reading there, and so does a record header
 * that makes no sense; what came before is kept, and {@link #endProblem()} says what happened.
 */
final class PcapFile {

    static final int LINKTYPE_NULL = 0;
    static final int LINKTYPE_ETHERNET = 1;
    static final int LINKTYPE_RAW = 101;
    static final int LINKTYPE_LINUX_SLL = 113;
    static final int LINKTYPE_IPV4 = 228;
    static final int LINKTYPE_IPV6 = 229;
    static final int LINKTYPE_LINUX_SLL2 = 276;

    /** libpcap's largest snapshot length: no record of a real capture holds more. */
    static final int MAX_RECORD = 262_144;
    private static final int HEADER = 24;
    private static final int RECORD_HEADER = 16;

    /** One captured packet: when it was captured (nanoseconds since 1970 by the capturing clock) and its bytes. */
    record Record(long timeNanos, long dataOffset, byte[] data, int length) {
    }

    private final PcapSource source;
    private final long size;
    private final boolean littleEndian;
    private final boolean nanoseconds;
    private final int linkType;
    private final byte[] header = new byte[RECORD_HEADER];
    private byte[] data = new byte[2048];
    private long position = HEADER;
    private String endProblem;

    private PcapFile(PcapSource source, long size, boolean littleEndian, boolean nanoseconds, int linkType) {
        this.source = source;
        this.size = size;
        this.littleEndian = littleEndian;
        this.nanoseconds = nanoseconds;
        this.linkType = linkType;
    }

    /** Reads the file header. */
    static PcapFile open(PcapSource source) throws IOException, UnreadableRecordingException {
        long size = source.size();
        byte[] h = new byte[HEADER];
        int n = source.read(0, h, 0, HEADER);
        if (n < 4) {
            throw new UnreadableRecordingException("not a pcap file: " + size + " bytes, shorter than a pcap header");
        }
        long magicBig = u32(h, 0, false);
        boolean little;
        boolean nanos;
        if (magicBig == 0xa1b2c3d4L || magicBig == 0xa1b23c4dL) {
            little = false;
            nanos = magicBig == 0xa1b23c4dL;
        } else if (magicBig == 0xd4c3b2a1L || magicBig == 0x4d3cb2a1L) {
            little = true;
            nanos = magicBig == 0x4d3cb2a1L;
        } else if (magicBig == 0x0a0d0d0aL) {
            throw new UnreadableRecordingException("a pcapng file: only classic pcap is read (what rtpengine's pcap recording writes)");
        } else {
            throw new UnreadableRecordingException(String.format("not a pcap file: it starts with %02x %02x %02x %02x", h[0], h[1], h[2], h[3]));
        }
        if (n < HEADER) {
            throw new UnreadableRecordingException("not a pcap file: " + size + " bytes, shorter than a pcap header");
        }
        int major = u16(h, 4, little);
        if (major != 2) {
            throw new UnreadableRecordingException("pcap version " + major + "." + u16(h, 6, little) + " is not read (2.4 is)");
        }
        int linkType = (int) (u32(h, 20, little) & 0x0fff_ffffL);
        if (linkType != LINKTYPE_NULL && linkType != LINKTYPE_ETHERNET && linkType != LINKTYPE_RAW && linkType != LINKTYPE_LINUX_SLL
                && linkType != LINKTYPE_IPV4 && linkType != LINKTYPE_IPV6 && linkType != LINKTYPE_LINUX_SLL2) {
            throw new UnreadableRecordingException("pcap link type " + linkType
                    + " is not read (raw IP, Ethernet, Linux cooked capture and BSD loopback are)");
        }
        return new PcapFile(source, size, little, nanos, linkType);
    }

    int linkType() {
        return linkType;
    }

    /**
     * The next record, or null at the end of the file or where the records stop making sense. The record's bytes are
     * valid until the next call.
     */
    Record next() throws IOException {
        if (endProblem != null || position >= size) {
            return null;
        }
        if (source.read(position, header, 0, RECORD_HEADER) < RECORD_HEADER) {
            endProblem = "the file ends inside the header of the packet at byte " + position + " (the recording was cut off)";
            return null;
        }
        long seconds = u32(header, 0, littleEndian);
        long fraction = u32(header, 4, littleEndian);
        long length = u32(header, 8, littleEndian);
        if (length > MAX_RECORD) {
            endProblem = "the packet at byte " + position + " claims " + length + " bytes, more than any capture holds; read up to there";
            return null;
        }
        if (fraction >= (nanoseconds ? 1_000_000_000L : 1_000_000L)) {
            endProblem = "the packet at byte " + position + " has a time with " + fraction + (nanoseconds ? " ns" : " µs")
                    + " past the second; read up to there";
            return null;
        }
        if (length > data.length) {
            data = new byte[(int) Math.max(length, Math.min(MAX_RECORD, 2L * data.length))];
        }
        int n = source.read(position + RECORD_HEADER, data, 0, (int) length);
        if (n < length) {
            endProblem = "the file ends inside the packet at byte " + position + " (the recording was cut off)";
            return null;
        }
        long dataOffset = position + RECORD_HEADER;
        position = dataOffset + length;
        long nanos = seconds * 1_000_000_000L + (nanoseconds ? fraction : fraction * 1_000L);
        return new Record(nanos, dataOffset, data, (int) length);
    }

    /** Why the reading stopped before the end of the file; empty when every record was read. */
    java.util.Optional<String> endProblem() {
        return java.util.Optional.ofNullable(endProblem);
    }

    private static int u16(byte[] b, int at, boolean little) {
        return little ? (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 : (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    private static long u32(byte[] b, int at, boolean little) {
        long v = little
                ? (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24
                : (b[at] & 0xffL) << 24 | (b[at + 1] & 0xffL) << 16 | (b[at + 2] & 0xffL) << 8 | (b[at + 3] & 0xffL);
        return v;
    }
}
