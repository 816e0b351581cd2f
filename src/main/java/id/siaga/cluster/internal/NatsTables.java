package id.siaga.cluster.internal;

import id.siaga.cluster.NodeRequests;
import id.siaga.cluster.SharedTable;
import id.siaga.cluster.SharedTopic;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Dispatcher;
import io.nats.client.ErrorListener;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to NATS and the key-value buckets and streams the cluster shares over it (JetStream, file storage). A
 * node starts whether or not NATS answers: PostgreSQL holds the truth, NATS only the live state, and a 110 call must be
 * taken either way. The connection is made on a thread of its own, tried again until it succeeds, and once made it
 * reconnects for ever. What needs the server (a bucket or stream created and opened, a watch, a subscription, a request
 * handler) is set up once, as soon as it is connected; until then every call throws {@link SharedTable.Unavailable} at
 * once and a publish is dropped and counted, as while the connection is away later (the call loop never waits for a bus
 * that is not there). A request that gets no answer fails after {@code timeout}. When the connection comes back (NATS
 * restarted, or the link dropped), everything is set up again at once, in order: a bucket or stream the server lost is
 * created again, then each watch and subscription is made again from the last revision or sequence it delivered (the old
 * one closed first; nothing delivered twice), and the tables' {@code onReconnected} actions run, so a node that was cut
 * off catches up within a second or two instead of waiting for the client to notice its consumer is gone.
 */
