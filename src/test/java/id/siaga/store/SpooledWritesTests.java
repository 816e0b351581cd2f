package id.siaga.store;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.journal.JsonLinesSpool;
import id.siaga.telephony.CallId;
import id.siaga.telephony.CallRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** Writes through a store that goes away and comes back: nothing lost, nothing reordered, also across a restart. */
class SpooledWritesTests {

    @TempDir
    Path dir;

    /** A store that refuses everything while {@code down}, like a database without connections. */
    final AtomicBoolean down = new AtomicBoolean();
    final List<CallRecord> stored = new ArrayList<>();

    void store(CallRecord r) {
        if (down.get()) {
            throw new CannotGetJdbcConnectionException("database away");
        }
        if (r.callerNumber().isEmpty()) {
            throw new DataIntegrityViolationException("caller_number must not be empty");
        }
        synchronized (stored) {
            stored.add(r);
        }
    }

    SpooledWrites<CallRecord> writes(Path spool) {
        // a retry interval far beyond the test: flushes happen only when the test asks (or at start)
        return new SpooledWrites<>("call record", new JsonLinesSpool<>(spool, CallRecord.class, "call record spool"), this::store,
                SpoolingCallRecordStore::key, CallRecord.class, Duration.ofHours(1));
    }

    static CallRecord record(int n) {
        Instant at = Instant.parse("2026-11-28T03:00:00Z").plusSeconds(n);
        return new CallRecord(new CallId("call-" + n), "+62812000000" + n, "110", "POLRES-3404", at, null, at.plusSeconds(5),
                CallRecord.Outcome.ABANDONED, null, null, null, "caller", "PIDF_LO", -7.7156, 110.3558);
    }

    @Test
    void whileTheStoreIsAwayWritesWaitOnDiskAreReadableAndArriveInOrderWhenItReturns() throws Exception {
        Path spool = dir.resolve("records.jsonl");
        try (SpooledWrites<CallRecord> writes = writes(spool)) {
            writes.write(record(1));
            down.set(true);
            writes.write(record(2));
            down.set(false);
            writes.write(record(3)); // the store is back, but record 2 still waits: 3 queues behind it
            assertThat(stored).containsExactly(record(1));
            assertThat(Files.readAllLines(spool)).hasSize(2);
            assertThat(writes.pending("call-2")).contains(record(2));
            assertThat(writes.pending("call-1")).isEmpty();

            assertThat(writes.flush()).isTrue();
            assertThat(stored).containsExactly(record(1), record(2), record(3));
            assertThat(writes.backlog()).isZero();
            assertThat(Files.size(spool)).isZero();
        }
    }

    @Test
    void aFlushThatFailsHalfWayKeepsTheRestInTheSpool() {
        Path spool = dir.resolve("records.jsonl");
        try (SpooledWrites<CallRecord> writes = writes(spool)) {
            down.set(true);
            for (int i = 1; i <= 4; i++) {
                writes.write(record(i));
            }
            assertThat(writes.flush()).isFalse();
            assertThat(writes.backlog()).isEqualTo(4);
            down.set(false);
            assertThat(writes.flush()).isTrue();
            assertThat(stored).extracting(CallRecord::id).extracting(CallId::value).containsExactly("call-1", "call-2", "call-3", "call-4");
        }
    }

    @Test
    void spooledWritesSurviveARestartIncludingATornLastLine() throws Exception {
        Path spool = dir.resolve("records.jsonl");
        try (SpooledWrites<CallRecord> writes = writes(spool)) {
            down.set(true);
            writes.write(record(1));
            writes.write(record(2));
        }
        // the process died while writing a third line
        Files.writeString(spool, "{\"id\":{\"value\":\"call-3\"},\"caller", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (SpooledWrites<CallRecord> restarted = writes(spool)) {
            assertThat(restarted.backlog()).isEqualTo(2);
            restarted.write(record(4)); // appended on a line of its own, after the torn one
            assertThat(restarted.backlog()).isEqualTo(3);
            down.set(false);
            assertThat(restarted.flush()).isTrue();
        }
        assertThat(stored).extracting(r -> r.id().value()).containsExactly("call-1", "call-2", "call-4");
        assertThat(stored.get(0)).isEqualTo(record(1)); // every field came back from the spool unchanged
    }

    @Test
    void aValueTheStoreRejectsAsInvalidIsSetAsideAndDoesNotBlockTheOthers() throws Exception {
        Path spool = dir.resolve("records.jsonl");
        CallRecord bad = new CallRecord(new CallId("call-bad"), "", "110", "POLRES-3404", Instant.parse("2026-11-28T03:00:00Z"), null,
                Instant.parse("2026-11-28T03:00:05Z"), CallRecord.Outcome.ABANDONED, null, null, null, "caller", "NONE", null, null);
        try (SpooledWrites<CallRecord> writes = writes(spool)) {
            down.set(true);
            writes.write(bad);
            writes.write(record(1));
            down.set(false);
            assertThat(writes.flush()).isTrue();
            writes.write(bad);
        }
        assertThat(stored).containsExactly(record(1));
        assertThat(Files.readAllLines(dir.resolve("records.jsonl.rejected"))).hasSize(2).allMatch(l -> l.contains("call-bad"));
    }
}
