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
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Unit states in {@code unit_state}, assignments in {@code unit_assignment}. {@link #update} writes in one transaction,
 * unit states first, then assignments (the same order on every node, so two nodes' changes queue rather than deadlock),
 * each row only over the version it was changed from; a row another node wrote first rolls everything back.
 */
public final class JdbcDispatchStore implements DispatchStore {

    private static final String ASSIGNMENT_COLUMNS = "id, unit_id, incident_id, state, assigned_by, assigned_at, acknowledged_at, acknowledged_by, "
            + "en_route_at, on_scene_at, ended_at, ended_by, end_reason, ack_overdue_at, on_scene_proposed_at, distance_meters, eta_seconds, node, version";
    private static final String STATE_COLUMNS = "unit_id, status, assignment_id, since, set_by, version";
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcDispatchStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
    }

    @Override
    public boolean update(List<UnitState> states, List<Assignment> assignments) {
        Boolean stored = tx.execute(status -> {
            for (UnitState s : states) {
                if (!store(s)) {
                    status.setRollbackOnly();
                    return false;
                }
            }
            for (Assignment a : assignments) {
                if (!store(a)) {
                    status.setRollbackOnly();
                    return false;
                }
            }
            return true;
        });
        return Boolean.TRUE.equals(stored);
    }

    private boolean store(UnitState s) {
        Object assignment = s.assignment() == null ? null : s.assignment().value();
        if (s.version() == 1) {
            // a unit changed for the first time: the insert of whoever comes second finds the row there
            return jdbc.update("INSERT INTO unit_state (unit_id, status, assignment_id, since, set_by, version) VALUES (?, ?, ?, ?, ?, 1) "
                    + "ON CONFLICT DO NOTHING", s.unitId(), s.status().name(), assignment, time(s.since()), s.by()) == 1;
        }
        return jdbc.update("UPDATE unit_state SET status = ?, assignment_id = ?, since = ?, set_by = ?, version = ? WHERE unit_id = ? AND version = ?",
                s.status().name(), assignment, time(s.since()), s.by(), s.version(), s.unitId(), s.version() - 1) == 1;
    }

    private boolean store(Assignment a) {
        Object[] values = {a.unitId(), a.incident().value(), a.state().name(), a.assignedBy(), time(a.assignedAt()), time(a.acknowledgedAt()),
                a.acknowledgedBy(), time(a.enRouteAt()), time(a.onSceneAt()), time(a.endedAt()), a.endedBy(), a.endReason(),
                time(a.acknowledgementOverdueAt()), time(a.onSceneProposedAt()), a.distanceAtAssignmentMeters(),
                a.etaAtAssignment() == null ? null : a.etaAtAssignment().toSeconds(), a.node(), a.version(), a.id().value()};
        if (a.version() == 1) {
            return jdbc.update("INSERT INTO unit_assignment (unit_id, incident_id, state, assigned_by, assigned_at, acknowledged_at, acknowledged_by, "
                    + "en_route_at, on_scene_at, ended_at, ended_by, end_reason, ack_overdue_at, on_scene_proposed_at, distance_meters, eta_seconds, "
                    + "node, version, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", values) == 1;
        }
        Object[] withVersion = java.util.Arrays.copyOf(values, values.length + 1);
        withVersion[values.length] = a.version() - 1;
        return jdbc.update("UPDATE unit_assignment SET unit_id = ?, incident_id = ?, state = ?, assigned_by = ?, assigned_at = ?, "
                + "acknowledged_at = ?, acknowledged_by = ?, en_route_at = ?, on_scene_at = ?, ended_at = ?, ended_by = ?, end_reason = ?, "
                + "ack_overdue_at = ?, on_scene_proposed_at = ?, distance_meters = ?, eta_seconds = ?, node = ?, version = ? WHERE id = ? AND version = ?",
                withVersion) == 1;
    }

    @Override
    public List<UnitState> unitStates() {
        return jdbc.query("SELECT " + STATE_COLUMNS + " FROM unit_state ORDER BY unit_id", (rs, n) -> state(rs));
    }

    @Override
    public Optional<UnitState> unitState(String unitId) {
        return jdbc.query("SELECT " + STATE_COLUMNS + " FROM unit_state WHERE unit_id = ?", (rs, n) -> state(rs), unitId).stream().findFirst();
    }

    @Override
    public List<Assignment> takeOverTimers(String lost, String by) {
        return tx.execute(status -> {
            List<Assignment> taken = jdbc.query("SELECT " + ASSIGNMENT_COLUMNS + " FROM unit_assignment WHERE node = ? AND state NOT IN "
                    + "('CLEARED', 'CANCELLED') ORDER BY assigned_at FOR UPDATE", (rs, n) -> map(rs), lost);
            for (Assignment a : taken) {
                jdbc.update("UPDATE unit_assignment SET node = ?, version = version + 1 WHERE id = ?", by, a.id().value());
            }
            return taken.stream().map(a -> find(a.id()).orElseThrow()).toList();
        });
    }

    private static UnitState state(ResultSet rs) throws SQLException {
        return new UnitState(rs.getString("unit_id"), UnitStatus.valueOf(rs.getString("status")),
                rs.getString("assignment_id") == null ? null : new AssignmentId(rs.getString("assignment_id")), instant(rs, "since"),
                rs.getString("set_by"), rs.getLong("version"));
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
                instant(rs, "on_scene_proposed_at"), distance, etaSeconds, rs.getString("node"), rs.getLong("version"));
    }

    private static OffsetDateTime time(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
