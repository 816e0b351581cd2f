package id.siaga.telephony.media;

import static id.siaga.support.Fuzzing.check;
import static id.siaga.support.Fuzzing.checkReason;

import com.code_intelligence.jazzer.junit.FuzzTest;
import id.siaga.support.Fuzzing;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A datagram on the DTMF log's port fuzzed (docs/FUZZING.md), read as {@link DtmfLogListener} reads it: UTF-8 text,
 * then {@link DtmfEvent#parse}. It answers with an event naming a call, or refuses with a reason fit for a log line;
 * anything else would stop the listener's thread for every call's keypresses.
 */
class DtmfLogFuzzTests {

    static Stream<byte[]> datagram() {
        return Stream.concat(Fuzzing.seeds("media/", "dtmf-log-event.json"), Fuzzing.texts(
                "{\"callid\":\"c@h\",\"source_tag\":\"t\",\"tags\":[\"t\",\"u\"],\"type\":\"DTMF\",\"timestamp\":1,\"source_ip\":\"::1\",\"event\":11,"
                        + "\"duration\":60,\"volume\":63}",
                "{\"callid\":\"c\",\"type\":\"DTMF\",\"event\":16}",
                "{\"type\":\"DTMF\",\"event\":1}",
                "[\"DTMF\"]"));
    }

    @MethodSource
    @FuzzTest
    void datagram(byte[] input) {
        DtmfEvent event;
        try {
            event = DtmfEvent.parse(new String(input, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            checkReason(e.getMessage(), "a DTMF log datagram");
            return;
        }
        check(!event.callId().isEmpty(), () -> "an event without a call: " + event);
        check("0123456789*#ABCD?".indexOf(event.key()) >= 0, () -> "a key no phone has: " + event.key());
        check(event.tags() != null && event.duration() != null && event.at() != null, () -> "an event with a null: " + event);
    }
}
