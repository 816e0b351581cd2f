package id.siaga.tracking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.tracking.LivePositions;
import id.siaga.tracking.MemoryTrackStore;
import id.siaga.tracking.Position;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MQTT door's intake between the broker and the history: a message is acknowledged only once its fix is kept, a
 * lane does not wait for one message's commit before taking the next (the fixes that come during a commit share the
 * next one), and a fix the writer could not keep in time is offered again and acknowledged once it is.
 */
class MqttPositionIntakeTests {

    static final String ROOT = "siaga/units";
    static final Instant T0 = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    Path dir;
    final MemoryTrackStore store = new MemoryTrackStore();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final List<String> acknowledged = new CopyOnWriteArrayList<>();
    PipelineOverMemory gps;
    LivePositions live;
    MqttPositionIntake intake;

    void open(Duration commitTimeout) {
        gps = new PipelineOverMemory(dir, store, unit -> unit.startsWith("SLM-"), 1, 100, 1000, commitTimeout);
        live = gps.live;
        intake = new MqttPositionIntake(gps.pipeline, gps.rejections, gps.units, meters, ROOT, 1, 65_536);
    }

    @AfterEach
    void close() {
        store.release();
        if (intake != null) {
            intake.close(2_000);
        }
        if (gps != null) {
            gps.close();
        }
    }

    /** A fix of the unit, {@code second}s after T0; acknowledged as "unit@second". */
    void deliver(String unit, int second) {
        String payload = "{\"lat\":" + (-7.7156 - second * 1e-5) + ",\"lon\":110.3558,\"timestamp\":" + T0.plusSeconds(second).toEpochMilli() + "}";
        String name = unit + "@" + second;
        intake.take(new MqttPositionIntake.Message(ROOT + "/" + unit + "/position", payload.getBytes(StandardCharsets.UTF_8),
                () -> acknowledged.add(name)));
    }

    @Test
    void whileOneCommitIsUnderWayTheLaneTakesTheNextFixesAndTheyShareTheNextCommit() {
        open(Duration.ofSeconds(30));
        store.hold();
        deliver("SLM-R4-01", 1);
        eventually(() -> store.appends() == 1, "the first fix's commit under way");
        deliver("SLM-R4-01", 2);
        deliver("SLM-R4-01", 3);
        deliver("SLM-R4-02", 3);
        deliver("SLM-R4-01", 4);
        // one lane for all: had it waited for the first commit, the unit would still stand at its first fix
        eventually(() -> live.last("SLM-R4-01").map(p -> p.fixTime().equals(T0.plusSeconds(4))).orElse(false),
                "the lane validated the later fixes while the first commit hung");
        assertThat(live.last("SLM-R4-02")).isPresent();
        assertThat(acknowledged).as("nothing acknowledged before it is kept").isEmpty();

        store.release();
        eventually(() -> acknowledged.size() == 5, "every message acknowledged once kept");
        assertThat(acknowledged).containsExactlyInAnyOrder("SLM-R4-01@1", "SLM-R4-01@2", "SLM-R4-01@3", "SLM-R4-02@3", "SLM-R4-01@4");
        assertThat(store.batches()).extracting(List::size).as("the four that came during the first commit share the next")
                .containsExactly(1, 4);
        assertThat(store.rows()).hasSize(5);
    }

    @Test
    void aFixNotKeptInTimeIsOfferedAgainAndAcknowledgedOnceWhenKept() {
        open(Duration.ofMillis(200));
        store.hold();
        deliver("SLM-R4-01", 1);
        eventually(() -> meters.counter("siaga.tracking.mqtt.reoffered").count() >= 2, "offered again while the database hangs");
        assertThat(acknowledged).isEmpty();

        store.release();
        eventually(() -> acknowledged.size() == 1, "acknowledged once kept");
        assertThat(store.rows()).extracting(Position::fixTime).containsExactly(T0.plusSeconds(1));
        sleep(500);
        assertThat(acknowledged).as("acknowledged once, however often it was offered").containsExactly("SLM-R4-01@1");
    }

    @Test
    void aMessageTheDoorRefusesIsAcknowledgedWithoutWaitingForAnyCommit() {
        open(Duration.ofSeconds(30));
        store.hold();
        deliver("SLM-R4-01", 1);
        eventually(() -> store.appends() == 1, "a commit under way");
        intake.take(new MqttPositionIntake.Message(ROOT + "//position", new byte[0], () -> acknowledged.add("no unit")));
        intake.take(new MqttPositionIntake.Message(ROOT + "/NOBODY/position", "{\"lat\":-7.7,\"lon\":110.3}".getBytes(StandardCharsets.UTF_8),
                () -> acknowledged.add("nobody")));
        eventually(() -> acknowledged.size() == 2, "refusals acknowledged at once");
        assertThat(acknowledged).containsExactly("no unit", "nobody");
    }

    static void eventually(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            sleep(10);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
