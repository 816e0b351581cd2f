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
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", classPath, "id.siaga.Siaga110Application",
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
