package id.siaga.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.journal.InMemoryJournalStore;
import id.siaga.journal.Journal;
import id.siaga.journal.JournalEntry;
import id.siaga.journal.JournalSpool;
import id.siaga.journal.SubjectKind;
import id.siaga.org.StationId;
import id.siaga.support.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server died (a restart, {@code kill -9}, a crash while the database was away) and starts again. What the
 * journal holds decides: a caller who was still ringing gets a call-back task at the station responsible for them; a
 * call that was being answered is closed as interrupted without one; a caller who hung up during the outage, whose
 * record and task never reached the database, gets both now; nothing is opened twice.
 */
class CallRecoveryTests {

    static final StationId SLEMAN = StationId.of("POLRES-3404");
    static final StationId DIY = StationId.of("POLDA-DIY");

    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(Instant.parse("2026-12-03T01:00:00Z"));
    final InMemoryJournalStore store = new InMemoryJournalStore();
    final InMemoryCallRecordStore records = new InMemoryCallRecordStore();
    final InMemoryCallbackTaskStore tasks = new InMemoryCallbackTaskStore();
    Journal journal;
    CallRecovery recovery;

    @BeforeEach
    void open() {
        journal = new Journal(store, new JournalSpool(dir.resolve("spool.jsonl")), clock, 100, 1_000, Duration.ofMillis(50));
        recovery = new CallRecovery(journal, records, new CallbackTasks(tasks, journal, clock), clock, DIY, Duration.ofSeconds(5));
    }

    @AfterEach
    void close() {
        journal.close();
    }

    @Test
    void aCallerStillRingingWhenTheServerDiedIsCalledBackByTheirOwnStation() {
        CallId call = offeredInSleman("call-ringing", "+6281200000001");
        write(call, "LegRang", Map.of("operator", "OP-3404-1", "station", SLEMAN.value(), "tier", 0));
        clock.advance(Duration.ofMinutes(3)); // the restart took a while

        CallRecovery.Outcome outcome = recover();

        assertThat(outcome).isEqualTo(new CallRecovery.Outcome(1, 1, 0));
        JournalEntry interrupted = last(call, "CallInterrupted");
        assertThat(interrupted.payload()).contains("\"wasState\":\"RINGING\"", "\"station\":\"POLRES-3404\"", "\"secondsSinceOffer\":180.0");
        CallRecord record = records.find(call).orElseThrow();
        assertThat(record.outcome()).isEqualTo(CallRecord.Outcome.INTERRUPTED);
        assertThat(record.station()).isEqualTo("POLRES-3404");
        assertThat(record.locationSource()).isEqualTo("PIDF_LO");
        assertThat(record.latitude()).isEqualTo(-7.7156);
        CallbackTask task = onlyTaskOf(call);
        assertThat(task.station()).isEqualTo(SLEMAN);
        assertThat(task.callerNumber()).isEqualTo("+6281200000001");
        assertThat(task.latitude()).isEqualTo(-7.7156);
        assertThat(types(call)).containsSubsequence("CallOffered", "CallInterrupted", "CallbackTaskOpened");
    }

    @Test
    void aCallReroutedByALaterFixIsCalledBackWhereTheFixPointed() {
        CallId call = offeredInSleman("call-moved", "+6281200000002");
        write(call, "CallRerouted", Map.of("from", SLEMAN.value(), "to", "POLRES-3402", "why", "AML", "by", "AML",
                "chain", List.of("POLRES-3402", "POLDA-DIY", "MABES")));

        recover();

        assertThat(onlyTaskOf(call).station()).isEqualTo(StationId.of("POLRES-3402"));
    }

    @Test
    void anAnsweredCallCutByTheCrashIsClosedAsInterruptedWithoutACallBack() {
        CallId call = offeredInSleman("call-talking", "+6281200000003");
        clock.advance(Duration.ofSeconds(4));
        write(call, "CallAnswered", Map.of("operator", "OP-3404-1", "station", SLEMAN.value(), "tier", 0, "secondsToAnswer", 4.0,
                "responsibleStation", SLEMAN.value()));

        CallRecovery.Outcome outcome = recover();

        assertThat(outcome).isEqualTo(new CallRecovery.Outcome(1, 0, 0));
        assertThat(last(call, "CallInterrupted").payload()).contains("\"wasState\":\"ANSWERED\"");
        CallRecord record = records.find(call).orElseThrow();
        assertThat(record.outcome()).isEqualTo(CallRecord.Outcome.INTERRUPTED);
        assertThat(record.answeredBy()).isEqualTo("OP-3404-1");
        assertThat(record.answeredTier()).isZero();
        assertThat(tasks.callsWithTasks(List.of(call))).isEmpty();
    }

