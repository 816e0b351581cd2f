package id.siaga.store;

import id.siaga.journal.JournalEntry;
import id.siaga.journal.JournalStore;
import id.siaga.journal.JournalStoreUnavailableException;
import id.siaga.journal.SubjectKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.SQLNonTransientConnectionException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The journal table over plain JDBC, one chain per node: batched inserts in one transaction per group commit. A failure to
 * reach the database is reported as {@link JournalStoreUnavailableException} so the journal spools.
 */
public final class JdbcJournalStore implements JournalStore {

    private static final String COLUMNS = "node, seq, at, type, subject_kind, subject_id, actor, payload, prev_hash, hash";
    private static final int SCAN_PAGE = 5_000;

    private final DataSource dataSource;

    public JdbcJournalStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void append(List<JournalEntry> entries) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO journal_event (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                for (JournalEntry e : entries) {
                    ps.setString(1, e.node());
                    ps.setLong(2, e.seq());
                    ps.setObject(3, OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC));
                    ps.setString(4, e.type());
                    ps.setString(5, e.subjectKind().name());
                    ps.setString(6, e.subjectId());
                    ps.setString(7, e.actor());
                    ps.setString(8, e.payload());
                    ps.setString(9, e.prevHash());
                    ps.setString(10, e.hash());
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException e) {
                rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException e) {
            throw translate("append " + entries.size() + " journal entries", e);
        }
    }

    @Override
    public Optional<JournalEntry> last(String node) {
        List<JournalEntry> rows = query("SELECT " + COLUMNS + " FROM journal_event WHERE node = ? ORDER BY seq DESC LIMIT 1", node);
        return rows.stream().findFirst();
    }

    @Override
    public List<String> nodes() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT DISTINCT node FROM journal_event ORDER BY node");
             ResultSet rs = ps.executeQuery()) {
            List<String> nodes = new ArrayList<>();
            while (rs.next()) {
                nodes.add(rs.getString(1));
            }
            return nodes;
        } catch (SQLException e) {
            throw translate("list the journal's chains", e);
        }
    }

    @Override
    public List<JournalEntry> bySubject(SubjectKind kind, String subjectId, int limit) {
        return query("SELECT " + COLUMNS + " FROM journal_event WHERE subject_kind = ? AND subject_id = ? "
                + "ORDER BY at DESC, node DESC, seq DESC LIMIT ?",
                kind.name(), subjectId, limit);
    }

    @Override
    public void scan(String node, long fromSeq, Consumer<JournalEntry> sink) {
        long from = fromSeq;
        while (true) {
            List<JournalEntry> page = query("SELECT " + COLUMNS + " FROM journal_event WHERE node = ? AND seq >= ? ORDER BY seq LIMIT ?", node, from,
                    SCAN_PAGE);
            page.forEach(sink);
            if (page.size() < SCAN_PAGE) {
                return;
            }
            from = page.get(page.size() - 1).seq() + 1;
        }
    }

    @Override
    public void ofTypesSince(java.util.Set<String> types, java.time.Instant from, Consumer<JournalEntry> sink) {
        if (types.isEmpty()) {
            return;
        }
        String in = String.join(",", java.util.Collections.nCopies(types.size(), "?"));
        List<JournalEntry> page = query("SELECT " + COLUMNS + " FROM journal_event WHERE type IN (" + in + ") AND at >= ? "
                + "ORDER BY at, node, seq LIMIT ?", concat(types, OffsetDateTime.ofInstant(from, ZoneOffset.UTC), SCAN_PAGE));
        while (true) {
            page.forEach(sink);
            if (page.size() < SCAN_PAGE) {
                return;
            }
            // keyset paging on (at, node, seq), the order's own key: nothing skipped or read twice between pages
            JournalEntry last = page.get(page.size() - 1);
            OffsetDateTime at = OffsetDateTime.ofInstant(last.at(), ZoneOffset.UTC);
            // "at >= ?" first keeps the (type, at) index's range; the rest picks up after the page's last row
            page = query("SELECT " + COLUMNS + " FROM journal_event WHERE type IN (" + in + ") AND at >= ? AND (at > ? OR (at = ? AND (node > ? "
                    + "OR (node = ? AND seq > ?)))) ORDER BY at, node, seq LIMIT ?", concat(types, at, at, at, last.node(), last.node(), last.seq(),
                    SCAN_PAGE));
        }
    }

    private static Object[] concat(java.util.Set<String> types, Object... more) {
        List<Object> args = new ArrayList<>(types);
        args.addAll(java.util.Arrays.asList(more));
        return args.toArray();
    }

    @Override
    public long count() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM journal_event");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw translate("count journal entries", e);
        }
    }

    private List<JournalEntry> query(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<JournalEntry> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new JournalEntry(rs.getString(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                            rs.getString(4), SubjectKind.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), rs.getString(10)));
                }
                return out;
            }
        } catch (SQLException e) {
            throw translate("read the journal", e);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; the transaction died with it
        }
    }

    /**
     * Connection-class failures (SQLState 08xxx, transient errors, a pool that cannot hand out a connection)
     * mean the database is away; anything else is a bug or a constraint violation and is rethrown as is.
     */
    static RuntimeException translate(String what, SQLException e) {
        String state = e.getSQLState();
        boolean unreachable = e instanceof SQLTransientException || e instanceof SQLNonTransientConnectionException
                || (state != null && (state.startsWith("08") || state.startsWith("57P")))
                || (state == null && e.getMessage() != null && e.getMessage().contains("Connection is not available"));
        if (unreachable) {
            return new JournalStoreUnavailableException("cannot " + what + ": " + e.getMessage(), e);
        }
        return new IllegalStateException("cannot " + what + ": " + e.getMessage(), e);
    }
}
