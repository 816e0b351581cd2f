package id.siaga.cluster.internal;

import id.siaga.cluster.SharedTable;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamOptions;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueOptions;
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
 * One shared table: a JetStream key-value bucket (file storage, one value per key kept), created and opened once the bus
 * is reached. Its watches start then too, each with the latest value of every key first.
 */
final class NatsTable extends NatsTables.Deferred implements SharedTable {

    private static final Logger log = LoggerFactory.getLogger(NatsTable.class);

    private final NatsTables tables;
    private final String bucket;
    private final int replicas;
    private final Duration timeout;
    /** The bucket's handle, once it is created and opened. */
    private volatile KeyValue kv;

    NatsTable(NatsTables tables, String bucket, int replicas, Duration timeout) {
        this.tables = tables;
        this.bucket = bucket;
        this.replicas = replicas;
        this.timeout = timeout;
    }

    @Override
    boolean setUp(Connection connection) throws IOException {
        try {
            connection.keyValueManagement().create(KeyValueConfiguration.builder().name(bucket).storageType(StorageType.File)
                    .maxHistoryPerKey(1).replicas(replicas).build());
        } catch (JetStreamApiException e) {
            log.debug("cluster bus: bucket {} exists ({})", bucket, e.getMessage());
        }
        kv = connection.keyValue(bucket, KeyValueOptions.builder().jetStreamOptions(JetStreamOptions.builder().requestTimeout(timeout).build()).build());
        return true;
    }

    @Override
    String what() {
        return "the bucket " + bucket;
    }

    private KeyValue requireConnected(String what, String key) {
        tables.live(what + " " + key + " in " + bucket);
        KeyValue open = kv;
        if (open == null) {
            throw new Unavailable("cannot " + what + " " + key + " in " + bucket + ": the bucket is not set up yet on the cluster bus", null);
        }
        tables.breaker.check(what + " " + key + " in " + bucket);
        return open;
    }

    private Unavailable unanswered(String what, IOException e) {
        tables.breaker.tripped(e);
        return new Unavailable("cannot " + what + " in " + bucket + ": " + e.getMessage(), e);
    }

    /** Starts at once if the bucket is open, else once it is; never throws, as nothing about it can fail before then. */
    @Override
    public void watch(Consumer<Entry> changes) {
        tables.defer(new Watch(changes));
    }

    @Override
    public long put(String key, String value) {
        KeyValue open = requireConnected("write", key);
        try {
            return open.put(key, value.getBytes(StandardCharsets.UTF_8));
        } catch (JetStreamApiException e) {
            throw new Unavailable("cannot write " + key + " in " + bucket + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw unanswered("write " + key, e);
        }
    }

    @Override
    public OptionalLong create(String key, String value) {
        KeyValue open = requireConnected("create", key);
        try {
            return OptionalLong.of(open.create(key, value.getBytes(StandardCharsets.UTF_8)));
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
        KeyValue open = requireConnected("update", key);
        try {
            open.update(key, value.getBytes(StandardCharsets.UTF_8), revision);
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
        KeyValue open = requireConnected("delete", key);
        try {
            open.delete(key, revision);
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
        KeyValue open = requireConnected("read", key);
        try {
            KeyValueEntry e = open.get(key);
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

    /** One watch of the bucket: an ordered consumer of every key, started once the bucket is open. */
    private final class Watch extends NatsTables.Deferred {
        private final Consumer<Entry> changes;
        /**
         * Which attempt's watcher delivers: an attempt that failed after the client had started its watcher (a timeout
         * while the consumer was being made) leaves that watcher behind, and the next attempt makes another; only the
         * latest one's changes are applied, so none is applied twice.
         */
        private final java.util.concurrent.atomic.AtomicInteger attempt = new java.util.concurrent.atomic.AtomicInteger();

        Watch(Consumer<Entry> changes) {
            this.changes = changes;
        }

        @Override
        boolean setUp(Connection connection) throws Exception {
            KeyValue open = kv;
            if (open == null) {
                return false;
            }
            int mine = attempt.incrementAndGet();
            open.watchAll(new KeyValueWatcher() {
                @Override
                public void watch(KeyValueEntry e) {
                    if (attempt.get() != mine) {
                        return; // left behind by an attempt that failed
                    }
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
            return true;
        }

        @Override
        String what() {
            return "a watch of " + bucket;
        }
    }
}
