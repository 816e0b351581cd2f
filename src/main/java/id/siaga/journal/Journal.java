package id.siaga.journal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends events to the journal. Callers never wait for the database: {@link #append} queues the event
 * and returns a future that completes once the entry is durable (committed, or forced to the spool).
 * One writer thread drains the queue in batches (group commit), assigns sequence numbers and the hash
 * chain, and inserts each batch in one transaction. When the store is unreachable, batches go to the
 * {@link JournalSpool}; the writer probes the store every {@code retryInterval} and, once it answers,
 * replays the spool in order, skipping what the database already holds, before taking new work.
 *
 * <p>Each node of a cluster writes its own chain ({@code node}): a node journals, spools and replays without asking any
 * other, also while the database is away, which one sequence shared by all nodes could not allow. Two processes must
 * never write one node's chain at once; the cluster's membership refuses a second start under a node id that is alive.
 */
public final class Journal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Journal.class);
    private static final JsonMapper CANONICAL_JSON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private record Pending(Instant at, String type, SubjectKind kind, String subjectId, String actor, String payload,
                           CompletableFuture<JournalEntry> done) {
    }

    /** The node id of a server that was never given one, and of every entry written before nodes had chains. */
    public static final String DEFAULT_NODE = "siaga-1";

    private final String node;
    private final JournalStore store;
    private final JournalSpool spool;
    private final Clock clock;
    private final int maxBatch;
    private final Duration retryInterval;
    private final BlockingQueue<Pending> queue;
    private final Thread writer;
    private volatile boolean running = true;

    private long lastSeq;
    private String lastHash;
    private volatile boolean storeDown;
    private long nextProbeNanos;

    public Journal(JournalStore store, JournalSpool spool, Clock clock, int maxBatch, int queueCapacity, Duration retryInterval) {
        this(DEFAULT_NODE, store, spool, clock, maxBatch, queueCapacity, retryInterval);
    }

    /** A journal writing {@code node}'s chain. */
    public Journal(String node, JournalStore store, JournalSpool spool, Clock clock, int maxBatch, int queueCapacity, Duration retryInterval) {
        this.node = java.util.Objects.requireNonNull(node, "node");
        this.store = store;
        this.spool = spool;
        this.clock = clock;
        this.maxBatch = maxBatch;
        this.retryInterval = retryInterval;
        this.queue = new LinkedBlockingQueue<>(queueCapacity);
        Optional<JournalEntry> last = store.last(node);
        this.lastSeq = last.map(JournalEntry::seq).orElse(0L);
        this.lastHash = last.map(JournalEntry::hash).orElse(JournalChain.GENESIS);
        replaySpool();
        this.writer = new Thread(this::run, "journal-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Queues an event. The payload is any object Jackson can write (a record, a map); it is stored as JSON
     * with sorted keys. Blocks only when the queue is full (back-pressure).
     */
    public CompletableFuture<JournalEntry> append(String type, SubjectKind kind, String subjectId, String actor, Object payload) {
        if (!running) {
            throw new IllegalStateException("journal is closed");
        }
        String json = payload instanceof String s ? s : CANONICAL_JSON.writeValueAsString(payload);
        Pending p = new Pending(clock.instant().truncatedTo(ChronoUnit.MICROS), storable(type), kind, storable(subjectId),
                actor == null ? "system" : storable(actor), json, new CompletableFuture<>());
        try {
            queue.put(p);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.done.completeExceptionally(e);
        }
        return p.done;
    }

    /**
     * A subject, actor or type as every store keeps it: a NUL (which PostgreSQL refuses in text, so one entry would hold
     * back the whole batch and every batch after it, spooled and retried for ever), another control character (a forged
     * log line) or a lone UTF-16 surrogate (stored as '?' by PostgreSQL, kept by H2: the chain would verify on one and
     * not the other) becomes U+FFFD. The HTTP doors refuse such text before it gets here; this guards every other way
     * in (a SIP header, a tracker's device id). The payload needs nothing: it is JSON, where each is an escape.
     */
    static String storable(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            boolean bad = !pair && (Character.isISOControl(c) || Character.isSurrogate(c));
            if (bad && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null) {
                out.append(bad ? '\uFFFD' : c);
                if (pair) {
                    out.append(s.charAt(i + 1));
                }
            }
            if (pair) {
                i++;
            }
        }
        return out == null ? s : out.toString();
    }

    /**
     * Queues a typed event: the same row as {@code append(event.type(), event.subjectKind(), event.subjectId(), actor,
     * event.payload())}, so rows written either way look alike and chain alike.
     */
    public CompletableFuture<JournalEntry> append(JournalEvent event, String actor) {
        return append(event.type(), event.subjectKind(), event.subjectId(), actor, event.payload());
    }

    /**
     * How long a request that acknowledges what it journals (an HTTP 2xx) waits for its entries to be durable. The
     * writer spools within the database's connection timeout (3 s by default) when the database is away, so this is
     * reached only when neither the database nor the spool's disk takes the entry.
     */
    public static final Duration ACKNOWLEDGE_WITHIN = Duration.ofSeconds(10);

    /**
     * Waits until each of the appends is durable (committed, or forced to the spool), so that what the caller is about
     * to acknowledge survives a {@code kill -9}; at most {@link #ACKNOWLEDGE_WITHIN} in all.
     *
     * @throws JournalStoreUnavailableException when an entry is not durable in time (it stays queued and may still be
     *                                          written; the caller answers that it could not confirm)
     */
    public static void awaitDurable(List<CompletableFuture<JournalEntry>> appends) {
        long deadline = System.nanoTime() + ACKNOWLEDGE_WITHIN.toNanos();
        for (CompletableFuture<JournalEntry> append : appends) {
            try {
                append.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JournalStoreUnavailableException("interrupted while waiting for the journal", e);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new JournalStoreUnavailableException("the journal could not confirm an entry within " + ACKNOWLEDGE_WITHIN.toSeconds()
                        + " s", e);
            }
        }
    }

    /** The node whose chain this journal writes. */
    public String node() {
        return node;
    }

    /** True while entries are going to the spool because the database is away. */
    public boolean isSpooling() {
        return storeDown;
    }

    public List<JournalEntry> bySubject(SubjectKind kind, String subjectId, int limit) {
        return store.bySubject(kind, subjectId, limit);
    }

    /** Stored entries of these types written at or after {@code from}, in sequence order (see {@link JournalStore#ofTypesSince}). */
    public void ofTypesSince(java.util.Set<String> types, Instant from, java.util.function.Consumer<JournalEntry> sink) {
        store.ofTypesSince(types, from, sink);
    }

    public JournalVerification verify() {
        return JournalVerifier.verify(store);
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                if (storeDown && System.nanoTime() >= nextProbeNanos) {
                    tryRecover();
                }
                Pending first = queue.poll(storeDown ? retryInterval.toMillis() : 100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("journal writer failed on a batch of {}; failing those appends", batch.size(), e);
                batch.forEach(p -> p.done.completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        List<JournalEntry> entries = new ArrayList<>(batch.size());
        long seq = lastSeq;
        String prev = lastHash;
        for (Pending p : batch) {
            seq++;
            String hash = JournalChain.hash(prev, seq, p.at, p.type, p.kind, p.subjectId, p.actor, p.payload);
            entries.add(new JournalEntry(node, seq, p.at, p.type, p.kind, p.subjectId, p.actor, p.payload, prev, hash));
            prev = hash;
        }
        if (!storeDown) {
            try {
                store.append(entries);
                advance(entries);
                complete(batch, entries);
                return;
            } catch (JournalStoreUnavailableException e) {
                storeDown = true;
                nextProbeNanos = System.nanoTime() + retryInterval.toNanos();
                log.warn("journal database unreachable ({}); spooling to {} from seq {}", e.getMessage(), spool.file(), entries.get(0).seq());
            } catch (RuntimeException | AssertionError e) {
                // whatever went wrong, the events are not lost: they wait in the spool and the writer retries
                storeDown = true;
                nextProbeNanos = System.nanoTime() + retryInterval.toNanos();
                log.error("journal database refused a batch; spooling to {} from seq {}", spool.file(), entries.get(0).seq(), e);
            }
        }
        spool.append(entries);
        advance(entries);
        complete(batch, entries);
    }

    private void advance(List<JournalEntry> entries) {
        JournalEntry last = entries.get(entries.size() - 1);
        lastSeq = last.seq();
        lastHash = last.hash();
    }

    private static void complete(List<Pending> batch, List<JournalEntry> entries) {
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done.complete(entries.get(i));
        }
    }

    private void tryRecover() {
        try {
            replaySpool();
            storeDown = false;
            log.info("journal database is back; spool replayed, appending directly again from seq {}", lastSeq + 1);
        } catch (RuntimeException | AssertionError e) {
            nextProbeNanos = System.nanoTime() + retryInterval.toNanos();
            log.debug("journal database still away: {}", e.toString());
        }
    }

    /** Moves every spooled entry the database lacks into it, in order; then empties the spool. */
    private void replaySpool() {
        // a line without a node was written before nodes had chains: by the one node there was, siaga-1
        List<JournalEntry> spooled = spool.readAll().stream().map(e -> e.node() == null ? e.withNode(DEFAULT_NODE) : e).toList();
        if (spooled.isEmpty()) {
            return;
        }
        if (spooled.stream().anyMatch(e -> !e.node().equals(node))) {
            throw new IllegalStateException("the journal spool " + spool.file() + " holds entries of another node's chain ("
                    + spooled.stream().map(JournalEntry::node).filter(n -> !n.equals(node)).findFirst().orElseThrow() + ", this node is " + node
                    + "): start that node with this spool, or give this node its own siaga.journal.spool-file");
        }
        long inStore = store.last(node).map(JournalEntry::seq).orElse(0L);
        List<JournalEntry> missing = spooled.stream().filter(e -> e.seq() > inStore).toList();
        for (int from = 0; from < missing.size(); from += maxBatch) {
            store.append(missing.subList(from, Math.min(missing.size(), from + maxBatch)));
        }
        JournalEntry last = spooled.get(spooled.size() - 1);
        if (last.seq() > lastSeq) {
            lastSeq = last.seq();
            lastHash = last.hash();
        }
        spool.clear();
        log.info("journal spool replayed: {} entries written, {} already present", missing.size(), spooled.size() - missing.size());
    }

    /** Writes whatever is queued, then stops the writer. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // anything that slipped in after the writer stopped is refused, never left hanging
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.done.completeExceptionally(new IllegalStateException("journal closed before this entry was written")));
        if (!left.isEmpty()) {
            log.error("journal closed with {} entries unwritten", left.size());
        }
    }
}
