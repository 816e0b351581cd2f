package id.siaga.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline's story for one patrol car, with literal times (the server's clock reads 10:00 UTC): fixes move it
 * forward and are told to listeners, an older fix goes to history only, refusals are journalled once per device
 * and reason per minute with their count, and a full history queue refuses whole requests before anything changed.
 */
class PositionPipelineTests {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static final DeviceDirectory SLEMAN = new DeviceDirectory() {
        @Override
        public Optional<String> unitOfDevice(String deviceId) {
            return deviceId.equals("860001040000101") || deviceId.equals("sleman-r4-01") ? Optional.of("SLM-R4-01") : Optional.empty();
        }

        @Override
        public boolean isUnit(String unitId) {
            return unitId.equals("SLM-R4-01");
        }
    };

    final MovableClock clock = new MovableClock();
    final List<RejectionJournal.Entry> journalled = Collections.synchronizedList(new ArrayList<>());
    final RejectionJournal rejections = new RejectionJournal(journalled::add, clock, Duration.ofMinutes(1), 100);
    final LivePositions live = new LivePositions();
    final List<Position> told = new ArrayList<>();
    MemoryTrackStore store;
    TrackWriter writer;
    PositionPipeline pipeline;

    @TempDir
    Path dir;

    void open(boolean holdingStore, int capacity) {
        store = holdingStore ? new MemoryTrackStore().hold() : new MemoryTrackStore();
        writer = new TrackWriter(store, new TrackWriter.Settings(2, 1, capacity, Duration.ofSeconds(30), Duration.ofMillis(100),
                dir.resolve("track-spool.jsonl"), 1 << 20), new SimpleMeterRegistry());
        pipeline = new PositionPipeline(SLEMAN, new PositionValidator(clock, Duration.ofMinutes(5), Duration.ofDays(90), 300), live, writer, rejections, clock,
                new SimpleMeterRegistry());
        live.addListener(told::add);
    }

    @AfterEach
    void close() {
        store.release();
        writer.close();
    }

    static String get(String device, String time, double lat) {
        return "/?id=" + device + "&lat=" + lat + "&lon=110.3558&timestamp=" + time;
    }

    IngestOutcome.Status send(String uri) {
        IngestResult r = pipeline.osmAnd(uri, null, new byte[0]);
        return r.busy() ? null : r.outcomes().get(0).status();
    }

    @Test
    void aPatrolCarMovesForwardAndAnOlderFixOnlyReachesHistory() {
        open(false, 100);
        assertThat(send(get("860001040000101", "2026-11-28T09:59:00Z", -7.7156))).isEqualTo(IngestOutcome.Status.ACCEPTED);
        assertThat(send(get("860001040000101", "2026-11-28T09:59:30Z", -7.7160))).isEqualTo(IngestOutcome.Status.ACCEPTED);
        assertThat(send(get("sleman-r4-01", "2026-11-28T09:59:10Z", -7.7157))).isEqualTo(IngestOutcome.Status.OUT_OF_ORDER);
        assertThat(send(get("860001040000101", "2026-11-28T09:59:30Z", -7.7160))).isEqualTo(IngestOutcome.Status.DUPLICATE);

        assertThat(live.last("SLM-R4-01").orElseThrow().fixTime()).isEqualTo(Instant.parse("2026-11-28T09:59:30Z"));
        assertThat(told).extracting(Position::fixTime).containsExactly(Instant.parse("2026-11-28T09:59:00Z"),
                Instant.parse("2026-11-28T09:59:30Z"));
        assertThat(live.lastSeen("SLM-R4-01")).contains(NOW);
        writer.close();
        assertThat(store.rows()).extracting(Position::fixTime).containsExactlyInAnyOrder(Instant.parse("2026-11-28T09:59:00Z"),
                Instant.parse("2026-11-28T09:59:30Z"), Instant.parse("2026-11-28T09:59:10Z"));
        assertThat(writer.depth()).isZero();
    }

    @Test
    void afterARestartTheRestoredPositionRecognisesWhatTheBrokerDeliversAgain() {
        open(false, 100);
        Position before = new Position("SLM-R4-01", "860001040000101", Instant.parse("2026-11-28T09:59:30Z"), -7.7160, 110.3558, null, null,
                null, null, null, PositionSource.MQTT, Instant.parse("2026-11-28T09:59:31Z"));
        live.restore(List.of(before));
        assertThat(live.last("SLM-R4-01")).contains(before);
        assertThat(live.lastSeen("SLM-R4-01")).as("not heard from since the restart").isEmpty();
        assertThat(send(get("860001040000101", "2026-11-28T09:59:30Z", -7.7160))).isEqualTo(IngestOutcome.Status.DUPLICATE);
        assertThat(send(get("860001040000101", "2026-11-28T09:59:20Z", -7.7159))).isEqualTo(IngestOutcome.Status.OUT_OF_ORDER);
        assertThat(told).isEmpty();
        live.restore(List.of(new Position("SLM-R4-01", "x", Instant.parse("2026-11-28T09:00:00Z"), -7.7, 110.3, null, null, null, null, null,
                PositionSource.MQTT, NOW)));
        assertThat(live.last("SLM-R4-01")).as("an older one does not replace it").contains(before);
    }

