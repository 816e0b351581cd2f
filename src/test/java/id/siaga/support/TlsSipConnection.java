package id.siaga.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * One SIP-over-TLS connection (RFC 3261 §18.3: messages framed by Content-Length on a stream) that sends and reads
 * messages as text, for tests that speak SIP over TLS where SIPp cannot (Debian's SIPp is built without OpenSSL).
 */
public final class TlsSipConnection implements AutoCloseable {

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?mi)^(?:Content-Length|l)\\s*:\\s*(\\d+)");

    private final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;

    private TlsSipConnection(SSLSocket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects to 127.0.0.1:{@code port} and completes the TLS handshake with {@code context}. */
    public static TlsSipConnection connect(SSLContext context, int port) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
        socket.startHandshake();
        return new TlsSipConnection(socket);
    }

    /** The next connection a peer opens to {@code server}; its handshake happens at the first read (a peer may open a connection and never speak on it). */
    public static TlsSipConnection accept(SSLServerSocket server) throws IOException {
        return new TlsSipConnection((SSLSocket) server.accept());
    }

    /** A TLS server socket on a free port of 127.0.0.1, for a peer that waits for the edge to connect. */
    public static SSLServerSocket listen(SSLContext context) throws IOException {
        return (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 10, InetAddress.getLoopbackAddress());
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    /** The TLS version the handshake agreed on. */
    public String protocol() {
        return socket.getSession().getProtocol();
    }

    public void send(String message) throws IOException {
        out.write(message.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The next message within {@code timeout}; empty when none came or the peer closed the connection. */
    public Optional<String> read(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try {
            while (!endsWithBlankLine(head)) {
                int b = in.read();
                if (b < 0) {
                    return Optional.empty();
                }
                if (head.size() == 0 && (b == '\r' || b == '\n')) {
                    continue; // a keep-alive (RFC 5626 §3.5.1) or the end of the last message
                }
                head.write(b);
            }
            String header = head.toString(StandardCharsets.UTF_8);
            Matcher length = CONTENT_LENGTH.matcher(header);
            byte[] body = in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
            return Optional.of(header + new String(body, StandardCharsets.UTF_8));
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
    }

    private static boolean endsWithBlankLine(ByteArrayOutputStream b) {
        byte[] a = b.toByteArray();
        int n = a.length;
        return n >= 4 && a[n - 4] == '\r' && a[n - 3] == '\n' && a[n - 2] == '\r' && a[n - 1] == '\n';
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