    @Test
    void callersWhoHungUpWhileTheDatabaseWasAwayGetTheirRecordAndCallBackFromTheJournal() {
        CallId gone = offeredInSleman("call-gone", "+6281200000004");
        clock.advance(Duration.ofSeconds(9));
        write(gone, "CallAbandoned", Map.of("secondsWaiting", 9.0, "tier", 0, "station", SLEMAN.value()));
        CallId cut = offeredInSleman("call-cut", "+6281200000005");
        write(cut, "CallAnswered", Map.of("operator", "OP-3404-1", "station", SLEMAN.value(), "tier", 0, "secondsToAnswer", 1.0,
                "responsibleStation", SLEMAN.value()));
        clock.advance(Duration.ofSeconds(2));
        write(cut, "CallEnded", Map.of("hungUpBy", "caller", "secondsTalking", 2.0, "operator", "OP-3404-1"));
        CallId talked = offeredInSleman("call-talked", "+6281200000006");
        write(talked, "CallAnswered", Map.of("operator", "OP-3404-1", "station", SLEMAN.value(), "tier", 0, "secondsToAnswer", 1.0,
                "responsibleStation", SLEMAN.value()));
        clock.advance(Duration.ofSeconds(60));
        write(talked, "CallEnded", Map.of("hungUpBy", "operator", "secondsTalking", 60.0, "operator", "OP-3404-1"));

        CallRecovery.Outcome outcome = recover();

        assertThat(outcome).isEqualTo(new CallRecovery.Outcome(0, 2, 3));
        assertThat(records.find(gone).orElseThrow().outcome()).isEqualTo(CallRecord.Outcome.ABANDONED);
        assertThat(records.find(cut).orElseThrow().outcome()).isEqualTo(CallRecord.Outcome.CUT_OFF);
        assertThat(records.find(talked).orElseThrow().outcome()).isEqualTo(CallRecord.Outcome.ANSWERED);
        assertThat(onlyTaskOf(gone).station()).isEqualTo(SLEMAN);
        assertThat(onlyTaskOf(cut).station()).isEqualTo(SLEMAN);
        assertThat(tasks.callsWithTasks(List.of(talked))).isEmpty();
    }

    @Test
    void aSecondStartOpensNothingTwiceAndLeavesKeptCallsAlone() {
        CallId ringing = offeredInSleman("call-twice", "+6281200000007");
        CallId kept = offeredInSleman("call-kept", "+6281200000008");
        write(kept, "CallAbandoned", Map.of("secondsWaiting", 3.0, "tier", 0, "station", SLEMAN.value()));
        new CallbackTasks(tasks, journal, clock).open(new AbandonedCall(kept, "+6281200000008", SLEMAN, null, clock.instant(), clock.instant(), false));
        records.save(new CallRecord(kept, "+6281200000008", "110", SLEMAN.value(), clock.instant(), null, clock.instant(),
                CallRecord.Outcome.ABANDONED, null, null, null, "caller", "NONE", null, null));

        assertThat(recover()).isEqualTo(new CallRecovery.Outcome(1, 1, 0));
        assertThat(recover()).isEqualTo(new CallRecovery.Outcome(0, 0, 0));

        assertThat(tasks.atStations(List.of(SLEMAN), true, 100)).hasSize(2);
        assertThat(store.bySubject(SubjectKind.CALL, ringing.value(), 100).stream().filter(e -> e.type().equals("CallInterrupted"))).hasSize(1);
    }

    @Test
    void aCallStillLiveInThisProcessAndCallsOlderThanTheWindowAreNotTouched() {
        CallId old = offeredInSleman("call-old", "+6281200000009");
        clock.advance(Duration.ofHours(25));
        CallId live = offeredInSleman("call-live", "+6281200000010");
        CallId refused = new CallId("call-refused");
        write(refused, "CallRefused", Map.of("status", 503, "caller", "+6281200000011", "source", "192.0.2.7", "reason", "too many"));

        journal.append("x", SubjectKind.SYSTEM, "x", "test", Map.of()).join();
        CallRecovery.Outcome outcome = recovery.recover(Duration.ofHours(24), Set.of(live));

        assertThat(outcome).isEqualTo(new CallRecovery.Outcome(0, 0, 0));
        assertThat(records.size()).isZero();
        assertThat(types(old)).doesNotContain("CallInterrupted");
    }

    @Test
    void aJournalRowWithoutTheOptionalFieldsStillReadsAsAStory() {
        CallId call = new CallId("call-bare");
        write(call, "CallOffered", Map.of("caller", "+6281200000012", "dialled", "110"));

        recover();

        // no route, no location: the default station is responsible and calls back
        assertThat(onlyTaskOf(call).station()).isEqualTo(DIY);
        assertThat(records.find(call).orElseThrow().locationSource()).isEqualTo("NONE");
    }

