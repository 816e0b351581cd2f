package id.siaga.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch of a phone that was out of coverage, and the MQTT payload of a unit's topic. */
class JsonPositionDecoderTests {

    @Test
    void aBatchIsReadElementByElementAndABadOneCostsOnlyItself() {
        List<DecodedFix> fixes = OsmAndFixture.load("batch-array.http").decode();
        assertThat(fixes).hasSize(5);
        assertThat(fixes.get(0).report().fixTime()).isEqualTo(Instant.parse("2026-11-28T09:00:00Z"));
        assertThat(fixes.get(0).report().source()).isEqualTo(PositionSource.JSON_BATCH);
        assertThat(fixes.get(0).report().batteryPercent()).isEqualTo(50.0);
        assertThat(fixes.get(2).problem()).isEqualTo("coords.latitude must be a number, got \"north\"");
        assertThat(fixes.get(2).deviceId()).isEqualTo("860001040000201");
        assertThat(fixes.get(3).report().latitude()).isEqualTo(-7.742);
        assertThat(fixes.get(4).report().fixTime()).isEqualTo(Instant.parse("2026-11-28T08:59:30Z"));
        assertThat(OsmAndFixture.load("batch-object.http").decode()).hasSize(2).noneMatch(DecodedFix::isMalformed);
    }

    @Test
    void aBatchThatIsNoBatch() {
        assertThat(JsonPositionDecoder.batch(bytes("[1, \"x\"]"))).extracting(DecodedFix::problem)
                .containsExactly("batch element is not a JSON object", "batch element is not a JSON object");
        assertThat(JsonPositionDecoder.batch(bytes("{\"positions\": 3}")).get(0).problem()).contains("expected a JSON array");
        assertThat(JsonPositionDecoder.batch(bytes("[{\"location\":{}}]")).get(0).problem()).isEqualTo("no device_id");
        assertThat(JsonPositionDecoder.batch(bytes("<xml/>")).get(0).problem()).startsWith("not JSON");
    }

    @Test
    void theMqttPayloadIsMetersPerSecondAndTheTopicNamesTheUnit() {
        DecodedFix fix = JsonPositionDecoder.mqtt("SLM-R4-01", bytes("""
                {"lat":-7.7156,"lon":110.3558,"timestamp":1795884432000,"speed":12.5,"bearing":45,"altitude":110,
                 "accuracy":4,"batt":77,"deviceId":"sleman-r4-01"}"""));
        PositionReport r = fix.report();
        assertThat(r.unitId()).isEqualTo("SLM-R4-01");
        assertThat(r.deviceId()).isEqualTo("sleman-r4-01");
        assertThat(r.fixTime()).isEqualTo(Instant.parse("2026-11-28T16:47:12Z"));
        assertThat(r.speedMetersPerSecond()).isEqualTo(12.5);
        assertThat(r.bearingDegrees()).isEqualTo(45.0);
        assertThat(r.batteryPercent()).isEqualTo(77.0);
        assertThat(r.source()).isEqualTo(PositionSource.MQTT);

        PositionReport iso = JsonPositionDecoder.mqtt("SLM-R4-01", bytes("{\"lat\":-7.7,\"lon\":110.3,\"timestamp\":\"2026-11-28T10:07:12Z\"}"))
                .report();
        assertThat(iso.fixTime()).isEqualTo(Instant.parse("2026-11-28T10:07:12Z"));
        assertThat(iso.deviceId()).isNull();
        assertThat(JsonPositionDecoder.mqtt("SLM-R4-01", bytes("{\"lat\":-7.7,\"lon\":110.3,\"timestamp\":1795884432}")).report().fixTime())
                .isEqualTo(Instant.parse("2026-11-28T16:47:12Z"));
    }

    @Test
    void badMqttPayloadsAreRefusedWithAReason() {
        assertThat(JsonPositionDecoder.mqtt("U", bytes("{\"lat\":\"-7.7\",\"lon\":110.3}")).problem()).isEqualTo("lat must be a number, got \"-7.7\"");
        assertThat(JsonPositionDecoder.mqtt("U", bytes("{\"lat\":-7.7}")).problem()).isEqualTo("lat and lon must come together");
        assertThat(JsonPositionDecoder.mqtt("U", bytes("not json")).problem()).startsWith("not JSON");
        assertThat(JsonPositionDecoder.mqtt("U", bytes("[1]")).problem()).isEqualTo("expected a JSON object");
        assertThat(JsonPositionDecoder.mqtt("U", bytes("{\"lat\":1,\"lon\":2,\"timestamp\":true}")).problem())
                .isEqualTo("timestamp must be a time (number or string), got true");
        assertThat(JsonPositionDecoder.mqtt("U", bytes("{\"batt\":50}")).report().isHeartbeat()).isTrue();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
