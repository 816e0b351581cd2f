package id.siaga.telephony.recording;

import java.util.Arrays;

/**
 * One RTP packet found in a captured datagram: who sent it (address and port), the port it was sent to, and the RTP
 * header fields the converter places audio by. {@code payloadStart} is where the audio begins within the record.
 */
record RtpPacket(byte[] sourceAddress, int sourcePort, int destinationPort, int payloadType, int sequence, long timestamp, int ssrc,
                 int payloadStart, int payloadLength) {

    private static final int IPV4 = 4;
    private static final int IPV6 = 6;
    private static final int UDP = 17;

    /**
     * The RTP packet in a record of the given link type; null for anything else (not IPv4/IPv6, not UDP, a fragment,
     * RTCP, not RTP version 2, a header longer than the datagram).
     */
    static RtpPacket parse(byte[] d, int length, int linkType) {
        int ip = ipStart(d, length, linkType);
        if (ip < 0 || ip >= length) {
            return null;
        }
        int version = (d[ip] & 0xff) >> 4;
        int udp;
        int end;
        byte[] source;
        if (version == IPV4) {
            int headerLength = (d[ip] & 0x0f) * 4;
            if (headerLength < 20 || ip + headerLength > length) {
                return null;
            }
            end = Math.min(length, ip + u16(d, ip + 2));
            boolean fragment = (d[ip + 6] & 0x20) != 0 || (u16(d, ip + 6) & 0x1fff) != 0;
            if (d[ip + 9] != UDP || fragment) {
                return null;
            }
            source = Arrays.copyOfRange(d, ip + 12, ip + 16);
            udp = ip + headerLength;
        } else if (version == IPV6) {
            if (ip + 40 > length || d[ip + 6] != UDP) {
                return null;
            }
            end = Math.min(length, ip + 40 + u16(d, ip + 4));
            source = Arrays.copyOfRange(d, ip + 8, ip + 24);
            udp = ip + 40;
        } else {
            return null;
        }
        if (udp + 8 > end) {
            return null;
        }
        int udpLength = u16(d, udp + 4);
        if (udpLength >= 8) {
            end = Math.min(end, udp + udpLength);
        }
        return rtp(d, udp + 8, end, source, u16(d, udp), u16(d, udp + 2));
    }

    private static RtpPacket rtp(byte[] d, int at, int end, byte[] source, int sourcePort, int destinationPort) {
        if (at + 12 > end || (d[at] & 0xc0) != 0x80) {
            return null;
        }
        int second = d[at + 1] & 0xff;
        if (second >= 192 && second <= 223) {
            return null;   // RTCP on the same port (RFC 5761)
        }
        int payload = at + 12 + 4 * (d[at] & 0x0f);
        if ((d[at] & 0x10) != 0) {
            if (payload + 4 > end) {
                return null;
            }
            payload += 4 + 4 * u16(d, payload + 2);
        }
        if ((d[at] & 0x20) != 0 && end > at) {
            end -= d[end - 1] & 0xff;
        }
        if (payload > end) {
            return null;
        }
        long timestamp = (long) u16(d, at + 4) << 16 | u16(d, at + 6);
        int ssrc = u16(d, at + 8) << 16 | u16(d, at + 10);
        return new RtpPacket(source, sourcePort, destinationPort, second & 0x7f, u16(d, at + 2), timestamp, ssrc, payload, end - payload);
    }

    /** Where the IP header starts after the link layer; -1 for a frame that carries no IP. */
    private static int ipStart(byte[] d, int length, int linkType) {
        switch (linkType) {
            case PcapFile.LINKTYPE_RAW, PcapFile.LINKTYPE_IPV4, PcapFile.LINKTYPE_IPV6:
                return 0;
            case PcapFile.LINKTYPE_NULL:
                return 4;
            case PcapFile.LINKTYPE_LINUX_SLL:
                return length >= 16 && isIp(u16(d, 14)) ? 16 : -1;
            case PcapFile.LINKTYPE_LINUX_SLL2:
                return length >= 20 && isIp(u16(d, 0)) ? 20 : -1;
            case PcapFile.LINKTYPE_ETHERNET:
                int at = 12;
                while (at + 2 <= length && (u16(d, at) == 0x8100 || u16(d, at) == 0x88a8)) {
                    at += 4;   // VLAN tags
                }
                return at + 2 <= length && isIp(u16(d, at)) ? at + 2 : -1;
            default:
                return -1;
        }
    }

    private static boolean isIp(int etherType) {
        return etherType == 0x0800 || etherType == 0x86dd;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }
}
