package id.siaga.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The rules of a node's membership, as functions of the leases, the database's clock and this node's own heartbeats.
 *
 * <ul>
 *   <li><b>Lost</b>: another node whose lease is ALIVE and silent for longer than {@code leaseTimeout}.</li>
 *   <li><b>Left</b>: another node that stopped cleanly (LEFT) and that nobody has taken over: what outlives its calls
 *       (acknowledgement timeouts, units' silence, its MQTT session) is taken over once, as for a lost node.</li>
 *   <li><b>Only a settled node judges</b>: one whose own heartbeats have gone through without a miss for a whole
 *       {@code leaseTimeout}. After a database outage every lease is stale at once; the first node back would otherwise
 *       count all the others as lost before they had a chance to renew.</li>
 *   <li><b>Joining</b>: a node id whose lease is ALIVE and fresh may be held by this node's previous process (killed a
 *       moment ago) or by another live process started with the same id by mistake. The joiner waits: a dead holder's
 *       lease runs out within {@code leaseTimeout} and is taken; a live one keeps renewing it, and the start is refused.</li>
 *   <li><b>Fenced</b>: a node that has not renewed its lease for longer than half a {@code leaseTimeout} may be taken over
 *       by another node at any moment (its calls closed, its phones and operators released). It tells the cluster's SIP
 *       front to send new calls elsewhere (its OPTIONS answer 503) until it renews again; a call that still reaches it is
 *       taken all the same. The time is measured from when the last successful renewal was sent, so a renewal that took
 *       long to go through counts from its start: the lease was renewed no earlier than that.</li>
 * </ul>
 */
public final class Membership {

    /** What a starting node does with the lease it found. */
    public enum Join { TAKE, WAIT, REFUSE }

    private final Duration leaseTimeout;
    private final Duration fenceAfter;
    private Instant healthySince;
    private Instant lastRenewalSent;

    public Membership(Duration leaseTimeout) {
        this.leaseTimeout = leaseTimeout;
        this.fenceAfter = leaseTimeout.dividedBy(2);
    }

    /** How long this node may go without renewing its lease before it is fenced: half a lease. */
    public Duration fenceAfter() {
        return fenceAfter;
    }

    /**
     * This node's lease was renewed (or taken) by a request sent at {@code sentAt} (this node's own clock); the database
     * wrote it no earlier than that.
     */
    public synchronized void renewed(Instant sentAt) {
        if (lastRenewalSent == null || sentAt.isAfter(lastRenewalSent)) {
            lastRenewalSent = sentAt;
        }
    }

    /**
     * Whether this node is fenced at {@code now}: it never renewed its lease, or its last renewal was sent more than half a
     * lease ago, so another node may count it as lost at any moment.
     */
    public synchronized boolean fenced(Instant now) {
        return lastRenewalSent == null || Duration.between(lastRenewalSent, now).compareTo(fenceAfter) > 0;
    }

    /** How long ago, at {@code now}, the last successful renewal was sent; empty when it never renewed. */
    public synchronized Optional<Duration> sinceRenewal(Instant now) {
        return Optional.ofNullable(lastRenewalSent).map(sent -> Duration.between(sent, now));
    }

    public Duration leaseTimeout() {
        return leaseTimeout;
    }

    /** This node renewed its lease at {@code at} (this node's own clock: only its own elapsed time is measured with it). */
    public synchronized void heartbeatSucceeded(Instant at) {
        if (healthySince == null) {
            healthySince = at;
        }
    }

    /** This node could not renew its lease: it judges nobody until it has been healthy for a whole lease again. */
    public synchronized void heartbeatFailed() {
        healthySince = null;
    }

    /** Whether this node's own heartbeats have gone through for a whole lease, up to {@code now}. */
    public synchronized boolean settled(Instant now) {
        return healthySince != null && !Duration.between(healthySince, now).minus(leaseTimeout).isNegative();
    }

    /** The other nodes to count as lost now (leases judged on the database's clock): none unless this node is settled at {@code localNow}. */
    public List<NodeLease> lost(String self, NodeStore.Leases leases, Instant localNow) {
        if (!settled(localNow)) {
            return List.of();
        }
        return leases.leases().stream().filter(l -> !l.node().equals(self)).filter(l -> isLost(l, leases.now())).toList();
    }

    /**
     * The other nodes that left cleanly and whose timers nobody has taken over yet (none unless this node is settled at
     * {@code localNow}): a node stopped for maintenance closed its calls, but an alert it sent still needs its
     * acknowledgement timeout watched, and its units' silence and MQTT session someone to keep them.
     */
    public List<NodeLease> leftToAdopt(String self, NodeStore.Leases leases, Instant localNow) {
        if (!settled(localNow)) {
            return List.of();
        }
        return leases.leases().stream().filter(l -> !l.node().equals(self)).filter(Membership::isLeftUnadopted).toList();
    }

    /** Whether a lease shows a node that left (once joined) and that no node has taken over since. */
    public static boolean isLeftUnadopted(NodeLease lease) {
        return lease.state() == NodeState.LEFT && !lease.incarnation().isEmpty() && lease.takenOverBy().isEmpty();
    }

    /** Whether a lease, locked and read again at {@code now}, still shows its node lost. */
    public boolean isLost(NodeLease lease, Instant now) {
        return lease.state() == NodeState.ALIVE && lease.silentFor(now).compareTo(leaseTimeout) > 0;
    }

    /**
     * What a starting node does with its node id's lease: take it when nobody holds it (never joined, left, lost, or
     * silent past the lease); otherwise wait; refuse when it has waited longer than a lease and the holder still renews.
     *
     * @param firstSeen the heartbeat the joiner saw when it started waiting, if it has waited
     * @param waited    how long it has waited
     */
    public Join join(NodeLease lease, Instant now, Optional<Instant> firstSeen, Duration waited) {
        if (lease.state() != NodeState.ALIVE || lease.silentFor(now).compareTo(leaseTimeout) > 0) {
            return Join.TAKE;
        }
        boolean renewedMeanwhile = firstSeen.isPresent() && lease.heartbeatAt().isAfter(firstSeen.get());
        return renewedMeanwhile && waited.compareTo(leaseTimeout) > 0 ? Join.REFUSE : Join.WAIT;
    }
}
