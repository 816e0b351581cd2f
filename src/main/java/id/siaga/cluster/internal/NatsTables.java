package id.siaga.cluster.internal;

import id.siaga.cluster.SharedTable;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.KeyValueWatcher;
import io.nats.client.api.StorageType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to NATS and the key-value buckets the cluster shares over it (JetStream, file storage, one value per
 * key kept). The connection reconnects for ever; while it is away every call throws {@link SharedTable.Unavailable} at
 * once (the call loop never waits for a bus that is not there), and a request that gets no answer does so after
 * {@code timeout}. A watch is an ordered consumer: after a reconnect it resumes where it left off, so a node that was
 * cut off catches up.
 */
public final class NatsTables implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NatsTables.class);

    private final Connection connection;
    private final String prefix;
    private final Duration timeout;
    private final int replicas;
    /** Until when every request fails at once: JetStream did not answer in time (no quorum, a leader election, a full disk). */
    private final Breaker breaker = new Breaker();

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
        this.replicas = replicas;
        this.prefix = prefix;
        this.timeout = timeout;
        Options options = new Options.Builder().servers(url.split(",")).connectionName(connectionName).maxReconnects(-1)
                .connectionTimeout(timeout).reconnectWait(Duration.ofMillis(500))
                .connectionListener((conn, event) -> log.info("cluster bus: {} ({})", event, conn.getConnectedUrl()))
                .errorListener(new io.nats.client.ErrorListener() { })
                .build();
        try {
            // the first connection must succeed (a node that cannot reach the bus at start says so and stops, rather than hang
            // in its start-up holding a lease); once connected it reconnects for ever
            this.connection = Nats.connect(options);
        } catch (IOException e) {
            throw new IllegalStateException("cannot connect to the cluster bus at " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to the cluster bus at " + url, e);
        }
    }

    /** The table {@code name} of this cluster, its bucket created if it is not there yet. */
    public SharedTable table(String name) {
        String bucket = prefix + "-" + name;
        try {
            connection.keyValueManagement().create(KeyValueConfiguration.builder().name(bucket).storageType(StorageType.File)
                    .maxHistoryPerKey(1).replicas(replicas).build());
        } catch (JetStreamApiException e) {
            log.debug("cluster bus: bucket {} exists ({})", bucket, e.getMessage());
        } catch (IOException e) {
            throw new SharedTable.Unavailable("cannot create the bucket " + bucket + ": " + e.getMessage(), e);
        }
        try {
            return new Table(connection, breaker, connection.keyValue(bucket, io.nats.client.KeyValueOptions.builder()
                    .jetStreamOptions(io.nats.client.JetStreamOptions.builder().requestTimeout(timeout).build()).build()), bucket);
        } catch (IOException e) {
            throw new SharedTable.Unavailable("cannot open the bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    /**
     * The topic {@code name} of this cluster: a JetStream stream {@code <prefix>-<name>} on the subjects
     * {@code <prefix>.<name>.>}, kept for {@code keep} (file storage), created if it is not there yet.
     */
    public id.siaga.cluster.SharedTopic topic(String name, Duration keep) {
        String stream = prefix + "-" + name;
        String root = prefix + "." + name;
        try {
            io.nats.client.JetStreamManagement jsm = connection.jetStreamManagement();
            io.nats.client.api.StreamConfiguration config = io.nats.client.api.StreamConfiguration.builder().name(stream).subjects(root + ".>")
                    .storageType(StorageType.File).maxAge(keep).replicas(replicas).build();
            try {
                jsm.addStream(config);
            } catch (JetStreamApiException exists) {
                // there already, perhaps as its operator set it (more replicas, a longer age): left as it is
                log.debug("cluster bus: stream {} exists ({})", stream, exists.getMessage());
            }
            return new Topic(connection, connection.jetStream(), root);
        } catch (IOException e) {
            throw new SharedTable.Unavailable("cannot set up the stream " + stream + ": " + e.getMessage(), e);
        }
    }

    /** Requests to one node, answered by it: core NATS request and reply on {@code <prefix>.node.<node>.<name>}. */
    public id.siaga.cluster.NodeRequests requests(String self) {
        return new id.siaga.cluster.NodeRequests() {
            @Override
            public String ask(String node, String name, String json, Duration within) {
                if (connection.getStatus() != Connection.Status.CONNECTED) {
                    throw new SharedTable.Unavailable("the cluster bus is " + connection.getStatus(), null);
                }
                try {
                    io.nats.client.Message reply = connection.request(prefix + ".node." + node + "." + name, json.getBytes(StandardCharsets.UTF_8),
                            within);
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
            public void answer(String name, java.util.function.UnaryOperator<String> handler) {
                io.nats.client.Dispatcher d = connection.createDispatcher(msg -> {
                    String answer;
                    try {
                        answer = handler.apply(new String(msg.getData(), StandardCharsets.UTF_8));
                    } catch (RuntimeException e) {
                        log.error("cluster bus: the request {} could not be answered", msg.getSubject(), e);
                        answer = "{\"error\":\"the node could not carry it out\"}";
                    }
                    connection.publish(msg.getReplyTo(), answer.getBytes(StandardCharsets.UTF_8));
                });
                d.subscribe(prefix + ".node." + self + "." + name);
            }
        };
    }

    /** Whether the connection is up now. */
    public boolean connected() {
        return connection.getStatus() == Connection.Status.CONNECTED;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Table implements SharedTable {
        private final Connection connection;
        private final Breaker breaker;
        private final KeyValue kv;
        private final String bucket;

        Table(Connection connection, Breaker breaker, KeyValue kv, String bucket) {
            this.connection = connection;
            this.breaker = breaker;
            this.kv = kv;
            this.bucket = bucket;
        }

        private void requireConnected(String what, String key) {
            if (connection.getStatus() != Connection.Status.CONNECTED) {
                throw new Unavailable("cannot " + what + " " + key + " in " + bucket + ": the cluster bus is " + connection.getStatus(), null);
            }
            breaker.check(what + " " + key + " in " + bucket);
        }

        private Unavailable unanswered(String what, IOException e) {
            breaker.tripped(e);
            return new Unavailable("cannot " + what + " in " + bucket + ": " + e.getMessage(), e);
        }

        @Override
        public void watch(Consumer<Entry> changes) {
            try {
                kv.watchAll(new KeyValueWatcher() {
                    @Override
                    public void watch(KeyValueEntry e) {
                        try {
                            changes.accept(entry(e));
                        } catch (RuntimeException ex) {
                            log.error("cluster bus: a change of {} in {} could not be applied", e.getKey(), bucket, ex);
                        }
                    }

                    @Override
                    public void endOfData() {
                        log.debug("cluster bus: {} read up to date", bucket);
                    }
                });
            } catch (IOException | JetStreamApiException e) {
                throw new Unavailable("cannot watch " + bucket + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Unavailable("interrupted while watching " + bucket, e);
            }
        }

        @Override
        public long put(String key, String value) {
            requireConnected("write", key);
            try {
                return kv.put(key, value.getBytes(StandardCharsets.UTF_8));
            } catch (JetStreamApiException e) {
                throw new Unavailable("cannot write " + key + " in " + bucket + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw unanswered("write " + key, e);
            }
        }

        @Override
        public OptionalLong create(String key, String value) {
            requireConnected("create", key);
            try {
                return OptionalLong.of(kv.create(key, value.getBytes(StandardCharsets.UTF_8)));
            } catch (JetStreamApiException e) {
                if (wrongRevision(e)) {
                    return OptionalLong.empty();
                }
                throw new Unavailable("cannot create " + key + " in " + bucket + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw unanswered("create " + key, e);
            }
        }

        @Override
        public boolean update(String key, String value, long revision) {
            requireConnected("update", key);
            try {
                kv.update(key, value.getBytes(StandardCharsets.UTF_8), revision);
                return true;
            } catch (JetStreamApiException e) {
                if (wrongRevision(e)) {
                    return false;
                }
                throw new Unavailable("cannot update " + key + " in " + bucket + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw unanswered("update " + key, e);
            }
        }

        @Override
        public boolean delete(String key, long revision) {
            requireConnected("delete", key);
            try {
                kv.delete(key, revision);
                return true;
            } catch (JetStreamApiException e) {
                if (wrongRevision(e)) {
                    return false;
                }
                throw new Unavailable("cannot delete " + key + " in " + bucket + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw unanswered("delete " + key, e);
            }
        }

        @Override
        public Optional<Entry> get(String key) {
            requireConnected("read", key);
            try {
                KeyValueEntry e = kv.get(key);
                return e == null || e.getOperation() != KeyValueOperation.PUT ? Optional.empty() : Optional.of(entry(e));
            } catch (JetStreamApiException e) {
                throw new Unavailable("cannot read " + key + " in " + bucket + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw unanswered("read " + key, e);
            }
        }

        /** JetStream's "wrong last sequence" (10071): the key was written since the revision the write expected. */
        private static boolean wrongRevision(JetStreamApiException e) {
            return e.getApiErrorCode() == 10071;
        }

        private static Entry entry(KeyValueEntry e) {
            Optional<String> value = e.getOperation() == KeyValueOperation.PUT && e.getValue() != null
                    ? Optional.of(new String(e.getValue(), StandardCharsets.UTF_8)) : Optional.empty();
            return new Entry(e.getKey(), value, e.getRevision());
        }
    }

    private static final class Topic implements id.siaga.cluster.SharedTopic {
        private final Connection connection;
        private final io.nats.client.JetStream js;
        private final String root;
        private final java.util.concurrent.atomic.AtomicLong dropped = new java.util.concurrent.atomic.AtomicLong();

        Topic(Connection connection, io.nats.client.JetStream js, String root) {
            this.connection = connection;
            this.js = js;
            this.root = root;
        }

        @Override
        public void publish(String subject, String json) {
            if (connection.getStatus() != Connection.Status.CONNECTED) {
                long n = dropped.incrementAndGet();
                if (n == 1 || n % 1000 == 0) {
                    log.warn("cluster bus is {}: {} events for {} not published to the other nodes", connection.getStatus(), n, root);
                }
                return;
            }
            // a core publish on the stream's subject: the stream keeps it; nothing waits for its acknowledgement
            connection.publish(root + "." + subject, json.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public AutoCloseable subscribe(String filter, Duration replay, Consumer<Message> handler) {
            io.nats.client.api.ConsumerConfiguration.Builder consumer = io.nats.client.api.ConsumerConfiguration.builder();
            if (replay.isZero()) {
                consumer.deliverPolicy(io.nats.client.api.DeliverPolicy.New);
            } else {
                consumer.deliverPolicy(io.nats.client.api.DeliverPolicy.ByStartTime)
                        .startTime(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).minus(replay));
            }
            io.nats.client.Dispatcher dispatcher = connection.createDispatcher();
            try {
                io.nats.client.JetStreamSubscription sub = js.subscribe(root + "." + filter, dispatcher, msg -> {
                    try {
                        String subject = msg.getSubject().substring(root.length() + 1);
                        handler.accept(new Message(subject, new String(msg.getData(), StandardCharsets.UTF_8), msg.metaData().streamSequence(),
                                msg.metaData().timestamp().toInstant()));
                    } catch (RuntimeException e) {
                        log.error("cluster bus: an event on {} could not be handled", msg.getSubject(), e);
                    }
                }, false, io.nats.client.PushSubscribeOptions.builder().ordered(true).configuration(consumer.build()).build());
                return () -> {
                    dispatcher.unsubscribe(sub);
                    connection.closeDispatcher(dispatcher);
                };
            } catch (IOException | JetStreamApiException e) {
                connection.closeDispatcher(dispatcher);
                throw new SharedTable.Unavailable("cannot subscribe to " + root + "." + filter + ": " + e.getMessage(), e);
            }
        }
    }
}
