package id.siaga.store;

import id.siaga.dispatch.Assignment;
import id.siaga.dispatch.AssignmentId;
import id.siaga.dispatch.DispatchStore;
import id.siaga.dispatch.UnitState;
import id.siaga.dispatch.UnitStatus;
import id.siaga.incident.IncidentId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Unit states in {@code unit_state}, assignments in {@code unit_assignment}. */
public final class JdbcDispatchStore implements DispatchStore {

    private static final String ASSIGNMENT_COLUMNS = "id, unit_id, incident_id, state, assigned_by, assigned_at, acknowledged_at, acknowledged_by, "
            + "en_route_at, on_scene_at, ended_at, ended_by, end_reason, ack_overdue_at, on_scene_proposed_at, distance_meters, eta_seconds";
    private final JdbcTemplate jdbc;

    public JdbcDispatchStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(UnitState s) {
        Object[] values = {s.status().name(), s.assignment() == null ? null : s.assignment().value(), time(s.since()), s.by(), s.unitId()};
        if (jdbc.update("UPDATE unit_state SET status = ?, assignment_id = ?, since = ?, set_by = ? WHERE unit_id = ?", values) == 0) {
            jdbc.update("INSERT INTO unit_state (status, assignment_id, since, set_by, unit_id) VALUES (?, ?, ?, ?, ?)", values);
        }
    }

    @Override
    public List<UnitState> unitStates() {
        return jdbc.query("SELECT unit_id, status, assignment_id, since, set_by FROM unit_state ORDER BY unit_id", (rs, n) -> new UnitState(
                rs.getString("unit_id"), UnitStatus.valueOf(rs.getString("status")),
                rs.getString("assignment_id") == null ? null : new AssignmentId(rs.getString("assignment_id")), instant(rs, "since"),
                rs.getString("set_by")));
    }

    @Override
    public void save(Assignment a) {
        Object[] values = {a.unitId(), a.incident().value(), a.state().name(), a.assignedBy(), time(a.assignedAt()), time(a.acknowledgedAt()),
                a.acknowledgedBy(), time(a.enRouteAt()), time(a.onSceneAt()), time(a.endedAt()), a.endedBy(), a.endReason(),
                time(a.acknowledgementOverdueAt()), time(a.onSceneProposedAt()), a.distanceAtAssignmentMeters(),
                a.etaAtAssignment() == null ? null : a.etaAtAssignment().toSeconds(), a.id().value()};
        int updated = jdbc.update("UPDATE unit_assignment SET unit_id = ?, incident_id = ?, state = ?, assigned_by = ?, assigned_at = ?, "
                + "acknowledged_at = ?, acknowledged_by = ?, en_route_at = ?, on_scene_at = ?, ended_at = ?, ended_by = ?, end_reason = ?, "
                + "ack_overdue_at = ?, on_scene_proposed_at = ?, distance_meters = ?, eta_seconds = ? WHERE id = ?", values);
        if (updated == 0) {
            jdbc.update("INSERT INTO unit_assignment (unit_id, incident_id, state, assigned_by, assigned_at, acknowledged_at, acknowledged_by, "
                    + "en_route_at, on_scene_at, ended_at, ended_by, end_reason, ack_overdue_at, on_scene_proposed_at, distance_meters, eta_seconds, id) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
        }
    }

    @Override
    public Optional<Assignment> find(AssignmentId id) {
        return jdbc.query("SELECT " + ASSIGNMENT_COLUMNS + " FROM unit_assignment WHERE id = ?", (rs, n) -> map(rs), id.value()).stream().findFirst();
    }

    @Override
    public List<Assignment> active() {
        return jdbc.query("SELECT " + ASSIGNMENT_COLUMNS + " FROM unit_assignment WHERE state NOT IN ('CLEARED', 'CANCELLED') ORDER BY assigned_at",
                (rs, n) -> map(rs));
    }

    @Override
    public List<Assignment> ofIncident(IncidentId incident) {
        return jdbc.query("SELECT " + ASSIGNMENT_COLUMNS + " FROM unit_assignment WHERE incident_id = ? ORDER BY assigned_at, id", (rs, n) -> map(rs),
                incident.value());
    }

    private static Assignment map(ResultSet rs) throws SQLException {
        double d = rs.getDouble("distance_meters");
        Double distance = rs.wasNull() ? null : d;
        long eta = rs.getLong("eta_seconds");
        Duration etaSeconds = rs.wasNull() ? null : Duration.ofSeconds(eta);
        return new Assignment(new AssignmentId(rs.getString("id")), rs.getString("unit_id"), new IncidentId(rs.getString("incident_id")),
                Assignment.State.valueOf(rs.getString("state")), rs.getString("assigned_by"), instant(rs, "assigned_at"),
                instant(rs, "acknowledged_at"), rs.getString("acknowledged_by"), instant(rs, "en_route_at"), instant(rs, "on_scene_at"),
                instant(rs, "ended_at"), rs.getString("ended_by"), rs.getString("end_reason"), instant(rs, "ack_overdue_at"),
                instant(rs, "on_scene_proposed_at"), distance, etaSeconds);
    }

    private static OffsetDateTime time(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
