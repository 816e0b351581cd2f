package id.siaga.store;

import id.siaga.org.StationId;
import id.siaga.telephony.CallId;
import id.siaga.telephony.CallbackTask;
import id.siaga.telephony.CallbackTaskStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/** Call-back tasks in {@code callback_task}. */
public final class JdbcCallbackTaskStore implements CallbackTaskStore {

    private static final String COLUMNS = "id, call_id, caller_number, station_id, latitude, longitude, created_at, status, claimed_by, "
            + "claimed_at, closed_by, closed_at, outcome";
    private final JdbcTemplate jdbc;

    public JdbcCallbackTaskStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(CallbackTask t) {
        int updated = jdbc.update("UPDATE callback_task SET status = ?, claimed_by = ?, claimed_at = ?, closed_by = ?, closed_at = ?, outcome = ? WHERE id = ?",
                t.status().name(), t.claimedBy(), time(t.claimedAt()), t.closedBy(), time(t.closedAt()), t.outcome(), t.id());
        if (updated == 0) {
            jdbc.update("INSERT INTO callback_task (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", t.id(), t.call().value(),
                    t.callerNumber(), t.station().value(), t.latitude(), t.longitude(), time(t.createdAt()), t.status().name(), t.claimedBy(),
                    time(t.claimedAt()), t.closedBy(), time(t.closedAt()), t.outcome());
        }
    }

    @Override
    public boolean replaceIf(CallbackTask.Status expected, CallbackTask t) {
        return jdbc.update("UPDATE callback_task SET status = ?, claimed_by = ?, claimed_at = ?, closed_by = ?, closed_at = ?, outcome = ? "
                        + "WHERE id = ? AND status = ?", t.status().name(), t.claimedBy(), time(t.claimedAt()), t.closedBy(), time(t.closedAt()),
                t.outcome(), t.id(), expected.name()) == 1;
    }

    @Override
    public Optional<CallbackTask> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM callback_task WHERE id = ?", (rs, n) -> map(rs), id).stream().findFirst();
    }

    @Override
    public Set<CallId> callsWithTasks(Collection<CallId> calls) {
        return JdbcCallRecordStore.present(jdbc, "callback_task", "call_id", calls);
    }

    @Override
    public List<CallbackTask> atStations(Collection<StationId> stations, boolean includeClosed, int limit) {
        if (stations.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        stations.forEach(s -> args.add(s.value()));
        String in = String.join(",", java.util.Collections.nCopies(stations.size(), "?"));
        String closed = includeClosed ? "" : " AND status <> 'CLOSED'";
        args.add(limit);
        return jdbc.query("SELECT " + COLUMNS + " FROM callback_task WHERE station_id IN (" + in + ")" + closed + " ORDER BY created_at DESC LIMIT ?",
                (rs, n) -> map(rs), args.toArray());
    }

    private static OffsetDateTime time(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static CallbackTask map(ResultSet rs) throws SQLException {
        double lat = rs.getDouble("latitude");
        Double latitude = rs.wasNull() ? null : lat;
        double lon = rs.getDouble("longitude");
        Double longitude = rs.wasNull() ? null : lon;
        return new CallbackTask(rs.getString("id"), new CallId(rs.getString("call_id")), rs.getString("caller_number"),
                StationId.of(rs.getString("station_id")), latitude, longitude, instant(rs, "created_at"),
                CallbackTask.Status.valueOf(rs.getString("status")), rs.getString("claimed_by"), instant(rs, "claimed_at"),
                rs.getString("closed_by"), instant(rs, "closed_at"), rs.getString("outcome"));
    }
}
