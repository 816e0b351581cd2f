package id.siaga.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A NATS JetStream server of the test's own (its own port and storage folder), which the test may start late, kill and
 * start again on the same port and storage to play a bus outage without touching the machine's shared NATS. Its port is
 * chosen when it is made, before it runs, so a node can be pointed at a bus that is not there yet.
 */
public final class PrivateNats implements AutoCloseable {

    private final Path binary;
    private final Path dir;
    private final int port;
    private Process process;

    private PrivateNats(Path binary, Path dir, int port) {
        this.binary = binary;
        this.dir = dir;
        this.port = port;
    }

    /** The installed server, if any (Debian puts it in /usr/sbin). */
    static Path binary() {
        return Stream.of("/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server").map(Path::of).filter(Files::isExecutable)
                .findFirst().orElse(null);
    }

    /** A server on a free port with a new storage folder, not started yet. Fails (CI) or skips when nats-server is not installed. */
    public static PrivateNats notStarted() {
        Path bin = binary();
        Peers.require(bin != null, "nats-server (Debian package nats-server) for a private test bus");
        try {
            return new PrivateNats(bin, Files.createTempDirectory("siaga-nats-"), ServerProcess.freePort());
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a private NATS: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    /** The URL as {@code siaga.cluster.nats-url} takes it. */
    public String url() {
        return "nats://127.0.0.1:" + port;
    }

    /** Starts the server (again, after {@link #kill}) on the same port and storage; returns once it accepts connections. */
    public void startServer() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the private NATS on port " + port + " is already running");
        }
        try {
            process = new ProcessBuilder(List.of(binary.toString(), "-a", "127.0.0.1", "-p", Integer.toString(port), "-js", "-sd",
                    dir.resolve("jetstream").toString())).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + binary + ": " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Peers.listening("127.0.0.1", port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the private NATS did not listen on port " + port + "\n" + log());
            }
            ChildProcesses.sleep(50);
        }
    }

    /** {@code kill -9}: the bus is gone at once, its clients cut off; what it stored stays in its folder. */
    public void kill() {
        ChildProcesses.end(process, true, Duration.ofSeconds(30));
    }

    /** The server's disk is lost while it is down: its buckets and streams are gone when it starts again. */
    public void loseStorage() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the private NATS on port " + port + " is running: kill it first");
        }
        ChildProcesses.deleteTree(dir.resolve("jetstream"));
    }

    /** What the server logged, for assertion messages. */
    public String log() {
        return "nats-server log:\n" + ChildProcesses.tail(dir.resolve("server.log"), 3000);
    }

    @Override
    public void close() {
        kill();
        ChildProcesses.deleteTree(dir);
    }
}
