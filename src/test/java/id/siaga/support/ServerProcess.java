package id.siaga.support;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Siaga 110 as a separate operating-system process (the test's own classpath, the real main class), so a test can
 * do to it what happens in production: {@code kill -9} it ({@link #kill}), stop it with SIGTERM ({@link #terminate}),
 * and start it again on the same files and ports.
 */
public final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int httpPort;

    private ServerProcess(Process process, Path log, int httpPort) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
    }

    /**
     * Starts the server with {@code args} (Spring Boot {@code --key=value} arguments) and waits until it reports ready.
     *
     * @param name for the log file under target/server-process/
     */
    public static ServerProcess start(String name, int httpPort, List<String> args) {
        return start(name, httpPort, args, null);
    }

    /**
     * Starts the server as {@link #start(String, int, List)} does, in {@code workingDirectory} (null: the test's own), so
     * the shipped relative paths ({@code ./data/...}) land in a folder of the test's as they land in a newcomer's checkout.
     */
    public static ServerProcess start(String name, int httpPort, List<String> args, Path workingDirectory) {
        String classPath = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().toString()).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-XX:TieredStopAtLevel=1"));
        Optional<SharedClasses> shared = sharedClasses(classPath);
        shared.ifPresent(c -> command.add("-XX:SharedArchiveFile=" + c.archive()));
        command.addAll(List.of("-cp", shared.map(SharedClasses::classPath).orElse(classPath), "id.siaga.Siaga110Application",
                "--server.port=" + httpPort));
        command.addAll(args);
        try {
            Path dir = Files.createDirectories(Path.of("target", "server-process"));
            Path log = dir.resolve(name + "-" + System.nanoTime() + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            if (workingDirectory != null) {
                builder.directory(workingDirectory.toFile());
            }
            Process p = builder.start();
            ServerProcess server = new ServerProcess(p, log, httpPort);
            server.awaitReady(Duration.ofSeconds(120));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the server: " + e.getMessage(), e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The child's classpath with the class-data archive made for it, once made; absent while being made or when it cannot be. */
    private record SharedClasses(String classPath, Path archive) {
    }

    private static volatile Optional<SharedClasses> sharedClasses;

    /**
     * The tests start the server as a process about fifty times a run, and much of each start is loading and verifying
     * the same classes: an application class-data archive (AppCDS, JDK 17's dynamic archive) lets every start map them
     * instead. The JVM archives classes from jars only, so the project's compiled classes and test classes are put in two
     * jars first; a run that exits right after the context is refreshed ({@code spring.context.exit=onRefresh}) writes
     * the archive. Made once per run by whichever test JVM asks first (the other starts without it meanwhile), under
     * target/server-process. Anything failing here only means starts without it; a start whose archive does not match
     * runs without it too (the JVM checks).
     */
    private static Optional<SharedClasses> sharedClasses(String classPath) {
        Optional<SharedClasses> known = sharedClasses;
        if (known != null) {
            return known;
        }
        synchronized (ServerProcess.class) {
            if (sharedClasses != null) {
                return sharedClasses;
            }
            try {
                // named by the classpath and its compiled classes' last change: a rebuild never starts a server of old classes
                Path dir = Path.of("target", "server-process", "classes-" + stamp(classPath)).toAbsolutePath();
                Path archive = dir.resolve("siaga110.jsa");
                Path made = dir.resolve("siaga110.classpath");
                Files.createDirectories(dir);
                if (Files.isRegularFile(archive) && Files.isRegularFile(made)) {
                    return sharedClasses = Optional.of(new SharedClasses(Files.readString(made), archive));
                }
                try (var lock = java.nio.channels.FileChannel.open(dir.resolve("making.lock"), java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.WRITE); var held = lock.tryLock()) {
                    if (held == null) {
                        return Optional.empty();
                    }
                    if (Files.isRegularFile(archive) && Files.isRegularFile(made)) {
                        return sharedClasses = Optional.of(new SharedClasses(Files.readString(made), archive));
                    }
                    List<String> entries = new ArrayList<>();
                    for (String entry : classPath.split(java.io.File.pathSeparator)) {
                        Path p = Path.of(entry);
                        if (Files.isDirectory(p)) {
                            Path jar = dir.resolve(p.getFileName() + ".jar");
                            jar(p, jar);
                            entries.add(jar.toString());
                        } else {
                            entries.add(entry);
                        }
                    }
                    String jars = String.join(java.io.File.pathSeparator, entries);
                    Path making = dir.resolve("siaga110.jsa.making");
                    Files.deleteIfExists(making);
                    Process p = new ProcessBuilder(java(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:ArchiveClassesAtExit=" + making,
                            "-Dspring.context.exit=onRefresh", "-cp", jars, "id.siaga.Siaga110Application", "--server.port=0",
                            "--spring.datasource.url=jdbc:h2:mem:class-archive;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                            "--siaga.journal.spool-file=" + dir.resolve("spool.jsonl"), "--siaga.telephony.enabled=false")
                            .redirectErrorStream(true).redirectOutput(dir.resolve("making.log").toFile()).start();
                    if (!p.waitFor(120, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                    if (!Files.isRegularFile(making)) {
                        return sharedClasses = Optional.empty();
                    }
                    Files.move(making, archive, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    Files.writeString(made, jars);
                    return sharedClasses = Optional.of(new SharedClasses(jars, archive));
                }
            } catch (IOException e) {
                return sharedClasses = Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    private static String stamp(String classPath) throws IOException {
        long newest = 0;
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p)) {
                try (var files = Files.walk(p)) {
                    newest = Math.max(newest, files.mapToLong(f -> f.toFile().lastModified()).max().orElse(0));
                }
            }
        }
        return Integer.toHexString(classPath.hashCode()) + "-" + Long.toHexString(newest);
    }

    /** Puts the folders and files under {@code classes} in a jar, as they are (the folders too: class-path scanning looks for them). */
    private static void jar(Path classes, Path jar) throws IOException {
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar)); var files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(f -> !f.equals(classes)).sorted()::iterator) {
                String name = classes.relativize(f).toString().replace(java.io.File.separatorChar, '/');
                if (Files.isDirectory(f)) {
                    out.putNextEntry(new java.util.jar.JarEntry(name + "/"));
                } else {
                    out.putNextEntry(new java.util.jar.JarEntry(name));
                    Files.copy(f, out);
                }
                out.closeEntry();
            }
        }
    }

    private void awaitReady(Duration within) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + " while starting\n" + output());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server was not ready within " + within + "\n" + output());
    }

    /** {@code kill -9}: the process gets no chance to close anything. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM: the orderly shutdown an init system or an operator's Ctrl-C gives. */
    public void terminate() {
        process.destroy();
        waitForExit();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the process is still running (not killed, not exited). */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The end of what the server printed, for assertion messages. */
    public String output() {
        try {
            String out = Files.readString(log);
            return "server log " + log + ":\n" + (out.length() > 6000 ? out.substring(out.length() - 6000) : out);
        } catch (IOException e) {
            return "(no server log: " + e.getMessage() + ")";
        }
    }

    /** The lines of the whole log (all starts of this process object) that contain {@code text}. */
    public List<String> logLines(String text) {
        try {
            return Files.readAllLines(log).stream().filter(l -> l.contains(text)).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** A port free for both TCP and UDP on 127.0.0.1 right now (SIP listens on both). */
    public static int freePort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                    return port;
                } catch (IOException taken) {
                    // UDP side in use: try another
                }
            } catch (IOException e) {
                throw new IllegalStateException("no free port: " + e.getMessage(), e);
            }
        }
        throw new IllegalStateException("no port free for both TCP and UDP after 50 tries");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            waitForExit();
        }
    }
}
