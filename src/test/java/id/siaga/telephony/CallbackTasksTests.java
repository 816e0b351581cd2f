package id.siaga.telephony;

import id.siaga.location.LocationFix;
import id.siaga.location.LocationSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.journal.InMemoryJournalStore;
import id.siaga.journal.Journal;
import id.siaga.journal.JournalSpool;
import id.siaga.org.StationId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A caller in Sleman hangs up before an answer; Polres Sleman must call back. One operator claims the task,
 * another cannot; it is closed once. Each refusal is a {@link CallbackTaskConflictException}.
 */
class CallbackTasksTests {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T01:00:00Z"), ZoneOffset.UTC);
    static final LocationFix IN_SLEMAN = new LocationFix(-7.7156, 110.3558, 12, LocationSource.PIDF_LO, "GPS", java.util.Optional.empty());

    @TempDir
    Path dir;
    Journal journal;

    @BeforeEach
    void openJournal() {
        journal = new Journal(new InMemoryJournalStore(), new JournalSpool(dir.resolve("spool.jsonl")), CLOCK, 100, 1_000, Duration.ofMillis(50));
    }

    @AfterEach
    void closeJournal() {
        journal.close();
    }

    static AbandonedCall hungUp() {
        return new AbandonedCall(new CallId("call-1"), "+6281200000001", StationId.of("POLRES-3404"), IN_SLEMAN,
                CLOCK.instant().minusSeconds(8), CLOCK.instant(), false);
    }

    @Test
    void aTaskIsClaimedOnceAndClosedOnce() {
        CallbackTasks tasks = new CallbackTasks(new InMemoryCallbackTaskStore(), journal, CLOCK);
        CallbackTask task = tasks.open(hungUp());
        assertThat(task.status()).isEqualTo(CallbackTask.Status.OPEN);
        assertThat(tasks.claim(task.id(), "operator.sleman1").claimedBy()).isEqualTo("operator.sleman1");
        assertThatThrownBy(() -> tasks.claim(task.id(), "operator.sleman2")).isInstanceOf(CallbackTaskConflictException.class)
                .hasMessageContaining("CLAIMED by operator.sleman1");
        CallbackTask closed = tasks.close(task.id(), "operator.sleman1", "called back, a misdial");
        assertThat(closed.status()).isEqualTo(CallbackTask.Status.CLOSED);
        assertThatThrownBy(() -> tasks.close(task.id(), "operator.sleman1", "again")).isInstanceOf(CallbackTaskConflictException.class)
                .hasMessageContaining("already closed");
    }

    @Test
    void aClaimThatLosesTheRaceIsAConflictAndTheWinnerStays() {
        InMemoryCallbackTaskStore memory = new InMemoryCallbackTaskStore();
        CallbackTaskStore racing = new CallbackTaskStore() {
            boolean raced;

            @Override
            public void save(CallbackTask task) {
                memory.save(task);
            }

            @Override
            public boolean replaceIf(CallbackTask.Status expected, CallbackTask task) {
                if (!raced) { // another operator's claim lands between our read and our write
                    raced = true;
                    CallbackTask other = memory.find(task.id()).orElseThrow().claim("operator.sleman2", CLOCK.instant());
                    memory.replaceIf(CallbackTask.Status.OPEN, other);
                }
                return memory.replaceIf(expected, task);
            }

            @Override
            public Optional<CallbackTask> find(String id) {
                return memory.find(id);
            }

            @Override
            public java.util.Set<CallId> callsWithTasks(Collection<CallId> calls) {
                return memory.callsWithTasks(calls);
            }

            @Override
            public List<CallbackTask> atStations(Collection<StationId> stations, boolean includeClosed, int limit) {
                return memory.atStations(stations, includeClosed, limit);
            }
        };
        CallbackTasks tasks = new CallbackTasks(racing, journal, CLOCK);
        CallbackTask task = tasks.open(hungUp());
        assertThatThrownBy(() -> tasks.claim(task.id(), "operator.sleman1")).isInstanceOf(CallbackTaskConflictException.class)
                .hasMessageContaining("CLAIMED by operator.sleman2");
        assertThat(memory.find(task.id()).orElseThrow().claimedBy()).isEqualTo("operator.sleman2");
    }
}
