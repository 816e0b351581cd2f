package id.siaga.cluster;

import java.time.Instant;
import java.util.List;

/**
 * The nodes' leases, in the shared database. Times are the database's. Implementations throw an unchecked exception
 * when the database cannot be reached; the membership counts that as a missed heartbeat.
 */
public interface NodeStore {

    /** Every node that ever joined, with the database's clock at the time of reading. */
    Leases all();

    /**
     * Renews this node's lease: true when the row is still this incarnation's and ALIVE; false when another node took it
     * over (this node was counted as lost) or another process took the node id.
     */
    boolean heartbeat(String node, String incarnation);

    /** Marks this node LEFT (a clean stop: it closed its own calls), if the row is still this incarnation's. */
    void leave(String node, String incarnation);

    /**
     * Holds {@code node}'s row (created, as LEFT, if the node never joined) in a transaction of its own until the lock is
     * closed: a join and a takeover of the same node never run at once, and a node that restarts waits while another
     * still takes over its calls.
     */
    Lock lock(String node);

    /** The leases and the database's clock, read together. */
    record Leases(List<NodeLease> leases, Instant now) {
        public Leases {
            leases = List.copyOf(leases);
        }
    }

    /** A node's row, held. Nothing changes unless {@link #commit()} is called before {@link #close()}. */
    interface Lock extends AutoCloseable {

        /** The row as it was when locked. */
        NodeLease lease();

        /** The database's clock when the row was locked. */
        Instant now();

        /** This process takes the node id: a new incarnation, ALIVE, started and heartbeat now. */
        void take(String incarnation, String address);

        /** The node is lost and {@code by} takes over its calls. */
        void markLost(String by);

        /**
         * The node left cleanly (LEFT) and {@code by} takes over what outlives its calls (acknowledgement timeouts, its
         * units' silence, its MQTT session); it stays LEFT, now with {@code by} as its taker, so nobody does it twice.
         */
        void adoptLeft(String by);

        void commit();

        /** Ends the transaction: rolled back unless committed. */
        @Override
        void close();
    }
}
