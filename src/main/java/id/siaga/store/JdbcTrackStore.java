package id.siaga.store;

import id.siaga.tracking.Position;
import id.siaga.tracking.PositionSource;
import id.siaga.tracking.TrackStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Track history in {@code unit_position}. Batches go in as one JDBC batch in one transaction (with the
 * PostgreSQL driver's {@code reWriteBatchedInserts} they travel as multi-row INSERTs). One row per fix: a fix already
 * stored (the same unit, device and fix time, the key {@code unit_position_fix} of {@code V11_3}) is left as it is, so
 * a spool replayed twice or a fix its sender resent is not doubled. A batch the database refuses for its values
 * (SQLSTATE classes 22 and 23) throws {@link IllegalArgumentException}: retrying it cannot help; any other failure
 * (the database away) throws {@link IllegalStateException}. On PostgreSQL the table
 * is partitioned by UTC day ({@code unit_position_pYYYYMMDD}, see {@code db/vendor/postgresql/V4}): this class
 * creates days ahead, moving any rows that already waited in the DEFAULT partition into the new day, and retention
 * drops whole days; on H2 retention deletes rows.
 */
public final class JdbcTrackStore implements TrackStore {

    private static final Logger log = LoggerFactory.getLogger(JdbcTrackStore.class);
    static final String PARTITION_PREFIX = "unit_position_p";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
    private static final String COLUMNS = "unit_id, device_id, fix_time, received_at, lat, lon, speed, bearing, altitude, accuracy, battery, source";

    private final DataSource dataSource;
    private final boolean postgres;
    private final boolean copy;

    /** Batched INSERTs on both databases. */
    public JdbcTrackStore(DataSource dataSource) {
        this(dataSource, false);
    }

    /** With {@code copy}, PostgreSQL takes each batch through {@code COPY ... FROM STDIN} instead (H2 ignores it). */
    public JdbcTrackStore(DataSource dataSource, boolean copy) {
        this.dataSource = dataSource;
        try (Connection c = dataSource.getConnection()) {
            this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("track history: cannot reach the database: " + e.getMessage(), e);
        }
        this.copy = copy && postgres;
    }

    /** True on PostgreSQL (partitioned table), false on H2. */
    public boolean partitioned() {
        return postgres;
    }

    @Override
    public void append(List<Position> positions) {
        if (positions.isEmpty()) {
            return;
        }
        if (copy) {
            copy(positions);
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO unit_position (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?) "
                    + "ON CONFLICT DO NOTHING")) {
                for (Position p : positions) {
                    ps.setString(1, p.unitId());
                    ps.setString(2, p.deviceId());
                    ps.setObject(3, OffsetDateTime.ofInstant(p.fixTime(), ZoneOffset.UTC));
                    ps.setObject(4, OffsetDateTime.ofInstant(p.receivedAt(), ZoneOffset.UTC));
                    ps.setDouble(5, p.latitude());
                    ps.setDouble(6, p.longitude());
                    nullable(ps, 7, p.speedMetersPerSecond());
                    nullable(ps, 8, p.bearingDegrees());
                    nullable(ps, 9, p.altitudeMeters());
                    nullable(ps, 10, p.accuracyMeters());
                    nullable(ps, 11, p.batteryPercent());
                    ps.setString(12, p.source().name());
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw refusal("append " + positions.size() + " fixes", e);
        }
    }

    /** The exception for a failed write: {@link IllegalArgumentException} when the values were refused, else {@link IllegalStateException}. */
    static RuntimeException refusal(String what, SQLException e) {
        String message = "track history: " + what + ": " + e.getMessage();
        return refusedValues(e) ? new IllegalArgumentException(message, e) : new IllegalStateException(message, e);
    }

    /** SQLSTATE class 22 (data exception) or 23 (integrity constraint violation), also in a batch's chained exceptions. */
    private static boolean refusedValues(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (valueState(s.getSQLState()) || s.getCause() instanceof SQLException c && valueState(c.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean valueState(String state) {
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    /**
     * One {@code COPY} in PostgreSQL's text format (tab-separated, {@code \N} for null) into a temporary table of the
     * connection's own, then one {@code INSERT ... ON CONFLICT DO NOTHING} from it, in one transaction.
     */
    private void copy(List<Position> positions) {
        StringBuilder rows = new StringBuilder(positions.size() * 140);
        for (Position p : positions) {
            text(rows, p.unitId()).append('\t');
            text(rows, p.deviceId()).append('\t');
            rows.append(p.fixTime()).append('\t').append(p.receivedAt()).append('\t').append(p.latitude()).append('\t').append(p.longitude());
            for (Double v : new Double[] {p.speedMetersPerSecond(), p.bearingDegrees(), p.altitudeMeters(), p.accuracyMeters(), p.batteryPercent()}) {
                rows.append('\t');
                if (v == null) {
                    rows.append("\\N");
                } else {
                    rows.append(v.doubleValue());
                }
            }
            rows.append('\t').append(p.source().name()).append('\n');
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMPORARY TABLE IF NOT EXISTS unit_position_in (LIKE unit_position) ON COMMIT DELETE ROWS");
                c.unwrap(org.postgresql.PGConnection.class).getCopyAPI()
                        .copyIn("COPY unit_position_in (" + COLUMNS + ") FROM STDIN", new java.io.StringReader(rows.toString()));
                s.executeUpdate("INSERT INTO unit_position (" + COLUMNS + ") SELECT " + COLUMNS + " FROM unit_position_in ON CONFLICT DO NOTHING");
                c.commit();
            } catch (SQLException | java.io.IOException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw refusal("copy " + positions.size() + " fixes", e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("track history: copy " + positions.size() + " fixes: " + e.getMessage(), e);
        }
    }

    private static StringBuilder text(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
        return out;
    }

    @Override
    public List<Position> track(String unitId, Instant from, Instant to, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM unit_position WHERE unit_id = ? AND fix_time >= ? AND fix_time < ? "
                + "ORDER BY fix_time, received_at LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, unitId);
            ps.setObject(2, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            ps.setObject(3, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            ps.setInt(4, limit);
            return positions(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("track history: read " + unitId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<Position> latestSince(Instant since) {
        String sql = "SELECT DISTINCT ON (unit_id) " + COLUMNS + " FROM unit_position WHERE fix_time >= ? "
                + "ORDER BY unit_id, fix_time DESC, received_at DESC";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
            return positions(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("track history: latest positions: " + e.getMessage(), e);
        }
    }

    @Override
    public void prepareDays(LocalDate from, int days) {
        if (!postgres) {
            return;
        }
        for (int i = 0; i <= days; i++) {
            LocalDate day = from.plusDays(i);
            try {
                createDay(day);
            } catch (SQLException e) {
                if (!exists(partitionName(day))) {
                    throw new IllegalStateException("track history: cannot create the partition of " + day + ": " + e.getMessage(), e);
                }
                // another node created it meanwhile
            }
        }
    }

    static String partitionName(LocalDate day) {
        return PARTITION_PREFIX + DAY.format(day);
    }

    /** Creates one day's partition in one transaction, taking over what the DEFAULT partition held of that day. */
    private void createDay(LocalDate day) throws SQLException {
        String name = partitionName(day);
        if (exists(name)) {
            return;
        }
        String lower = bound(day);
        String upper = bound(day.plusDays(1));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + name + " (LIKE unit_position INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
                String range = " WHERE fix_time >= '" + lower + "' AND fix_time < '" + upper + "'";
                int moved = s.executeUpdate("INSERT INTO " + name + " SELECT * FROM unit_position_default" + range);
                s.executeUpdate("DELETE FROM unit_position_default" + range);
                s.execute("ALTER TABLE unit_position ATTACH PARTITION " + name + " FOR VALUES FROM ('" + lower + "') TO ('" + upper + "')");
                c.commit();
                log.info("track history: partition {} created{}", name, moved > 0 ? ", " + moved + " fixes moved in from DEFAULT" : "");
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static String bound(LocalDate day) {
        return day + " 00:00:00+00";
    }

    private boolean exists(String table) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("track history: " + e.getMessage(), e);
        }
    }

    /** The day partitions that exist now, oldest first (PostgreSQL; empty on H2). */
    public List<LocalDate> partitionDays() {
        List<LocalDate> days = new ArrayList<>();
        if (!postgres) {
            return days;
        }
        String sql = "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent "
                + "WHERE p.relname = 'unit_position' AND p.relnamespace = to_regnamespace(current_schema()) ORDER BY c.relname";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (name.startsWith(PARTITION_PREFIX) && name.length() == PARTITION_PREFIX.length() + 8) {
                    days.add(LocalDate.parse(name.substring(PARTITION_PREFIX.length()), DAY));
                }
            }
            return days;
        } catch (SQLException e) {
            throw new IllegalStateException("track history: list partitions: " + e.getMessage(), e);
        }
    }

    @Override
    public long purgeBefore(Instant cutoff) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            long removed = 0;
            if (postgres) {
                LocalDate firstKept = cutoff.atOffset(ZoneOffset.UTC).toLocalDate();
                for (LocalDate day : partitionDays()) {
                    if (day.isBefore(firstKept)) {
                        String name = partitionName(day);
                        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + name)) {
                            removed += rs.next() ? rs.getLong(1) : 0;
                        }
                        s.execute("DROP TABLE " + name);
                        log.info("track history: partition {} dropped (retention)", name);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + (postgres ? "unit_position_default" : "unit_position")
                    + " WHERE fix_time < ?")) {
                ps.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
                removed += ps.executeUpdate();
            }
            return removed;
        } catch (SQLException e) {
            throw new IllegalStateException("track history: retention: " + e.getMessage(), e);
        }
    }

    private static void nullable(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static List<Position> positions(PreparedStatement ps) throws SQLException {
        List<Position> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(map(rs));
            }
        }
        return out;
    }

    private static Position map(ResultSet rs) throws SQLException {
        return new Position(rs.getString("unit_id"), rs.getString("device_id"), rs.getObject("fix_time", OffsetDateTime.class).toInstant(),
                rs.getDouble("lat"), rs.getDouble("lon"), nullableDouble(rs, "speed"), nullableDouble(rs, "bearing"),
                nullableDouble(rs, "altitude"), nullableDouble(rs, "accuracy"), nullableDouble(rs, "battery"),
                PositionSource.valueOf(rs.getString("source")), rs.getObject("received_at", OffsetDateTime.class).toInstant());
    }
}
