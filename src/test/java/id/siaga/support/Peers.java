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

    /** Whether something listens on the TCP port (a broker, a database), within two seconds. */
    public static boolean listening(String host, int port) {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress(host, port), 2_000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Mosquitto at 127.0.0.1:1883, the MQTT tests' broker. */
    public static void requireMosquitto() {
        require(listening("127.0.0.1", 1883), "Mosquitto at 127.0.0.1:1883");
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
