package id.siaga.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** A wrong tracking setting stops the start with a message naming its key. */
class TrackingPropertiesTests {

    static final TrackingProperties.Mqtt MQTT = new TrackingProperties.Mqtt(true, "tcp://127.0.0.1:1883", "", "siaga/units", "", "",
            Duration.ofSeconds(5), 1, Duration.ofDays(7), 16, 65536);

    static TrackingProperties with(int port, int batch, int capacity, double maxSpeed) {
        return new TrackingProperties(port, "0.0.0.0", "", 65536, Duration.ofMinutes(5), maxSpeed, Duration.ofDays(90), batch, 4,
                Duration.ofSeconds(5), capacity, Duration.ofSeconds(1), false, "", DataSize.ofGigabytes(1), Duration.ofHours(1), 2,
                Duration.ofMinutes(1), MQTT);
    }

    @Test
    void eachBadSettingNamesItsKey() {
        with(5055, 1000, 200_000, 300);
        with(0, 1000, 200_000, 300);
        with(-1, 1000, 200_000, 300);
        assertThatThrownBy(() -> with(70000, 1000, 200_000, 300)).hasMessageContaining("siaga.tracking.osmand-port");
        assertThatThrownBy(() -> with(5055, 1000, 10, 300)).hasMessageContaining("siaga.tracking.history-queue-capacity");
        assertThatThrownBy(() -> with(5055, 0, 200_000, 300)).hasMessageContaining("siaga.tracking.history-batch-size");
        assertThatThrownBy(() -> with(5055, 1000, 200_000, Double.NaN)).hasMessageContaining("siaga.tracking.max-speed-kmh");
        assertThatThrownBy(() -> new TrackingProperties.Mqtt(true, "localhost:1883", "", "siaga/units", "", "", Duration.ofSeconds(5), 1, Duration.ofDays(7), 16, 65536))
                .hasMessageContaining("siaga.tracking.mqtt.broker-url");
        assertThatThrownBy(() -> new TrackingProperties.Mqtt(true, "tcp://h:1883", "", "siaga/+", "", "", Duration.ofSeconds(5), 1, Duration.ofDays(7), 16, 65536))
                .hasMessageContaining("siaga.tracking.mqtt.topic-root");
        assertThatThrownBy(() -> new TrackingProperties.Mqtt(true, "tcp://h:1883", "", "siaga/units", "", "", Duration.ofSeconds(5), 0, Duration.ofDays(7), 16, 65536))
                .hasMessageContaining("siaga.tracking.mqtt.connections");
        assertThatThrownBy(() -> new TrackingProperties.Mqtt(true, "tcp://h:1883", "", "siaga/units", "", "", Duration.ofSeconds(5), 1, Duration.ZERO, 16, 65536))
                .hasMessageContaining("siaga.tracking.mqtt.session-expiry");
        assertThatThrownBy(() -> new TrackingProperties.Mqtt(true, "tcp://h:1883", "", "siaga/units", "", "", Duration.ofSeconds(5), 1, Duration.ofDays(7), 0, 65536))
                .hasMessageContaining("siaga.tracking.mqtt.lanes");
        assertThatThrownBy(() -> new TrackingProperties.Mqtt(true, "tcp://h:1883", "", "siaga/units", "", "", Duration.ofSeconds(5), 1, Duration.ofDays(7), 16,
                100_000)).hasMessageContaining("siaga.tracking.mqtt.max-payload-bytes");
    }
}
