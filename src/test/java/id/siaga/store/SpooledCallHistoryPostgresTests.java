package id.siaga.store;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.journal.JsonLinesSpool;
import id.siaga.org.StationId;
import id.siaga.support.TestDatabase;
import id.siaga.telephony.CallId;
import id.siaga.telephony.CallRecord;
import id.siaga.telephony.CallRecordStore;
import id.siaga.telephony.CallbackTask;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Call records and call-back tasks written while PostgreSQL refuses connections: they are found meanwhile,
 * and are in the database once it is back, with every field.
 */
class SpooledCallHistoryPostgresTests {

    @TempDir
    Path dir;

    @Test
    void recordsAndTasksWrittenDuringAnOutageReachTheDatabaseWhenItReturns() throws Exception {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRES)) {
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
            JdbcCallRecordStore recordTable = new JdbcCallRecordStore(jdbc);
            JdbcCallbackTaskStore taskTable = new JdbcCallbackTaskStore(jdbc);
            Duration retry = Duration.ofMillis(200);
            try (SpooledWrites<CallRecord> recordWrites = new SpooledWrites<>("call record",
                    new JsonLinesSpool<>(dir.resolve("records.jsonl"), CallRecord.class, "call record spool"), recordTable::save,
                    SpoolingCallRecordStore::key, CallRecord.class, retry);
                 SpooledWrites<CallbackTask> taskWrites = new SpooledWrites<>("call-back task",
                         new JsonLinesSpool<>(dir.resolve("tasks.jsonl"), CallbackTask.class, "call-back task spool"), taskTable::save,
                         SpoolingCallbackTaskStore::key, CallbackTask.class, retry)) {
                CallRecordStore records = new SpoolingCallRecordStore(recordTable, recordWrites);
                SpoolingCallbackTaskStore tasks = new SpoolingCallbackTaskStore(taskTable, taskWrites);
                CallRecord before = CallRecordStoreContract.abandoned("call-before", StationId.of("POLRES-3404"), "2026-11-28T03:00:00Z");
                records.save(before);

                db.cutOff();
                CallRecord during = CallRecordStoreContract.abandoned("call-during", StationId.of("POLRES-3404"), "2026-11-28T03:01:00Z");
                records.save(during);
                CallbackTask task = new CallbackTask("task-during", new CallId("call-during"), "anonymous", StationId.of("POLRES-3404"),
                        -7.7156, 110.3558, Instant.parse("2026-11-28T03:01:07Z"), CallbackTask.Status.OPEN, null, null, null, null, null);
                tasks.save(task);
                assertThat(records.find(new CallId("call-during"))).contains(during);
                assertThat(tasks.find("task-during")).contains(task);
                assertThat(recordWrites.backlog()).isEqualTo(1);

                db.restore();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while ((recordWrites.backlog() > 0 || taskWrites.backlog() > 0) && System.nanoTime() < deadline) {
                    Thread.sleep(100); // the retry thread moves the spool in on its own
                }
                assertThat(recordTable.find(new CallId("call-during"))).contains(during);
                assertThat(taskTable.find("task-during")).contains(task);
                assertThat(records.atStations(List.of(StationId.of("POLRES-3404")), CallRecordStore.Window.ALL, 10))
                        .extracting(r -> r.id().value()).containsExactly("call-during", "call-before");
                // a task opened during the outage can be claimed once the database is back
                assertThat(tasks.replaceIf(CallbackTask.Status.OPEN, new CallbackTask("task-during", new CallId("call-during"), "anonymous",
                        StationId.of("POLRES-3404"), -7.7156, 110.3558, task.createdAt(), CallbackTask.Status.CLAIMED, "operator.sleman1",
                        Instant.parse("2026-11-28T03:10:00Z"), null, null, null))).isTrue();
            }
        }
    }
}
