package id.siaga.support;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test does when a required peer (PostgreSQL, the national data, SIPp) is missing: in CI
 * ({@code CI=true}) it fails loudly; on a laptop it is skipped with a message naming what is missing.
 */
public final class Peers {

    private Peers() {
    }

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    public static void require(boolean available, String what) {
        if (available) {
            return;
        }
        if (inCi()) {
            Assertions.fail("required test peer missing in CI: " + what);
        }
        Assumptions.abort("skipped: " + what);
    }
}
