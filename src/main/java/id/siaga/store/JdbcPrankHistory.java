package id.siaga.store;

import id.siaga.screening.Classification;
import id.siaga.screening.PrankHistory;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The prank figures counted in the database: {@code call_record} joined with {@code call_classification}, grouped by a
 * bucket (a {@code CASE} over the bounds the caller gives, so a local hour or day is decided in Java, time zones
 * included, and the same SQL runs on PostgreSQL and H2), by classification and optionally by station. Only the
 * counts leave the database.
 */
public final class JdbcPrankHistory implements PrankHistory {

    /** Station ids per statement, at most (a national scope is asked without a list). */
    static final int STATIONS_PER_QUERY = 2_000;

    /** A position measured by the caller's phone or network: not a number's area code, not the configured default. */
    static final String LOCATED = " AND r.location_source IN ('PIDF_LO', 'AML', 'CELL_ID')";

    private final JdbcTemplate jdbc;

    public JdbcPrankHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Tally> tally(Collection<String> stations, List<Instant> bounds, boolean perStation) {
        if (bounds.size() < 2) {
            throw new IllegalArgumentException("at least two bounds make a bucket, got " + bounds.size());
        }
        if (stations != null && stations.isEmpty()) {
            return List.of();
        }
        List<Tally> out = new ArrayList<>();
        for (List<String> chunk : chunks(stations)) {
            List<Object> args = new ArrayList<>();
            StringBuilder bucket = new StringBuilder("CASE");
            for (int i = 1; i < bounds.size(); i++) {
                bucket.append(" WHEN r.offered_at < ? THEN ").append(i - 1);
                args.add(time(bounds.get(i)));
            }
            bucket.append(" END");
            args.add(time(bounds.get(0))); // a call is classified after it was offered: the classifications' index narrows the join
            args.add(time(bounds.get(0)));
            args.add(time(bounds.get(bounds.size() - 1)));
            String group = perStation ? "bucket, station_id, classification" : "bucket, classification";
            StringBuilder sql = new StringBuilder("SELECT ").append(perStation ? "bucket, station_id, " : "bucket, NULL AS station_id, ")
                    .append("classification, COUNT(*), SUM(answered), SUM(hung_up), SUM(talk) FROM (SELECT ").append(bucket)
                    .append(" AS bucket, r.station_id, c.classification, CASE WHEN r.answered_at IS NULL THEN 0 ELSE 1 END AS answered,")
                    .append(" CASE WHEN r.outcome = 'CUT_OFF' THEN 1 ELSE 0 END AS hung_up,")
                    .append(" CASE WHEN r.answered_at IS NULL OR r.ended_at < r.answered_at THEN 0")
                    .append(" ELSE EXTRACT(EPOCH FROM r.ended_at) - EXTRACT(EPOCH FROM r.answered_at) END AS talk")
                    .append(" FROM call_record r LEFT JOIN call_classification c ON c.call_id = r.id AND c.classified_at >= ?")
                    .append(" WHERE r.offered_at >= ? AND r.offered_at < ?");
            inStations(sql, args, "r.station_id", chunk);
            sql.append(") t GROUP BY ").append(group);
            jdbc.query(sql.toString(), rs -> {
                String cls = rs.getString(3);
                out.add(new Tally(rs.getInt(1), rs.getString(2), cls == null ? null : Classification.valueOf(cls), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getDouble(7)));
            }, args.toArray());
        }
        return merged(out);
    }