    @Test
    void aFixWithoutTimestampIsStampedWithTheServersTime() {
        open(false, 100);
        assertThat(send("/?id=860001040000101&lat=-7.7&lon=110.3")).isEqualTo(IngestOutcome.Status.ACCEPTED);
        assertThat(live.last("SLM-R4-01").orElseThrow().fixTime()).isEqualTo(NOW);
    }

    @Test
    void refusalsAreJournalledOncePerDeviceAndReasonPerMinuteWithTheirCount() {
        open(false, 100);
        for (int i = 0; i < 5; i++) {
            assertThat(send(get("860001040000101", "2026-11-28T10:06:00Z", -7.7))).isEqualTo(IngestOutcome.Status.REJECTED);
        }
        assertThat(send(get("unknown-1", "2026-11-28T09:00:00Z", -7.7))).isEqualTo(IngestOutcome.Status.REJECTED);
        assertThat(journalled).hasSize(2);
        assertThat(journalled.get(0).subjectId()).isEqualTo("SLM-R4-01");
        assertThat(journalled.get(0).payload()).containsEntry("reason", "FUTURE_TIME").containsEntry("count", 1L)
                .containsEntry("device", "860001040000101");
        assertThat(journalled.get(1).kind()).isEqualTo(id.siaga.journal.SubjectKind.SYSTEM);
        assertThat(journalled.get(1).payload()).containsEntry("reason", "UNKNOWN_DEVICE");

        clock.now = NOW.plusSeconds(59);
        rejections.flush();
        assertThat(journalled).as("the window is not over yet").hasSize(2);
        clock.now = NOW.plusSeconds(60);
        rejections.flush();
        assertThat(journalled).hasSize(3);
        assertThat(journalled.get(2).payload()).containsEntry("reason", "FUTURE_TIME").containsEntry("count", 4L);
        assertThat(told).isEmpty();
    }

    @Test
    void aFullHistoryQueueRefusesWholeRequestsBeforeAnythingChanges() {
        open(true, 2);
        var first = pipeline.osmAndAsync(get("860001040000101", "2026-11-28T09:59:00Z", -7.7156), null, new byte[0]);
        var second = pipeline.osmAndAsync(get("860001040000101", "2026-11-28T09:59:10Z", -7.7156), null, new byte[0]);
        assertThat(first).as("not answered before the store has it").isNotDone();
        assertThat(writer.depth()).isEqualTo(2);
        assertThat(send(get("860001040000101", "2026-11-28T09:59:20Z", -7.7156))).as("busy").isNull();
        String batch = "[" + String.join(",", Collections.nCopies(2, "{\"device_id\":\"860001040000101\",\"location\":{\"timestamp\":"
                + "\"2026-11-28T09:59:30Z\",\"coords\":{\"latitude\":-7.7,\"longitude\":110.3}}}")) + "]";
        assertThat(pipeline.batch(batch.getBytes(StandardCharsets.UTF_8)).busy()).isTrue();
        assertThat(live.last("SLM-R4-01").orElseThrow().fixTime()).as("nothing moved").isEqualTo(Instant.parse("2026-11-28T09:59:10Z"));
        store.release();
        assertThat(first.join().outcomes()).extracting(IngestOutcome::status).containsExactly(IngestOutcome.Status.ACCEPTED);
        assertThat(second.join().outcomes()).extracting(IngestOutcome::status).containsExactly(IngestOutcome.Status.ACCEPTED);
        writer.close();
        assertThat(store.rows()).hasSize(2);
    }

    @Test
    void heartbeatsAndRefusalsGiveTheirRoomBack() {
        open(false, 3);
        assertThat(pipeline.batch(("[{\"device_id\":\"860001040000101\",\"location\":{\"coords\":{\"latitude\":-7.7,\"longitude\":110.3}}},"
                + "{\"device_id\":\"nobody\",\"location\":{\"coords\":{\"latitude\":-7.7,\"longitude\":110.3}}}, 7]")
                .getBytes(StandardCharsets.UTF_8)).outcomes()).extracting(IngestOutcome::status)
                .containsExactly(IngestOutcome.Status.ACCEPTED, IngestOutcome.Status.REJECTED, IngestOutcome.Status.REJECTED);
        assertThat(send("/?id=860001040000101&lat=0&lon=0")).isEqualTo(IngestOutcome.Status.HEARTBEAT);
        writer.close();
        assertThat(writer.depth()).isZero();
        assertThat(store.rows()).hasSize(1);
        assertThat(journalled).extracting(e -> e.payload().get("reason")).containsExactly("UNKNOWN_DEVICE", "MALFORMED");
        assertThat(journalled.get(1).payload()).containsEntry("values", Map.of());
    }
}
