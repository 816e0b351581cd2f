package id.siaga.store;

import id.siaga.screening.Classification;
import id.siaga.screening.Mark;
import id.siaga.screening.ScreeningStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Classifications in {@code call_classification}, marks in {@code number_mark}, supervisors' words in
 * {@code number_standing}. Each write replaces the row it names (update, then insert when there was none, then update
 * again when a concurrent insert won): a classification, mark or word is set again far more rarely than it is read,
 * and both databases take this alike.
 */
public final class JdbcScreeningStore implements ScreeningStore {

    private final JdbcTemplate jdbc;

    public JdbcScreeningStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Classified> classification(String call) {
        return jdbc.query("SELECT call_id, caller_number, station_id, classification, classified_by, classified_at, reason"
                + " FROM call_classification WHERE call_id = ?", (rs, n) -> new Classified(rs.getString(1), rs.getString(2), rs.getString(3),
                Classification.valueOf(rs.getString(4)), rs.getString(5), instant(rs, 6), rs.getString(7)), call).stream().findFirst();
    }

    @Override
    public java.util.Map<String, Classification> classifiedAt(String station, Instant from, Instant until) {
        java.util.Map<String, Classification> out = new java.util.HashMap<>();
        jdbc.query("SELECT call_id, classification FROM call_classification WHERE station_id = ? AND classified_at >= ? AND classified_at < ?",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> out.put(rs.getString(1), Classification.valueOf(rs.getString(2))), station,
                utc(from), utc(until));
        return out;
    }

    @Override
    public void classify(Classified c) {
        upsert("UPDATE call_classification SET caller_number = ?, station_id = ?, classification = ?, classified_by = ?, classified_at = ?,"
                + " reason = ? WHERE call_id = ?", new Object[] {c.number(), c.station(), c.classification().name(), c.by(), utc(c.at()), c.reason(),
                c.call()}, "INSERT INTO call_classification (call_id, caller_number, station_id, classification, classified_by, classified_at, reason)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", new Object[] {c.call(), c.number(), c.station(), c.classification().name(), c.by(), utc(c.at()),
                c.reason()});
    }

    @Override
    public void putMark(Mark m) {
        upsert("UPDATE number_mark SET caller_number = ?, kind = ?, marked_at = ? WHERE call_id = ? AND source = ?",
                new Object[] {m.number(), m.kind().name(), utc(m.at()), m.call(), m.source().name()},
                "INSERT INTO number_mark (call_id, source, caller_number, kind, marked_at) VALUES (?, ?, ?, ?, ?)",
                new Object[] {m.call(), m.source().name(), m.number(), m.kind().name(), utc(m.at())});
    }

    @Override
    public void removeMark(String call, Mark.Source source) {
        jdbc.update("DELETE FROM number_mark WHERE call_id = ? AND source = ?", call, source.name());
    }

    @Override
    public List<Mark> marksSince(Instant from) {
        return jdbc.query("SELECT caller_number, marked_at, kind, call_id, source FROM number_mark WHERE marked_at >= ? ORDER BY marked_at",
                (rs, n) -> new Mark(rs.getString(1), instant(rs, 2), Mark.Kind.valueOf(rs.getString(3)), rs.getString(4),
                        Mark.Source.valueOf(rs.getString(5))), utc(from));
    }

    @Override
    public Optional<NumberWord> word(String number) {
        return jdbc.query("SELECT caller_number, trusted, cleared_at, changed_by, reason, changed_at FROM number_standing WHERE caller_number = ?",
                (rs, n) -> word(rs), number).stream().findFirst();
    }

    @Override
    public void putWord(NumberWord w) {
        OffsetDateTime cleared = w.clearedAt() == null ? null : utc(w.clearedAt());
        upsert("UPDATE number_standing SET trusted = ?, cleared_at = ?, changed_by = ?, reason = ?, changed_at = ? WHERE caller_number = ?",
                new Object[] {w.trusted(), cleared, w.by(), w.reason(), utc(w.at()), w.number()},
                "INSERT INTO number_standing (caller_number, trusted, cleared_at, changed_by, reason, changed_at) VALUES (?, ?, ?, ?, ?, ?)",
                new Object[] {w.number(), w.trusted(), cleared, w.by(), w.reason(), utc(w.at())});
    }

    @Override
    public List<NumberWord> words() {
        return jdbc.query("SELECT caller_number, trusted, cleared_at, changed_by, reason, changed_at FROM number_standing", (rs, n) -> word(rs));
    }

    @Override
    public int forgetMarksBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM number_mark WHERE marked_at < ?", utc(cutoff));
    }

    /** Update, else insert, else (a concurrent insert won) update again. */
    private void upsert(String update, Object[] updateArgs, String insert, Object[] insertArgs) {
        if (jdbc.update(update, updateArgs) > 0) {
            return;
        }
        try {
            jdbc.update(insert, insertArgs);
        } catch (DuplicateKeyException raced) {
            jdbc.update(update, updateArgs);
        }
    }

    private static NumberWord word(ResultSet rs) throws SQLException {
        OffsetDateTime cleared = rs.getObject(3, OffsetDateTime.class);
        return new NumberWord(rs.getString(1), rs.getBoolean(2), cleared == null ? null : cleared.toInstant(), rs.getString(4), rs.getString(5),
                instant(rs, 6));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
