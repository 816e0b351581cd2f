package id.siaga.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Who counts as lost and who may hold a node id, with literal leases and times: a node silent past its lease is lost, but
 * only to a node that has itself renewed its lease for a whole lease (after a database outage everyone is stale at once);
 * a restarted node waits out its killed predecessor's lease, and refuses a node id that a live process keeps renewing.
 */
class MembershipTests {

    static final Duration LEASE = Duration.ofSeconds(5);
    static final Instant T = Instant.parse("2026-12-03T23:00:00Z");

    final Membership rules = new Membership(LEASE);

    @Test
    void aNodeSilentPastItsLeaseIsLostToASettledNode() {
        settle();
        NodeStore.Leases leases = new NodeStore.Leases(List.of(alive("siaga-1", T.plusSeconds(9)), alive("siaga-2", T.plusSeconds(4)),
                alive("siaga-3", T.plusSeconds(6)), lease("siaga-4", NodeState.LEFT, T), lease("siaga-5", NodeState.LOST, T)), T.plusSeconds(10));

        assertThat(rules.lost("siaga-1", leases, T.plusSeconds(10))).extracting(NodeLease::node).containsExactly("siaga-2");
    }

    @Test
    void aNodeBackFromADatabaseOutageJudgesNobodyUntilItHasRenewedItsLeaseForAWholeLease() {
        settle();
        rules.heartbeatFailed(); // the database went away; every node's heartbeats failed
        NodeStore.Leases stale = new NodeStore.Leases(List.of(alive("siaga-1", T.plusSeconds(30)), alive("siaga-2", T.plusSeconds(10))),
                T.plusSeconds(30));
        rules.heartbeatSucceeded(T.plusSeconds(30));
        assertThat(rules.lost("siaga-1", stale, T.plusSeconds(30))).as("first heartbeat after the outage").isEmpty();
        assertThat(rules.lost("siaga-1", stale, T.plusSeconds(34))).as("four seconds later").isEmpty();
        assertThat(rules.lost("siaga-1", stale, T.plusSeconds(35))).as("a whole lease later, siaga-2 never renewed")
                .extracting(NodeLease::node).containsExactly("siaga-2");
    }

    @Test
    void aRestartedNodeTakesItsIdWhenNobodyHoldsItAndWaitsOutAKilledPredecessor() {
        Instant now = T.plusSeconds(10);
        assertThat(rules.join(lease("siaga-1", NodeState.LEFT, T), now, Optional.empty(), Duration.ZERO)).isEqualTo(Membership.Join.TAKE);
        assertThat(rules.join(lease("siaga-1", NodeState.LOST, T), now, Optional.empty(), Duration.ZERO)).isEqualTo(Membership.Join.TAKE);
        assertThat(rules.join(alive("siaga-1", T.plusSeconds(4)), now, Optional.empty(), Duration.ZERO)).as("silent 6 s").isEqualTo(Membership.Join.TAKE);

        NodeLease killed = alive("siaga-1", T.plusSeconds(8)); // killed 2 s ago: its lease still runs
        assertThat(rules.join(killed, now, Optional.empty(), Duration.ZERO)).isEqualTo(Membership.Join.WAIT);
        assertThat(rules.join(killed, now.plusSeconds(3), Optional.of(killed.heartbeatAt()), Duration.ofSeconds(3))).isEqualTo(Membership.Join.WAIT);
        assertThat(rules.join(killed, now.plusSeconds(4), Optional.of(killed.heartbeatAt()), Duration.ofSeconds(4))).isEqualTo(Membership.Join.TAKE);
    }

    @Test
    void aNodeIdThatALiveProcessKeepsRenewingIsRefusedAfterALease() {
        Instant seen = T.plusSeconds(9);
        NodeLease renewed = alive("siaga-1", T.plusSeconds(15));
        assertThat(rules.join(renewed, T.plusSeconds(15), Optional.of(seen), Duration.ofSeconds(5))).isEqualTo(Membership.Join.WAIT);
        assertThat(rules.join(renewed, T.plusSeconds(16), Optional.of(seen), Duration.ofSeconds(6))).isEqualTo(Membership.Join.REFUSE);
    }

    @Test
    void aNodeThatHasNotRenewedItsLeaseForHalfALeaseIsFencedUntilItRenewsAgain() {
        assertThat(rules.fenced(T)).as("never renewed").isTrue();
        rules.renewed(T); // the lease taken at the join
        assertThat(rules.fenced(T.plusMillis(2_500))).as("2.5 s later: half a lease, not more").isFalse();
        assertThat(rules.fenced(T.plusMillis(2_501))).as("more than half a lease without a renewal").isTrue();

        rules.renewed(T.plusSeconds(9)); // the database is back: a renewal sent at 9 s went through
        assertThat(rules.fenced(T.plusSeconds(10))).as("renewed a second ago").isFalse();
        assertThat(rules.sinceRenewal(T.plusSeconds(10))).contains(Duration.ofSeconds(1));
    }

    @Test
    void aRenewalThatWentThroughLateNeverMovesTheLastRenewalBack() {
        rules.renewed(T.plusSeconds(10)); // a heartbeat sent at 10 s and through at once
        rules.renewed(T.plusSeconds(4)); // a heartbeat sent at 4 s, through only now: no later than the one above
        assertThat(rules.fenced(T.plusMillis(12_500))).isFalse();
        assertThat(rules.fenced(T.plusMillis(12_501))).isTrue();
    }

    /**
     * siaga-2 was stopped for maintenance (LEFT) with an alert nobody had acknowledged: a settled siaga-1 takes over what
     * outlives its calls, once; a node that left and was already taken over, one that never joined (no incarnation), and
     * this node's own earlier process are not taken over.
     */
    @Test
    void aNodeThatLeftCleanlyIsTakenOverOnceBySettledNode() {
        NodeLease left = new NodeLease("siaga-2", "inc-2", NodeState.LEFT, "sip 127.0.0.1:5062", T, T.plusSeconds(3), Optional.empty());
        NodeLease adopted = new NodeLease("siaga-3", "inc-3", NodeState.LEFT, "", T, T, Optional.of("siaga-1"));
        NodeLease neverJoined = new NodeLease("siaga-4", "", NodeState.LEFT, "", T, T, Optional.empty());
        NodeLease myEarlier = new NodeLease("siaga-1", "inc-0", NodeState.LEFT, "", T, T, Optional.empty());
        NodeStore.Leases leases = new NodeStore.Leases(List.of(left, adopted, neverJoined, myEarlier), T.plusSeconds(10));

        assertThat(rules.leftToAdopt("siaga-1", leases, T.plusSeconds(10))).as("not settled yet").isEmpty();
        settle();
        assertThat(rules.leftToAdopt("siaga-1", leases, T.plusSeconds(10))).extracting(NodeLease::node).containsExactly("siaga-2");
    }

    private void settle() {
        rules.heartbeatSucceeded(T);
    }

    static NodeLease alive(String node, Instant heartbeat) {
        return new NodeLease(node, node + "-incarnation", NodeState.ALIVE, "sip 127.0.0.1:5060", T, heartbeat, Optional.empty());
    }

    static NodeLease lease(String node, NodeState state, Instant heartbeat) {
        return new NodeLease(node, node + "-incarnation", state, "sip 127.0.0.1:5060", T, heartbeat, Optional.empty());
    }
}
