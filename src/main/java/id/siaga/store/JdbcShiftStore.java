package id.siaga.store;

import id.siaga.org.OperatorId;
import id.siaga.org.Shift;
import id.siaga.org.ShiftId;
import id.siaga.org.ShiftStore;
import id.siaga.org.StationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rosters in {@code roster_shift}. {@link #exclusively} runs its work in one transaction that first locks the single
 * row of {@code roster_lock} ({@code SELECT ... FOR UPDATE}): roster writes of every node apply one after the other, so
 * two supervisors planning one person at two stations at once cannot both pass the overlap check.
 */
public final class JdbcShiftStore implements ShiftStore {

    private static final String COLUMNS = "id, station_id, operator_id, username, starts_at, ends_at, created_by";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcShiftStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED); // reads after the lock see the previous writer's rows
    }

    @Override
    public List<Shift> atStation(StationId station, Instant from, Instant to) {
        return jdbc.query("SELECT " + COLUMNS + " FROM roster_shift WHERE station_id = ? AND starts_at < ? AND ends_at > ? ORDER BY starts_at, operator_id",
                (rs, n) -> shift(rs), station.value(), time(to), time(from));
    }

    @Override
    public List<Shift> ofPositionOrPerson(OperatorId position, String username, Instant from, Instant to) {
        return jdbc.query("SELECT " + COLUMNS + " FROM roster_shift WHERE (operator_id = ? OR username = ?) AND starts_at < ? AND ends_at > ?"
                        + " ORDER BY starts_at", (rs, n) -> shift(rs), position.value(), username, time(to), time(from));
    }

    @Override
    public Optional<Shift> find(ShiftId id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM roster_shift WHERE id = ?", (rs, n) -> shift(rs), id.value()).stream().findFirst();
    }

    @Override
    public void save(Shift s) {
        int updated = jdbc.update("UPDATE roster_shift SET station_id = ?, operator_id = ?, username = ?, starts_at = ?, ends_at = ? WHERE id = ?",
                s.station().value(), s.position().value(), s.username(), time(s.from()), time(s.to()), s.id().value());
        if (updated == 0) {
            jdbc.update("INSERT INTO roster_shift (" + COLUMNS + ", created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", s.id().value(),
                    s.station().value(), s.position().value(), s.username(), time(s.from()), time(s.to()), s.createdBy(),
                    time(Instant.now()));
        }
    }

    @Override
    public boolean remove(ShiftId id) {
        return jdbc.update("DELETE FROM roster_shift WHERE id = ?", id.value()) > 0;
    }

    @Override
    public <T> T exclusively(Supplier<T> work) {
        return tx.execute(status -> {
            jdbc.queryForList("SELECT name FROM roster_lock WHERE name = 'roster' FOR UPDATE", String.class);
            return work.get();
        });
    }

    private static Shift shift(ResultSet rs) throws SQLException {
        return new Shift(new ShiftId(rs.getString("id")), StationId.of(rs.getString("station_id")), new OperatorId(rs.getString("operator_id")),
                rs.getString("username"), rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                rs.getObject("ends_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"));
    }

    private static OffsetDateTime time(Instant t) {
        return OffsetDateTime.ofInstant(t.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
