/**
 * The cluster's membership: each node's lease in the shared database (renewed every heartbeat), the rule that counts a
 * node as lost when its lease runs out, and the join that never lets two live processes write one node's journal chain.
 * Plain Java behind the {@link id.siaga.cluster.NodeStore} port; what a takeover does with a lost node's calls is the
 * wiring's ({@code app}), which hands it to {@code telephony}'s recovery. It must not touch telephony, the journal or SQL.
 */
package id.siaga.cluster;
