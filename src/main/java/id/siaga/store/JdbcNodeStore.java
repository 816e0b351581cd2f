package id.siaga.store;

import id.siaga.cluster.NodeLease;
import id.siaga.cluster.NodeState;
import id.siaga.cluster.NodeStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The nodes' leases in {@code cluster_node}, over plain JDBC: a lock is a transaction holding the row
 * ({@code SELECT ... FOR UPDATE}) on a connection of its own. Every time is the database's {@code clock_timestamp()}, so
 * the nodes' own clocks never decide who is lost. Not {@code CURRENT_TIMESTAMP}: on PostgreSQL that is the time the
 * transaction began, and a join that waited on the row lock (while another node took its calls over) would write a
 * heartbeat already as old as the wait, and be taken over, alive, at once. PostgreSQL only: a cluster on H2 is refused.
 */
public final class JdbcNodeStore implements NodeStore {

    private static final String COLUMNS = "node_id, incarnation, state, address, started_at, heartbeat_at, taken_over_by";

    private final DataSource dataSource;
    private final java.time.Duration networkTimeout;

    /** Without a bound on a renewal's or a read's wait for the database (tests on a database that never stalls). */
    public JdbcNodeStore(DataSource dataSource) {
        this(dataSource, java.time.Duration.ZERO);
    }

    /**
     * @param networkTimeout how long a renewal or a read of the leases waits on the database's socket before it fails.
     *                       Without it a database host that stops answering (its TCP connection neither answered nor
     *                       reset) holds the heartbeat for the kernel's retransmission timeout, about 15 minutes, and
     *                       the node renews nothing for that long after the database is back. Zero: no bound.
     */
    public JdbcNodeStore(DataSource dataSource, java.time.Duration networkTimeout) {
        this.dataSource = dataSource;
        this.networkTimeout = networkTimeout;
    }

    /** A connection whose reads give up after {@link #networkTimeout} (the pool puts its own setting back when it is returned). */
    private Connection bounded() throws SQLException {
        Connection c = dataSource.getConnection();
        if (!networkTimeout.isZero()) {
            try {
                c.setNetworkTimeout(Runnable::run, Math.toIntExact(networkTimeout.toMillis()));
            } catch (java.sql.SQLFeatureNotSupportedException e) {
                // a driver without it (H2, which a cluster refuses anyway): unbounded
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        }
        return c;
    }

    @Override
    public Leases all() {
        try (Connection c = bounded()) {
            Instant now = now(c);
            List<NodeLease> leases = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM cluster_node ORDER BY node_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    leases.add(lease(rs));
                }
            }
            return new Leases(leases, now);
        } catch (SQLException e) {
            throw JdbcJournalStore.translate("read the cluster's leases", e);
        }
    }

    @Override
    public boolean heartbeat(String node, String incarnation) {
        return update("renew the lease of node " + node, true, "UPDATE cluster_node SET heartbeat_at = clock_timestamp() WHERE node_id = ? "
                + "AND incarnation = ? AND state = 'ALIVE'", node, incarnation) == 1;
    }

    @Override
    public void leave(String node, String incarnation) {
        update("mark node " + node + " as left", false, "UPDATE cluster_node SET state = 'LEFT', heartbeat_at = clock_timestamp() "
                + "WHERE node_id = ? AND incarnation = ? AND state = 'ALIVE'", node, incarnation);
    }

    @Override
    public Lock lock(String node) {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cluster_node (node_id, incarnation, state, address, started_at, "
                    + "heartbeat_at) VALUES (?, '', 'LEFT', '', clock_timestamp(), clock_timestamp()) ON CONFLICT DO NOTHING")) {
                ps.setString(1, node);
                ps.executeUpdate();
            }
            c.commit();
            NodeLease lease;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM cluster_node WHERE node_id = ? FOR UPDATE")) {
                ps.setString(1, node);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    lease = lease(rs);
                }
            }
            return new RowLock(c, lease, now(c));
        } catch (SQLException e) {
            closeQuietly(c);
            throw JdbcJournalStore.translate("lock the lease of node " + node, e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static final class RowLock implements Lock {
        private final Connection c;
        private final NodeLease lease;
        private final Instant now;

        RowLock(Connection c, NodeLease lease, Instant now) {
            this.c = c;
            this.lease = lease;
            this.now = now;
        }

        @Override
        public NodeLease lease() {
            return lease;
        }

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public void take(String incarnation, String address) {
            run("take the lease of node " + lease.node(), "UPDATE cluster_node SET incarnation = ?, state = 'ALIVE', address = ?, "
                    + "started_at = clock_timestamp(), heartbeat_at = clock_timestamp(), taken_over_by = NULL, taken_over_at = NULL "
                    + "WHERE node_id = ?", incarnation, address, lease.node());
        }

        @Override
        public void markLost(String by) {
            run("mark node " + lease.node() + " as lost", "UPDATE cluster_node SET state = 'LOST', taken_over_by = ?, "
                    + "taken_over_at = clock_timestamp() WHERE node_id = ?", by, lease.node());
        }

        @Override
        public void adoptLeft(String by) {
            run("take over left node " + lease.node(), "UPDATE cluster_node SET taken_over_by = ?, taken_over_at = clock_timestamp() "
                    + "WHERE node_id = ? AND state = 'LEFT'", by, lease.node());
        }

        @Override
        public void commit() {
            try {
                c.commit();
            } catch (SQLException e) {
                throw JdbcJournalStore.translate("commit the lease of node " + lease.node(), e);
            }
        }

        @Override
        public void close() {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // committed already, or the connection is gone and its transaction with it
            }
            closeQuietly(c);
        }

        private void run(String what, String sql, Object... args) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                ps.executeUpdate();
            } catch (SQLException e) {
                throw JdbcJournalStore.translate(what, e);
            }
        }
    }

    /** One update; {@code boundedWait}: on a connection whose reads give up after {@link #networkTimeout}. */
    private int update(String what, boolean boundedWait, String sql, Object... args) {
        try (Connection c = boundedWait ? bounded() : dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw JdbcJournalStore.translate(what, e);
        }
    }

    private static Instant now(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT clock_timestamp()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class).toInstant();
        }
    }

    private static NodeLease lease(ResultSet rs) throws SQLException {
        return new NodeLease(rs.getString(1), rs.getString(2), NodeState.valueOf(rs.getString(3)), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getObject(6, OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getString(7)));
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing more to release
        }
    }
}
