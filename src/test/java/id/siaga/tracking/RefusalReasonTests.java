package id.siaga.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a tracker sent, echoed into the reason it was refused, goes into the rejection log line and the journal; a
 * carriage return, a line break or a terminal escape in it must not reach either (found by MqttPayloadFuzzTests).
 */
class RefusalReasonTests {

    @Test
    void aControlCharacterInAnMqttPayloadIsNotEchoedIntoTheReason() {
        DecodedFix refused = JsonPositionDecoder.mqtt("SLM-R4-01", "q\u007f\u0015".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(refused.problem()).startsWith("not JSON").doesNotContain("\u007f", "\u0015");
    }

    @Test
    void aCarriageReturnInAnOsmAndFieldIsNotEchoedIntoTheReasonOrTheValues() {
        List<DecodedFix> timestamp = OsmAndPositionDecoder.decode("/?id=860001030000101&lat=-7.7&lon=110.3&timestamp=1%0D2026-11-28"
                + "%20INFO%20forged", null, new byte[0]);
        List<DecodedFix> speed = OsmAndPositionDecoder.decode("/?id=860001030000101&lat=-7.7&lon=110.3&speed=%1B[2Jfast", null, new byte[0]);

        assertThat(timestamp.get(0).problem()).startsWith("unreadable timestamp").doesNotContain("\r");
        assertThat(speed.get(0).problem()).startsWith("speed is not a finite number").doesNotContain("\u001b");
        assertThat(speed.get(0).values().toString()).doesNotContain("\u001b");
    }

    @Test
    void aWrongTypeInAJsonBatchIsShownWithoutItsControlCharacters() {
        DecodedFix refused = JsonPositionDecoder.batch(("[{\"device_id\":\"860001040000201\",\"location\":{\"coords\":"
                + "{\"latitude\":\"north\\r\\nforged\",\"longitude\":110.3}}}]").getBytes(StandardCharsets.UTF_8)).get(0);

        assertThat(refused.problem()).startsWith("coords.latitude must be a number").doesNotContain("\r", "\n");
    }

    @Test
    void aDeviceIdWithAControlCharacterIsRefusedWithoutBeingRepeated() {
        DecodedFix osmAnd = OsmAndPositionDecoder.decode("/?id=8600010%0D40000101&lat=-7.7&lon=110.3", null, new byte[0]).get(0);
        DecodedFix raw = OsmAndPositionDecoder.decode("/?id=8600010\u008640000101&lat=-7.7&lon=110.3", null, new byte[0]).get(0);
        DecodedFix badEscape = OsmAndPositionDecoder.decode("/?id=860\u00100103&lat=%%-7.96", null, new byte[0]).get(0);
        DecodedFix batch = JsonPositionDecoder.batch(("[{\"device_id\":\"86000104\\u001b[2J\",\"location\":{\"coords\":"
                + "{\"latitude\":-7.7,\"longitude\":110.3}}}]").getBytes(StandardCharsets.UTF_8)).get(0);
        DecodedFix mqtt = JsonPositionDecoder.mqtt("SLM-R4-01", "{\"deviceId\":\"a\\nb\",\"lat\":-7.7,\"lon\":110.3}"
                .getBytes(StandardCharsets.UTF_8));

        for (DecodedFix refused : List.of(osmAnd, raw, batch, mqtt)) {
            assertThat(refused.isMalformed()).as(refused.toString()).isTrue();
            assertThat(refused.problem()).contains("control character");
            assertThat(refused.deviceId()).isNull();
        }
        assertThat(badEscape.problem()).startsWith("bad percent-encoding");
        assertThat(badEscape.deviceId()).as("refused for its escape, still not named").isNull();
    }
}
