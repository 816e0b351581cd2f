package id.siaga.fault;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fault suite's own check, on a database written by hand: it finds each kind of loss it is there to find (an
 * incident gone, an incident without its journal entry, a fix missing from track history, a caller who hung up and has
 * no call-back task, a caller with no record at all, a caller cut off while it rang whose offer the server journalled
 * but never closed) and takes an answered call, a called-back one and a journalled refusal as kept.
 */
class RecoveryAuditTests {

    static final String HASH = "0".repeat(64);
    static final Instant T = Instant.parse("2026-11-28T10:00:00Z");

    TestDatabase db;
    long seq;

    @BeforeEach
    void database() {
        db = TestDatabase.create(TestDatabase.Kind.POSTGRES);
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void findsEveryKindOfLossAndNothingElse() {
        incident("INC-KEPT", true);
        incident("INC-UNJOURNALLED", false);
        fix("SLM-R4-02", T);
        callRecord("CALL-1", "+6281290000001", true);
        callRecord("CALL-2", "+6281290000002", false);
        task("CALL-2", "+6281290000002");
        callRecord("CALL-3", "+6281290000003", false);
        journal("CallRefused", "CALL", "CALL-4", "{\"caller\":\"+6281290000004\",\"reason\":\"too many\",\"status\":503}");
        journal("CallOffered", "CALL", "CALL-7", "{\"caller\":\"+6281290000007\",\"dialled\":\"110\"}");

        Ledger ledger = new Ledger();
        ledger.incidents.addAll(List.of("INC-KEPT", "INC-UNJOURNALLED", "INC-GONE"));
        ledger.osmAndFixes.add(new Ledger.Fix("SLM-R4-02", T));
        ledger.osmAndFixes.add(new Ledger.Fix("SLM-R4-02", T.plusMillis(10)));
        ledger.mqttFixes.add(new Ledger.Fix("GK-R4-01", T));
        ledger.calls.add(new Ledger.Call("+6281290000001", Ledger.CallerPlan.TALK, List.of("180 INVITE", "200 INVITE", "200 BYE")));
        ledger.calls.add(new Ledger.Call("+6281290000002", Ledger.CallerPlan.HANG_UP, List.of("180 INVITE", "200 CANCEL", "487 INVITE")));
        ledger.calls.add(new Ledger.Call("+6281290000003", Ledger.CallerPlan.HANG_UP, List.of("180 INVITE", "200 CANCEL", "487 INVITE")));
        ledger.calls.add(new Ledger.Call("+6281290000004", Ledger.CallerPlan.HANG_UP, List.of("503 INVITE")));
        ledger.calls.add(new Ledger.Call("+6281290000005", Ledger.CallerPlan.HANG_UP, List.of("180 INVITE", "200 CANCEL", "487 INVITE")));
        ledger.calls.add(new Ledger.Call("+6281290000006", Ledger.CallerPlan.TALK, List.of("180 INVITE")));
        ledger.calls.add(new Ledger.Call("+6281290000007", Ledger.CallerPlan.TALK, List.of("180 INVITE")));
        ledger.calls.add(new Ledger.Call("+6281290000008", Ledger.CallerPlan.TALK, List.of()));

        RecoveryAudit.Losses losses = new RecoveryAudit(db.url()).of(ledger, () -> "");

        assertThat(losses.incidents()).containsExactly("INC-GONE");
        assertThat(losses.incidentsNotJournalled()).containsExactly("INC-GONE", "INC-UNJOURNALLED");
        assertThat(losses.osmAndFixes()).containsExactly(new Ledger.Fix("SLM-R4-02", T.plusMillis(10)));
        assertThat(losses.mqttFixes()).containsExactly(new Ledger.Fix("GK-R4-01", T));
        assertThat(losses.calls()).hasSize(3).anySatisfy(c -> assertThat(c).startsWith("+6281290000003").contains("without a call-back task"))
                .anySatisfy(c -> assertThat(c).startsWith("+6281290000005").contains("no call record"))
                .as("the server journalled the offer of a caller cut off while it rang, so it must call back")
                .anySatisfy(c -> assertThat(c).startsWith("+6281290000007").contains("no call record"));
        assertThat(losses.ringingCallsUnknown()).containsExactly("+6281290000006");
        assertThat(losses.none()).isFalse();
    }

    @Test
    void aLedgerWhoseItemsAreAllKeptHasNoLosses() {
        incident("INC-KEPT", true);
        fix("SLM-R4-02", T);
        callRecord("CALL-1", "+6281290000001", true);
        Ledger ledger = new Ledger();
        ledger.incidents.add("INC-KEPT");
        ledger.osmAndFixes.add(new Ledger.Fix("SLM-R4-02", T));
        ledger.calls.add(new Ledger.Call("+6281290000001", Ledger.CallerPlan.TALK, List.of("180 INVITE", "200 INVITE", "200 BYE")));

        assertThat(new RecoveryAudit(db.url()).of(ledger, () -> "").none()).isTrue();
    }

    private void incident(String id, boolean journalled) {
        db.execute("INSERT INTO incident (id, version, type, priority, status, channel, station_id, taking_station_id, created_at, created_by)"
                + " VALUES ('" + id + "', 1, 'BRAWL', 2, 'NEW', 'WALK_IN', 'POLRES-3404', 'POLRES-3404', TIMESTAMPTZ '" + T + "', 'operator.sleman1')");
        if (journalled) {
            journal("IncidentCreated", "INCIDENT", id, "{}");
        }
    }

    private void fix(String unit, Instant at) {
        db.execute("INSERT INTO unit_position (unit_id, device_id, fix_time, received_at, lat, lon, source) VALUES ('" + unit
                + "', '860001040000102', TIMESTAMPTZ '" + at + "', TIMESTAMPTZ '" + at + "', -7.7156, 110.3558, 'OSMAND_HTTP')");
    }

    private void callRecord(String id, String caller, boolean answered) {
        db.execute("INSERT INTO call_record (id, caller_number, dialled, station_id, offered_at, answered_at, ended_at, outcome, ended_by,"
                + " location_source) VALUES ('" + id + "', '" + caller + "', '110', 'POLRES-3404', TIMESTAMPTZ '" + T + "', "
                + (answered ? "TIMESTAMPTZ '" + T + "'" : "NULL") + ", TIMESTAMPTZ '" + T + "', '" + (answered ? "ANSWERED" : "ABANDONED")
                + "', 'caller', 'PIDF_LO')");
    }

    private void task(String call, String caller) {
        db.execute("INSERT INTO callback_task (id, call_id, caller_number, station_id, created_at, status) VALUES ('TASK-" + call + "', '"
                + call + "', '" + caller + "', 'POLRES-3404', TIMESTAMPTZ '" + T + "', 'OPEN')");
    }

    private void journal(String type, String kind, String subject, String payload) {
        db.execute("INSERT INTO journal_event (node, seq, at, type, subject_kind, subject_id, actor, payload, prev_hash, hash) VALUES ('siaga-1', " + ++seq
                + ", TIMESTAMPTZ '" + T + "', '" + type + "', '" + kind + "', '" + subject + "', 'system', '" + payload + "', '" + HASH
                + "', '" + HASH + "')");
    }
}
