package id.siaga.store;

import id.siaga.org.RolloutStatus;
import id.siaga.org.StationId;
import id.siaga.org.StationStatusStore;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rollout statuses changed at run time, in {@code station_status}. */
public final class JdbcStationStatusStore implements StationStatusStore {

    private final JdbcTemplate jdbc;

    public JdbcStationStatusStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<StationId, RolloutStatus> all() {
        Map<StationId, RolloutStatus> out = new LinkedHashMap<>();
        jdbc.query("SELECT station_id, status FROM station_status ORDER BY station_id",
                rs -> {
                    out.put(StationId.of(rs.getString(1)), RolloutStatus.valueOf(rs.getString(2)));
                });
        return out;
    }

    @Override
    public Map<StationId, Instant> changedAt() {
        Map<StationId, Instant> out = new LinkedHashMap<>();
        jdbc.query("SELECT station_id, changed_at FROM station_status ORDER BY station_id", rs -> {
            out.put(StationId.of(rs.getString(1)), rs.getObject(2, OffsetDateTime.class).toInstant());
        });
        return out;
    }

    @Override
    public void save(StationId station, RolloutStatus status, String changedBy, Instant at) {
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        int updated = jdbc.update("UPDATE station_status SET status = ?, changed_by = ?, changed_at = ? WHERE station_id = ?",
                status.name(), changedBy, when, station.value());
        if (updated == 0) {
            jdbc.update("INSERT INTO station_status (station_id, status, changed_by, changed_at) VALUES (?, ?, ?, ?)",
                    station.value(), status.name(), changedBy, when);
        }
    }
}
