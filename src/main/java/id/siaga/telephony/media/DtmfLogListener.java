package id.siaga.telephony.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears rtpengine's DTMF log: the UDP address every instance's {@code --dtmf-log-dest} names. Each datagram from an
 * rtpengine host is one {@link DtmfEvent}, handed to the consumer on this listener's own thread; a datagram from any
 * other address is dropped unread (anyone can send UDP; a forged keypress must not reach a call), one that is not an
 * event is logged and dropped.
 */
public final class DtmfLogListener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DtmfLogListener.class);

    private final DatagramSocket socket;
    private final Thread thread;
    private final Set<InetAddress> rtpengineHosts;
    private final Consumer<DtmfEvent> events;

    private DtmfLogListener(DatagramSocket socket, Set<InetAddress> rtpengineHosts, Consumer<DtmfEvent> events) {
        this.socket = socket;
        this.rtpengineHosts = Set.copyOf(rtpengineHosts);
        this.events = events;
        this.thread = new Thread(this::receive, "rtpengine-dtmf");
        thread.setDaemon(true);
    }

    /** Listens on the address (port 0: any free port) for events from the rtpengine hosts. */
    public static DtmfLogListener open(InetSocketAddress address, Set<InetAddress> rtpengineHosts, Consumer<DtmfEvent> events) {
        if (rtpengineHosts.isEmpty()) {
            throw new IllegalArgumentException("the DTMF log listener needs the addresses of the rtpengine hosts it hears");
        }
        try {
            DtmfLogListener listener = new DtmfLogListener(new DatagramSocket(address), rtpengineHosts, events);
            listener.thread.start();
            return listener;
        } catch (SocketException e) {
            throw new UncheckedIOException("cannot listen for rtpengine's DTMF log on " + address + ": " + e.getMessage(), e);
        }
    }

    /** The address listened on, for {@code --dtmf-log-dest}. */
    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    private void receive() {
        byte[] buffer = new byte[8192];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    log.debug("receiving rtpengine's DTMF log failed: {}", e.toString());
                }
                continue;
            }
            if (!rtpengineHosts.contains(packet.getAddress())) {
                log.debug("dropped a datagram from {} on the DTMF log: not an rtpengine host", packet.getSocketAddress());
                continue;
            }
            String json = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            DtmfEvent event;
            try {
                event = DtmfEvent.parse(json);
            } catch (IllegalArgumentException e) {
                log.warn("dropped a datagram from {} on the DTMF log: {}", packet.getSocketAddress(), e.getMessage());
                continue;
            }
            try {
                events.accept(event);
            } catch (RuntimeException e) {
                log.error("the DTMF consumer failed on {}", event, e);
            }
        }
    }

    @Override
    public void close() {
        socket.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
