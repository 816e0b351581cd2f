package id.siaga.app;

import id.siaga.cluster.ClusterView;
import id.siaga.cluster.Membership;
import id.siaga.cluster.NodeLease;
import id.siaga.cluster.NodeStore;
import id.siaga.journal.Journal;
import id.siaga.journal.SubjectKind;
import id.siaga.telephony.CallRecovery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node in the cluster: it joins (takes its node id's lease, waiting out a previous process's), renews the lease
 * every heartbeat on a thread of its own, watches the other nodes' leases on another, and takes over a lost node: under
 * the lost node's row lock, every call it offered and never ended is closed as interrupted, "node … was lost", with a
 * call-back task at its station when nobody had answered ({@link CallRecovery}); then the node is marked LOST. A third
 * thread, which never waits on the database, watches this node's own renewals: not renewed for half a lease, the node is
 * fenced ({@link #fenced()}: its SIP edge asks the cluster's front to send new calls elsewhere) until it renews again.
 * Journal: {@code NodeJoined}, {@code NodeLost}, {@code NodeRejoined}, {@code NodeFenced}, {@code NodeUnfenced},
 * {@code NodeLeft}.
 */
final class ClusterMembership implements ClusterView, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterMembership.class);

    private final NodeStore store;
    private final Membership rules;
    private final ClusterProperties props;
    private final String address;
    private final Journal journal;
    private final CallRecovery recovery;
    private final Duration recoveryWindow;
    /** This node's own elapsed time (System.nanoTime), for its renewals, fence and settling: a wall clock may be stepped. */
    private final java.util.function.LongSupplier nanos;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("cluster-heartbeat"));
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(daemon("cluster-watch"));
    /** Watches this node's own renewals; the two threads above may wait long on a database that is away, this one never does. */
    private final ScheduledExecutorService fence = Executors.newSingleThreadScheduledExecutor(daemon("cluster-fence"));
    /** Journals the fence's changes, one after the other in the order they were decided. */
    private final ExecutorService fenceJournal = Executors.newSingleThreadExecutor(daemon("cluster-fence-journal"));
    private final java.util.List<java.util.function.Consumer<String>> lostNodeHooks = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.List<Runnable> rejoinedHooks = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Runs the rejoined hooks: they ask the call loop for its calls, which must not hold up the next heartbeat. */
    private final ExecutorService afterRejoin = Executors.newSingleThreadExecutor(daemon("cluster-rejoined"));
    private volatile String incarnation;
    private volatile boolean failing;
    private volatile boolean fenced;

    ClusterMembership(NodeStore store, ClusterProperties props, String address, Journal journal, CallRecovery recovery, Duration recoveryWindow) {
        this(store, props, address, journal, recovery, recoveryWindow, System::nanoTime);
    }

    /** With {@code nanos} as this node's elapsed-time source (a test's own). */
    ClusterMembership(NodeStore store, ClusterProperties props, String address, Journal journal, CallRecovery recovery, Duration recoveryWindow,
                      java.util.function.LongSupplier nanos) {
        this.store = store;
        this.rules = new Membership(props.leaseTimeout());
        this.props = props;
        this.address = address;
        this.journal = journal;
        this.recovery = recovery;
        this.recoveryWindow = recoveryWindow;
        this.nanos = nanos;
    }

    /**
     * Now on this node's elapsed-time line, as an instant the rules can subtract: monotonic, never stepped by NTP or by
     * hand, so a wall clock set back cannot keep a node unfenced, nor one set forward fence it. Only differences of these
     * are meaningful; the leases themselves are judged on the database's clock.
     */
    private Instant elapsed() {
        return Instant.EPOCH.plusNanos(nanos.getAsLong());
    }

    /**
     * Takes this node's lease, then starts renewing it and watching the others. Blocks while another node takes over this
     * node id's calls (its row lock) and while a previous process's lease has not run out; refuses (throws) when a live
     * process holds the node id.
     */
    void join() {
        String me = props.nodeId();
        long startedNanos = System.nanoTime();
        Optional<Instant> firstSeen = Optional.empty();
        while (true) {
            try (NodeStore.Lock lock = store.lock(me)) {
                NodeLease lease = lock.lease();
                Duration waited = Duration.ofNanos(System.nanoTime() - startedNanos);
                switch (rules.join(lease, lock.now(), firstSeen, waited)) {
                    case TAKE -> {
                        String next = UUID.randomUUID().toString();
                        Instant sent = elapsed();
                        lock.take(next, address);
                        lock.commit();
                        rules.renewed(sent);
                        incarnation = next;
                        log.info("cluster: node {} joined ({}); its lease was {} ({}), lease timeout {}, heartbeat every {}", me, address,
                                lease.state(), lease.incarnation().isEmpty() ? "never held" : "last heartbeat " + lease.silentFor(lock.now()).toMillis()
                                        + " ms before", props.leaseTimeout(), props.heartbeatInterval());
                        journal.append("NodeJoined", SubjectKind.NODE, me, "system", Map.of("address", address, "previousState",
                                lease.state().name(), "incarnation", next));
                        start();
                        return;
                    }
                    case REFUSE -> throw new IllegalStateException("siaga.cluster.node-id " + me + " is held by a live process (" + lease.address()
                            + ", renewing its lease: last heartbeat " + lease.silentFor(lock.now()).toMillis() + " ms ago); give this node an id of its own");
                    case WAIT -> {
                        if (firstSeen.isEmpty()) {
                            firstSeen = Optional.of(lease.heartbeatAt());
                            log.warn("cluster: node {}'s lease is held ({}, last heartbeat {} ms ago): waiting for it to run out (a previous "
                                    + "process killed a moment ago) or to be renewed (another live process with this id)", me, lease.address(),
                                    lease.silentFor(lock.now()).toMillis());
                        }
                    }
                }
            }
            sleep(props.heartbeatInterval());
        }
    }

    /** What else follows a takeover, once the lost node's calls are closed: its phone claims, the operators it had made BUSY. */
    void onNodeLost(java.util.function.Consumer<String> hook) {
        lostNodeHooks.add(hook);
    }

    /**
     * What follows a rejoin (this node had been taken over while alive: the node that took it over released its phone
     * claims and set its BUSY operators READY): this node asserts its live state again. Run on a thread of its own.
     */
    void onRejoined(Runnable hook) {
        rejoinedHooks.add(hook);
    }

    private void start() {
        long beat = props.heartbeatInterval().toMillis();
        heartbeats.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        watch.scheduleWithFixedDelay(this::watchOthers, beat, beat, TimeUnit.MILLISECONDS);
        long check = Math.max(50, beat / 4);
        fence.scheduleWithFixedDelay(this::checkFence, check, check, TimeUnit.MILLISECONDS);
    }

    /**
     * Whether this node is fenced: it has not renewed its lease for half a lease, and another node may take it over at any
     * moment. Its SIP edge then answers the front's probes 503, so new calls go to the other nodes; calls that still reach
     * it are taken.
     */
    boolean fenced() {
        return fenced;
    }

    /**
     * Fences or unfences this node by its last renewal. The flag the SIP edge reads changes at once; each change is logged
     * and journalled on a thread of its own, in the order decided, so a journal that is slow to take an entry (it spools
     * meanwhile) never holds up the heartbeat or the next check.
     */
    private void checkFence() {
        try {
            Instant now = elapsed();
            synchronized (this) {
                boolean nowFenced = rules.fenced(now);
                if (nowFenced == fenced) {
                    return;
                }
                fenced = nowFenced;
                long sinceMs = rules.sinceRenewal(now).map(Duration::toMillis).orElse(-1L);
                fenceJournal.execute(() -> journalFence(nowFenced, sinceMs));
            }
        } catch (RuntimeException e) {
            log.warn("cluster: node {}'s fence could not be checked: {}", props.nodeId(), e.toString());
        }
    }

    private void journalFence(boolean nowFenced, long sinceMs) {
        try {
            if (nowFenced) {
                log.warn("cluster: node {} fenced: its lease was last renewed {} ms ago (more than {} ms, half a lease); the SIP front is "
                        + "asked to send new calls to other nodes (OPTIONS 503), calls that reach it are still taken", props.nodeId(), sinceMs,
                        rules.fenceAfter().toMillis());
                journal.append("NodeFenced", SubjectKind.NODE, props.nodeId(), "system", Map.of("sinceRenewalMs", sinceMs,
                        "fenceAfterMs", rules.fenceAfter().toMillis()));
            } else {
                log.warn("cluster: node {} unfenced: its lease is renewed again; the SIP front may send it new calls", props.nodeId());
                journal.append("NodeUnfenced", SubjectKind.NODE, props.nodeId(), "system", Map.of("sinceRenewalMs", sinceMs));
            }
        } catch (RuntimeException e) {
            log.warn("cluster: node {}'s {} could not be journalled: {}", props.nodeId(), nowFenced ? "fence" : "unfence", e.toString());
        }
    }

    private void heartbeat() {
        try {
            Instant sent = elapsed();
            if (store.heartbeat(props.nodeId(), incarnation)) {
                rules.renewed(sent);
                rules.heartbeatSucceeded(elapsed());
                checkFence();
                if (failing) {
                    failing = false;
                    log.info("cluster: node {} renews its lease again", props.nodeId());
                }
                return;
            }
            rules.heartbeatFailed();
            rejoin();
        } catch (RuntimeException e) {
            rules.heartbeatFailed();
            if (!failing) {
                failing = true;
                log.warn("cluster: node {} cannot renew its lease ({}); it judges no other node until it has renewed it for {} again",
                        props.nodeId(), e.getMessage(), props.leaseTimeout());
            }
        }
    }

    /**
     * The lease is no longer this process's: another node counted it as lost (the database was out of its reach for longer
     * than a lease) and closed its calls, or another process took the node id. It takes the lease again with a new
     * incarnation; the calls it still carries go on (a caller answered after the takeover also has a call-back task).
     */
    private void rejoin() {
        String me = props.nodeId();
        try (NodeStore.Lock lock = store.lock(me)) {
            NodeLease lease = lock.lease();
            if (rules.join(lease, lock.now(), Optional.empty(), Duration.ZERO) != Membership.Join.TAKE) {
                log.error("cluster: node {}'s lease is held by another live process ({}); this process keeps its calls but holds no lease", me,
                        lease.address());
                return;
            }
            String next = UUID.randomUUID().toString();
            Instant sent = elapsed();
            lock.take(next, address);
            lock.commit();
            rules.renewed(sent);
            incarnation = next;
            checkFence();
            log.error("cluster: node {} had been counted as {} ({}); it holds its lease again", me, lease.state(),
                    lease.takenOverBy().map(by -> "taken over by " + by).orElse("replaced"));
            journal.append("NodeRejoined", SubjectKind.NODE, me, "system", Map.of("previousState", lease.state().name(),
                    "takenOverBy", lease.takenOverBy().orElse(""), "incarnation", next));
            for (Runnable hook : rejoinedHooks) {
                afterRejoin.execute(() -> {
                    try {
                        hook.run();
                    } catch (RuntimeException e) {
                        log.warn("cluster: after node {} rejoined: {}", me, e.toString());
                    }
                });
            }
        }
    }

    private void watchOthers() {
        try {
            NodeStore.Leases leases = store.all();
            for (NodeLease lost : rules.lost(props.nodeId(), leases, elapsed())) {
                takeOver(lost);
            }
            for (NodeLease left : rules.leftToAdopt(props.nodeId(), leases, elapsed())) {
                adoptLeft(left);
            }
        } catch (RuntimeException e) {
            log.debug("cluster: the other nodes' leases could not be read or taken over: {}", e.toString());
        }
    }

    /** Under the lost node's row lock: read again, close its calls, make them durable, mark it LOST, commit. */
    private void takeOver(NodeLease seen) {
        String me = props.nodeId();
        try (NodeStore.Lock lock = store.lock(seen.node())) {
            NodeLease lease = lock.lease();
            if (!lease.incarnation().equals(seen.incarnation()) || !rules.isLost(lease, lock.now())) {
                return; // it came back, restarted, or another node took it over first
            }
            long silentMs = lease.silentFor(lock.now()).toMillis();
            log.warn("cluster: node {} ({}) is lost: no heartbeat for {} ms; node {} takes over its calls", lease.node(), lease.address(), silentMs, me);
            CallRecovery.Outcome outcome = recovery.recover(lease.node(), recoveryWindow, Set.of(), "taken over by node " + me);
            Journal.awaitDurable(List.of(journal.append("NodeLost", SubjectKind.NODE, lease.node(), "system", Map.of("takenOverBy", me,
                    "silentMs", silentMs, "address", lease.address(), "callsInterrupted", outcome.interrupted(),
                    "callBacksOpened", outcome.callBacksOpened(), "recordsRestored", outcome.recordsRestored()))));
            // its phone claims and BUSY operators are released while the row lock is still held: the node, if alive, rejoins
            // under that lock and asserts them again only after this, so a release can never undo its re-claim
            runTakeoverHooks(lease.node());
            lock.markLost(me);
            lock.commit();
            log.warn("cluster: node {} taken over by {}: {} calls closed as interrupted, {} call-back tasks opened, {} records restored",
                    lease.node(), me, outcome.interrupted(), outcome.callBacksOpened(), outcome.recordsRestored());
        }
    }

    /**
     * Under the left node's row lock: read again, run the takeover hooks (its calls were closed as it stopped; its
     * acknowledgement timeouts, units' silence, MQTT session, any phone claim or BUSY left behind are this node's now),
     * record this node as its taker, commit. A node that restarts meanwhile takes its lease under the same lock first.
     */
    private void adoptLeft(NodeLease seen) {
        String me = props.nodeId();
        try (NodeStore.Lock lock = store.lock(seen.node())) {
            NodeLease lease = lock.lease();
            if (!lease.incarnation().equals(seen.incarnation()) || !Membership.isLeftUnadopted(lease)) {
                return; // restarted, or another node took it over first
            }
            runTakeoverHooks(lease.node());
            Journal.awaitDurable(List.of(journal.append("LeftNodeTakenOver", SubjectKind.NODE, lease.node(), "system",
                    Map.of("takenOverBy", me, "incarnation", lease.incarnation()))));
            lock.adoptLeft(me);
            lock.commit();
            log.info("cluster: node {} left the cluster cleanly; node {} took over its timers and sessions", lease.node(), me);
        }
    }

    /** What follows a takeover of a lost or left node (its claims, BUSY operators, timers, MQTT session); one failing hook stops none of the others. */
    private void runTakeoverHooks(String node) {
        for (java.util.function.Consumer<String> hook : lostNodeHooks) {
            try {
                hook.accept(node);
            } catch (RuntimeException e) {
                log.warn("cluster: in the takeover of node {}: {}", node, e.toString());
            }
        }
    }

    @Override
    public String self() {
        return props.nodeId();
    }

    @Override
    public boolean clustered() {
        return true;
    }

    @Override
    public NodeStore.Leases leases() {
        return store.all();
    }

    /** A clean stop, after the call path has closed its calls: the lease is left, so nobody takes over. */
    @Override
    public void close() {
        heartbeats.shutdownNow();
        watch.shutdownNow();
        fence.shutdownNow();
        afterRejoin.shutdownNow();
        fenceJournal.shutdown(); // a fence change decided before the stop is still journalled
        try {
            watch.awaitTermination(10, TimeUnit.SECONDS);
            if (incarnation != null) {
                store.leave(props.nodeId(), incarnation);
                journal.append("NodeLeft", SubjectKind.NODE, props.nodeId(), "system", Map.of("incarnation", incarnation));
                log.info("cluster: node {} left the cluster", props.nodeId());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("cluster: node {} could not mark its lease as left ({}); the others will count it as lost and find its calls ended",
                    props.nodeId(), e.getMessage());
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while joining the cluster", e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
