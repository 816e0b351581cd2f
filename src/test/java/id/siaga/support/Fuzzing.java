package id.siaga.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What the fuzz tests ({@code *FuzzTests}, docs/FUZZING.md) share: seeds read from the captured fixtures under
 * {@code src/test/resources}, and the checks every target makes of its parser's answer. A check throws
 * {@link AssertionError}, which Jazzer reports as a finding and keeps as a regression input; the checks are plain
 * comparisons, not AssertJ, because they run for every one of millions of inputs.
 */
public final class Fuzzing {

    private Fuzzing() {
    }

    /** The bytes of test resources, e.g. {@code seeds("sip/", "invite-sleman-circle.sip", ...)}: the fuzzer starts from real messages. */
    public static Stream<byte[]> seeds(String directory, String... names) {
        List<byte[]> seeds = new ArrayList<>();
        for (String name : names) {
            seeds.add(resource(directory + name));
        }
        return seeds.stream();
    }

    /** Seeds written out in the test, as UTF-8. */
    public static Stream<byte[]> texts(String... texts) {
        return Stream.of(texts).map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] resource(String path) {
        try (InputStream in = Fuzzing.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails the input when {@code holds} is false; {@code what} is only built then. */
    public static void check(boolean holds, Supplier<String> what) {
        if (!holds) {
            throw new AssertionError(what.get());
        }
    }

    /**
     * A reason given for refusing a message goes into a log line and the journal: it must not carry a line break or
     * another control character the sender put there (a forged log line), nor be empty.
     */
    public static void checkReason(String reason, String what) {
        check(reason != null && !reason.isBlank(), () -> what + " refused without a reason");
        for (int i = 0; i < reason.length(); i++) {
            char c = reason.charAt(i);
            if (Character.isISOControl(c)) {
                int at = i;
                check(false, () -> what + " reason carries control character U+" + String.format("%04X", (int) c) + " at " + at + ": " + reason);
            }
        }
    }

    /** A latitude and longitude a map and the routing can use. */
    public static void checkCoordinates(double latitude, double longitude, String what) {
        check(latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180,
                () -> what + " position " + latitude + ", " + longitude + " is outside -90..90, -180..180");
    }
}
