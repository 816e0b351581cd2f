package id.siaga.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ng framing, byte for byte: a cookie, a space, a bencoded dictionary. */
class NgMessagesTests {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aRequestIsTheCookieASpaceAndTheDictionaryWithSortedKeys() {
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("command", "offer");
        offer.put("call-id", "a84b4c76e66710");
        offer.put("flags", List.of("port latching"));
        offer.put("repeat-times", 3);
        assertThat(new String(NgMessages.encode("5f2a_17", offer), StandardCharsets.UTF_8))
                .isEqualTo("5f2a_17 d7:call-id14:a84b4c76e667107:command5:offer5:flagsl13:port latchinge12:repeat-timesi3ee");
        assertThatThrownBy(() -> NgMessages.encode("two words", Map.of("command", "ping"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReplyIsReadWithItsCookieNumbersListsAndNestedDictionaries() {
        byte[] reply = bytes("5f2a_17 d5:callsl2:c12:c2e8:durationi1000e6:result2:ok5:statsd7:packetsi20eee");
        NgMessages.Reply read = NgMessages.decode(reply, reply.length);
        assertThat(read.cookie()).isEqualTo("5f2a_17");
        assertThat(read.body()).containsEntry("result", "ok").containsEntry("duration", 1000L).containsEntry("calls", List.of("c1", "c2"))
                .containsEntry("stats", Map.of("packets", 20L));
        assertThat(NgMessages.cookie(reply, reply.length)).isEqualTo("5f2a_17");
    }

    @Test
    void whatIsNotAReplyIsRefusedWithAReason() {
        for (String bad : List.of("no-space-at-all", "c1 ", "c1 l4:spame", "c1 d6:result4:po", "c1 d6:resulti12", "c1 dxe")) {
            byte[] b = bytes(bad);
            assertThatThrownBy(() -> NgMessages.decode(b, b.length)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        byte[] b = bytes("no-space-at-all");
        assertThat(NgMessages.cookie(b, b.length)).isEmpty();
    }
}
