package id.siaga.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A phone's media port for tests: sends G.711 A-law RTP (20 ms of silence a packet, paced like a phone) and RFC 4733
 * telephone-events from its own UDP port on 127.0.0.1, and keeps every RTP packet it receives.
 */
public final class RtpEndpoint implements AutoCloseable {

    /** One RTP packet received. */
    public record Packet(InetSocketAddress from, int payloadType, int sequence, long timestamp, long ssrc, byte[] payload) {
    }

    private static final byte ALAW_SILENCE = (byte) 0xd5;

    private final DatagramSocket socket;
    private final long ssrc;
    private final List<Packet> received = new CopyOnWriteArrayList<>();
    private final Thread receiver;
    private int sequence;
    private long timestamp;

    public RtpEndpoint(long ssrc) {
        try {
            socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
        this.ssrc = ssrc;
        receiver = new Thread(this::receive, "rtp-endpoint-" + socket.getLocalPort());
        receiver.setDaemon(true);
        receiver.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public long ssrc() {
        return ssrc;
    }

    /** Sends {@code packets} packets of 20 ms A-law silence (payload type 8), one every 20 ms. */
    public void sendAudio(InetSocketAddress to, int packets) {
        byte[] silence = new byte[160];
        Arrays.fill(silence, ALAW_SILENCE);
        for (int i = 0; i < packets; i++) {
            send(to, 8, false, timestamp, silence);
            timestamp += 160;
            pace();
        }
    }

    /**
     * Sends one telephone-event (payload type 101) as its RTP payloads, in order, 20 ms apart, all with the event's
     * start timestamp and the marker on the first, as RFC 4733 has it.
     */
    public void sendEvent(InetSocketAddress to, List<byte[]> eventPayloads) {
        long start = timestamp;
        for (int i = 0; i < eventPayloads.size(); i++) {
            send(to, 101, i == 0, start, eventPayloads.get(i));
            pace();
        }
        timestamp += 160L * eventPayloads.size();
    }

    private void send(InetSocketAddress to, int payloadType, boolean marker, long ts, byte[] payload) {
        ByteBuffer packet = ByteBuffer.allocate(12 + payload.length);
        packet.put((byte) 0x80).put((byte) ((marker ? 0x80 : 0) | payloadType)).putShort((short) sequence++).putInt((int) ts)
                .putInt((int) ssrc).put(payload);
        try {
            socket.send(new DatagramPacket(packet.array(), packet.capacity(), to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pace() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Everything received so far. */
    public List<Packet> received() {
        return List.copyOf(received);
    }

    /** The packets received so far that match. */
    public List<Packet> received(Predicate<Packet> which) {
        return received.stream().filter(which).toList();
    }

    /** Waits until {@code count} matching packets have come, or {@code atMost} has passed; returns those that came. */
    public List<Packet> await(Predicate<Packet> which, int count, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (received(which).size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return received(which);
    }

    /** Forgets what was received. */
    public void clear() {
        received.clear();
    }

    private void receive() {
        byte[] buffer = new byte[2048];
        while (!socket.isClosed()) {
            DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(datagram);
            } catch (IOException e) {
                continue;
            }
            if (datagram.getLength() < 12 || (buffer[0] & 0xc0) != 0x80) {
                continue;
            }
            ByteBuffer in = ByteBuffer.wrap(buffer, 0, datagram.getLength());
            received.add(new Packet((InetSocketAddress) datagram.getSocketAddress(), buffer[1] & 0x7f, in.getShort(2) & 0xffff,
                    Integer.toUnsignedLong(in.getInt(4)), Integer.toUnsignedLong(in.getInt(8)),
                    Arrays.copyOfRange(buffer, 12, datagram.getLength())));
        }
    }

    @Override
    public void close() {
        socket.close();
        try {
            receiver.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
