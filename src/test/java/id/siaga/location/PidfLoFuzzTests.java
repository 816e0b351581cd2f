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
 * A PIDF-LO document, from the body of a caller's INVITE or from a location server, fuzzed (docs/FUZZING.md).
 * Whatever the bytes, the parser answers with a usable fix or with the reason there is none: never an exception,
 * never its own "parser bug" answer, never a reason that could forge a log line, and in bounded time (a DOCTYPE,
 * so also a billion-laughs document, is refused before any entity is expanded; see the regression inputs).
 */
class PidfLoFuzzTests {

    static Stream<byte[]> document() {
        return Fuzzing.seeds("sip/", "pidf-ellipse-kota-yogyakarta.xml", "pidf-garbage.xml", "pidf-missing-pos.xml",
                "pidf-point-bantul.xml", "pidf-polygon-gunungkidul.xml", "pidf-polygon-kulon-progo.xml", "pidf-sphere-sleman.xml",
                "pidf-wrong-crs.xml", "pidf-xxe.xml");
    }

    /** The document as a whole INVITE body ({@code application/pidf+xml}) and as a location server's answer. */
    @MethodSource
    @FuzzTest
    void document(byte[] xml) {
        answered(PidfLoParser.fromInvite("<cid:target123@ims.telkomsel.example>", "application/pidf+xml", xml), "INVITE body");
        answered(PidfLoParser.parsePidf(new String(xml, StandardCharsets.UTF_8)), "dereferenced document");
    }

    static void answered(PidfLoResult result, String what) {
        if (result.located()) {
            LocationFix fix = result.fix().orElseThrow();
            checkCoordinates(fix.latitude(), fix.longitude(), what);
            check(!fix.method().contains("\n") && !fix.method().contains("\r"), () -> what + " method with a line break: " + fix.method());
            return;
        }
        check(!result.problem().startsWith("PIDF-LO parser bug"), () -> what + ": " + result.problem());
        checkReason(result.problem(), what);
    }
}
