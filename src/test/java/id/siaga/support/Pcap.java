package id.siaga.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A classic pcap file (libpcap 2.4, either byte order, microsecond timestamps) read whole: its link type and its UDP
 * datagrams over IPv4, from Ethernet frames (link type 1, what tcpdump and SIPp's pcaps hold) or raw IP (link type
 * 101, what rtpengine's {@code --recording-method=pcap} writes).
 *
 * @param linkType  1 Ethernet, 101 raw IP
 * @param datagrams the UDP datagrams in file order
 */
public record Pcap(int linkType, List<Datagram> datagrams) {

    public static final int ETHERNET = 1;
    public static final int RAW_IP = 101;

    /** One UDP datagram: when it was captured, from where, to where, its payload. */
    public record Datagram(Instant at, InetSocketAddress from, InetSocketAddress to, byte[] payload) {
    }

    public static Pcap read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length < 24) {
            throw new IllegalArgumentException(file + " is " + bytes.length + " bytes: no pcap header");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int magic = in.getInt(0);
        if (magic == 0xd4c3b2a1) {
            in.order(ByteOrder.BIG_ENDIAN);
        } else if (magic != 0xa1b2c3d4) {
            throw new IllegalArgumentException(file + " is not a classic microsecond pcap (magic " + Integer.toHexString(magic) + ")");
        }
        int linkType = in.getInt(20);
        List<Datagram> datagrams = new ArrayList<>();
        int at = 24;
        while (at + 16 <= bytes.length) {
            long seconds = Integer.toUnsignedLong(in.getInt(at));
            long micros = Integer.toUnsignedLong(in.getInt(at + 4));
            int included = in.getInt(at + 8);
            int start = at + 16;
            at = start + included;
            if (at > bytes.length) {
                break;
            }
            int ip = linkType == ETHERNET ? start + 14 : start;
            if (linkType != ETHERNET && linkType != RAW_IP || (bytes[ip] & 0xf0) != 0x40 || bytes[ip + 9] != 17) {
                continue;
            }
            int udp = ip + (bytes[ip] & 0x0f) * 4;
            ByteBuffer net = ByteBuffer.wrap(bytes);
            int length = net.getShort(udp + 4) & 0xffff;
            datagrams.add(new Datagram(Instant.ofEpochSecond(seconds, micros * 1000),
                    new InetSocketAddress(address(bytes, ip + 12), net.getShort(udp) & 0xffff),
                    new InetSocketAddress(address(bytes, ip + 16), net.getShort(udp + 2) & 0xffff),
                    Arrays.copyOfRange(bytes, udp + 8, Math.min(udp + length, at))));
        }
        return new Pcap(linkType, List.copyOf(datagrams));
    }

    private static InetAddress address(byte[] bytes, int at) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(bytes, at, at + 4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
