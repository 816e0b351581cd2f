package id.siaga.app;

import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * This node's place in a cluster of Siaga 110 nodes behind a Kamailio dispatcher, on one PostgreSQL (docs/CLUSTER.md).
 *
 * @param nodeId            this node's name, unique in the cluster and kept across restarts: its journal chain, its calls and
 *                          its lease are under it. {@code siaga-1}, the name every entry written before clusters had, so a
 *                          single server needs nothing. Letters, digits, '.', '_' and '-', at most 64.
 * @param enabled           whether this node takes part in a cluster: it keeps a lease in the database, watches the other
 *                          nodes' leases and takes over the calls of a node that is lost. Off for a single server (on H2,
 *                          nobody else could take over); on for every node of a cluster.
 * @param heartbeatInterval how often the node renews its lease. One second: a lost node is noticed within
 *                          {@code lease-timeout} plus one interval, at one small UPDATE a second per node.
 * @param leaseTimeout      how long a lease lasts without renewal before the other nodes count the node as lost and turn its
 *                          unanswered calls into call-back tasks. Five seconds: long enough for a garbage collection pause
 *                          or a database failover's first seconds not to count (at least three heartbeats), short against a
 *                          caller's wait. Production: 5-10 s.
 * @param natsUrl           the NATS JetStream server(s) the nodes share live state through (presence, which node rings which
 *                          phone): {@code nats://host:4222}, comma-separated for a NATS cluster. The local one by default.
 * @param natsPrefix        the prefix of this cluster's key-value buckets on NATS ({@code siaga-presence}, {@code siaga-phones}):
 *                          two clusters (or two test runs) on one NATS each take their own. Letters, digits, '-' and '_'.
 * @param busTimeout        how long a request to NATS may take before the node goes on without it (a phone is then rung without
 *                          a claim, a presence change stays on this node until the bus is back). Half a second: NATS on
 *                          the same network answers in about a millisecond, and a call must never wait long for it.
 * @param natsReplicas      how many NATS servers keep each bucket and stream a node creates: 1 for one NATS server (the
 *                          default, as here), 3 on a production NATS cluster of three. A bucket or stream that exists is
 *                          left as it is (its operator may have set it otherwise).
 */
@ConfigurationProperties("siaga.cluster")
public record ClusterProperties(
        @DefaultValue("siaga-1") String nodeId,
        @DefaultValue("false") boolean enabled,
        @DefaultValue("1s") Duration heartbeatInterval,
        @DefaultValue("5s") Duration leaseTimeout,
        @DefaultValue("nats://127.0.0.1:4222") String natsUrl,
        @DefaultValue("siaga") String natsPrefix,
        @DefaultValue("500ms") Duration busTimeout,
        @DefaultValue("1") int natsReplicas) {

    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public ClusterProperties {
        if (nodeId == null || !NODE_ID.matcher(nodeId).matches()) {
            throw new IllegalArgumentException("siaga.cluster.node-id must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or "
                    + "digit, got '" + nodeId + "'");
        }
        if (natsPrefix == null || !natsPrefix.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("siaga.cluster.nats-prefix must be 1-32 letters, digits, '-' or '_', got '" + natsPrefix + "'");
        }
        if (natsUrl == null || natsUrl.isBlank()) {
            throw new IllegalArgumentException("siaga.cluster.nats-url must name a NATS server, nats://host:4222");
        }
        if (natsReplicas < 1 || natsReplicas > 5) {
            throw new IllegalArgumentException("siaga.cluster.nats-replicas must be 1-5 (JetStream's limit), got " + natsReplicas);
        }
        if (busTimeout.isNegative() || busTimeout.isZero()) {
            throw new IllegalArgumentException("siaga.cluster.bus-timeout must be positive, got " + busTimeout);
        }
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException("siaga.cluster.heartbeat-interval must be positive, got " + heartbeatInterval);
        }
        if (leaseTimeout.compareTo(heartbeatInterval.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("siaga.cluster.lease-timeout must be at least three heartbeat intervals ("
                    + heartbeatInterval.multipliedBy(3) + "), got " + leaseTimeout);
        }
    }
}
