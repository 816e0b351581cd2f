package id.siaga.store;

import id.siaga.telephony.registrar.Binding;
import id.siaga.telephony.registrar.BindingStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registrar's bindings in {@code sip_binding}, one list per address-of-record, shared by every node on the same
 * database (PostgreSQL, or H2 for one node). A change is one transaction that first locks the position's row in
 * {@code sip_aor} ({@code SELECT ... FOR UPDATE}, the row inserted on the position's first REGISTER), then reads its
 * bindings, runs the registrar's rule and replaces them: REGISTERs and expiry sweeps for one position, from any node,
 * are applied one after the other, and a sweep that waited finds the bindings its rival already removed, so a lapse
 * is reported once. Reads take no lock. Instants are kept to the microsecond ({@code TIMESTAMP(6) WITH TIME ZONE}),
 * cut, not rounded. Every failure of the database is reported as {@link BindingStore.Unavailable}, with nothing
 * changed.
 */
public final class JdbcBindingStore implements BindingStore {

    private static final String COLUMNS = "contact_uri, expires_at, call_id, cseq";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcBindingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED); // each statement sees what the lock waited for
    }

    @Override
    public <T> T change(String aor, Change<T> change) {
        return answered("change the bindings of " + aor, () -> tx.execute(status -> {
            lock(aor);
            List<Binding> stored = read(aor);
            Update<T> update = change.apply(stored);
            update.replacement().filter(next -> !next.equals(stored)).ifPresent(next -> replace(aor, next));
            return update.result();
        }));
    }

    @Override
    public List<Binding> bindingsOf(String aor) {
        return answered("read the bindings of " + aor, () -> read(aor));
    }

    @Override
    public List<String> withLapsedBindings(Instant now) {
        return answered("find lapsed bindings", () -> jdbc.queryForList(
                "SELECT DISTINCT aor FROM sip_binding WHERE expires_at <= ? ORDER BY aor", String.class, time(now)));
    }

    @Override
    public java.util.Optional<Instant> lastBoundUntil(String aor) {
        return answered("read when " + aor + " was last bound", () -> jdbc.query("SELECT bound_until FROM sip_aor WHERE aor = ?",
                (rs, n) -> java.util.Optional.ofNullable(rs.getObject("bound_until", OffsetDateTime.class)).map(OffsetDateTime::toInstant), aor)
                .stream().flatMap(java.util.Optional::stream).findFirst());
    }

    /** Locks the position's row, inserting it on its first REGISTER (a rival's insert waits for this one, or this for it). */
    private void lock(String aor) {
        if (locked(aor)) {
            return;
        }
        jdbc.update("INSERT INTO sip_aor (aor) VALUES (?) ON CONFLICT DO NOTHING", aor);
        if (!locked(aor)) {
            throw new IllegalStateException("the row of " + aor + " in sip_aor vanished");
        }
    }

    private boolean locked(String aor) {
        return !jdbc.queryForList("SELECT aor FROM sip_aor WHERE aor = ? FOR UPDATE", String.class, aor).isEmpty();
    }

    private List<Binding> read(String aor) {
        return jdbc.query("SELECT " + COLUMNS + " FROM sip_binding WHERE aor = ? ORDER BY seq", (rs, n) -> binding(aor, rs), aor);
    }

    private void replace(String aor, List<Binding> next) {
        jdbc.update("DELETE FROM sip_binding WHERE aor = ?", aor);
        if (next.isEmpty()) {
            // withdrawn or lapsed: bound until now at the latest (a lapsed binding's own expiry is earlier)
            jdbc.update("UPDATE sip_aor SET bound_until = LEAST(COALESCE(bound_until, CURRENT_TIMESTAMP), CURRENT_TIMESTAMP) WHERE aor = ?", aor);
            return;
        }
        jdbc.update("UPDATE sip_aor SET bound_until = ? WHERE aor = ?",
                time(next.stream().map(Binding::expiresAt).max(java.util.Comparator.naturalOrder()).orElseThrow()), aor);
        jdbc.batchUpdate("INSERT INTO sip_binding (aor, seq, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int seq) throws SQLException {
                Binding b = next.get(seq);
                ps.setString(1, aor);
                ps.setInt(2, seq);
                ps.setString(3, b.contactUri());
                ps.setObject(4, time(b.expiresAt()));
                ps.setString(5, b.callId());
                ps.setLong(6, b.cseq());
            }

            @Override
            public int getBatchSize() {
                return next.size();
            }
        });
    }

    private static Binding binding(String aor, ResultSet rs) throws SQLException {
        return new Binding(aor, rs.getString("contact_uri"), rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                rs.getString("call_id"), rs.getLong("cseq"));
    }

    private static OffsetDateTime time(Instant t) {
        return OffsetDateTime.ofInstant(t.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    /** Runs one access, reporting any failure of the database as the store being unavailable. */
    private static <T> T answered(String what, Supplier<T> access) {
        try {
            return access.get();
        } catch (DataAccessException | TransactionException e) {
            throw new BindingStore.Unavailable("cannot " + what + ": " + e.getMessage(), e);
        }
    }
}
