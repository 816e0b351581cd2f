package id.siaga.tracking;

import id.siaga.support.Peers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto of the test's own on a port it chooses, without persistence, which the test starts and stops to play a
 * broker that is down, comes up, and goes away; the machine's shared broker is never touched. With a user, it lets
 * only that user in.
 */
final class MqttTestBroker implements AutoCloseable {

    private final int port;
    private final Path config;
    private final Path log;
    private Process process;

    MqttTestBroker(int port) {
        this(port, null, null);
    }

    MqttTestBroker(int port, String user, String password) {
        Peers.require(Files.isExecutable(Path.of("/usr/sbin/mosquitto")) || Files.isExecutable(Path.of("/usr/bin/mosquitto")),
                "the mosquitto binary (Debian package mosquitto) for a private test broker");
        this.port = port;
        try {
            Path dir = Files.createTempDirectory("siaga-mosquitto-");
            // Mosquitto started as root reads its files as user mosquitto
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            this.config = dir.resolve("mosquitto.conf");
            this.log = dir.resolve("mosquitto.log");
            String access = "allow_anonymous true\n";
            if (user != null) {
                Path passwords = dir.resolve("passwords");
                Process p = new ProcessBuilder("mosquitto_passwd", "-b", "-c", passwords.toString(), user, password).redirectErrorStream(true).start();
                if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException("mosquitto_passwd failed: " + new String(p.getInputStream().readAllBytes()));
                }
                passwords.toFile().setReadable(true, false);
                access = "allow_anonymous false\npassword_file " + passwords + "\n";
            }
            Files.writeString(config, "listener " + port + " 127.0.0.1\n" + access + "persistence false\n");
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a private Mosquitto's configuration: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the broker; returns once it accepts connections. */
    void start() {
        try {
            process = new ProcessBuilder(List.of("mosquitto", "-c", config.toString())).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start mosquitto: " + e.getMessage(), e);
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Peers.listening("127.0.0.1", port)) {
            if (!process.isAlive() || System.nanoTime() > until) {
                throw new IllegalStateException("the private Mosquitto on port " + port + " did not come up; its log: " + output());
            }
            sleep();
        }
    }

    /** Stops the broker (SIGTERM) and waits until it is gone; its clients' connections drop. */
    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
