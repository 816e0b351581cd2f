package id.siaga.support;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SIPp (Debian {@code sip-tester}) as a real peer: callers and operator phones, each one process running one
 * scenario from {@code src/test/resources/sipp}. Exit code 0 means every call of the run went as scripted.
 */
public final class Sipp implements AutoCloseable {

    private static final Pattern CSEQ = Pattern.compile("(?i)^CSeq:\\s*\\d+\\s+(\\S+)");

    private final Process process;
    private final Path log;
    private final String name;

    private Sipp(String name, List<String> command) {
        this.name = name;
        try {
            Path dir = Files.createDirectories(Path.of("target", "sipp"));
            this.log = dir.resolve(name + "-" + System.nanoTime() + ".log");
            this.process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start sipp: " + e.getMessage(), e);
        }
    }

    public static void requireInstalled() {
        boolean found = Files.isExecutable(Path.of("/usr/bin/sipp")) || Files.isExecutable(Path.of("/usr/local/bin/sipp"));
        Peers.require(found, "SIPp (Debian package sip-tester, binary sipp)");
    }

    static String scenario(String file) {
        try {
            return Path.of(Sipp.class.getClassLoader().getResource("sipp/" + file).toURI()).toString();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no SIPp scenario " + file, e);
        }
    }

    /** An operator phone listening on {@code port}, handling {@code calls} calls, pausing {@code pauseMs} where the scenario pauses. */
    public static Sipp phone(String scenario, int port, int calls, long pauseMs) {
        List<String> cmd = base(scenario, port, pauseMs);
        cmd.addAll(List.of("-m", Integer.toString(calls)));
        return new Sipp("phone-" + port, cmd);
    }

    /** A caller placing {@code calls} calls to {@code service} at the SIP edge, with keyword values for the scenario. */
    public static Sipp caller(String scenario, int port, String edge, String service, Map<String, String> keys, long pauseMs, int calls) {
        return callers(scenario, port, edge, service, keys, pauseMs, calls, 1);
    }

    /** Like {@link #caller}, with up to {@code atOnce} calls in progress together (placed ten a second). */
    public static Sipp callers(String scenario, int port, String edge, String service, Map<String, String> keys, long pauseMs, int calls,
                               int atOnce) {
        List<String> cmd = base(scenario, port, pauseMs);
        cmd.addAll(List.of("-s", service, "-m", Integer.toString(calls), "-l", Integer.toString(atOnce)));
        keys.forEach((k, v) -> cmd.addAll(List.of("-key", k, v)));
        cmd.add(edge);
        return new Sipp("caller-" + port, cmd);
    }

    /**
     * {@code calls} calls to {@code service} at the edge, placed at a steady {@code perSecond}, each logging what the
     * scenario logs (its {@code <log>} actions) to {@code callLog}.
     */
    public static Sipp steadyCallers(String scenario, int port, String edge, String service, Map<String, String> keys, long pauseMs,
                                     int calls, int perSecond, Path callLog) {
        List<String> cmd = base(scenario, port, pauseMs);
        cmd.addAll(List.of("-s", service, "-m", Integer.toString(calls), "-r", Integer.toString(perSecond), "-rp", "1000",
                "-l", Integer.toString(calls), "-trace_logs", "-log_file", callLog.toString()));
        keys.forEach((k, v) -> cmd.addAll(List.of("-key", k, v)));
        cmd.add(edge);
        return new Sipp("callers-" + port, cmd);
    }

    /**
     * One call to {@code service} at the edge, every SIP message sent and received written to {@code messages}: what the
     * caller was told is read back with {@link #responsesIn}.
     */
    public static Sipp oneCall(String scenario, int port, String edge, String service, Map<String, String> keys, long pauseMs, Path messages) {
        List<String> cmd = base(scenario, port, pauseMs);
        cmd.addAll(List.of("-s", service, "-m", "1", "-trace_msg", "-message_file", messages.toString()));
        keys.forEach((k, v) -> cmd.addAll(List.of("-key", k, v)));
        cmd.add(edge);
        return new Sipp("call-" + port, cmd);
    }

