package id.siaga.store;

import id.siaga.org.OperatorId;
import id.siaga.org.Position;
import id.siaga.org.PositionStore;
import id.siaga.org.StationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Operator positions in {@code operator_position}. */
public final class JdbcPositionStore implements PositionStore {

    private static final String COLUMNS = "id, station_id, name, username, enabled";

    private final JdbcTemplate jdbc;

    public JdbcPositionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Position> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM operator_position ORDER BY station_id, id", (rs, n) -> position(rs));
    }

    @Override
    public Optional<Position> find(OperatorId id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM operator_position WHERE id = ?", (rs, n) -> position(rs), id.value())
                .stream().findFirst();
    }

    @Override
    public boolean add(Position p, String by, Instant at) {
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        return jdbc.update("INSERT INTO operator_position (" + COLUMNS + ", created_at, created_by, changed_at, changed_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                p.id().value(), p.station().value(), p.name(), p.username().orElse(null), p.enabled(), when, by, when, by) == 1;
    }

    @Override
    public void update(Position p, String by, Instant at) {
        int updated = jdbc.update("UPDATE operator_position SET name = ?, username = ?, enabled = ?, changed_at = ?, changed_by = ? WHERE id = ?",
                p.name(), p.username().orElse(null), p.enabled(), OffsetDateTime.ofInstant(at, ZoneOffset.UTC), by, p.id().value());
        if (updated == 0) {
            throw new java.util.NoSuchElementException("no position " + p.id());
        }
    }

    @Override
    public boolean isEmpty() {
        return jdbc.queryForList("SELECT id FROM operator_position FETCH FIRST 1 ROWS ONLY", String.class).isEmpty();
    }

    private static Position position(ResultSet rs) throws SQLException {
        return new Position(new OperatorId(rs.getString("id")), StationId.of(rs.getString("station_id")), rs.getString("name"),
                Optional.ofNullable(rs.getString("username")), rs.getBoolean("enabled"));
    }
}
