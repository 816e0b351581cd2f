package id.siaga.support;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A SIP peer on a loopback UDP port that sends and reads datagrams as text, for tests that must decide exactly what
 * goes on the wire and when (a malformed request, a repeated response), where SIPp would do it its own way.
 */
public final class RawSipSocket implements AutoCloseable {

    /** One datagram read, with where it came from (for a reply). */
    public record Datagram(String text, InetAddress from, int port) {
    }

    private final DatagramSocket socket;

    /** Bound to 127.0.0.1:{@code port}; every read waits at most {@code timeout}. */
    public RawSipSocket(int port, Duration timeout) throws IOException {
        socket = new DatagramSocket(port, InetAddress.getLoopbackAddress());
        socket.setSoTimeout((int) timeout.toMillis());
    }

    /** Sends {@code bytes} to 127.0.0.1:{@code port}. */
    public void send(byte[] bytes, int port) throws IOException {
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
    }

    public void send(String text, int port) throws IOException {
        send(text.getBytes(StandardCharsets.UTF_8), port);
    }

    /** Sends {@code text} back to where {@code to} came from. */
    public void reply(String text, Datagram to) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, to.from(), to.port()));
    }

    /** The next datagram, if one comes within the timeout. */
    public Optional<Datagram> receive() throws IOException {
        DatagramPacket in = new DatagramPacket(new byte[65_535], 65_535);
        try {
            socket.receive(in);
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
        return Optional.of(new Datagram(new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8), in.getAddress(), in.getPort()));
    }

    /** The next datagram whose text {@code wanted} accepts, skipping the others; empty once one read times out. */
    public Optional<Datagram> next(Predicate<String> wanted) throws IOException {
        for (Optional<Datagram> d = receive(); d.isPresent(); d = receive()) {
            if (wanted.test(d.get().text())) {
                return d;
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        socket.close();
    }
}
