package id.siaga.store;

import id.siaga.org.OperatorId;
import id.siaga.org.Presence;
import id.siaga.org.PresenceChanged;
import id.siaga.org.PresenceHistory;
import id.siaga.org.StationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The presence changes of the operator positions in {@code presence_history}, shared by every node. */
public final class JdbcPresenceHistory implements PresenceHistory {

    private static final String COLUMNS = "operator_id, station_id, from_state, to_state, changed_at";

    /**
     * How far before a period a position's state at its start is looked for: longer than any position stays in one state
     * (shifts last at most 16 h); one with no change in it was OFFLINE.
     */
    static final Duration LOOK_BACK = Duration.ofDays(7);

    private final JdbcTemplate jdbc;

    public JdbcPresenceHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(PresenceChanged c) {
        jdbc.update("INSERT INTO presence_history (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)", c.operator().value(), c.station().value(),
                c.from().name(), c.to().name(), time(c.at()));
    }

    @Override
    public List<PresenceChanged> around(StationId station, Instant from, Instant to) {
        List<PresenceChanged> out = new ArrayList<>(jdbc.query("SELECT " + COLUMNS + " FROM presence_history h WHERE station_id = ? AND changed_at >= ?"
                + " AND changed_at < ? AND id = (SELECT MAX(id) FROM presence_history l WHERE l.operator_id = h.operator_id"
                + " AND l.station_id = h.station_id AND l.changed_at >= ? AND l.changed_at < ?) ORDER BY changed_at", (rs, n) -> change(rs),
                station.value(), time(from.minus(LOOK_BACK)), time(from), time(from.minus(LOOK_BACK)), time(from)));
        out.addAll(jdbc.query("SELECT " + COLUMNS + " FROM presence_history WHERE station_id = ? AND changed_at >= ? AND changed_at < ?"
                + " ORDER BY changed_at, id", (rs, n) -> change(rs), station.value(), time(from), time(to)));
        return out;
    }

    private static PresenceChanged change(ResultSet rs) throws SQLException {
        return new PresenceChanged(new OperatorId(rs.getString("operator_id")), StationId.of(rs.getString("station_id")),
                Presence.valueOf(rs.getString("from_state")), Presence.valueOf(rs.getString("to_state")),
                rs.getObject("changed_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime time(Instant t) {
        return OffsetDateTime.ofInstant(t.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
