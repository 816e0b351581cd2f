package id.siaga.store;

import id.siaga.org.StationId;
import id.siaga.org.StationNameStore;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Station names set by administrators, in {@code station_name}; a change of several is one transaction. */
public final class JdbcStationNameStore implements StationNameStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcStationNameStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
    }

    @Override
    public Map<StationId, String> all() {
        Map<StationId, String> out = new LinkedHashMap<>();
        jdbc.query("SELECT station_id, name FROM station_name ORDER BY station_id", rs -> {
            out.put(StationId.of(rs.getString(1)), rs.getString(2));
        });
        return out;
    }

    @Override
    public void change(Map<StationId, String> names, Set<StationId> forgotten, String changedBy, Instant at) {
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        tx.executeWithoutResult(status -> {
            for (var e : names.entrySet()) {
                int updated = jdbc.update("UPDATE station_name SET name = ?, changed_by = ?, changed_at = ? WHERE station_id = ?",
                        e.getValue(), changedBy, when, e.getKey().value());
                if (updated == 0) {
                    jdbc.update("INSERT INTO station_name (station_id, name, changed_by, changed_at) VALUES (?, ?, ?, ?)",
                            e.getKey().value(), e.getValue(), changedBy, when);
                }
            }
            for (StationId id : forgotten) {
                jdbc.update("DELETE FROM station_name WHERE station_id = ?", id.value());
            }
        });
    }
}
