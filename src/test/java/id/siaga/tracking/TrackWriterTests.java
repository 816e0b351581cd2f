package id.siaga.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fix is answered only once it is kept, and never lost after that: Polres Sleman's patrol car reports while the
 * database is up, while it is away (the fixes wait in the local spool, forced to disk), across a crash of the server
 * (a new writer finds the spool and replays it), when the spool is full (the sender is told to resend), and when the
 * database refuses one fix's values (that one is set aside, the rest kept).
 */
class TrackWriterTests {

    static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");

    @TempDir
    Path dir;
    final List<TrackWriter> writers = new ArrayList<>();

    @AfterEach
    void closeAll() {
        writers.forEach(TrackWriter::close);
    }

    TrackWriter writer(MemoryTrackStore db, long spoolBytes, Duration commitTimeout) {
        TrackWriter w = new TrackWriter(db, new TrackWriter.Settings(2, 100, 1000, commitTimeout, Duration.ofMillis(50),
                dir.resolve("track-spool.jsonl"), spoolBytes), new SimpleMeterRegistry());
        writers.add(w);
        return w;
    }

    static Position fix(String device, int second) {
        return new Position("SLM-R4-01", device, T0.plusSeconds(second), -7.7156 - second * 1e-5, 110.3558, 8.5, 180.0, 110.0, 5.0, 87.0,
                PositionSource.OSMAND_HTTP, T0.plusSeconds(second).plusMillis(300));
    }

    static List<Position> fixes(int from, int count) {
        List<Position> out = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            out.add(fix("860001040000101", i));
        }
        return out;
    }

    /** Hands over as a door does: room first. */
    static CompletableFuture<Boolean> handOver(TrackWriter w, List<Position> fixes) {
        assertThat(w.tryReserve(fixes.size())).isTrue();
        return w.commit(fixes);
    }

    static void eventually(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void whileTheDatabaseIsAwayFixesAreAnsweredFromTheSpoolAndReachTheDatabaseOnceWhenItReturns() throws Exception {
        MemoryTrackStore db = new MemoryTrackStore();
        TrackWriter w = writer(db, 1 << 20, Duration.ofSeconds(30));
        assertThat(handOver(w, fixes(0, 3)).get()).isTrue();
        db.down = true;
        assertThat(handOver(w, fixes(3, 4)).get()).as("kept in the spool").isTrue();
        assertThat(handOver(w, fixes(7, 3)).get()).isTrue();
        assertThat(db.rows()).hasSize(3);
        assertThat(w.spooledBytes()).isPositive();
        assertThat(Files.readAllLines(dir.resolve("track-spool.jsonl"))).hasSize(7);

        db.down = false;
        eventually(() -> w.spooledBytes() == 0, "the spool is replayed and emptied");
        assertThat(db.rows()).containsExactlyInAnyOrderElementsOf(fixes(0, 10));
        assertThat(Files.size(dir.resolve("track-spool.jsonl"))).isZero();
        assertThat(handOver(w, fixes(10, 1)).get()).isTrue();
        assertThat(db.rows()).as("the database again, directly").hasSize(11);
    }

    @Test
    void aSpoolLeftByACrashIsReplayedAtStartEvenWithATornLastLine() throws Exception {
        MemoryTrackStore away = new MemoryTrackStore();
        away.down = true;
        TrackWriter crashed = writer(away, 1 << 20, Duration.ofSeconds(30));
        assertThat(handOver(crashed, fixes(0, 5)).get()).isTrue();
        // the process dies mid-append: half a line that nobody was answered for
        Files.write(dir.resolve("track-spool.jsonl"), "{\"unitId\":\"SLM-R4-01\",\"devi".getBytes(StandardCharsets.UTF_8),
                java.nio.file.StandardOpenOption.APPEND);

        MemoryTrackStore back = new MemoryTrackStore();
        TrackWriter restarted = writer(back, 1 << 20, Duration.ofSeconds(30));
        eventually(() -> back.rows().size() == 5 && restarted.spooledBytes() == 0, "replayed at start");
        assertThat(back.rows()).containsExactlyInAnyOrderElementsOf(fixes(0, 5));
    }

    @Test
    void whenTheSpoolIsFullTheSenderIsToldToResendAndItsResendIsKeptOnce() throws Exception {
        MemoryTrackStore db = new MemoryTrackStore();
        db.down = true;
        TrackWriter w = writer(db, 1000, Duration.ofSeconds(30)); // room for two or three fixes
        assertThat(handOver(w, fixes(0, 2)).get()).isTrue();
        assertThat(handOver(w, fixes(2, 5)).get()).as("more than the spool may hold: not kept, not acknowledged").isFalse();
        assertThat(w.depth()).as("its room is given back").isZero();

        db.down = false;
        eventually(() -> w.spooledBytes() == 0, "the spool is replayed");
        assertThat(handOver(w, fixes(2, 5)).get()).as("the resend").isTrue();
        assertThat(handOver(w, fixes(0, 7)).get()).as("everything once more").isTrue();
        assertThat(db.rows()).containsExactlyInAnyOrderElementsOf(fixes(0, 7));
    }

    @Test
    void aDatabaseThatHangsMakesTheDoorTellTheSenderToResendAndTheLateWriteIsHarmless() throws Exception {
        MemoryTrackStore hanging = new MemoryTrackStore().hold();
        TrackWriter w = new TrackWriter(hanging, new TrackWriter.Settings(2, 100, 1000, Duration.ofMillis(200), Duration.ofMillis(50),
                dir.resolve("track-spool.jsonl"), 1 << 20), new SimpleMeterRegistry());
        writers.add(w);
        assertThat(handOver(w, fixes(0, 1)).get()).as("not kept within the commit timeout").isFalse();
        hanging.release();
        assertThat(handOver(w, fixes(0, 1)).get()).as("the resend").isTrue();
        assertThat(hanging.rows()).containsExactly(fix("860001040000101", 0));
    }

    @Test
    void aFixWhoseValuesTheDatabaseRefusesIsSetAsideAndTheRestOfItsBatchIsKept() throws Exception {
        MemoryTrackStore db = new MemoryTrackStore();
        TrackWriter w = writer(db, 1 << 20, Duration.ofSeconds(30));
        List<Position> batch = new ArrayList<>(fixes(0, 3));
        batch.add(1, fix(MemoryTrackStore.REFUSED_DEVICE, 100));
        assertThat(handOver(w, batch).get()).isTrue();
        assertThat(db.rows()).containsExactlyInAnyOrderElementsOf(fixes(0, 3));
        assertThat(Files.readString(dir.resolve("track-spool.jsonl.rejected"))).contains("\"deviceId\":\"bad\"");
        assertThat(handOver(w, fixes(3, 1)).get()).as("the writer goes on").isTrue();
    }

    @Test
    void closingKeepsWhatIsQueued() throws Exception {
        MemoryTrackStore db = new MemoryTrackStore();
        db.down = true;
        TrackWriter w = writer(db, 1 << 20, Duration.ofSeconds(30));
        CompletableFuture<Boolean> kept = handOver(w, fixes(0, 50));
        w.close();
        assertThat(kept.get()).isTrue();
        db.down = false;
        TrackWriter next = writer(db, 1 << 20, Duration.ofSeconds(30));
        eventually(() -> db.rows().size() == 50 && next.spooledBytes() == 0, "replayed by the next start");
    }
}
