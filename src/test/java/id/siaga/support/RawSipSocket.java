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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SIP peer on a loopback UDP port that sends and reads datagrams as text, for tests that must decide exactly what
 * goes on the wire and when (a malformed request, a repeated response), where SIPp would do it its own way.
 */
public final class RawSipSocket implements AutoCloseable {

    /** One datagram read, with where it came from (for a reply). */
    public record Datagram(String text, InetAddress from, int port) {
    }

    private final DatagramSocket socket;

    /** Bound to 127.0.0.1:{@code port} (0: any free port); every read waits at most {@code timeout}. */
    public RawSipSocket(int port, Duration timeout) throws IOException {
        this(InetAddress.getLoopbackAddress(), port, timeout);
    }

    /**
     * Bound to {@code address}:{@code port} (0: any free port), for a peer that must come from an address of its own:
     * Linux routes all of 127.0.0.0/8 to loopback, so 127.0.0.3 is a second host on the same machine.
     */
    public RawSipSocket(InetAddress address, int port, Duration timeout) throws IOException {
        socket = new DatagramSocket(port, address);
        socket.setSoTimeout((int) timeout.toMillis());
    }

    /** The port the socket is bound to. */
    public int port() {
        return socket.getLocalPort();
    }

    /** A loopback UDP port free at the moment, for a peer that binds its own (SIPp). */
    public static int freePort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /**
     * A response to {@code request} with that status line ("200 OK"), echoing its Via, From, To (with {@code toTag}
     * added, e.g. ";tag=phone1", or "" when the To already has one or needs none), Call-ID and CSeq, without a body.
     */
    public static String response(String request, String status, String toTag) {
        StringBuilder sb = new StringBuilder("SIP/2.0 ").append(status).append("\r\n");
        for (String name : new String[] {"Via", "From", "To", "Call-ID", "CSeq"}) {
            Matcher m = Pattern.compile("(?mi)^(" + name + "|" + compact(name) + "):\\s*([^\\r\\n]+)").matcher(request);
            while (m.find()) {
                sb.append(name).append(": ").append(m.group(2)).append(name.equals("To") ? toTag : "").append("\r\n");
            }
        }
        return sb.append("Content-Length: 0\r\n\r\n").toString();
    }

    private static String compact(String name) {
        return switch (name) {
            case "Via" -> "v";
            case "From" -> "f";
            case "To" -> "t";
            case "Call-ID" -> "i";
            default -> name;
        };
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
