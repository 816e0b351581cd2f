package id.siaga.store;

import id.siaga.incident.Channel;
import id.siaga.incident.Incident;
import id.siaga.incident.IncidentFilter;
import id.siaga.incident.IncidentId;
import id.siaga.incident.IncidentLocation;
import id.siaga.incident.IncidentNote;
import id.siaga.incident.IncidentStatus;
import id.siaga.incident.IncidentStore;
import id.siaga.incident.IncidentType;
import id.siaga.incident.StatusChange;
import id.siaga.org.StationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Incidents in {@code incident} and its three append-only side tables (status steps, notes, links). A change is
 * one transaction: the row is updated only over the version it was made to (which also locks it until commit),
 * then the steps, notes and links it does not hold yet are added.
 */
public final class JdbcIncidentStore implements IncidentStore {

    private static final String COLUMNS = "id, version, type, priority, status, latitude, longitude, uncertainty_meters, location_origin, "
            + "address, description, caller_number, caller_name, channel, external_reference, call_id, call_answered_at, station_id, "
            + "taking_station_id, created_at, created_by, merged_into";
    private static final List<String> OPEN = IncidentFilter.openStatuses().stream().map(Enum::name).sorted().toList();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcIncidentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
    }

    /** An incident's steps, notes and links, oldest first. */
    private record Children(List<StatusChange> history, List<IncidentNote> notes, List<IncidentId> links) {
    }

    /** An incident row read, waiting for its side tables. */
    private record Row(String id, Function<Children, Incident> complete) {
    }

    @Override
    public void add(Incident incident) {
        if (incident.version() != 1) {
            throw new IllegalArgumentException("incident " + incident.id() + " is not new (version " + incident.version() + ")");
        }
        Incident.Snapshot s = incident.snapshot();
        IncidentLocation where = s.location();
        tx.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO incident (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", s.id().value(),
                    s.version(), s.type().name(), s.priority(), incident.status().name(), where == null ? null : where.point().latitude(),
                    where == null ? null : where.point().longitude(), where == null ? null : where.uncertaintyMeters(),
                    where == null ? null : where.origin().name(), s.address(), s.description(), s.callerNumber(), s.callerName(),
                    s.channel().name(), s.channel().externalReference(), s.callId(), time(s.callAnsweredAt()), s.station().value(),
                    s.takingStation().value(), time(s.createdAt()), s.createdBy(), s.mergedInto() == null ? null : s.mergedInto().value());
            addChildren(incident);
        });
    }

    @Override
    public boolean update(List<Incident> changed) {
        Boolean stored = tx.execute(status -> {
            for (Incident i : changed) {
                int rows = jdbc.update("UPDATE incident SET version = ?, priority = ?, status = ?, merged_into = ? WHERE id = ? AND version = ?",
                        i.version(), i.priority(), i.status().name(), i.mergedInto().map(IncidentId::value).orElse(null), i.id().value(),
                        i.version() - 1);
                if (rows != 1) {
                    status.setRollbackOnly();
                    return false;
                }
                addChildren(i);
            }
            return true;
        });
        return Boolean.TRUE.equals(stored);
    }

    /** Adds the steps, notes and links the tables do not hold yet (they are only ever appended). */
    private void addChildren(Incident i) {
        String id = i.id().value();
        List<StatusChange> history = i.history();
        for (int seq = next("incident_status_change", id); seq < history.size(); seq++) {
            StatusChange c = history.get(seq);
            jdbc.update("INSERT INTO incident_status_change (incident_id, seq, status, at, actor, reason) VALUES (?,?,?,?,?,?)", id, seq,
                    c.status().name(), time(c.at()), c.actor(), c.reason());
        }
        List<IncidentNote> notes = i.notes();
        for (int seq = next("incident_note", id); seq < notes.size(); seq++) {
            IncidentNote n = notes.get(seq);
            jdbc.update("INSERT INTO incident_note (incident_id, seq, author, at, body) VALUES (?,?,?,?,?)", id, seq, n.author(), time(n.at()),
                    n.text());
        }
        List<IncidentId> links = i.links();
        for (int seq = next("incident_link", id); seq < links.size(); seq++) {
            jdbc.update("INSERT INTO incident_link (incident_id, seq, linked_id) VALUES (?,?,?)", id, seq, links.get(seq).value());
        }
    }

    private int next(String table, String id) {
        Integer max = jdbc.queryForObject("SELECT MAX(seq) FROM " + table + " WHERE incident_id = ?", Integer.class, id);
        return max == null ? 0 : max + 1;
    }

    @Override
    public Optional<Incident> find(IncidentId id) {
        return load("SELECT " + COLUMNS + " FROM incident WHERE id = ?", List.of(id.value())).stream().findFirst();
    }

    @Override
    public List<Incident> atStations(Collection<StationId> stations, IncidentFilter filter, int limit) {
        if (stations.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        stations.forEach(s -> args.add(s.value()));
        stations.forEach(s -> args.add(s.value()));
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM incident WHERE (station_id IN (" + marks(stations.size())
                + ") OR taking_station_id IN (" + marks(stations.size()) + "))");
        List<String> statuses = filter.statuses().stream().map(Enum::name).sorted().toList();
        sql.append(" AND status IN (").append(marks(statuses.size())).append(')');
        args.addAll(statuses);
        if (filter.priority() != null) {
            sql.append(" AND priority = ?");
            args.add(filter.priority());
        }
        if (filter.type() != null) {
            sql.append(" AND type = ?");
            args.add(filter.type().name());
        }
        if (filter.callId() != null) {
            sql.append(" AND call_id = ?");
            args.add(filter.callId());
        }
        if (filter.callerNumber() != null) {
            sql.append(" AND caller_number = ?");
            args.add(filter.callerNumber());
        }
        sql.append(" ORDER BY created_at DESC, id LIMIT ?");
        args.add(limit);
        return load(sql.toString(), args);
    }

    @Override
    public List<Incident> openNear(Set<IncidentType> types, Box box, Instant from, Instant to) {
        if (types.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(OPEN);
        List<String> typeNames = types.stream().map(Enum::name).sorted().toList();
        args.addAll(typeNames);
        args.addAll(List.of(time(from), time(to), box.south(), box.north(), box.west(), box.east()));
        return load("SELECT " + COLUMNS + " FROM incident WHERE status IN (" + marks(OPEN.size()) + ") AND type IN (" + marks(typeNames.size())
                + ") AND created_at BETWEEN ? AND ? AND latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ? ORDER BY created_at", args);
    }

    // ---- reading -----------------------------------------------------------------------------------------

    /** The incidents the query selects, in its order, each with its steps, notes and links (one query per side table). */
    private List<Incident> load(String sql, List<Object> args) {
        List<Row> rows = jdbc.query(sql, (rs, n) -> row(rs), args.toArray());
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(Row::id).toList();
        Map<String, List<StatusChange>> history = children("SELECT incident_id, status, at, actor, reason FROM incident_status_change", ids,
                rs -> new StatusChange(IncidentStatus.valueOf(rs.getString("status")), instant(rs, "at"), rs.getString("actor"),
                        rs.getString("reason")));
        Map<String, List<IncidentNote>> notes = children("SELECT incident_id, author, at, body FROM incident_note", ids,
                rs -> new IncidentNote(rs.getString("author"), instant(rs, "at"), rs.getString("body")));
        Map<String, List<IncidentId>> links = children("SELECT incident_id, linked_id FROM incident_link", ids,
                rs -> new IncidentId(rs.getString("linked_id")));
        return rows.stream().map(r -> r.complete().apply(new Children(history.getOrDefault(r.id(), List.of()),
                notes.getOrDefault(r.id(), List.of()), links.getOrDefault(r.id(), List.of())))).toList();
    }

    private interface ChildMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> Map<String, List<T>> children(String select, List<String> ids, ChildMapper<T> mapper) {
        Map<String, List<T>> byIncident = new HashMap<>();
        jdbc.query(select + " WHERE incident_id IN (" + marks(ids.size()) + ") ORDER BY incident_id, seq", rs -> {
            byIncident.computeIfAbsent(rs.getString("incident_id"), k -> new ArrayList<>()).add(mapper.map(rs));
        }, ids.toArray());
        return byIncident;
    }

    private static Row row(ResultSet rs) throws SQLException {
        IncidentLocation location = null;
        double lat = rs.getDouble("latitude");
        if (!rs.wasNull()) {
            double uncertainty = rs.getDouble("uncertainty_meters");
            Double meters = rs.wasNull() ? null : uncertainty;
            location = IncidentLocation.of(lat, rs.getDouble("longitude"), meters, IncidentLocation.Origin.valueOf(rs.getString("location_origin")));
        }
        String merged = rs.getString("merged_into");
        IncidentId mergedInto = merged == null ? null : new IncidentId(merged);
        IncidentId id = new IncidentId(rs.getString("id"));
        long version = rs.getLong("version");
        IncidentType type = IncidentType.valueOf(rs.getString("type"));
        int priority = rs.getInt("priority");
        IncidentLocation where = location;
        String address = rs.getString("address");
        String description = rs.getString("description");
        String callerNumber = rs.getString("caller_number");
        String callerName = rs.getString("caller_name");
        Channel channel = new Channel(rs.getString("channel"), rs.getString("external_reference"));
        String callId = rs.getString("call_id");
        Instant callAnsweredAt = instant(rs, "call_answered_at");
        StationId station = StationId.of(rs.getString("station_id"));
        StationId takingStation = StationId.of(rs.getString("taking_station_id"));
        Instant createdAt = instant(rs, "created_at");
        String createdBy = rs.getString("created_by");
        return new Row(id.value(), c -> Incident.restore(new Incident.Snapshot(id, version, type, priority, where, address, description,
                callerNumber, callerName, channel, callId, callAnsweredAt, station, takingStation, createdAt, createdBy, c.history(), c.notes(),
                c.links(), mergedInto)));
    }

    private static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    private static OffsetDateTime time(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