    @Override
    public List<NumberAtStation> repeatPranksters(Collection<String> stations, Instant from, Instant until, int atLeast, int limit) {
        if (stations != null && stations.isEmpty()) {
            return List.of();
        }
        // the numbers first (within the scope), then all their prank calls of the window wherever they went
        List<Object> args = new ArrayList<>(List.of(time(from), time(from), time(until)));
        StringBuilder sql = new StringBuilder("SELECT c.caller_number, COUNT(*) AS pranks FROM call_classification c")
                .append(" JOIN call_record r ON r.id = c.call_id WHERE c.classification = 'PRANK' AND c.classified_at >= ?")
                .append(" AND r.offered_at >= ? AND r.offered_at < ?")
                // a withheld number is everybody's: it is no one number to follow up
                .append(" AND c.caller_number <> ?");
        args.add(id.siaga.telephony.PhoneNumbers.ANONYMOUS);
        List<List<String>> chunks = chunks(stations);
        if (chunks.size() > 1) {
            throw new IllegalArgumentException("at most " + STATIONS_PER_QUERY + " stations, or all, got " + stations.size());
        }
        inStations(sql, args, "r.station_id", chunks.get(0));
        sql.append(" GROUP BY c.caller_number HAVING COUNT(*) >= ? ORDER BY pranks DESC, c.caller_number LIMIT ?");
        args.add(atLeast);
        args.add(limit);
        List<String> numbers = jdbc.query(sql.toString(), (rs, n) -> rs.getString(1), args.toArray());
        if (numbers.isEmpty()) {
            return List.of();
        }
        List<Object> args2 = new ArrayList<>(numbers);
        args2.add(time(from));
        args2.add(time(from));
        args2.add(time(until));
        return jdbc.query("SELECT c.caller_number, r.station_id, COUNT(*), MAX(r.offered_at) FROM call_classification c"
                        + " JOIN call_record r ON r.id = c.call_id WHERE c.caller_number IN (" + marks(numbers.size()) + ")"
                        + " AND c.classification = 'PRANK' AND c.classified_at >= ? AND r.offered_at >= ? AND r.offered_at < ?"
                        + " GROUP BY c.caller_number, r.station_id",
                (rs, n) -> new NumberAtStation(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getObject(4, OffsetDateTime.class).toInstant()),
                args2.toArray());
    }

    @Override
    public List<LastPosition> lastPositions(Collection<String> numbers, Instant from, Instant until) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(numbers);
        args.add(time(from));
        args.add(time(until));
        args.add(time(from));
        args.add(time(until));
        List<LastPosition> found = jdbc.query("SELECT r.caller_number, r.id, r.offered_at, r.location_source, r.latitude, r.longitude"
                        + " FROM call_record r WHERE r.caller_number IN (" + marks(numbers.size()) + ") AND r.latitude IS NOT NULL" + LOCATED
                        + " AND r.offered_at >= ? AND r.offered_at < ? AND r.offered_at = (SELECT MAX(l.offered_at) FROM call_record l"
                        + " WHERE l.caller_number = r.caller_number AND l.latitude IS NOT NULL" + LOCATED.replace("r.", "l.") + " AND l.offered_at >= ? AND l.offered_at < ?)"
                        + " ORDER BY r.caller_number, r.id",
                (rs, n) -> new LastPosition(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4),
                        rs.getDouble(5), rs.getDouble(6)), args.toArray());
        // two calls of one number offered in the same microsecond: the first by id stands
        List<LastPosition> one = new ArrayList<>();
        for (LastPosition p : found) {
            if (one.isEmpty() || !one.get(one.size() - 1).number().equals(p.number())) {
                one.add(p);
            }
        }
        return one;
    }

    /** Rows of the same bucket, station and classification from different chunks of stations, added up. */
    private static List<Tally> merged(List<Tally> rows) {
        java.util.Map<String, Tally> sum = new java.util.LinkedHashMap<>();
        for (Tally t : rows) {
            sum.merge(t.bucket() + "|" + t.station() + "|" + t.classification(), t, (a, b) -> new Tally(a.bucket(), a.station(), a.classification(),
                    a.calls() + b.calls(), a.answered() + b.answered(), a.hungUp() + b.hungUp(), a.operatorSeconds() + b.operatorSeconds()));
        }
        return List.copyOf(sum.values());
    }

    /** The stations in lists short enough for one statement; one null list when every station counts. */
    private static List<List<String>> chunks(Collection<String> stations) {
        if (stations == null) {
            return Collections.singletonList(null);
        }
        List<String> all = List.copyOf(stations);
        List<List<String>> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += STATIONS_PER_QUERY) {
            out.add(all.subList(from, Math.min(all.size(), from + STATIONS_PER_QUERY)));
        }
        return out;
    }

    private static void inStations(StringBuilder sql, List<Object> args, String column, List<String> stations) {
        if (stations != null) {
            sql.append(" AND ").append(column).append(" IN (").append(marks(stations.size())).append(')');
            args.addAll(stations);
        }
    }

    private static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    private static OffsetDateTime time(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
