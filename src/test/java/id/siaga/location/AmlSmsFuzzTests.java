package id.siaga.location;

import static id.siaga.support.Fuzzing.check;
import static id.siaga.support.Fuzzing.checkCoordinates;
import static id.siaga.support.Fuzzing.checkReason;

import com.code_intelligence.jazzer.junit.FuzzTest;
import id.siaga.support.Fuzzing;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An AML SMS as the SMS gateway hands it over, fuzzed (docs/FUZZING.md): the parser accepts it with a report or
 * rejects it with a reason, never throws, never answers with its own "parser bug", and nothing it passes on to the
 * journal and the log (reason, ignored fields, caller number, handset model) carries a control character.
 */
class AmlSmsFuzzTests {

    /** The gateway's sender field in the forms gateways use, and missing; the input picks one. */
    private static final String[] SENDERS = {"+6281234567890", "081234567890", "6281234567890", "", null};

    static Stream<byte[]> sms() {
        return Fuzzing.seeds("aml/", "sms-android-reference-located.txt", "sms-android-reference-no-location.txt",
                "sms-bad-time.txt", "sms-data-sms-packed.bin", "sms-kota-wifi-crlf.txt", "sms-latitude-out-of-range.txt",
                "sms-no-position.txt", "sms-sleman-gnss.txt", "sms-truncated.txt", "sms-wrong-ml.txt");
    }

    /** The text, one character per byte, as a gateway that does not decode would hand it over (AmlFixture.sms). */
    @MethodSource
    @FuzzTest
    void sms(byte[] text) {
        String sender = SENDERS[text.length % SENDERS.length];
        answered(AmlSmsParser.parse(new String(text, StandardCharsets.ISO_8859_1), sender), "AML SMS");
    }

    static void answered(AmlResult result, String what) {
        if (!result.accepted()) {
            check(!result.problem().startsWith("AML parser bug"), () -> what + ": " + result.problem());
            checkReason(result.problem(), what);
            return;
        }
        AmlReport report = result.report().orElseThrow();
        report.fix().ifPresentOrElse(fix -> checkCoordinates(fix.latitude(), fix.longitude(), what),
                () -> checkReason(report.noFixReason(), what + " without a fix"));
        report.ignored().forEach(reason -> checkReason(reason, what + " ignored field"));
        report.callerNumber().ifPresent(n -> check(isNumber(n), () -> what + " caller number " + n));
        report.handset().model().ifPresent(m -> check(m.chars().noneMatch(Character::isISOControl), () -> what + " model " + m));
        report.confidencePercent().ifPresent(p -> check(p > 0 && p <= 100, () -> what + " confidence " + p));
    }

    /** What IndonesianNumbers.normalize promises: an optional '+' and 3 to 22 digits. */
    static boolean isNumber(String n) {
        int digits = n.startsWith("+") ? n.length() - 1 : n.length();
        return digits >= 3 && digits <= 22 && n.substring(n.length() - digits).chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
