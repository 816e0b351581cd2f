package id.siaga.support;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * An rtpengine of the test's own (Debian {@code rtpengine-daemon}, userspace relay: {@code --table=-1}) on 127.0.0.1:
 * its own ng port, its own range of media ports, a temporary recording directory (pcap) and a DTMF log sent to the
 * port the test gives. The test may stop and start it again on the same ports to play an outage.
 *
 * <p>It is started with {@code --config-file=none}: without it rtpengine reads {@code /etc/rtpengine/rtpengine.conf},
 * whose kernel table, fixed CLI and HTTP ports and recording folder would clash with the machine's own instance and
 * with other test runs. No pid file is needed in the foreground, as root or not.
 */
public final class PrivateRtpengine implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/rtpengine");
    /** Media ports per instance: 4 per anchored call (RTP and RTCP on both sides), so 100 calls at once. */
    static final int MEDIA_PORTS = 400;

    private final Path dir;
    private final int ngPort;
    private final int portMin;
    private final int dtmfLogPort;
    private final Thread killer = new Thread(this::kill, "kill-private-rtpengine");
    private boolean hooked;
    private Process process;

    private PrivateRtpengine(Path dir, int ngPort, int portMin, int dtmfLogPort) {
        this.dir = dir;
        this.ngPort = ngPort;
        this.portMin = portMin;
        this.dtmfLogPort = dtmfLogPort;
    }

    /** Starts rtpengine sending its DTMF log to 127.0.0.1:{@code dtmfLogPort}. Fails (CI) or skips when rtpengine is not installed. */
    public static PrivateRtpengine start(int dtmfLogPort) {
        PrivateRtpengine engine = create(dtmfLogPort);
        engine.startEngine();
        return engine;
    }

    /** Chooses the ports and the folder without starting it (a test that wants an instance that is down, then up). */
    public static PrivateRtpengine create(int dtmfLogPort) {
        Peers.require(Files.isExecutable(BINARY), "rtpengine (Debian package rtpengine-daemon) at " + BINARY);
        try {
            Path dir = Files.createTempDirectory("siaga-rtpengine-");
            Files.createDirectories(dir.resolve("recordings"));
            return new PrivateRtpengine(dir, freeUdpPort(), freeMediaRange(), dtmfLogPort);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a private rtpengine: " + e.getMessage(), e);
        }
    }

    /** A UDP port nothing listens on now. */
    public static int freeUdpPort() {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free UDP port: " + e.getMessage(), e);
        }
    }

    /**
     * A range of {@link #MEDIA_PORTS} UDP ports, all free now, below the kernel's ephemeral range (32768 and up), where
     * other tests' sockets bound to port 0 do not land; chosen at random so two runs on one host rarely meet (rtpengine
     * skips a port it cannot bind anyway).
     */
    static int freeMediaRange() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20_000, 32_000 - MEDIA_PORTS) & ~1;
            if (allFree(base, base + MEDIA_PORTS)) {
                return base;
            }
        }
        throw new IllegalStateException("no free range of " + MEDIA_PORTS + " UDP ports between 20000 and 32000");
    }

    private static boolean allFree(int from, int to) {
        List<DatagramSocket> held = new ArrayList<>();
        try {
            for (int port = from; port < to; port++) {
                held.add(new DatagramSocket(port, InetAddress.getLoopbackAddress()));
            }
            return true;
        } catch (IOException taken) {
            return false;
        } finally {
            held.forEach(DatagramSocket::close);
        }
    }

    /** The ng control address, as {@code siaga.media.rtpengines} lists it. */
    public InetSocketAddress ngAddress() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), ngPort);
    }

    /** {@code 127.0.0.1:port}. */
    public String hostPort() {
        return "127.0.0.1:" + ngPort;
    }

    /** Where pcaps ({@code pcaps/}) and their metadata ({@code metadata/}, {@code tmp/} while the call lasts) land. */
    public Path recordingDir() {
        return dir.resolve("recordings");
    }

    public int portMin() {
        return portMin;
    }

    public int portMax() {
        return portMin + MEDIA_PORTS - 1;
    }

    /** Starts it (again, after {@link #stop}) on the same ports; returns once it answers a ping. */
    public void startEngine() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the private rtpengine on port " + ngPort + " is already running");
        }
        List<String> command = List.of(BINARY.toString(), "--config-file=none", "--table=-1", "--foreground", "--log-stderr",
                "--interface=127.0.0.1", "--listen-ng=127.0.0.1:" + ngPort, "--port-min=" + portMin, "--port-max=" + portMax(),
                "--recording-dir=" + recordingDir(), "--recording-method=pcap", "--dtmf-log-dest=127.0.0.1:" + dtmfLogPort);
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("rtpengine.log").toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + BINARY + ": " + e.getMessage(), e);
        }
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(killer);
            hooked = true;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!answersPing()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                kill();
                throw new IllegalStateException("the private rtpengine did not answer a ping on 127.0.0.1:" + ngPort + "\n" + log());
            }
        }
    }

    /** One ng ping with its own socket: whether a pong came within 200 ms. */
    boolean answersPing() {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            s.setSoTimeout(200);
            byte[] ping = "startup d7:command4:pinge".getBytes(StandardCharsets.US_ASCII);
            s.send(new DatagramPacket(ping, ping.length, ngAddress()));
            DatagramPacket reply = new DatagramPacket(new byte[512], 512);
            s.receive(reply);
            return new String(reply.getData(), 0, reply.getLength(), StandardCharsets.US_ASCII).contains("pong");
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            ChildProcesses.sleep(50);
            return false;
        }
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /** SIGTERM: rtpengine ends its calls and closes their recordings. */
    public void stop() {
        end(false);
    }

    /** {@code kill -9}. */
    public void kill() {
        end(true);
    }

    private void end(boolean forcibly) {
        ChildProcesses.end(process, forcibly, Duration.ofSeconds(30));
    }

    /** What rtpengine logged, for assertions and their messages. */
    public String log() {
        return ChildProcesses.tail(dir.resolve("rtpengine.log"), Integer.MAX_VALUE);
    }

    /** The end of the log, for assertion messages. */
    public String logTail() {
        String out = log();
        return "rtpengine log:\n" + (out.length() > 4000 ? out.substring(out.length() - 4000) : out);
    }

    @Override
    public void close() {
        kill();
        if (hooked) {
            try {
                Runtime.getRuntime().removeShutdownHook(killer);
            } catch (IllegalStateException e) {
                // the JVM is already exiting
            }
        }
        ChildProcesses.deleteTree(dir);
    }
}
