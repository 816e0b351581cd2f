package id.siaga.bench;

import id.siaga.journal.InMemoryJournalStore;
import id.siaga.journal.Journal;
import id.siaga.journal.JournalSpool;
import id.siaga.tracking.DeviceDirectory;
import id.siaga.tracking.IngestOutcome;
import id.siaga.tracking.IngestResult;
import id.siaga.tracking.LivePositions;
import id.siaga.tracking.MemoryTrackStore;
import id.siaga.tracking.PositionPipeline;
import id.siaga.tracking.PositionValidator;
import id.siaga.tracking.RejectionJournal;
import id.siaga.tracking.TrackStore;
import id.siaga.tracking.TrackWriter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one OsmAnd position costs inside the service, without the network: the request target as Netty hands it
 * over, decoded, the device identified, validated against the unit's last fix, indexed and handed to the history
 * writer (which drains to a store that discards, on its own thread, and completes the answer's future). {@code osmAnd}: 10,000 devices in turn, each
 * fix a second after its last; {@code garbage}: a known device sending an unreadable latitude, the path of a flood
 * (refused, the journal entry throttled to one a minute). Allocation per position: add {@code -prof gc}:
 * {@code bench/jmh.sh -f 1 -wi 3 -i 5 -prof gc GpsIngestBenchmark}.
 */
@Fork(1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class GpsIngestBenchmark {

    static final int DEVICES = 10_000;

    @State(Scope.Benchmark)
    public static class Service {
        PositionPipeline pipeline;
        TrackWriter writer;
        Journal journal;
        String[] devicePrefix;
        long startSecond;

        @Setup(Level.Trial)
        public void start() throws Exception {
            DeviceDirectory devices = new DeviceDirectory() {
                @Override
                public Optional<String> unitOfDevice(String deviceId) {
                    return deviceId.startsWith("86000") ? Optional.of("UNIT-" + deviceId.substring(9)) : Optional.empty();
                }

                @Override
                public boolean isUnit(String unitId) {
                    return unitId.startsWith("UNIT-");
                }
            };
            TrackStore discard = MemoryTrackStore.discarding();
            Clock clock = Clock.systemUTC();
            Path spool = Files.createTempFile("gps-bench-spool", ".jsonl");
            journal = new Journal(new InMemoryJournalStore(), new JournalSpool(spool), clock, 1000, 100_000, Duration.ofSeconds(1));
            writer = new TrackWriter(discard, new TrackWriter.Settings(1, 1000, 1_000_000, Duration.ofSeconds(5), Duration.ofSeconds(1),
                    Files.createTempFile("gps-bench-track-spool", ".jsonl"), 1L << 30), new SimpleMeterRegistry());
            pipeline = new PositionPipeline(devices, new PositionValidator(clock, Duration.ofMinutes(5), Duration.ofDays(90), 300), new LivePositions(), writer,
                    new RejectionJournal(journal, clock, Duration.ofMinutes(1), 10_000), clock, new SimpleMeterRegistry());
            devicePrefix = new String[DEVICES];
            for (int i = 0; i < DEVICES; i++) {
                devicePrefix[i] = "/?id=86000" + String.format("%010d", i) + "&lat=-7.";
            }
            startSecond = clock.instant().getEpochSecond() - 100_000;
        }

        @TearDown(Level.Trial)
        public void stop() {
            writer.close();
            journal.close();
        }
    }

    /** Each thread walks the devices; device i's n-th fix is n seconds after its first and ~1 m further. */
    @State(Scope.Thread)
    public static class Walk {
        int next;
        long round;
    }

    /** The door's own path: the answer is a future the writer completes once the fix is kept, not waited for here. */
    @Benchmark
    public CompletableFuture<IngestResult> osmAnd(Service s, Walk w) {
        int i = w.next;
        if (++w.next == DEVICES) {
            w.next = 0;
            w.round++;
        }
        String uri = s.devicePrefix[i] + (700000 + w.round * 9) + "&lon=110.3558&timestamp=" + (s.startSecond + w.round)
                + "&speed=19.4&bearing=180&altitude=110&accuracy=5&batt=87";
        CompletableFuture<IngestResult> answer = s.pipeline.osmAndAsync(uri, null, new byte[0]);
        IngestResult r = answer.getNow(null);
        if (r != null && (r.busy() || r.outcomes().get(0).status() != IngestOutcome.Status.ACCEPTED)) {
            throw new IllegalStateException("benchmark position not accepted: " + r);
        }
        return answer;
    }

    @Benchmark
    public IngestResult garbage(Service s) {
        return s.pipeline.osmAnd("/?id=860000000000001&lat=minus-seven&lon=110.3558&timestamp=1795884432", null, new byte[0]);
    }
}
