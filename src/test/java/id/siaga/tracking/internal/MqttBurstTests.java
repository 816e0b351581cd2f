package id.siaga.tracking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.MqttPublisher;
import id.siaga.support.PrivateMosquitto;
import id.siaga.tracking.MemoryTrackStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A burst of positions against the MQTT door while the history is slow, on a private Mosquitto configured as a
 * deployment that expects bursts is ({@code max_inflight_messages 1000}, a large queue): the broker fills the door's
 * window of unacknowledged messages, and the door must keep its one connection and take every position once the
 * history catches up. With a window of 1,000, Mosquitto 2.0.11 overran it and the door lost its connection again and
 * again (bench/RESULTS.md, 2026-12-03).
 */
class MqttBurstTests {

    static final int UNITS = 500;
    static final int ROUNDS = 6;

    @TempDir
    Path dir;

    @Test
    void aBurstWhileTheHistoryIsSlowIsTakenWholeOnOneConnection() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String root = "siaga-burst-" + run + "/units";
        MemoryTrackStore store = new MemoryTrackStore().hold();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Instant t0 = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS);
        try (PrivateMosquitto broker = PrivateMosquitto.start("max_inflight_messages 1000", "max_queued_messages 100000");
             PipelineOverMemory gps = new PipelineOverMemory(dir, store, unit -> unit.startsWith("BURST-"), 2, 1000, 100_000, Duration.ofSeconds(60))) {
            MqttPositionClient.Settings settings = new MqttPositionClient.Settings(broker.url(), "siaga110-burst-" + run, root, "", "",
                    Duration.ofSeconds(1), 1, Duration.ofMinutes(10), 16, 65_536, false);
            try (MqttPositionClient door = new MqttPositionClient(gps.pipeline, gps.rejections, gps.units, meters, settings, Clock.systemUTC());
                 MqttPublisher units = new MqttPublisher("127.0.0.1", broker.port(), "siaga110-burst-units-" + run)) {
                door.start();
                MqttPositionIntakeTests.eventually(door::isConnected, "the door connected");
                for (int round = 0; round < ROUNDS; round++) {
                    for (int unit = 0; unit < UNITS; unit++) {
                        String payload = "{\"lat\":" + (-7.7 - round * 1e-4) + ",\"lon\":" + (110.3 + unit * 1e-4) + ",\"timestamp\":"
                                + t0.plusSeconds(round * 10L).toEpochMilli() + "}";
                        units.publish(root + "/BURST-" + unit + "/position", payload.getBytes(StandardCharsets.UTF_8));
                    }
                }
                // the first commit hangs until every position of the burst has been published to the broker
                store.release();
                MqttPositionIntakeTests.eventually(() -> store.rows().size() == UNITS * ROUNDS, "every position of the burst kept");
                assertThat(meters.counter("siaga.tracking.mqtt.connections.lost").count()).as("the door's connection held").isZero();
                assertThat(door.isConnected()).isTrue();
            }
        }
    }
}