public final class NatsTables implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NatsTables.class);
    /** How often what could not be set up yet (JetStream did not answer) is tried again while connected. */
    private static final long RETRY_MILLIS = 1_000;

    private final String url;
    private final String prefix;
    private final Duration timeout;
    private final int replicas;
    private final Options options;
    /** Until when every request fails at once: JetStream did not answer in time (no quorum, a leader election, a full disk). */
    final Breaker breaker = new Breaker();
    /** Everything that needs the server, in the order it was asked for (a bucket before its watches). */
    private final List<Deferred> deferred = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstAttempt = new CountDownLatch(1);
    private final Object wake = new Object();
    private final Thread connector;
    /** The connection, once it was first made; null before. */
    private volatile Connection connection;
    private boolean woken;
    private boolean closed;
    /** When the connection last came back and not everything is set up again yet (System.nanoTime()); 0 when all is. */
    private volatile long reconnectedAt;

    /**
     * A bus that is connected but whose JetStream does not answer would make every caller wait {@code timeout} (the call loop
     * among them, once per phone rung): after one request goes unanswered, the next ones fail at once for five seconds.
     */
    static final class Breaker {
        private static final long OPEN_NANOS = 5_000_000_000L;
        private volatile long openUntil;

        void check(String what) {
            if (System.nanoTime() - openUntil < 0) {
                throw new SharedTable.Unavailable("cannot " + what + ": the cluster bus did not answer a moment ago; trying again in a few seconds",
                        null);
            }
        }

        /** The connection came back: a request is tried again at once (what went unanswered was the connection going away). */
        void reset() {
            openUntil = System.nanoTime();
        }

        void tripped(IOException e) {
            openUntil = System.nanoTime() + OPEN_NANOS;
            log.warn("cluster bus: a request went unanswered ({}); requests fail at once for the next 5 s", e.getMessage());
        }
    }

    /**
     * @param url     the NATS server(s), {@code nats://host:4222} (comma-separated for several)
     * @param prefix  the buckets' name prefix (letters, digits, '-', '_'): one cluster's, so two clusters or two test runs on one
     *                NATS never meet
     * @param timeout how long a request to NATS may take before the caller is told the bus is unavailable
     */
    public NatsTables(String url, String prefix, String connectionName, Duration timeout) {
        this(url, prefix, connectionName, timeout, 1);
    }

    /** @param replicas how many NATS servers keep each bucket and stream this node creates (3 on a production NATS cluster) */
    public NatsTables(String url, String prefix, String connectionName, Duration timeout, int replicas) {
        this.url = url;
        this.replicas = replicas;
        this.prefix = prefix;
        this.timeout = timeout;
        this.options = new Options.Builder().servers(url.split(",")).connectionName(connectionName).maxReconnects(-1)
                .connectionTimeout(timeout).reconnectWait(Duration.ofMillis(500))
                .connectionListener((conn, event) -> {
                    // the attempts before the first connection come and go unremarked: the start said the bus is away
                    if (conn == connection) {
                        log.info("cluster bus: {} ({})", event, conn.getConnectedUrl());
                        if (event == ConnectionListener.Events.RECONNECTED) {
                            reconnected();
                        }
                    }
                })
                .errorListener(new ErrorListener() { })
                .build();
        this.connector = new Thread(this::connectAndSetUp, "cluster-bus " + connectionName);
        connector.setDaemon(true);
        connector.start();
        // a bus that answers is connected before the node goes on, so what it builds next is set up at once, as before; one that
        // does not holds the start up by one connection timeout at most
        try {
            firstAttempt.await(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The table {@code name} of this cluster, its bucket created if it is not there yet (now, or once the bus is reached). */
    public SharedTable table(String name) {
        return defer(new NatsTable(this, prefix + "-" + name, replicas, timeout));
    }

    /**
     * The topic {@code name} of this cluster: a JetStream stream {@code <prefix>-<name>} on the subjects
     * {@code <prefix>.<name>.>}, kept for {@code keep} (file storage), created if it is not there yet (now, or once the bus
     * is reached).
     */
    public SharedTopic topic(String name, Duration keep) {
        return defer(new NatsTopic(this, prefix + "-" + name, prefix + "." + name, keep, replicas));
    }

    /** Requests to one node, answered by it: core NATS request and reply on {@code <prefix>.node.<node>.<name>}. */
    public NodeRequests requests(String self) {
        return new NodeRequests() {
            @Override
            public String ask(String node, String name, String json, Duration within) {
                Connection c = live("ask node " + node + " " + name);
                try {
                    Message reply = c.request(prefix + ".node." + node + "." + name, json.getBytes(StandardCharsets.UTF_8), within);
                    if (reply == null) {
                        throw new SharedTable.Unavailable("node " + node + " did not answer " + name + " within " + within.toMillis() + " ms", null);
                    }
                    return new String(reply.getData(), StandardCharsets.UTF_8);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SharedTable.Unavailable("interrupted while asking node " + node, e);
                } catch (RuntimeException e) {
                    if (e instanceof SharedTable.Unavailable u) {
                        throw u;
                    }
                    throw new SharedTable.Unavailable("node " + node + " could not be asked " + name + ": " + e.getMessage(), e);
                }
            }

            @Override
            public void answer(String name, UnaryOperator<String> handler) {
                defer(new Answer(prefix + ".node." + self + "." + name, handler));
            }
        };
    }

    /** Whether the connection is up now. */
    public boolean connected() {
        return up() != null;
    }

    /** The connection if it is up now; else {@link SharedTable.Unavailable}, saying why, for {@code what}. */
    Connection live(String what) {
        Connection c = connection;
        if (c == null) {
            throw new SharedTable.Unavailable("cannot " + what + ": the cluster bus at " + url + " has not been reached since this node started", null);
        }
        if (c.getStatus() != Connection.Status.CONNECTED) {
            throw new SharedTable.Unavailable("cannot " + what + ": the cluster bus is " + c.getStatus(), null);
        }
        return c;
    }

    /** The connection if it is up now, else null: for what is dropped, not refused, while the bus is away. */
    Connection up() {
        Connection c = connection;
        return c != null && c.getStatus() == Connection.Status.CONNECTED ? c : null;
    }

    /** The connection's state in words, for a log line. */
    String state() {
        Connection c = connection;
        return c == null ? "not reached yet" : c.getStatus().toString();
    }

    /** Sets {@code d} up at once if the bus is connected, else leaves it to the connector, which sets it up once it is. */
    <T extends Deferred> T defer(T d) {
        deferred.add(d);
        Connection c = connection;
        if (c == null || c.getStatus() != Connection.Status.CONNECTED || !d.ensure(c)) {
            wake();
        }
        return d;
    }

    void forget(Deferred d) {
        deferred.remove(d);
    }

    /**
     * The connection came back (NATS restarted, or the link dropped): every bucket, stream, watch and subscription is set up
     * again at once by the connector, in the order they were asked for; a watch or subscription resumes after the last
     * revision or sequence it delivered.
     */
    private void reconnected() {
        reconnectedAt = System.nanoTime();
        breaker.reset();
        deferred.forEach(Deferred::again);
        wake();
    }

    private void wake() {
        synchronized (wake) {
            woken = true;
            wake.notifyAll();
        }
    }

    /** The connector's thread: connects (trying until it can), then sets up what was asked for and what is asked for later. */
    private void connectAndSetUp() {
        boolean reachedLate = false;
        try {
            while (connection == null && !isClosed()) {
                try {
                    Connection c = Nats.connect(options);
                    synchronized (this) {
                        if (closed) {
                            c.close();
                            return;
                        }
                        connection = c;
                    }
                    log.info("cluster bus at {}: connected ({})", url, c.getConnectedUrl());
                } catch (IOException | RuntimeException e) {
                    if (!reachedLate) {
                        log.warn("cluster bus at {} not reachable ({}); this node runs without the cluster's live state until it is; presence"
                                + " and phone claims are this node's only", url, e.getMessage());
                        reachedLate = true;
                    }
                    firstAttempt.countDown();
                    Thread.sleep(options.getReconnectWait().toMillis());
                }
            }
            firstAttempt.countDown();
            while (connection != null && !isClosed()) {
                boolean all = setUpAll();
                if (all && reachedLate) {
                    log.info("cluster bus at {} reached: {} buckets, streams, watches, subscriptions and request handlers set up; the live state"
                            + " is shared from now on", url, deferred.size());
                    reachedLate = false;
                }
                long since = reconnectedAt;
                if (all && since != 0) {
                    reconnectedAt = 0;
                    log.info("cluster bus at {} back: {} buckets, streams, watches, subscriptions and hooks set up again {} ms after the reconnect",
                            url, deferred.size(), (System.nanoTime() - since) / 1_000_000);
                }
                synchronized (wake) {
                    if (!woken) {
                        wake.wait(all ? 0 : RETRY_MILLIS);
                    }
                    woken = false;
                }
            }
        } catch (InterruptedException e) {
            // closed
        } finally {
            firstAttempt.countDown();
        }
    }

    /** Sets up what is not yet; whether everything is. */
    private boolean setUpAll() {
        Connection c = connection;
        if (c.getStatus() != Connection.Status.CONNECTED) {
            return false;
        }
        boolean all = true;
        for (Deferred d : deferred) {
            all &= d.ensure(c);
        }
        return all;
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        Connection c;
        synchronized (this) {
            closed = true;
            c = connection;
        }
        connector.interrupt();
        if (c != null) {
            try {
                c.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A request handler of this node: a core NATS subscription, made once the bus is reached. */
    private static final class Answer extends Deferred {
        private final String subject;
        private final UnaryOperator<String> handler;

        Answer(String subject, UnaryOperator<String> handler) {
            this.subject = subject;
            this.handler = handler;
        }

        @Override
        boolean setUp(Connection connection) {
            Dispatcher d = connection.createDispatcher(msg -> {
                String answer;
                try {
                    answer = handler.apply(new String(msg.getData(), StandardCharsets.UTF_8));
                } catch (RuntimeException e) {
                    log.error("cluster bus: the request {} could not be answered", msg.getSubject(), e);
                    answer = "{\"error\":\"the node could not carry it out\"}";
                }
                connection.publish(msg.getReplyTo(), answer.getBytes(StandardCharsets.UTF_8));
            });
            d.subscribe(subject);
            return true;
        }

        @Override
        boolean setUpAgainOnReconnect() {
            return false; // the client subscribes again itself
        }

        @Override
        String what() {
            return "the request handler " + subject;
        }
    }
}
