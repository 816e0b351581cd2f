package id.siaga.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Mosquitto broker of the test's own (its own port, configuration and persistence folder), which the test may stop,
 * kill and start again on the same port to play a broker outage without touching the machine's shared broker.
 * Persistence is on, as the broker of a Siaga 110 deployment needs it: clients' persistent sessions and the messages
 * queued for them are saved on every change ({@code autosave_on_changes}, {@code autosave_interval 1}), not only when the
 * broker stops, so they survive a {@code kill -9} too. With Mosquitto's default (a save every 30 minutes and at a clean
 * stop), a killed broker forgets the server's session, and fixes published before the server subscribes again are
 * dropped by the broker although it acknowledged them.
 */
public final class PrivateMosquitto implements AutoCloseable {

    private final Path binary;
    private final Path dir;
    private final int port;
    private Process process;

    private PrivateMosquitto(Path binary, Path dir, int port) {
        this.binary = binary;
        this.dir = dir;
        this.port = port;
    }

    /** The installed broker, if any (Debian puts it in /usr/sbin). */
    static Path binary() {
        return Stream.of("/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto", "/usr/local/bin/mosquitto").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
    }

    /** Writes a configuration in a new temporary folder and starts the broker on a free port. Fails (CI) or skips when Mosquitto is not installed. */
    public static PrivateMosquitto start() {
        return start(new String[0]);
    }

    /** {@link #start()} with more lines of configuration (such as {@code max_inflight_messages 1000}). */
    public static PrivateMosquitto start(String... moreConfiguration) {
        Path bin = binary();
        Peers.require(bin != null, "Mosquitto (Debian package mosquitto) for a private test broker");
        try {
            Path dir = Files.createTempDirectory("siaga-mosquitto-");
            // as root the broker drops to the mosquitto user, which must be able to write its persistence file here
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            PrivateMosquitto broker = new PrivateMosquitto(bin, dir, ServerProcess.freePort());
            Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                    "listener " + broker.port + " 127.0.0.1",
                    "allow_anonymous true",
                    "persistence true",
                    "persistence_location " + dir + "/",
                    "autosave_on_changes true",
                    "autosave_interval 1",
                    "log_dest stdout",
                    "log_type error",
                    "log_type warning",
                    "log_type notice",
                    String.join("\n", moreConfiguration),
                    ""));
            broker.startBroker();
            return broker;
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a private Mosquitto: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    /** The broker URL as the server's {@code siaga.tracking.mqtt.broker-url} takes it. */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Starts the broker (again, after {@link #stop} or {@link #kill}) on the same port; returns once it accepts connections. */
    public void startBroker() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the private Mosquitto on port " + port + " is already running");
        }
        try {
            process = new ProcessBuilder(List.of(binary.toString(), "-c", dir.resolve("mosquitto.conf").toString()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + binary + ": " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Peers.listening("127.0.0.1", port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the private Mosquitto did not listen on port " + port + "\n" + log());
            }
            ChildProcesses.sleep(50);
        }
    }

    /** SIGTERM, as an operator or an init system restarts it: the broker saves its sessions and queued messages on the way out. */
    public void stop() {
        end(false);
    }

    /** {@code kill -9}: the broker keeps only what it had saved before. */
    public void kill() {
        end(true);
    }

    private void end(boolean forcibly) {
        ChildProcesses.end(process, forcibly, Duration.ofSeconds(30));
    }

    /** What the broker logged, for assertion messages. */
    public String log() {
        return "mosquitto log:\n" + ChildProcesses.tail(dir.resolve("broker.log"), 3000);
    }

    @Override
    public void close() {
        kill();
        ChildProcesses.deleteTree(dir);
    }
}