    /**
     * The responses received in a message file of {@link #oneCall}, in order, each as its status code and the method of
     * its CSeq ({@code "180 INVITE"}, {@code "487 INVITE"}, {@code "200 BYE"}); empty when the file does not exist.
     */
    public static List<String> responsesIn(Path messages) {
        List<String> responses = new ArrayList<>();
        if (!Files.exists(messages)) {
            return responses;
        }
        try {
            String[] lines = Files.readString(messages, java.nio.charset.StandardCharsets.ISO_8859_1).split("\r?\n");
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].contains("message received")) {
                    continue;
                }
                int start = i + 1;
                while (start < lines.length && lines[start].isBlank()) {
                    start++;
                }
                if (start >= lines.length || !lines[start].startsWith("SIP/2.0 ")) {
                    continue; // a request
                }
                String status = lines[start].substring(8, Math.min(11, lines[start].length()));
                String method = "?";
                for (int h = start + 1; h < lines.length && !lines[h].isBlank(); h++) {
                    Matcher cseq = CSEQ.matcher(lines[h]);
                    if (cseq.find()) {
                        method = cseq.group(1);
                        break;
                    }
                }
                responses.add(status + " " + method);
                i = start;
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return responses;
    }

    /** Any scenario as a client towards the edge, with extra SIPp arguments (e.g. -au/-ap for digest). */
    public static Sipp client(String scenario, int port, String edge, Map<String, String> keys, List<String> extra) {
        List<String> cmd = base(scenario, port, 0);
        cmd.addAll(List.of("-m", "1"));
        keys.forEach((k, v) -> cmd.addAll(List.of("-key", k, v)));
        cmd.addAll(extra);
        cmd.add(edge);
        return new Sipp("client-" + port, cmd);
    }

    private static List<String> base(String scenario, int port, long pauseMs) {
        return new ArrayList<>(List.of("sipp", "-sf", scenario(scenario), "-i", "127.0.0.1", "-p", Integer.toString(port),
                "-d", Long.toString(pauseMs), "-timeout", "60s", "-timeout_error", "-nostdin", "-trace_err",
                "-error_file", Path.of("target", "sipp", "errors-" + port + ".log").toString(), "-mi", "127.0.0.1", "-mp", Integer.toString(freeMediaPorts()),
                // the callers' PIDF-LO <timestamp>: measured as SIPp starts, as a handset's fix is (SIPp has no RFC 3339 clock of its own)
                "-key", "now", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()));
    }

    /** A UDP port free with the three above it (SIPp's audio and video RTP/RTCP), so parallel SIPp runs never share one. */
    static int freeMediaPorts() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = ServerProcess.freePort() & ~1;
            if (base + 3 > 65535) {
                continue;
            }
            java.util.List<java.net.DatagramSocket> held = new ArrayList<>();
            try {
                for (int p = base; p <= base + 3; p++) {
                    held.add(new java.net.DatagramSocket(p, java.net.InetAddress.getLoopbackAddress()));
                }
                return base;
            } catch (IOException taken) {
                // one of the four is in use: try elsewhere
            } finally {
                held.forEach(java.net.DatagramSocket::close);
            }
        }
        throw new IllegalStateException("no four free UDP ports in a row for SIPp's media");
    }

    /** Waits for the run to end; returns SIPp's exit code (0: all calls succeeded). */
    public int await(long seconds) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroy();
                process.waitFor(5, TimeUnit.SECONDS);
                return -100;
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -101;
        }
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /**
     * How many {@code message}s (a method or a status code that the scenario has once) SIPp sent or received by the end
     * of the run, as its scenario screen counts them; -1 if the screen does not show it.
     */
    public int count(String message) {
        try {
            Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(message) + " (?:<-+|-+>)\\s+(?:E-RTD\\d\\s+)?(\\d+)").matcher(Files.readString(log));
            int last = -1;
            while (m.find()) {
                last = Integer.parseInt(m.group(1));
            }
            return last;
        } catch (IOException e) {
            return -1;
        }
    }

    /** How many calls of the run SIPp counted failed by the end of it (its statistics screen); -1 if the screen does not show it. */
    public int failedCalls() {
        try {
            Matcher m = Pattern.compile("(?m)^\\s*Failed call\\s*\\|\\s*\\d+\\s*\\|\\s*(\\d+)").matcher(Files.readString(log));
            int last = -1;
            while (m.find()) {
                last = Integer.parseInt(m.group(1));
            }
            return last;
        } catch (IOException e) {
            return -1;
        }
    }

    /** What SIPp printed, for assertion messages. */
    public String output() {
        try {
            String out = Files.readString(log);
            return name + ":\n" + (out.length() > 4000 ? out.substring(out.length() - 4000) : out);
        } catch (IOException e) {
            return name + ": (no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS); // its ports are free again when this returns
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
