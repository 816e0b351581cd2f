package id.siaga.store;

import id.siaga.org.StationId;
import id.siaga.telephony.CallId;
import id.siaga.telephony.CallRecord;
import id.siaga.telephony.CallRecordStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/** The call history in {@code call_record}. */
public final class JdbcCallRecordStore implements CallRecordStore {

    private static final String COLUMNS = "id, caller_number, dialled, station_id, offered_at, answered_at, ended_at, outcome, answered_by, "
            + "answered_at_station, answered_tier, ended_by, location_source, latitude, longitude";
    private final JdbcTemplate jdbc;

    public JdbcCallRecordStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(CallRecord r) {
        int updated = jdbc.update("UPDATE call_record SET caller_number = ?, dialled = ?, station_id = ?, offered_at = ?, answered_at = ?, "
                        + "ended_at = ?, outcome = ?, answered_by = ?, answered_at_station = ?, answered_tier = ?, ended_by = ?, "
                        + "location_source = ?, latitude = ?, longitude = ? WHERE id = ?",
                r.callerNumber(), r.dialled(), r.station(), time(r.offeredAt()), time(r.answeredAt()), time(r.endedAt()), r.outcome().name(),
                r.answeredBy(), r.answeredAtStation(), r.answeredTier(), r.endedBy(), r.locationSource(), r.latitude(), r.longitude(),
                r.id().value());
        if (updated == 0) {
            jdbc.update("INSERT INTO call_record (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.id().value(),
                    r.callerNumber(), r.dialled(), r.station(), time(r.offeredAt()), time(r.answeredAt()), time(r.endedAt()),
                    r.outcome().name(), r.answeredBy(), r.answeredAtStation(), r.answeredTier(), r.endedBy(), r.locationSource(),
                    r.latitude(), r.longitude());
        }
    }

    @Override
    public Set<CallId> kept(Collection<CallId> calls) {
        return present(jdbc, "call_record", "id", calls);
    }

    /** Which of {@code ids} the query finds, asked in chunks so no statement grows without bound. */
    static Set<CallId> present(JdbcTemplate jdbc, String table, String column, Collection<CallId> ids) {
        Set<CallId> found = new java.util.HashSet<>();
        List<CallId> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 500) {
            List<CallId> chunk = all.subList(from, Math.min(all.size(), from + 500));
            String in = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            jdbc.query("SELECT DISTINCT " + column + " FROM " + table + " WHERE " + column + " IN (" + in + ")",
                    (rs, n) -> found.add(new CallId(rs.getString(1))), chunk.stream().map(CallId::value).toArray());
        }
        return found;
    }

    @Override
    public Optional<CallRecord> find(CallId id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM call_record WHERE id = ?", (rs, n) -> map(rs), id.value()).stream().findFirst();
    }

    @Override
    public List<CallRecord> atStations(Collection<StationId> stations, Window window, int limit) {
        if (stations.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        stations.forEach(s -> args.add(s.value()));
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM call_record WHERE station_id IN (")
                .append(String.join(",", Collections.nCopies(stations.size(), "?"))).append(')');
        window.start().ifPresent(from -> {
            sql.append(" AND offered_at >= ?");
            args.add(time(from));
        });
        window.end().ifPresent(until -> {
            sql.append(" AND offered_at < ?");
            args.add(time(until));
        });
        sql.append(" ORDER BY offered_at DESC, id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, n) -> map(rs), args.toArray());
    }

    @Override
    public List<CallRecord> ofCaller(String callerNumber, Collection<StationId> stations, int limit) {
        if (stations.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        args.add(callerNumber);
        stations.forEach(s -> args.add(s.value()));
        args.add(limit);
        // the station index narrows the rows; a caller calls a handful of times, so the number filter is cheap
        return jdbc.query("SELECT " + COLUMNS + " FROM call_record WHERE caller_number = ? AND station_id IN ("
                + String.join(",", Collections.nCopies(stations.size(), "?")) + ") ORDER BY offered_at DESC, id DESC LIMIT ?",
                (rs, n) -> map(rs), args.toArray());
    }

    private static OffsetDateTime time(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static CallRecord map(ResultSet rs) throws SQLException {
        int tier = rs.getInt("answered_tier");
        Integer answeredTier = rs.wasNull() ? null : tier;
        return new CallRecord(new CallId(rs.getString("id")), rs.getString("caller_number"), rs.getString("dialled"),
                rs.getString("station_id"), instant(rs, "offered_at"), instant(rs, "answered_at"), instant(rs, "ended_at"),
                CallRecord.Outcome.valueOf(rs.getString("outcome")), rs.getString("answered_by"), rs.getString("answered_at_station"),
                answeredTier, rs.getString("ended_by"), rs.getString("location_source"), nullableDouble(rs, "latitude"),
                nullableDouble(rs, "longitude"));
    }
}
