package id.siaga.store;

import id.siaga.integration.WebhookChanges;
import id.siaga.integration.WebhookOutbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The webhook outbox in {@code webhook_delivery}: {@link #enqueue} runs on the connection of the transaction that stores the
 * change (the JDBC template joins it), the rest is the delivery worker's. Each state change is one statement guarded by the
 * row's state, so two nodes' workers never both take one attempt.
 */
public final class JdbcWebhookOutbox implements WebhookOutbox {

    private static final String COLUMNS = "event_id, subscriber_id, event_type, station_id, body, created_at, attempts, last_status, last_error, finished_at";

    private final JdbcTemplate jdbc;

    public JdbcWebhookOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the rows, due at once; in the caller's transaction when there is one. */
    public void enqueue(List<WebhookChanges.Row> rows, Instant now) {
        for (WebhookChanges.Row r : rows) {
            jdbc.update("INSERT INTO webhook_delivery (event_id, subscriber_id, event_type, station_id, body, created_at, status, attempts, next_attempt_at) "
                    + "VALUES (?,?,?,?,?,?,'PENDING',0,?)", r.event().id(), r.subscriberId(), r.event().type(), r.event().station().value(), r.body(),
                    time(now), time(now));
        }
    }

    @Override
    public List<Delivery> due(Instant now, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_delivery WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY created_at, event_id "
                + "LIMIT " + Math.max(1, limit), (rs, n) -> map(rs), time(now));
    }

    @Override
    public boolean claim(Delivery d, Instant now, Instant until) {
        return jdbc.update("UPDATE webhook_delivery SET next_attempt_at = ? WHERE event_id = ? AND subscriber_id = ? AND status = 'PENDING' "
                + "AND attempts = ? AND next_attempt_at <= ?", time(until), d.eventId(), d.subscriberId(), d.attempts(), time(now)) == 1;
    }

    @Override
    public void delivered(Delivery d, int attempts, int status, Instant at) {
        jdbc.update("UPDATE webhook_delivery SET status = 'DELIVERED', attempts = ?, last_status = ?, last_error = NULL, finished_at = ? "
                + "WHERE event_id = ? AND subscriber_id = ? AND status = 'PENDING'", attempts, status, time(at), d.eventId(), d.subscriberId());
    }

    @Override
    public void failed(Delivery d, int attempts, Integer status, String error, Instant next) {
        jdbc.update("UPDATE webhook_delivery SET attempts = ?, last_status = ?, last_error = ?, next_attempt_at = ? "
                + "WHERE event_id = ? AND subscriber_id = ? AND status = 'PENDING'", attempts, status, cut(error), time(next), d.eventId(), d.subscriberId());
    }

    @Override
    public void dead(Delivery d, int attempts, Integer status, String error, Instant at) {
        jdbc.update("UPDATE webhook_delivery SET status = 'DEAD', attempts = ?, last_status = ?, last_error = ?, finished_at = ? "
                + "WHERE event_id = ? AND subscriber_id = ? AND status = 'PENDING'", attempts, status, cut(error), time(at), d.eventId(), d.subscriberId());
    }

    @Override
    public List<Delivery> deadLetters() {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_delivery WHERE status = 'DEAD' ORDER BY finished_at DESC, event_id", (rs, n) -> map(rs));
    }

    @Override
    public Optional<Delivery> find(String eventId, String subscriberId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_delivery WHERE event_id = ? AND subscriber_id = ?", (rs, n) -> map(rs), eventId,
                subscriberId).stream().findFirst();
    }

    @Override
    public boolean replay(String eventId, String subscriberId, Instant now) {
        return jdbc.update("UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = ?, finished_at = NULL "
                + "WHERE event_id = ? AND subscriber_id = ? AND status = 'DEAD'", time(now), eventId, subscriberId) == 1;
    }

    @Override
    public int forgetDelivered(Instant before) {
        return jdbc.update("DELETE FROM webhook_delivery WHERE status = 'DELIVERED' AND finished_at < ?", time(before));
    }

    /** How many rows are in {@code status} (PENDING, DELIVERED, DEAD): for tests and the admin's overview. */
    public int count(String status) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM webhook_delivery WHERE status = ?", Integer.class, status);
        return n == null ? 0 : n;
    }

    private static String cut(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }

    private static Delivery map(ResultSet rs) throws SQLException {
        int lastStatus = rs.getInt("last_status");
        Integer status = rs.wasNull() ? null : lastStatus;
        return new Delivery(rs.getString("event_id"), rs.getString("subscriber_id"), rs.getString("event_type"), rs.getString("station_id"),
                rs.getString("body"), instant(rs, "created_at"), rs.getInt("attempts"), status, rs.getString("last_error"), instant(rs, "finished_at"));
    }

    private static OffsetDateTime time(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
