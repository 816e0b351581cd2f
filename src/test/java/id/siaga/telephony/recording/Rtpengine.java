package id.siaga.telephony.recording;

import id.siaga.support.Peers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A real rtpengine (Debian {@code rtpengine-daemon}, userspace {@code --table=-1}) of the test's own, on free ports,
 * recording every call it is told to as a pcap under its recording directory; and just enough of the ng protocol
 * (bencoded dictionaries over UDP) to drive a call through it. A missing rtpengine fails the test in CI and skips it
 * elsewhere.
 */
final class Rtpengine implements AutoCloseable {

    static final Path BINARY = Path.of(System.getenv().getOrDefault("SIAGA_RTPENGINE", "/usr/bin/rtpengine"));
    private static final int MEDIA_PORTS = 40;

    private final Process process;
    private final int ngPort;
    private final DatagramSocket ng;
    final Path recordingDir;

    private Rtpengine(Process process, int ngPort, Path recordingDir) throws IOException {
        this.process = process;
        this.ngPort = ngPort;
        this.recordingDir = recordingDir;
        this.ng = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        this.ng.setSoTimeout(500);
    }

    static Rtpengine start(Path dir) throws Exception {
        Peers.require(Files.isExecutable(BINARY), "rtpengine (" + BINARY + "; Debian package rtpengine-daemon)");
        int ngPort;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            ngPort = probe.getLocalPort();
        }
        int cliPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            cliPort = probe.getLocalPort();
        }
        int base = freeRange();
        Path recordings = Files.createDirectories(dir.resolve("rtpengine-recordings"));
        Process p = new ProcessBuilder(BINARY.toString(), "--table=-1", "--foreground", "--log-stderr", "--log-level=5",
                "--interface=127.0.0.1", "--listen-ng=127.0.0.1:" + ngPort, "--listen-cli=127.0.0.1:" + cliPort, "--port-min=" + base, "--port-max=" + (base + MEDIA_PORTS - 1),
                "--recording-dir=" + recordings, "--recording-method=pcap", "--pidfile=" + dir.resolve("rtpengine.pid"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("rtpengine.log").toFile()).start();
        Rtpengine r = new Rtpengine(p, ngPort, recordings);
        for (int i = 0; i < 50; i++) {
            if (!p.isAlive()) {
                throw new IllegalStateException("rtpengine exited at start: " + Files.readString(dir.resolve("rtpengine.log")));
            }
            try {
                if ("pong".equals(text(r.command(Map.of("command", "ping")).get("result")))) {
                    return r;
                }
            } catch (SocketTimeoutException notYet) {
                // still starting
            }
        }
        r.close();
        throw new IllegalStateException("rtpengine did not answer ping: " + Files.readString(dir.resolve("rtpengine.log")));
    }

    /** A run of UDP ports nobody listens on (rtpengine takes its media ports from a range, not from port 0). */
    private static int freeRange() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = 20_000 + 2 * ThreadLocalRandom.current().nextInt(20_000);
            List<DatagramSocket> held = new ArrayList<>();
            try {
                for (int port = base; port < base + MEDIA_PORTS; port++) {
                    held.add(new DatagramSocket(port, InetAddress.getLoopbackAddress()));
                }
                return base;
            } catch (IOException taken) {
                // try another range
            } finally {
                held.forEach(DatagramSocket::close);
            }
        }
        throw new IllegalStateException("no free run of " + MEDIA_PORTS + " UDP ports");
    }

    /** One ng command; its reply. */
    Map<String, Object> command(Map<String, Object> command) throws IOException {
        String cookie = UUID.randomUUID().toString().substring(0, 8);
        byte[] request = (cookie + " " + new String(encode(command), StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
        ng.send(new DatagramPacket(request, request.length, InetAddress.getLoopbackAddress(), ngPort));
        byte[] buffer = new byte[65_535];
        while (true) {
            DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
            ng.receive(reply);
            String s = new String(buffer, 0, reply.getLength(), StandardCharsets.ISO_8859_1);
            if (s.startsWith(cookie + " ")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) new Decoder(s.substring(cookie.length() + 1)).next();
                return m;
            }
        }
    }

    static String text(Object bencoded) {
        return bencoded instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : String.valueOf(bencoded);
    }

    static byte[] encode(Object o) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encode(o, out);
        return out.toByteArray();
    }

    private static void encode(Object o, ByteArrayOutputStream out) {
        if (o instanceof Integer || o instanceof Long) {
            out.writeBytes(("i" + o + "e").getBytes(StandardCharsets.US_ASCII));
        } else if (o instanceof String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeBytes((b.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(b);
        } else if (o instanceof List<?> list) {
            out.write('l');
            list.forEach(item -> encode(item, out));
            out.write('e');
        } else if (o instanceof Map<?, ?> map) {
            out.write('d');
            new TreeMap<>(map).forEach((k, v) -> {
                encode(k, out);
                encode(v, out);
            });
            out.write('e');
        } else {
            throw new IllegalArgumentException("cannot bencode " + o);
        }
    }

    /** Bencode read back: integers as Long, strings as byte[], lists, dictionaries with String keys. */
    private static final class Decoder {
        private final String s;
        private int at;

        Decoder(String s) {
            this.s = s;
        }

        Object next() {
            char c = s.charAt(at);
            if (c == 'i') {
                int end = s.indexOf('e', at);
                long v = Long.parseLong(s.substring(at + 1, end));
                at = end + 1;
                return v;
            } else if (c == 'l') {
                at++;
                List<Object> list = new ArrayList<>();
                while (s.charAt(at) != 'e') {
                    list.add(next());
                }
                at++;
                return list;
            } else if (c == 'd') {
                at++;
                Map<String, Object> map = new LinkedHashMap<>();
                while (s.charAt(at) != 'e') {
                    String key = text(next());
                    map.put(key, next());
                }
                at++;
                return map;
            }
            int colon = s.indexOf(':', at);
            int length = Integer.parseInt(s.substring(at, colon));
            at = colon + 1 + length;
            return s.substring(colon + 1, at).getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    @Override
    public void close() {
        ng.close();
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
