package id.siaga.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A UDP relay between one client and one server that loses the datagrams the test says: the client sends to
 * {@link #address()}, the relay forwards to the server from a socket of its own and forwards the server's replies back.
 * {@link #dropRequests} and {@link #dropReplies} make it lose the next few of either, as a congested network would.
 */
public final class LossyUdpRelay implements AutoCloseable {

    private final InetSocketAddress server;
    private final DatagramSocket front;
    private final DatagramSocket back;
    private final AtomicInteger requestsToDrop = new AtomicInteger();
    private final AtomicInteger repliesToDrop = new AtomicInteger();
    private final List<byte[]> requests = new CopyOnWriteArrayList<>();
    private final List<byte[]> replies = new CopyOnWriteArrayList<>();
    private volatile SocketAddress client;

    public LossyUdpRelay(InetSocketAddress server) {
        this.server = server;
        try {
            front = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            back = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
        start("relay-requests-" + front.getLocalPort(), this::forwardRequests);
        start("relay-replies-" + front.getLocalPort(), this::forwardReplies);
    }

    private static void start(String name, Runnable loop) {
        Thread t = new Thread(loop, name);
        t.setDaemon(true);
        t.start();
    }

    /** Where the client sends. */
    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), front.getLocalPort());
    }

    /** Lose the next {@code n} datagrams from the client. */
    public void dropRequests(int n) {
        requestsToDrop.set(n);
    }

    /** Lose the next {@code n} datagrams from the server. */
    public void dropReplies(int n) {
        repliesToDrop.set(n);
    }

    /** Every datagram the client sent, lost or not. */
    public List<byte[]> requests() {
        return List.copyOf(requests);
    }

    /** Every datagram the server sent, lost or not. */
    public List<byte[]> replies() {
        return List.copyOf(replies);
    }

    private void forwardRequests() {
        byte[] buffer = new byte[65_535];
        while (!front.isClosed()) {
            DatagramPacket in = new DatagramPacket(buffer, buffer.length);
            try {
                front.receive(in);
                client = in.getSocketAddress();
                requests.add(Arrays.copyOf(in.getData(), in.getLength()));
                if (requestsToDrop.getAndUpdate(n -> Math.max(0, n - 1)) == 0) {
                    back.send(new DatagramPacket(in.getData(), in.getLength(), server));
                }
            } catch (IOException e) {
                // closed, or the server's port refused: a lost datagram either way
            }
        }
    }

    private void forwardReplies() {
        byte[] buffer = new byte[65_535];
        while (!back.isClosed()) {
            DatagramPacket in = new DatagramPacket(buffer, buffer.length);
            try {
                back.receive(in);
                replies.add(Arrays.copyOf(in.getData(), in.getLength()));
                if (repliesToDrop.getAndUpdate(n -> Math.max(0, n - 1)) == 0 && client != null) {
                    front.send(new DatagramPacket(in.getData(), in.getLength(), client));
                }
            } catch (IOException e) {
                // closed
            }
        }
    }

    @Override
    public void close() {
        front.close();
        back.close();
    }
}
