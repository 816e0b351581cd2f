package id.siaga.cluster;

/** What the consoles and the IT staff see of the cluster: this node's id and every node's lease. */
public interface ClusterView {

    /** This node's id. */
    String self();

    /** Whether this node takes part in a cluster (keeps a lease, takes over lost nodes). */
    boolean clustered();

    /** Every node's lease with the database's clock; none when not clustered. */
    NodeStore.Leases leases();
}
