package id.siaga.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own ({@code initdb} in a temporary folder, its own port), which the test may stop
 * and start to play a database outage without touching the machine's shared server. As root it runs as the
 * {@code postgres} user, since PostgreSQL refuses to run as root.
 */
public final class PrivatePostgres implements AutoCloseable {

    private final Path bin;
    private final Path data;
    private final int port;
    private final boolean asPostgresUser;

    private PrivatePostgres(Path bin, Path data, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The newest installed server's binaries, if any (Debian: /usr/lib/postgresql/N/bin). */
    static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(p -> Integer.parseInt(p.getParent().getFileName().toString().replaceAll("\\D", "0")))).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** Creates a cluster in a new temporary folder and starts it on a free port. Fails (CI) or skips when PostgreSQL is not installed. */
    public static PrivatePostgres start() {
        Path bin = binaries();
        Peers.require(bin != null, "PostgreSQL server binaries (Debian package postgresql) for a private test server");
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path dir = Files.createTempDirectory("siaga-pg-");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            Path data = dir.resolve("data");
            PrivatePostgres pg = new PrivatePostgres(bin, data, ServerProcess.freePort(), root);
            pg.run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"));
            pg.startServer();
            return pg;
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a private PostgreSQL: " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?reWriteBatchedInserts=true";
    }

    /** Starts the server again (after {@link #stop}); returns once it accepts connections. */
    public void startServer() {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-l", data.getParent().resolve("server.log").toString(),
                "-o", "-p " + port + " -k " + data.getParent() + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
    }

    /** Stops the server at once, as a crash or a lost database host would (immediate mode: no checkpoint). */
    public void stop() {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-m", "immediate", "stop"));
    }

    /**
     * Freezes the server and every backend (SIGSTOP), as a database host that stops answering without closing its
     * connections: a client's reads wait on open sockets. {@link #thaw()} lets it go on.
     */
    public void freeze() {
        signal("-STOP");
    }

    public void thaw() {
        signal("-CONT");
    }

    private void signal(String signal) {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
            List<String> kill = new ArrayList<>(List.of("kill", signal, Long.toString(postmaster)));
            ProcessHandle.of(postmaster).ifPresent(p -> p.descendants().forEach(d -> kill.add(Long.toString(d.pid()))));
            Process p = new ProcessBuilder(kill).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", kill) + " failed: " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot signal the private PostgreSQL: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed:\n" + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", full) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (IllegalStateException alreadyStopped) {
            // stopped by the test, or never started
        }
        try (Stream<Path> files = Files.walk(data.getParent())) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }
}
