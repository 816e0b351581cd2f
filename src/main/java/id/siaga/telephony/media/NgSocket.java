package id.siaga.telephony.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One UDP socket to every rtpengine instance. Requests from any number of threads are in flight at once, each waiting
 * for its own reply: one receiving thread hands each reply to the request whose cookie it repeats, if it came from the
 * instance the request went to. A request not answered within the timeout is sent again with the same cookie, because
 * rtpengine remembers its replies by cookie: a command it carried out whose reply was lost is answered again from that
 * memory, not carried out twice.
 */
final class NgSocket implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NgSocket.class);

    /** Largest UDP payload: a query or list of a busy call can be long. */
    private static final int MAX_DATAGRAM = 65_535;

    /** Thrown when every try went unanswered. */
    static final class NoAnswerException extends Exception {
        NoAnswerException(String message) {
            super(message);
        }
    }

    private record Pending(SocketAddress to, CompletableFuture<Map<String, Object>> reply) {
    }

    private final DatagramChannel channel;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    /** Cookies are this run's random prefix and a counter: unique across restarts within rtpengine's reply memory. */
    private final String cookiePrefix;
    private final AtomicLong cookies = new AtomicLong();
    private final Thread receiver;

    NgSocket() {
        try {
            channel = DatagramChannel.open();
            channel.bind(null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a UDP socket for rtpengine's ng protocol: " + e.getMessage(), e);
        }
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        cookiePrefix = HexFormat.of().formatHex(random) + "_";
        receiver = new Thread(this::receive, "rtpengine-ng");
        receiver.setDaemon(true);
        receiver.start();
    }

    /** The next cookie of this socket. */
    String nextCookie() {
        return cookiePrefix + cookies.incrementAndGet();
    }

    /**
     * Sends the request to the instance and returns its reply, trying {@code attempts} times with the same cookie, each
     * waiting {@code timeout}.
     */
    Map<String, Object> exchange(InetSocketAddress instance, Map<String, Object> request, Duration timeout, int attempts)
            throws NoAnswerException {
        return exchange(instance, nextCookie(), request, timeout, attempts);
    }

    Map<String, Object> exchange(InetSocketAddress instance, String cookie, Map<String, Object> request, Duration timeout, int attempts)
            throws NoAnswerException {
        ByteBuffer message = ByteBuffer.wrap(NgMessages.encode(cookie, request));
        Pending waiting = new Pending(instance, new CompletableFuture<>());
        if (pending.putIfAbsent(cookie, waiting) != null) {
            throw new IllegalStateException("cookie " + cookie + " is already in flight");
        }
        try {
            for (int attempt = 1; attempt <= attempts; attempt++) {
                try {
                    channel.send(message.duplicate(), instance);
                } catch (ClosedChannelException e) {
                    throw new IllegalStateException("the rtpengine client is closed", e);
                } catch (IOException e) {
                    // an unreachable network is a lost datagram: the next try or the timeout says so
                    log.debug("sending to rtpengine {} failed: {}", instance, e.toString());
                }
                try {
                    return waiting.reply().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    if (attempt < attempts) {
                        log.debug("rtpengine {} did not answer {} within {} ms; sending it again", instance, cookie, timeout.toMillis());
                    }
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new NoAnswerException("interrupted while waiting for rtpengine " + instance);
                }
            }
            throw new NoAnswerException("rtpengine " + describe(instance) + " did not answer within " + timeout.toMillis() + " ms ("
                    + attempts + (attempts == 1 ? " try)" : " tries)"));
        } finally {
            pending.remove(cookie);
        }
    }

    /** {@code 127.0.0.1:2223}, {@code [::1]:2223}: the address as rtpengine's own log shows it. */
    static String describe(InetSocketAddress instance) {
        if (instance.isUnresolved()) {
            return instance.getHostString() + ":" + instance.getPort();
        }
        String host = instance.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + instance.getPort();
    }

    private void receive() {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
        while (channel.isOpen()) {
            SocketAddress from;
            buffer.clear();
            try {
                from = channel.receive(buffer);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                log.debug("receiving from rtpengine failed: {}", e.toString());
                continue;
            }
            buffer.flip();
            byte[] datagram = new byte[buffer.remaining()];
            buffer.get(datagram);
            String cookie = NgMessages.cookie(datagram, datagram.length);
            Pending waiting = pending.get(cookie);
            if (waiting == null || !waiting.to().equals(from)) {
                // a late reply to a request already answered or given up, or a stranger
                log.debug("dropped an ng datagram from {} with cookie '{}' that no request waits for", from, cookie);
                continue;
            }
            try {
                waiting.reply().complete(NgMessages.decode(datagram, datagram.length).body());
            } catch (IllegalArgumentException e) {
                log.warn("rtpengine {} sent a reply that is not ng ({}); waiting for a good one", from, e.getMessage());
            }
        }
    }

    /** The local port, for tests that relay it. */
    int localPort() {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            log.debug("closing the ng socket: {}", e.toString());
        }
        try {
            receiver.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
