package id.siaga.support;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A Kamailio of the test's own (Debian {@code kamailio}) as the cluster's SIP front: the project's
 * {@code scripts/cluster/kamailio.cfg}, in the foreground ({@code -DD -E}), on its own free port of 127.0.0.1, in
 * front of the Siaga nodes the test names. Its dispatcher list, pid file, control socket and runtime folder are in a
 * temporary folder of its own, so two runs never meet; {@code -m}/{@code -M} keep its memory small.
 */
public final class PrivateKamailio implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/kamailio");
    static final Path KAMCMD = Path.of("/usr/sbin/kamcmd");
    /** The configuration the IT staff run, with its -A settings (see its head). */
    static final Path CONFIG = Path.of("scripts", "cluster", "kamailio.cfg");
    private static final Pattern DESTINATION = Pattern.compile("URI:\\s*(\\S+)\\s+FLAGS:\\s*(\\S+)");
    /** Where each dispatcher set begins in {@code kamcmd dispatcher.list}. */
    private static final Pattern SET = Pattern.compile("\\bID:\\s*(\\d+)");

    private final Path dir;
    private final int port;
    private final Process process;
    private final Thread killer;

    private PrivateKamailio(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
        this.killer = new Thread(this::stop, "stop-private-kamailio");
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /** Fails in CI, and skips elsewhere, when Kamailio is not installed. */
    public static void requireInstalled() {
        Peers.require(Files.isExecutable(BINARY) && Files.isExecutable(KAMCMD), "Kamailio (Debian package kamailio) at " + BINARY);
    }

    /**
     * Starts Kamailio in front of the Siaga nodes listening for SIP on 127.0.0.1 at {@code nodeSipPorts} (dispatcher
     * set 1, in that order) and returns once it answers SIP. The nodes need not be up yet: it probes them every second.
     */
    public static PrivateKamailio start(List<Integer> nodeSipPorts) {
        requireInstalled();
        Path config = CONFIG.toAbsolutePath();
        if (!Files.isReadable(config)) {
            throw new IllegalStateException("no Kamailio configuration at " + config + " (the tests run from the project's folder)");
        }
        int port = ServerProcess.freePort();
        try {
            Path dir = Files.createTempDirectory("siaga-kamailio-");
            Path list = dir.resolve("dispatcher.list");
            // set 1 probed (flag 8); set 2 the same nodes, never probed: the last resort when no node of set 1 is active;
            // set 3 probed for being alive only (a fenced node answers it 200)
            Files.writeString(list, "# the Siaga nodes of this test run\n"
                    + nodeSipPorts.stream().map(p -> "1 sip:127.0.0.1:" + p + " 8\n").collect(Collectors.joining())
                    + nodeSipPorts.stream().map(p -> "2 sip:127.0.0.1:" + p + " 0\n").collect(Collectors.joining())
                    + nodeSipPorts.stream().map(p -> "3 sip:alive@127.0.0.1:" + p + " 8\n").collect(Collectors.joining()));
            List<String> command = List.of(BINARY.toString(), "-DD", "-E", "-f", config.toString(), "-A", "SIP_ADDRESS=127.0.0.1",
                    "-A", "SIP_PORT=" + port, "-A", "DISPATCHER_LIST=\"" + list + "\"", "-A", "CTL_SOCKET=\"unix:" + dir.resolve("kamailio_ctl") + "\"",
                    "-A", "CHILDREN=2", "-Y", dir.toString(), "-P", dir.resolve("kamailio.pid").toString(), "-w", dir.toString(), "-m", "64", "-M", "8");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("kamailio.log").toFile())).start();
            PrivateKamailio kamailio = new PrivateKamailio(dir, port, process);
            kamailio.awaitAnswering(Duration.ofSeconds(30));
            return kamailio;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + BINARY + ": " + e.getMessage(), e);
        }
    }

    private void awaitAnswering(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!answersOptions()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String log = logTail();
                close();
                throw new IllegalStateException("the private Kamailio did not answer an OPTIONS on 127.0.0.1:" + port + "\n" + log);
            }
            ChildProcesses.sleep(100);
        }
    }

    /** One OPTIONS to Kamailio itself: whether any response came within 300 ms (it answers 200 or 503 by its nodes). */
    private boolean answersOptions() {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            s.setSoTimeout(300);
            String options = "OPTIONS sip:127.0.0.1:" + port + " SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + s.getLocalPort()
                    + ";branch=z9hG4bK-up-" + System.nanoTime() + "\r\nFrom: <sip:test@127.0.0.1>;tag=up\r\nTo: <sip:127.0.0.1:" + port
                    + ">\r\nCall-ID: up-" + System.nanoTime() + "@127.0.0.1\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
            byte[] bytes = options.getBytes(StandardCharsets.US_ASCII);
            s.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
            s.receive(new DatagramPacket(new byte[2048], 2048));
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** Its SIP port on 127.0.0.1, where callers and phones send their requests. */
    public int port() {
        return port;
    }

    /** {@code 127.0.0.1:port}, as SIPp takes it. */
    public String hostPort() {
        return "127.0.0.1:" + port;
    }

    /**
     * The state of each node in the probed set (1) as Kamailio's dispatcher has it ({@code kamcmd dispatcher.list}): the
     * node's SIP URI to its flags, {@code AP} active, {@code IP} inactive, {@code TP} trying (one probe missed).
     */
    public Map<String, String> nodeStates() {
        return nodeStates(1);
    }

    /** Like {@link #nodeStates()}, for dispatcher set {@code set} (2: the last resort, never probed). */
    public Map<String, String> nodeStates(int set) {
        try {
            Process kamcmd = new ProcessBuilder(KAMCMD.toString(), "-s", "unix:" + dir.resolve("kamailio_ctl"), "dispatcher.list")
                    .redirectErrorStream(true).start();
            String out = new String(kamcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            kamcmd.waitFor(10, TimeUnit.SECONDS);
            Map<String, String> states = new LinkedHashMap<>();
            Matcher sets = SET.matcher(out);
            List<int[]> starts = new ArrayList<>();
            while (sets.find()) {
                starts.add(new int[] {Integer.parseInt(sets.group(1)), sets.start()});
            }
            for (int i = 0; i < starts.size(); i++) {
                if (starts.get(i)[0] != set) {
                    continue;
                }
                int end = i + 1 < starts.size() ? starts.get(i + 1)[1] : out.length();
                Matcher m = DESTINATION.matcher(out.substring(starts.get(i)[1], end));
                while (m.find()) {
                    states.put(m.group(1), m.group(2));
                }
            }
            return states;
        } catch (IOException e) {
            throw new IllegalStateException("kamcmd failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether Kamailio has the node on 127.0.0.1:{@code sipPort} active (it gives it calls). */
    public boolean nodeActive(int sipPort) {
        return nodeStates().getOrDefault("sip:127.0.0.1:" + sipPort, "").startsWith("A");
    }

    /** The lines Kamailio logged that contain {@code text} (its node-down and node-up notices, its failovers). */
    public List<String> logLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : log().split("\n")) {
            if (line.contains(text)) {
                lines.add(line);
            }
        }
        return lines;
    }

    public String log() {
        return ChildProcesses.tail(dir.resolve("kamailio.log"), Integer.MAX_VALUE);
    }

    /** The end of its log, for assertion messages. */
    public String logTail() {
        String out = log();
        return "Kamailio log:\n" + (out.length() > 4000 ? out.substring(out.length() - 4000) : out);
    }

    /** SIGTERM: the main process ends its children; any left are killed, by their process id. */
    private void stop() {
        List<ProcessHandle> children = process.descendants().toList();
        ChildProcesses.end(process, false, Duration.ofSeconds(10));
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException e) {
            // the JVM is already exiting
        }
        ChildProcesses.deleteTree(dir);
    }
}
