package id.siaga.store;

import id.siaga.integration.text.TextConversation;
import id.siaga.integration.text.TextMessage;
import id.siaga.integration.text.TextStore;
import id.siaga.org.StationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Text to 110 in {@code text_conversation}, {@code text_message} (the replies' outbox among the messages) and
 * {@code text_number_fix}. Every change is one statement guarded by the row's state, except the automatic first reply,
 * whose "queued" mark and row are written in one transaction.
 */
public final class JdbcTextStore implements TextStore {

    private static final String CONVERSATION = "id, caller_number, channel, incident_id, station_id, offered_station_id, offered_at, located_by, latitude, "
            + "longitude, uncertainty_m, flagged, taken_by, taken_at, auto_reply_queued, opened_at, last_message_at, closed_at";
    private static final String MESSAGE = "id, conversation_id, direction, gateway_message_id, body, author, automatic, message_at, status, attempts, "
            + "last_error, finished_at";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcTextStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
    }

    @Override
    public Optional<TextMessage> inboundByGatewayId(String gatewayMessageId) {
        return jdbc.query("SELECT " + MESSAGE + " FROM text_message WHERE gateway_message_id = ?", (rs, n) -> message(rs), gatewayMessageId)
                .stream().findFirst();
    }

    @Override
    public Optional<TextConversation> openConversationOf(String callerNumber) {
        return jdbc.query("SELECT " + CONVERSATION + " FROM text_conversation WHERE open_number = ?", (rs, n) -> conversation(rs), callerNumber)
                .stream().findFirst();
    }

    @Override
    public boolean open(TextConversation c) {
        try {
            jdbc.update("INSERT INTO text_conversation (" + CONVERSATION + ", open_number) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", c.id(),
                    c.callerNumber(), c.channel(), c.incidentId(), c.station().value(), c.offeredStation().value(), time(c.offeredAt()), c.locatedBy(),
                    c.latitude(), c.longitude(), c.uncertaintyMeters(), c.flagged(), c.takenBy(), time(c.takenAt()), c.autoReplyQueued(),
                    time(c.openedAt()), time(c.lastMessageAt()), time(c.closedAt()), c.callerNumber());
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public boolean addInbound(TextMessage m) {
        try {
            return Boolean.TRUE.equals(tx.execute(status -> {
                insert(m);
                jdbc.update("UPDATE text_conversation SET last_message_at = ? WHERE id = ?", time(m.at()), m.conversationId());
                return true;
            }));
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public boolean queueReply(TextMessage reply) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            if (reply.automatic() && jdbc.update("UPDATE text_conversation SET auto_reply_queued = TRUE WHERE id = ? AND auto_reply_queued = FALSE",
                    reply.conversationId()) != 1) {
                return false;
            }
            insert(reply);
            return true;
        }));
    }

    private void insert(TextMessage m) {
        jdbc.update("INSERT INTO text_message (" + MESSAGE + ", next_attempt_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", m.id(), m.conversationId(),
                m.direction().name(), m.gatewayMessageId(), m.body(), m.author(), m.automatic(), time(m.at()), m.status().name(), m.attempts(),
                m.lastError(), time(m.finishedAt()), m.status() == TextMessage.Status.PENDING ? time(m.at()) : null);
    }

    @Override
    public Optional<TextConversation> find(String id) {
        return jdbc.query("SELECT " + CONVERSATION + " FROM text_conversation WHERE id = ?", (rs, n) -> conversation(rs), id).stream().findFirst();
    }

    @Override
    public List<TextMessage> messages(String conversationId) {
        return jdbc.query("SELECT " + MESSAGE + " FROM text_message WHERE conversation_id = ? ORDER BY message_at, id", (rs, n) -> message(rs),
                conversationId);
    }

    @Override
    public List<TextConversation> atStations(Collection<StationId> stations, Instant since, int limit) {
        if (stations.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", java.util.Collections.nCopies(stations.size(), "?"));
        Object[] args = new Object[stations.size() + 1];
        int i = 0;
        for (StationId s : stations) {
            args[i++] = s.value();
        }
        args[i] = time(since);
        // every open conversation, however many (one left off would never alert), then the recent closed ones up to the limit
        List<TextConversation> found = new java.util.ArrayList<>(jdbc.query("SELECT " + CONVERSATION + " FROM text_conversation WHERE station_id IN ("
                + marks + ") AND closed_at IS NULL ORDER BY last_message_at DESC, id", (rs, n) -> conversation(rs),
                java.util.Arrays.copyOf(args, args.length - 1)));
        found.addAll(jdbc.query("SELECT " + CONVERSATION + " FROM text_conversation WHERE station_id IN (" + marks + ") AND closed_at IS NOT NULL "
                + "AND last_message_at >= ? ORDER BY last_message_at DESC, id LIMIT " + Math.max(1, limit), (rs, n) -> conversation(rs), args));
        return found;
    }

    @Override
    public List<TextConversation> waiting() {
        return jdbc.query("SELECT " + CONVERSATION + " FROM text_conversation WHERE taken_at IS NULL AND closed_at IS NULL ORDER BY offered_at, id",
                (rs, n) -> conversation(rs));
    }

    @Override
    public List<TextConversation> withoutIncident() {
        return jdbc.query("SELECT " + CONVERSATION + " FROM text_conversation WHERE incident_id IS NULL AND closed_at IS NULL ORDER BY opened_at, id",
                (rs, n) -> conversation(rs));
    }

    @Override
    public List<TextConversation> openOfIncident(String incidentId) {
        return jdbc.query("SELECT " + CONVERSATION + " FROM text_conversation WHERE incident_id = ? AND closed_at IS NULL", (rs, n) -> conversation(rs),
                incidentId);
    }

    @Override
    public boolean attachIncident(String conversationId, String incidentId) {
        return jdbc.update("UPDATE text_conversation SET incident_id = ? WHERE id = ? AND incident_id IS NULL", incidentId, conversationId) == 1;
    }

    @Override
    public boolean take(String conversationId, String by, Instant at) {
        return jdbc.update("UPDATE text_conversation SET taken_by = ?, taken_at = ? WHERE id = ? AND taken_by IS NULL AND closed_at IS NULL", by, time(at),
                conversationId) == 1;
    }

    @Override
    public boolean escalate(String conversationId, StationId from, StationId to, Instant at) {
        return jdbc.update("UPDATE text_conversation SET offered_station_id = ?, offered_at = ? WHERE id = ? AND offered_station_id = ? "
                + "AND taken_by IS NULL AND closed_at IS NULL", to.value(), time(at), conversationId, from.value()) == 1;
    }

    @Override
    public boolean relocate(String conversationId, StationId station, String locatedBy, NumberFix fix, Instant at) {
        return jdbc.update("UPDATE text_conversation SET station_id = ?, offered_station_id = ?, offered_at = ?, located_by = ?, latitude = ?, "
                + "longitude = ?, uncertainty_m = ? WHERE id = ? AND taken_by IS NULL AND closed_at IS NULL", station.value(), station.value(), time(at),
                locatedBy, fix.latitude(), fix.longitude(), fix.uncertaintyMeters(), conversationId) == 1;
    }

    @Override
    public void close(String conversationId, Instant at) {
        jdbc.update("UPDATE text_conversation SET closed_at = ?, open_number = NULL WHERE id = ? AND closed_at IS NULL", time(at), conversationId);
    }

    @Override
    public void keepFix(String callerNumber, NumberFix fix) {
        tx.executeWithoutResult(status -> {
            if (jdbc.update("UPDATE text_number_fix SET latitude = ?, longitude = ?, uncertainty_m = ?, method = ?, fixed_at = ?, received_at = ? "
                    + "WHERE caller_number = ?", fix.latitude(), fix.longitude(), fix.uncertaintyMeters(), cut(fix.method(), 32), time(fix.fixedAt()),
                    time(fix.receivedAt()), callerNumber) == 0) {
                jdbc.update("INSERT INTO text_number_fix (caller_number, latitude, longitude, uncertainty_m, method, fixed_at, received_at) "
                        + "VALUES (?,?,?,?,?,?,?)", callerNumber, fix.latitude(), fix.longitude(), fix.uncertaintyMeters(), cut(fix.method(), 32),
                        time(fix.fixedAt()), time(fix.receivedAt()));
            }
        });
    }

    @Override
    public Optional<NumberFix> fixOf(String callerNumber) {
        return jdbc.query("SELECT latitude, longitude, uncertainty_m, method, fixed_at, received_at FROM text_number_fix WHERE caller_number = ?",
                (rs, n) -> new NumberFix(rs.getDouble("latitude"), rs.getDouble("longitude"), nullableDouble(rs, "uncertainty_m"), rs.getString("method"),
                        instant(rs, "fixed_at"), instant(rs, "received_at")), callerNumber).stream().findFirst();
    }

    @Override
    public int forgetFixes(Instant before) {
        return jdbc.update("DELETE FROM text_number_fix WHERE received_at < ?", time(before));
    }

    @Override
    public List<Outgoing> due(Instant now, int limit) {
        return jdbc.query("SELECT m.id, m.conversation_id, m.direction, m.gateway_message_id, m.body, m.author, m.automatic, m.message_at, m.status, "
                + "m.attempts, m.last_error, m.finished_at, c.caller_number FROM text_message m JOIN text_conversation c ON c.id = m.conversation_id "
                + "WHERE m.status = 'PENDING' AND m.next_attempt_at <= ? ORDER BY m.message_at, m.id LIMIT " + Math.max(1, limit),
                (rs, n) -> new Outgoing(message(rs), rs.getString("caller_number")), time(now));
    }

    @Override
    public boolean claim(TextMessage reply, Instant now, Instant until) {
        return jdbc.update("UPDATE text_message SET next_attempt_at = ? WHERE id = ? AND status = 'PENDING' AND attempts = ? AND next_attempt_at <= ?",
                time(until), reply.id(), reply.attempts(), time(now)) == 1;
    }

    @Override
    public void sent(TextMessage reply, int attempts, Instant at) {
        jdbc.update("UPDATE text_message SET status = 'SENT', attempts = ?, last_error = NULL, finished_at = ?, next_attempt_at = NULL "
                + "WHERE id = ? AND status = 'PENDING'", attempts, time(at), reply.id());
    }

    @Override
    public void failed(TextMessage reply, int attempts, String error, Instant next) {
        jdbc.update("UPDATE text_message SET attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ? AND status = 'PENDING'", attempts,
                cut(error, 1000), time(next), reply.id());
    }

    @Override
    public void gaveUp(TextMessage reply, int attempts, String error, Instant at) {
        jdbc.update("UPDATE text_message SET status = 'FAILED', attempts = ?, last_error = ?, finished_at = ?, next_attempt_at = NULL "
                + "WHERE id = ? AND status = 'PENDING'", attempts, cut(error, 1000), time(at), reply.id());
    }

    private static TextConversation conversation(ResultSet rs) throws SQLException {
        return new TextConversation(rs.getString("id"), rs.getString("caller_number"), rs.getString("channel"), rs.getString("incident_id"),
                StationId.of(rs.getString("station_id")), StationId.of(rs.getString("offered_station_id")), instant(rs, "offered_at"),
                rs.getString("located_by"), nullableDouble(rs, "latitude"), nullableDouble(rs, "longitude"), nullableDouble(rs, "uncertainty_m"),
                rs.getBoolean("flagged"), rs.getString("taken_by"), instant(rs, "taken_at"), rs.getBoolean("auto_reply_queued"), instant(rs, "opened_at"),
                instant(rs, "last_message_at"), instant(rs, "closed_at"));
    }

    private static TextMessage message(ResultSet rs) throws SQLException {
        return new TextMessage(rs.getString("id"), rs.getString("conversation_id"), TextMessage.Direction.valueOf(rs.getString("direction")),
                rs.getString("gateway_message_id"), rs.getString("body"), rs.getString("author"), rs.getBoolean("automatic"), instant(rs, "message_at"),
                TextMessage.Status.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"), instant(rs, "finished_at"));
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static OffsetDateTime time(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
