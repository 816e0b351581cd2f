package id.siaga.tracking.internal;

import id.siaga.journal.InMemoryJournalStore;
import id.siaga.journal.Journal;
import id.siaga.journal.JournalSpool;
import id.siaga.tracking.DeviceDirectory;
import id.siaga.tracking.LivePositions;
import id.siaga.tracking.MemoryTrackStore;
import id.siaga.tracking.PositionPipeline;
import id.siaga.tracking.PositionValidator;
import id.siaga.tracking.RejectionJournal;
import id.siaga.tracking.TrackWriter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The GPS pipeline as the MQTT door's tests need it: the real pipeline, validator, writer and rejection journal over
 * an in-memory track store and journal, units known by their id alone (no devices).
 */
final class PipelineOverMemory implements AutoCloseable {

    final MemoryTrackStore store;
    final LivePositions live = new LivePositions();
    final Journal journal;
    final TrackWriter writer;
    final RejectionJournal rejections;
    final PositionPipeline pipeline;
    final DeviceDirectory units;

    /** {@code writers} committing threads, {@code batchSize} fixes a commit at most, {@code capacity} fixes waiting at most. */
    PipelineOverMemory(Path dir, MemoryTrackStore store, Predicate<String> isUnit, int writers, int batchSize, int capacity, Duration commitTimeout) {
        this.store = store;
        Clock clock = Clock.systemUTC();
        this.units = new DeviceDirectory() {
            @Override
            public Optional<String> unitOfDevice(String deviceId) {
                return Optional.empty();
            }

            @Override
            public boolean isUnit(String unitId) {
                return isUnit.test(unitId);
            }
        };
        journal = new Journal(new InMemoryJournalStore(), new JournalSpool(dir.resolve("journal-spool.jsonl")), clock, 100, 10_000, Duration.ofSeconds(1));
        writer = new TrackWriter(store, new TrackWriter.Settings(writers, batchSize, capacity, commitTimeout, Duration.ofMillis(50),
                dir.resolve("track-spool.jsonl"), 1 << 24), new SimpleMeterRegistry());
        rejections = new RejectionJournal(journal, clock, Duration.ofMinutes(1), 100);
        pipeline = new PositionPipeline(units, new PositionValidator(clock, Duration.ofMinutes(5), Duration.ofDays(90), 300), live, writer, rejections,
                clock, new SimpleMeterRegistry());
    }

    @Override
    public void close() {
        store.release();
        writer.close();
        journal.close();
    }
}
