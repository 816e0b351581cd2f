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
 * The journal table over plain JDBC: batched inserts in one transaction per group commit. A failure to
 * reach the database is reported as {@link JournalStoreUnavailableException} so the journal spools.
 */
public final class JdbcJournalStore implements JournalStore {

    private static final String COLUMNS = "seq, at, type, subject_kind, subject_id, actor, payload, prev_hash, hash";
    private static final int SCAN_PAGE = 5_000;

    private final DataSource dataSource;

    public JdbcJournalStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void append(List<JournalEntry> entries) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO journal_event (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?)")) {
                for (JournalEntry e : entries) {
                    ps.setLong(1, e.seq());
                    ps.setObject(2, OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC));
                    ps.setString(3, e.type());
                    ps.setString(4, e.subjectKind().name());
                    ps.setString(5, e.subjectId());
                    ps.setString(6, e.actor());
                    ps.setString(7, e.payload());
                    ps.setString(8, e.prevHash());
                    ps.setString(9, e.hash());
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
    public Optional<JournalEntry> last() {
        List<JournalEntry> rows = query("SELECT " + COLUMNS + " FROM journal_event ORDER BY seq DESC LIMIT 1");
        return rows.stream().findFirst();
    }

    @Override
    public List<JournalEntry> bySubject(SubjectKind kind, String subjectId, int limit) {
        return query("SELECT " + COLUMNS + " FROM journal_event WHERE subject_kind = ? AND subject_id = ? ORDER BY seq DESC LIMIT ?",
                kind.name(), subjectId, limit);
    }

    @Override
    public void scan(long fromSeq, Consumer<JournalEntry> sink) {
        long from = fromSeq;
        while (true) {
            List<JournalEntry> page = query("SELECT " + COLUMNS + " FROM journal_event WHERE seq >= ? ORDER BY seq LIMIT ?", from, SCAN_PAGE);
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
        long fromSeq = 0;
        while (true) {
            List<Object> args = new ArrayList<>(types);
            args.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            args.add(fromSeq);
            args.add(SCAN_PAGE);
            List<JournalEntry> page = query("SELECT " + COLUMNS + " FROM journal_event WHERE type IN (" + in + ") AND at >= ? AND seq >= ? "
                    + "ORDER BY seq LIMIT ?", args.toArray());
            page.forEach(sink);
            if (page.size() < SCAN_PAGE) {
                return;
            }
            fromSeq = page.get(page.size() - 1).seq() + 1;
        }
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
                    out.add(new JournalEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                            SubjectKind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getString(9)));
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
