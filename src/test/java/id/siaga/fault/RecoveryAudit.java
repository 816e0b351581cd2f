package id.siaga.fault;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * After a fault, what the server kept of a {@link Ledger}'s acknowledged items, read from its PostgreSQL (the system
 * of record) and its journal verification: the incidents answered 201 and their {@code IncidentCreated} journal
 * entries, the fixes in track history ({@code unit_position}), and for every call whose caller got a final answer (or
 * that the server knows and the fault cut off while it rang), its record and either an answer or a call-back task, or
 * else a journalled refusal.
 */
final class RecoveryAudit {

    /** What is missing; every list empty means nothing acknowledged was lost. */
    record Losses(List<String> incidents, List<String> incidentsNotJournalled, List<Ledger.Fix> osmAndFixes, List<Ledger.Fix> mqttFixes,
                  List<String> calls, List<String> ringingCallsUnknown) {

        /** The losses the suite asserts on ({@link #ringingCallsUnknown} is reported only: a 180 is not a final answer). */
        boolean none() {
            return incidents.isEmpty() && incidentsNotJournalled.isEmpty() && osmAndFixes.isEmpty() && mqttFixes.isEmpty() && calls.isEmpty();
        }

        String summary() {
            return "lost: " + incidents.size() + " incidents, " + incidentsNotJournalled.size() + " IncidentCreated journal entries, "
                    + osmAndFixes.size() + " OsmAnd fixes, " + mqttFixes.size() + " MQTT fixes, " + calls.size() + " calls; "
                    + ringingCallsUnknown.size() + " callers who heard only ringing are unknown to the server";
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String jdbcUrl;

    RecoveryAudit(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /**
     * The losses once none is left or {@code patience} has passed, whichever is first: fixes and journal entries reach the
     * database a moment after their acknowledgement (the history writer's batch, the spool's replay, the broker's
     * redelivery to the server's session), so a loss counts only when it stays.
     */
    Losses awaitSettled(Ledger ledger, Duration patience, Supplier<String> context) {
        long deadline = System.nanoTime() + patience.toNanos();
        Losses losses = of(ledger, context);
        while (!losses.none() && System.nanoTime() < deadline) {
            sleep(500);
            losses = of(ledger, context);
        }
        return losses;
    }

    Losses of(Ledger ledger, Supplier<String> context) {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            Set<String> incidents = strings(db, "SELECT id FROM incident");
            Set<String> created = strings(db, "SELECT subject_id FROM journal_event WHERE subject_kind = 'INCIDENT' AND type = 'IncidentCreated'");
            return new Losses(
                    ledger.incidents.stream().filter(id -> !incidents.contains(id)).sorted().toList(),
                    ledger.incidents.stream().filter(id -> !created.contains(id)).sorted().toList(),
                    missing(db, ledger.osmAndFixes), missing(db, ledger.mqttFixes),
                    lostCalls(db, ledger), unknownRingingCalls(db, ledger));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the private PostgreSQL after the fault: " + e.getMessage() + "\n" + context.get(), e);
        }
    }

    private static List<Ledger.Fix> missing(Connection db, Set<Ledger.Fix> acknowledged) throws SQLException {
        Set<String> units = new HashSet<>();
        acknowledged.forEach(f -> units.add(f.unit()));
        Set<Ledger.Fix> kept = new HashSet<>();
        try (PreparedStatement q = db.prepareStatement("SELECT unit_id, fix_time FROM unit_position WHERE unit_id = ANY (?)")) {
            q.setArray(1, db.createArrayOf("varchar", units.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    kept.add(new Ledger.Fix(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return acknowledged.stream().filter(f -> !kept.contains(f)).sorted(java.util.Comparator.comparing(Ledger.Fix::fixTime)).toList();
    }

    /**
     * Every call whose caller got a final answer ends answered, with a call-back task, or refused with a journal entry
     * saying so; so does every call the fault cut off while it rang, once the server knows of it (its record, or its
     * offer in the journal: start-up recovery must close it with a call-back task). Each one that does not is listed
     * with what its caller heard and what the server has.
     */
    private static List<String> lostCalls(Connection db, Ledger ledger) throws SQLException {
        Map<String, Record> records = records(db);
        Set<String> tasks = strings(db, "SELECT call_id FROM callback_task");
        Set<String> refused = callersIn(db, "CallRefused");
        Set<String> offered = callersIn(db, "CallOffered");
        List<String> lost = new ArrayList<>();
        for (Ledger.Call call : ledger.calls) {
            boolean known = records.containsKey(call.number()) || offered.contains(call.number());
            if (call.finalAnswer().isEmpty() && !(call.heardRinging() && known) || refused.contains(call.number())) {
                continue;
            }
            Record r = records.get(call.number());
            if (r == null) {
                lost.add(call.number() + " (meant to " + call.plan() + ", heard " + call.responses() + "): no call record");
            } else if (!r.answered() && !tasks.contains(r.id())) {
                lost.add(call.number() + " (meant to " + call.plan() + ", heard " + call.responses() + "): call " + r.id() + " ended " + r.outcome()
                        + " unanswered and without a call-back task");
            }
        }
        return lost;
    }

    /** Callers who heard ringing but no final answer (the fault cut them off) of whom the server has neither record nor journal entry. */
    private static List<String> unknownRingingCalls(Connection db, Ledger ledger) throws SQLException {
        Map<String, Record> records = records(db);
        Set<String> offered = callersIn(db, "CallOffered");
        return ledger.calls.stream().filter(c -> c.finalAnswer().isEmpty() && c.heardRinging())
                .filter(c -> !records.containsKey(c.number()) && !offered.contains(c.number())).map(Ledger.Call::number).sorted().toList();
    }

    private record Record(String id, String outcome, boolean answered) {
    }

    private static Map<String, Record> records(Connection db) throws SQLException {
        Map<String, Record> records = new HashMap<>();
        try (PreparedStatement q = db.prepareStatement("SELECT id, caller_number, outcome, answered_at FROM call_record");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                records.put(rs.getString(2), new Record(rs.getString(1), rs.getString(3), rs.getObject(4) != null));
            }
        }
        return records;
    }

    /** The callers named by journal entries of this type. */
    private static Set<String> callersIn(Connection db, String type) throws SQLException {
        Set<String> callers = new HashSet<>();
        try (PreparedStatement q = db.prepareStatement("SELECT payload FROM journal_event WHERE type = ?")) {
            q.setString(1, type);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    JsonNode caller = JSON.readTree(rs.getString(1)).path("caller");
                    if (caller.isString()) {
                        callers.add(caller.asString());
                    }
                }
            }
        }
        return callers;
    }

    private static Set<String> strings(Connection db, String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (PreparedStatement q = db.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