    /**
     * A cluster: node siaga-2 offered a call in Sleman and was lost while it rang. This node's start-up leaves it alone
     * (it is siaga-2's); the takeover closes it as interrupted, "node siaga-2 was lost", with a call-back task at Polres
     * Sleman, in this node's chain; siaga-2, back, finds it ended and opens nothing twice.
     */
    @Test
    void theCallsOfALostNodeAreClosedByTheTakeoverOnceAndLeftAloneByEveryOtherStart() {
        Journal other = new Journal("siaga-2", store, new JournalSpool(dir.resolve("siaga-2.jsonl")), clock, 100, 1_000, Duration.ofMillis(50));
        Journal mine = journal;
        CallId call;
        try {
            journal = other;
            call = offeredInSleman("call-on-node-2", "+6281200000009");
            write(call, "LegRang", Map.of("operator", "OP-3404-1", "station", SLEMAN.value(), "tier", 0));
        } finally {
            journal = mine;
        }
        clock.advance(Duration.ofSeconds(6));

        assertThat(recover()).as("this node's own start").isEqualTo(new CallRecovery.Outcome(0, 0, 0));
        assertThat(tasks.callsWithTasks(List.of(call))).isEmpty();

        CallRecovery.Outcome takeover = recovery.recover("siaga-2", Duration.ofHours(24), Set.of(), "taken over by siaga-1");
        journal.append("sync", SubjectKind.SYSTEM, "test", "test", Map.of()).join();
        assertThat(takeover).isEqualTo(new CallRecovery.Outcome(1, 1, 0));
        JournalEntry interrupted = last(call, "CallInterrupted");
        assertThat(interrupted.node()).isEqualTo(Journal.DEFAULT_NODE);
        assertThat(interrupted.payload()).contains("node siaga-2 was lost while the call was ringing; taken over by siaga-1");
        assertThat(onlyTaskOf(call).station()).isEqualTo(SLEMAN);

        CallRecovery backOnNode2 = new CallRecovery(other, records, new CallbackTasks(tasks, other, clock), clock, DIY, Duration.ofSeconds(5));
        assertThat(backOnNode2.recover(Duration.ofHours(24), Set.of())).as("siaga-2 back").isEqualTo(new CallRecovery.Outcome(0, 0, 0));
        assertThat(types(call)).containsOnlyOnce("CallInterrupted", "CallbackTaskOpened");
        other.close();
    }

    private CallRecovery.Outcome recover() {
        journal.append("sync", SubjectKind.SYSTEM, "test", "test", Map.of()).join(); // what was written is committed
        CallRecovery.Outcome outcome = recovery.recover(Duration.ofHours(24), Set.of());
        journal.append("sync", SubjectKind.SYSTEM, "test", "test", Map.of()).join();
        return outcome;
    }

    /** A call as the pipeline journals it: offered, located in Sleman by PIDF-LO, routed to Polres Sleman. */
    private CallId offeredInSleman(String id, String caller) {
        CallId call = new CallId(id);
        write(call, "CallOffered", Map.of("caller", caller, "dialled", "110"));
        Map<String, Object> located = new LinkedHashMap<>();
        located.put("source", "PIDF_LO");
        located.put("lat", -7.7156);
        located.put("lon", 110.3558);
        located.put("uncertaintyMeters", 12.0);
        located.put("method", "GPS");
        located.put("measuredAt", clock.instant().toString());
        located.put("routable", true);
        located.put("via", "call");
        write(call, "CallLocated", located);
        write(call, "CallRouted", Map.of("station", SLEMAN.value(), "stationName", "Polres Sleman", "why", "PIDF_LO (±12 m), inside",
                "chain", List.of(SLEMAN.value(), DIY.value(), "MABES")));
        return call;
    }

    private void write(CallId call, String type, Map<String, ?> payload) {
        journal.append(type, SubjectKind.CALL, call.value(), "test", payload).join();
    }

    private JournalEntry last(CallId call, String type) {
        return store.bySubject(SubjectKind.CALL, call.value(), 100).stream().filter(e -> e.type().equals(type)).findFirst().orElseThrow();
    }

    private List<String> types(CallId call) {
        return store.bySubject(SubjectKind.CALL, call.value(), 100).stream().sorted(JournalEntry.IN_ORDER)
                .map(JournalEntry::type).toList();
    }

    private CallbackTask onlyTaskOf(CallId call) {
        List<CallbackTask> of = tasks.atStations(List.of(SLEMAN, DIY, StationId.of("POLRES-3402")), true, 100).stream()
                .filter(t -> t.call().equals(call)).toList();
        assertThat(of).hasSize(1);
        return of.get(0);
    }
}
