package id.siaga.cluster;

/** Where a node stands in the cluster, as its lease row says. */
public enum NodeState {
    /** Running and renewing its lease; lost once the lease runs out. */
    ALIVE,
    /** Stopped cleanly: it closed its own calls before it went, so nobody takes over. */
    LEFT,
    /** Its lease ran out; another node took over its calls. */
    LOST
}
