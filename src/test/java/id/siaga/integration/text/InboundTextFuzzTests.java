package id.siaga.integration.text;

import static id.siaga.support.Fuzzing.check;
import static id.siaga.support.Fuzzing.checkReason;

import com.code_intelligence.jazzer.junit.FuzzTest;
import id.siaga.support.Fuzzing;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SMS gateway's body for {@code POST /api/texts/inbound}, fuzzed (docs/FUZZING.md): {@link InboundText#parse} either
 * gives a message that keeps every promise (a {@code +} number, a text of 1 to 2,000 characters without NUL or broken
 * pairs, a printable message id, SMS or CHAT) or refuses it with a reason fit to show (no control characters, no Java
 * names); nothing else is thrown (that would be a 500).
 */
class InboundTextFuzzTests {

    static Stream<byte[]> body() {
        return Fuzzing.texts(
                "{\"from\":\"+6281234500001\",\"to\":\"110\",\"text\":\"Tolong, ada perampokan\",\"messageId\":\"gw-1\",\"receivedAt\":\"2026-12-04T07:12:03Z\"}",
                "{\"from\":\"081234500001\",\"to\":\"110\",\"text\":\"A\\\"ML=1;lt=-7.71560;lg=+110.35580;rd=14\",\"messageId\":\"gw-2\",\"channel\":\"sms\"}",
                "{\"from\":\"tel:+62 812-3450-0001\",\"to\":\"110\",\"text\":\"\\ud83d\\ude91 tolong\",\"messageId\":\"x\",\"channel\":\"CHAT\"}",
                "{\"from\":null,\"text\":[],\"messageId\":1}", "[]", "{");
    }

    @MethodSource
    @FuzzTest
    void body(byte[] input) {
        String body = new String(input, StandardCharsets.UTF_8);
        InboundText in;
        try {
            in = InboundText.parse(body);
        } catch (InboundText.Refused refused) {
            checkReason(refused.getMessage(), "inbound text");
            return;
        }
        check(in.from().startsWith("+") && in.from().length() >= 4, () -> "from " + in.from());
        check(!in.text().isBlank() && in.text().length() <= InboundText.MAX_TEXT && in.text().indexOf('\0') < 0, () -> "text " + in.text());
        check(in.messageId().chars().allMatch(c -> c > 0x20 && c < 0x7F), () -> "messageId " + in.messageId());
        check(in.channel().equals("SMS") || in.channel().equals("CHAT"), () -> "channel " + in.channel());
        for (int i = 0; i < in.text().length(); i++) {
            char c = in.text().charAt(i);
            if (Character.isHighSurrogate(c)) {
                int at = i;
                check(i + 1 < in.text().length() && Character.isLowSurrogate(in.text().charAt(++i)), () -> "broken pair at " + at);
            } else {
                int at = i;
                check(!Character.isLowSurrogate(c), () -> "lone low surrogate at " + at);
            }
        }
    }
}
