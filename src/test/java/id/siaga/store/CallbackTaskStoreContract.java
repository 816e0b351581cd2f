package id.siaga.store;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.org.StationId;
import id.siaga.support.TestDatabase;
import id.siaga.telephony.CallId;
import id.siaga.telephony.CallbackTask;
import id.siaga.telephony.CallbackTask.Status;
import id.siaga.telephony.CallbackTaskStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Call-back tasks round-trip through each database: opened, claimed, closed; listed by station with and
 * without the closed ones; and a claim that lost a race does not overwrite the winner.
 */
abstract class CallbackTaskStoreContract {

    static final StationId SLEMAN = StationId.of("POLRES-3404");
    static final StationId BANTUL = StationId.of("POLRES-3402");

    TestDatabase db;
    CallbackTaskStore tasks;

    abstract TestDatabase.Kind kind();

    @BeforeEach
    void openDatabase() {
        db = TestDatabase.create(kind());
        tasks = new JdbcCallbackTaskStore(new JdbcTemplate(db.dataSource()));
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    static CallbackTask open(String id, StationId station, String createdAt) {
        return new CallbackTask(id, new CallId("call-" + id), "+6281200000001", station, -7.7156, 110.3558, Instant.parse(createdAt),
                Status.OPEN, null, null, null, null, null);
    }

    static CallbackTask claimed(CallbackTask t, String by, String at) {
        return new CallbackTask(t.id(), t.call(), t.callerNumber(), t.station(), t.latitude(), t.longitude(), t.createdAt(), Status.CLAIMED,
                by, Instant.parse(at), null, null, null);
    }

    static CallbackTask closed(CallbackTask t, String by, String at, String outcome) {
        return new CallbackTask(t.id(), t.call(), t.callerNumber(), t.station(), t.latitude(), t.longitude(), t.createdAt(), Status.CLOSED,
                t.claimedBy(), t.claimedAt(), by, Instant.parse(at), outcome);
    }

    @Test
    void startUpLearnsWhichCallsHaveATaskWhateverItsStateAmongMoreCallsThanOneQueryAsks() {
        CallbackTask first = open("t1", SLEMAN, "2026-11-28T01:00:00Z");
        tasks.save(first);
        tasks.save(closed(claimed(open("t2", BANTUL, "2026-11-28T01:01:00Z"), "operator.bantul1", "2026-11-28T01:02:00Z"),
                "operator.bantul1", "2026-11-28T01:03:00Z", "called back"));
        java.util.List<CallId> asked = new java.util.ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            asked.add(new CallId("call-none-" + i));
        }
        asked.add(600, new CallId("call-t1"));
        asked.add(new CallId("call-t2"));
        assertThat(tasks.callsWithTasks(asked)).containsExactlyInAnyOrder(new CallId("call-t1"), new CallId("call-t2"));
        assertThat(tasks.callsWithTasks(java.util.List.of())).isEmpty();
    }

    @Test
    void aTaskIsOpenedClaimedAndClosed() {
        CallbackTask opened = open("t1", SLEMAN, "2026-11-28T01:02:03.456789Z");
        tasks.save(opened);
        assertThat(tasks.find("t1")).contains(opened);

        CallbackTask claim = claimed(opened, "operator.sleman1", "2026-11-28T01:03:00.000001Z");
        assertThat(tasks.replaceIf(Status.OPEN, claim)).isTrue();
        assertThat(tasks.find("t1")).contains(claim);

        CallbackTask close = closed(claim, "operator.sleman1", "2026-11-28T01:10:00Z", "called back: needs a patrol, incident opened");
        assertThat(tasks.replaceIf(Status.CLAIMED, close)).isTrue();
        assertThat(tasks.find("t1")).contains(close);
        assertThat(tasks.find("t2")).isEmpty();
    }

    @Test
    void aTaskWithoutPositionKeepsItsPositionEmpty() {
        CallbackTask unknown = new CallbackTask("t1", new CallId("call-1"), "anonymous", SLEMAN, null, null,
                Instant.parse("2026-11-28T01:00:00Z"), Status.OPEN, null, null, null, null, null);
        tasks.save(unknown);
        assertThat(tasks.find("t1")).contains(unknown);
    }

    @Test
    void aClaimThatLostTheRaceChangesNothing() {
        CallbackTask opened = open("t1", SLEMAN, "2026-11-28T01:00:00Z");
        tasks.save(opened);
        CallbackTask first = claimed(opened, "operator.sleman1", "2026-11-28T01:01:00Z");
        CallbackTask second = claimed(opened, "operator.sleman2", "2026-11-28T01:01:00.5Z");
        assertThat(tasks.replaceIf(Status.OPEN, first)).isTrue();
        assertThat(tasks.replaceIf(Status.OPEN, second)).isFalse();
        assertThat(tasks.find("t1")).contains(first);
        assertThat(tasks.replaceIf(Status.OPEN, open("nobody", SLEMAN, "2026-11-28T01:00:00Z"))).as("unknown task").isFalse();
    }

    @Test
    void stationsSeeTheirOwnTasksNewestFirstAndClosedOnesOnlyWhenAsked() {
        CallbackTask early = open("early", SLEMAN, "2026-11-28T01:00:00Z");
        CallbackTask late = open("late", SLEMAN, "2026-11-28T03:00:00Z");
        CallbackTask bantul = open("bantul", BANTUL, "2026-11-28T02:00:00Z");
        CallbackTask done = open("done", SLEMAN, "2026-11-28T02:30:00Z");
        List.of(early, late, bantul, done).forEach(tasks::save);
        tasks.save(closed(claimed(done, "operator.sleman2", "2026-11-28T02:31:00Z"), "operator.sleman2", "2026-11-28T02:40:00Z", "no answer"));
        tasks.replaceIf(Status.OPEN, claimed(early, "operator.sleman1", "2026-11-28T03:30:00Z"));

        assertThat(ids(tasks.atStations(List.of(SLEMAN), false, 10))).containsExactly("late", "early");
        assertThat(ids(tasks.atStations(List.of(SLEMAN), true, 10))).containsExactly("late", "done", "early");
        assertThat(ids(tasks.atStations(List.of(SLEMAN, BANTUL), false, 10))).containsExactly("late", "bantul", "early");
        assertThat(ids(tasks.atStations(List.of(SLEMAN, BANTUL), true, 2))).containsExactly("late", "done");
        assertThat(ids(tasks.atStations(List.of(BANTUL), true, 10))).containsExactly("bantul");
        assertThat(tasks.atStations(List.of(), true, 10)).isEmpty();
    }

    static List<String> ids(List<CallbackTask> list) {
        return list.stream().map(CallbackTask::id).toList();
    }
}
