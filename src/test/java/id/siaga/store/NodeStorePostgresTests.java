package id.siaga.store;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.cluster.NodeLease;
import id.siaga.cluster.NodeState;
import id.siaga.cluster.NodeStore;
import id.siaga.support.TestDatabase;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The nodes' leases on the real PostgreSQL (a cluster's database; a cluster on H2 is refused at start): a node takes its
 * lease and renews it; once another node marks it lost its renewals fail; a takeover and a join of one node never run
 * at once (the row lock holds the second until the first ends).
 */
class NodeStorePostgresTests {

    TestDatabase db;
    JdbcNodeStore store;

    @BeforeEach
    void open() {
        db = TestDatabase.create(TestDatabase.Kind.POSTGRES);
        store = new JdbcNodeStore(db.dataSource());
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aNodeTakesItsLeaseRenewsItAndLosesItWhenMarkedLost() {
        try (NodeStore.Lock lock = store.lock("siaga-1")) {
            assertThat(lock.lease().state()).as("never joined").isEqualTo(NodeState.LEFT);
            lock.take("inc-1", "sip 10.0.0.1:5060, http 8080");
            lock.commit();
        }
        assertThat(store.heartbeat("siaga-1", "inc-1")).isTrue();
        assertThat(store.heartbeat("siaga-1", "inc-0")).as("an older process of the same node id").isFalse();
        NodeStore.Leases leases = store.all();
        assertThat(leases.leases()).singleElement().satisfies(l -> {
            assertThat(l.state()).isEqualTo(NodeState.ALIVE);
            assertThat(l.address()).isEqualTo("sip 10.0.0.1:5060, http 8080");
            assertThat(l.silentFor(leases.now()).toSeconds()).isLessThan(60);
        });

        try (NodeStore.Lock lock = store.lock("siaga-1")) {
            lock.markLost("siaga-2");
            lock.commit();
        }
        assertThat(store.heartbeat("siaga-1", "inc-1")).as("counted as lost").isFalse();
        NodeLease lost = store.all().leases().get(0);
        assertThat(lost.state()).isEqualTo(NodeState.LOST);
        assertThat(lost.takenOverBy()).contains("siaga-2");

        try (NodeStore.Lock lock = store.lock("siaga-1")) {
            lock.take("inc-2", "sip 10.0.0.1:5060, http 8080");
            lock.commit();
        }
        store.leave("siaga-1", "inc-2");
        assertThat(store.all().leases().get(0).state()).isEqualTo(NodeState.LEFT);
        assertThat(store.all().leases().get(0).takenOverBy()).isEmpty();

        // it left cleanly; siaga-2 takes over its timers: still LEFT, now with its taker, so nobody does it again
        try (NodeStore.Lock lock = store.lock("siaga-1")) {
            lock.adoptLeft("siaga-2");
            lock.commit();
        }
        assertThat(store.all().leases().get(0).state()).isEqualTo(NodeState.LEFT);
        assertThat(store.all().leases().get(0).takenOverBy()).contains("siaga-2");
        try (NodeStore.Lock lock = store.lock("siaga-1")) {
            lock.take("inc-3", "sip 10.0.0.1:5060, http 8080");
            lock.commit();
        }
        assertThat(store.all().leases().get(0).takenOverBy()).as("its next process holds it again").isEmpty();
    }

    @Test
    void aLockNotCommittedChangesNothing() {
        try (NodeStore.Lock lock = store.lock("siaga-3")) {
            lock.take("inc-1", "a");
        }
        assertThat(store.all().leases()).singleElement().satisfies(l -> assertThat(l.state()).isEqualTo(NodeState.LEFT));
    }

    @Test
    void aSecondLockOnOneNodeWaitsForTheFirstToEnd() throws Exception {
        try (NodeStore.Lock first = store.lock("siaga-1")) {
            first.take("inc-1", "a");
            CompletableFuture<NodeState> second = CompletableFuture.supplyAsync(() -> {
                try (NodeStore.Lock lock = store.lock("siaga-1")) {
                    return lock.lease().state();
                }
            });
            Thread.sleep(500);
            assertThat(second).as("held by the first lock").isNotDone();
            first.commit();
            assertThat(second.get(10, TimeUnit.SECONDS)).as("sees what the first committed").isEqualTo(NodeState.ALIVE);
        }
    }

    /** A join that waited on the row lock (another node taking its calls over) writes a heartbeat of when it took the lease. */
    @Test
    void aLeaseTakenAfterWaitingOnTheLockIsFresh() throws Exception {
        CompletableFuture<java.time.Duration> silentAfterTake;
        try (NodeStore.Lock takeover = store.lock("siaga-1")) {
            silentAfterTake = CompletableFuture.supplyAsync(() -> {
                try (NodeStore.Lock join = store.lock("siaga-1")) {
                    join.take("inc-2", "a");
                    join.commit();
                }
                NodeStore.Leases leases = store.all();
                return leases.leases().get(0).silentFor(leases.now());
            });
            Thread.sleep(2_000); // the takeover holds the row
            takeover.markLost("siaga-2");
            takeover.commit();
        }
        assertThat(silentAfterTake.get(10, TimeUnit.SECONDS)).as("silent right after the take").isLessThan(java.time.Duration.ofSeconds(1));
    }
}
