package id.siaga.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One node's lease as the database holds it: which process holds the node id ({@code incarnation}, new at every start),
 * since when, its last heartbeat (the database's clock, so the nodes' clocks never disagree about it), and, once lost,
 * who took over its calls.
 */
public record NodeLease(String node, String incarnation, NodeState state, String address, Instant startedAt, Instant heartbeatAt,
                        Optional<String> takenOverBy) {

    /** How long ago the last heartbeat was, at {@code now} (the database's clock). */
    public Duration silentFor(Instant now) {
        Duration d = Duration.between(heartbeatAt, now);
        return d.isNegative() ? Duration.ZERO : d;
    }
}
