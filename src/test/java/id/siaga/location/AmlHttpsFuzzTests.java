package id.siaga.location;

import com.code_intelligence.jazzer.junit.FuzzTest;
import id.siaga.support.Fuzzing;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An AML message over HTTPS, fuzzed (docs/FUZZING.md): the {@code application/x-www-form-urlencoded} body a handset
 * POSTs, decoded into fields as the servlet container does, then read by the parser behind the AML endpoint. The
 * same promises as {@link AmlSmsFuzzTests}: a report or a clean reason, never an exception or a "parser bug".
 */
class AmlHttpsFuzzTests {

    static Stream<byte[]> form() {
        return Fuzzing.seeds("aml/", "https-no-position.form", "https-sleman-gps.form");
    }

    @MethodSource
    @FuzzTest
    void form(byte[] body) {
        Map<String, List<String>> fields;
        try {
            fields = AmlFixture.decode(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return; // a broken %-escape: the servlet container refuses the body before the parser sees it
        }
        AmlSmsFuzzTests.answered(AmlHttpsParser.parse(fields), "AML HTTPS");
    }
}
