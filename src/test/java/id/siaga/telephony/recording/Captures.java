package id.siaga.telephony.recording;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A captured pcap written again the way other capture tools write it, packet for packet. */
final class Captures {

    private Captures() {
    }

    /**
     * The same packets as a big-endian pcap with nanosecond times on Ethernet (a VLAN-tagged frame each), as a
     * capture on a switch port might be.
     */
    static byte[] bigEndianNanosecondEthernet(byte[] littleEndianRaw) {
        ByteBuffer in = ByteBuffer.wrap(littleEndianRaw).order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.BIG_ENDIAN);
        h.putInt(0xa1b23c4d).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(PcapFile.LINKTYPE_ETHERNET);
        out.writeBytes(h.array());
        int at = 24;
        while (at + 16 <= littleEndianRaw.length) {
            long seconds = in.getInt(at) & 0xffffffffL;
            long micros = in.getInt(at + 4) & 0xffffffffL;
            int length = in.getInt(at + 8);
            byte[] ethernet = ByteBuffer.allocate(18).put(new byte[12]).putShort((short) 0x8100).putShort((short) 7)
                    .putShort((short) 0x0800).array();
            ByteBuffer r = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN);
            r.putInt((int) seconds).putInt((int) (micros * 1000)).putInt(length + 18).putInt(length + 18);
            out.writeBytes(r.array());
            out.writeBytes(ethernet);
            out.write(littleEndianRaw, at + 16, length);
            at += 16 + length;
        }
        return out.toByteArray();
    }

    /**
     * The same rtpengine pcap (little-endian, microseconds, raw IPv4) with every packet from the {@code from}-th on
     * captured {@code seconds} later and its RTP timestamp moved on by {@code timestampSamples}.
     */
    static byte[] later(byte[] rtpenginePcap, int from, int seconds, int timestampSamples) {
        byte[] out = rtpenginePcap.clone();
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        int at = 24;
        for (int i = 0; at + 16 <= out.length; i++) {
            int length = b.getInt(at + 8);
            if (i >= from) {
                b.putInt(at, b.getInt(at) + seconds);
                int rtp = at + 16 + 28;
                ByteBuffer big = ByteBuffer.wrap(out);
                if ((out[rtp + 1] & 0xff) < 192 || (out[rtp + 1] & 0xff) > 223) {
                    big.putInt(rtp + 4, big.getInt(rtp + 4) + timestampSamples);
                }
            }
            at += 16 + length;
        }
        return out;
    }
}
