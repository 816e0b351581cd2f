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
import io.nats.client.impl.NatsKeyValueWatchSubscription;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One shared table: a JetStream key-value bucket (file storage, one value per key kept), created and opened once the bus
 * is reached. Its watches start then too, each with the latest value of every key first. When the connection comes back
 * the bucket is created again if the server lost it, each watch is made again from the revision after the last one it
 * delivered (from the start when the bucket is a new one), and then the {@link #onReconnected} actions run.
 */
final class NatsTable extends Deferred implements SharedTable {

    private static final Logger log = LoggerFactory.getLogger(NatsTable.class);

    private final NatsTables tables;
    private final String bucket;
    private final int replicas;
    private final Duration timeout;
    /** The bucket's handle, once it is created and opened. */
    private volatile KeyValue kv;
    /** When the bucket was created on the server: another time after a reconnect means the server lost it (a new bucket). */
    private volatile ZonedDateTime created;
    /** Whether the bucket is set up on the connection as it is now (false from a reconnect until it is checked again). */
    private volatile boolean ready;

    NatsTable(NatsTables tables, String bucket, int replicas, Duration timeout) {
        this.tables = tables;
        this.bucket = bucket;
        this.replicas = replicas;
        this.timeout = timeout;
    }

    @Override
    boolean setUp(Connection connection) throws IOException, JetStreamApiException {
        try {
            connection.keyValueManagement().create(KeyValueConfiguration.builder().name(bucket).storageType(StorageType.File)
                    .maxHistoryPerKey(1).replicas(replicas).build());
        } catch (JetStreamApiException e) {
            log.debug("cluster bus: bucket {} exists ({})", bucket, e.getMessage());
        }
        created = connection.keyValueManagement().getStatus(bucket).getBackingStreamInfo().getCreateTime();
        kv = connection.keyValue(bucket, KeyValueOptions.builder().jetStreamOptions(JetStreamOptions.builder().requestTimeout(timeout).build()).build());
        ready = true;
        return true;
    }

    @Override
    void forgetSetUp() {
        ready = false; // its handle still serves writes meanwhile: the connection is the same
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

    /**
     * Runs {@code action} on the bus's connector thread each time the table is reached: at once if it is now, else once it
     * is, and again each time the connection comes back, after the table's watches are made again. An action that throws
     * {@link Unavailable} is run again a second later.
     */
    @Override
    public void onReconnected(Runnable action) {
        tables.defer(new Hook(action));
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

    /** What a user of the table does each time the bus is reached (again): runs once the bucket is set up. */
    private final class Hook extends Deferred {
        private final Runnable action;

        Hook(Runnable action) {
            this.action = action;
        }

        @Override
        boolean setUp(Connection connection) {
            if (!ready) {
                return false;
            }
            action.run();
            return true;
        }

        @Override
        String what() {
            return "what is done when " + bucket + " is reached again";
        }
    }

    /**
     * One watch of the bucket: an ordered consumer of every key, started once the bucket is open, and made again from the
     * revision after the last one it delivered each time the connection comes back (the old one closed first).
     */
    private final class Watch extends Deferred {
        private final Consumer<Entry> changes;
        /** Held while a change is delivered and while the watch is replaced: one delivery at a time, none from an old watch. */
        private final Object delivering = new Object();
        /**
         * Which attempt's watcher delivers: an attempt that failed after the client had started its watcher (a timeout
         * while the consumer was being made) leaves that watcher behind, and the next attempt makes another; a watch made
         * again after a reconnect replaces the one before. Only the latest one's changes are applied, so none is applied twice.
         */
        private int attempt;
        /** The last revision delivered (0: none yet); changes at or below it are not delivered again. */
        private long delivered;
        /** The bucket's creation as of the last delivery: a bucket created again (the server lost it) is read from the start. */
        private ZonedDateTime deliveredFrom;
        private NatsKeyValueWatchSubscription current;

        Watch(Consumer<Entry> changes) {
            this.changes = changes;
        }

        @Override
        boolean setUp(Connection connection) throws Exception {
            KeyValue open = kv;
            if (open == null || !ready) {
                return false;
            }
            int mine;
            long from;
            NatsKeyValueWatchSubscription old;
            synchronized (delivering) {
                mine = ++attempt;
                old = current;
                current = null;
                if (deliveredFrom != null && !deliveredFrom.equals(created)) {
                    log.warn("cluster bus: bucket {} was created again (the server lost it): read from its start", bucket);
                    delivered = 0;
                }
                deliveredFrom = created;
                from = delivered + 1;
            }
            if (old != null) {
                old.unsubscribe(); // its dispatcher too; it delivers nothing more (attempt)
            }
            KeyValueWatcher watcher = new KeyValueWatcher() {
                @Override
                public void watch(KeyValueEntry e) {
                    deliver(mine, e);
                }

                @Override
                public void endOfData() {
                    log.debug("cluster bus: {} read up to date", bucket);
                }
            };
            NatsKeyValueWatchSubscription made = from == 1 ? open.watchAll(watcher) : open.watchAll(watcher, from);
            synchronized (delivering) {
                if (attempt == mine) {
                    current = made;
                }
            }
            if (from > 1) {
                log.info("cluster bus: a watch of {} made again from revision {}", bucket, from);
            }
            return true;
        }

        private void deliver(int mine, KeyValueEntry e) {
            synchronized (delivering) {
                if (attempt != mine || e.getRevision() <= delivered) {
                    return; // left behind by an earlier attempt, or delivered already
                }
                delivered = e.getRevision();
                try {
                    changes.accept(entry(e));
                } catch (RuntimeException ex) {
                    log.error("cluster bus: a change of {} in {} could not be applied", e.getKey(), bucket, ex);
                }
            }
        }

        @Override
        String what() {
            return "a watch of " + bucket;
        }
    }
}
