package id.siaga.tracking;

import static id.siaga.support.Fuzzing.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import id.siaga.support.Fuzzing;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A message on {@code siaga/units/{unitId}/position} fuzzed (docs/FUZZING.md): the input is the topic's unit id, a
 * line break, and the payload. The decoder answers with a fix or a refusal ({@link DecodedFixChecks}), about the
 * topic's unit either way (a refusal is journalled against it), and never throws.
 */
class MqttPayloadFuzzTests {

    static Stream<byte[]> message() {
        return Fuzzing.texts(
                "SLM-R4-01\n{\"lat\":-7.7156,\"lon\":110.3558,\"timestamp\":1795860927,\"speed\":8.3,\"bearing\":182.5,\"altitude\":121,"
                        + "\"accuracy\":4.5,\"batt\":87,\"deviceId\":\"860001040000101\"}",
                "SLM-R4-01\n{\"lat\":-7.7156,\"lon\":110.3558,\"timestamp\":\"2026-11-28T10:07:12.345Z\"}",
                "SLM-R4-01\n{\"lat\":-7.7156,\"lon\":110.3558,\"timestamp\":1795860927456}",
                "SLM-R4-01\n{\"batt\":55}",
                "SLM-R4-01\n{\"lat\":\"north\",\"lon\":110.3558}",
                "SLM-R4-01\n{\"lat\":-7.7156}",
                "\uD83D\uDE93\n{\"lat\":-7.72,\"lon\":110.36}",
                "SLM-R4-01\n[1,2]",
                "SLM-R4-01\n{\"lat\":-7.7");
    }

    @MethodSource
    @FuzzTest
    void message(byte[] input) {
        int newline = 0;
        while (newline < input.length && input[newline] != '\n') {
            newline++;
        }
        String unitId = new String(input, 0, newline, StandardCharsets.UTF_8);
        byte[] payload = newline < input.length ? Arrays.copyOfRange(input, newline + 1, input.length) : new byte[0];
        DecodedFix fix = JsonPositionDecoder.mqtt(unitId, payload);
        check(Objects.equals(fix.unitId(), unitId), () -> "MQTT element about unit " + fix.unitId() + ", not the topic's " + unitId);
        DecodedFixChecks.decoded(fix, "MQTT");
    }
}
