package id.siaga.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.PrivateKamailio;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The project's Kamailio front ({@code scripts/cluster/kamailio.cfg}, a real Kamailio) when the only node its probes hold
 * active freezes as a 110 call reaches it, while the other node is out of the probed set because it is fenced (it
 * answers the probes 503, and still takes every call that reaches it). The call must not end at the front with a 408:
 * it goes on to the last-resort set and the fenced node takes it.
 *
 * <p>The two nodes here are the least a node shows the front on the wire: a socket that answers OPTIONS with a status
 * (200 up, 503 fenced) and either swallows INVITEs (frozen) or answers 180 Ringing and, to end the transaction, 486.
 * Kamailio's routing is what is under test; the nodes' own behaviour is tested with real nodes in
 * {@code KamailioFrontTests} and {@code FencedNodeTests}.
 */
class FrontLastResortTests {

    @Test
    void aCallWhoseOnlyActiveNodeFreezesGoesOnToTheFencedNodeInsteadOfA408() throws Exception {
        PrivateKamailio.requireInstalled();
        try (StubNode frozen = new StubNode(200, false); StubNode fenced = new StubNode(503, true);
             PrivateKamailio front = PrivateKamailio.start(List.of(frozen.port(), fenced.port()))) {
            await("the frozen node active, the fenced one inactive at the front\n" + front.nodeStates(),
                    () -> front.nodeActive(frozen.port()) && front.nodeStates().getOrDefault("sip:127.0.0.1:" + fenced.port(), "").startsWith("I"));

            List<String> heard = new Caller(front.port()).invite("081299918000");

            assertThat(frozen.invites()).as("the call went to the only active node first").isPositive();
            assertThat(fenced.invites()).as("then on to the fenced node, through the last resort\n" + front.logTail()).isPositive();
            assertThat(heard).as("the caller heard the fenced node ring, never a 408 of the front\n" + front.logTail())
                    .contains("180").doesNotContain("408").last().isEqualTo("486");
            assertThat(front.logLines("to the last-resort set")).isNotEmpty();
        }
    }

    /**
     * A carrier pings the front with OPTIONS to know whether to send it 110 calls. While the only node is fenced (alive,
     * taking calls through the last resort) the front answers 200; once the node is dead (nothing answers), 503 with a
     * Retry-After, so a carrier with a second route for 110 takes it.
     */
    @Test
    void theFrontAnswersACarriersOptions200WhileANodeIsAliveAnd503OnceNoneIs() throws Exception {
        PrivateKamailio.requireInstalled();
        StubNode fenced = new StubNode(503, true);
        try (PrivateKamailio front = PrivateKamailio.start(List.of(fenced.port()))) {
            String alive = "sip:alive@127.0.0.1:" + fenced.port();
            await("the fenced node inactive, yet alive, at the front\n" + front.nodeStates(1) + front.nodeStates(3),
                    () -> front.nodeStates(1).getOrDefault("sip:127.0.0.1:" + fenced.port(), "").startsWith("I")
                            && front.nodeStates(3).getOrDefault(alive, "").startsWith("A"));
            assertThat(optionsTo(front.port())).as("a fenced node still takes calls").startsWith("SIP/2.0 200");

            fenced.close(); // the node is gone: nothing answers its probes
            await("the node not alive at the front\n" + front.nodeStates(3), () -> front.nodeStates(3).getOrDefault(alive, "").startsWith("I"));
            String answer = optionsTo(front.port());
            assertThat(answer).startsWith("SIP/2.0 503").contains("Retry-After: 10");
        }
    }

    /** One OPTIONS to the front, as a carrier's trunk probe: the whole answer ("" if none within 2 s). */
    private static String optionsTo(int port) throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            s.setSoTimeout(2_000);
            String options = "OPTIONS sip:127.0.0.1:" + port + " SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + s.getLocalPort()
                    + ";branch=z9hG4bK-carrier-" + System.nanoTime() + "\r\nFrom: <sip:carrier@127.0.0.1>;tag=carrier\r\nTo: <sip:127.0.0.1:"
                    + port + ">\r\nCall-ID: carrier-" + System.nanoTime() + "@127.0.0.1\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\n"
                    + "Content-Length: 0\r\n\r\n";
            byte[] bytes = options.getBytes(StandardCharsets.US_ASCII);
            s.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
            DatagramPacket answer = new DatagramPacket(new byte[4096], 4096);
            s.receive(answer);
            return new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII);
        } catch (SocketTimeoutException e) {
            return "";
        }
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** A caller's INVITE to the front, and the status codes it heard until a final one (or 20 s). */
    private record Caller(int frontPort) {

        List<String> invite(String number) throws IOException {
            try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                socket.setSoTimeout(20_000);
                String callId = "last-resort-" + System.nanoTime();
                String invite = "INVITE sip:110@127.0.0.1:" + frontPort + " SIP/2.0\r\n"
                        + "Via: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort() + ";branch=z9hG4bK-" + callId + "\r\n"
                        + "From: <sip:" + number + "@127.0.0.1>;tag=caller\r\nTo: <sip:110@127.0.0.1>\r\n"
                        + "Call-ID: " + callId + "\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\n"
                        + "Contact: <sip:" + number + "@127.0.0.1:" + socket.getLocalPort() + ">\r\nContent-Length: 0\r\n\r\n";
                byte[] bytes = invite.getBytes(StandardCharsets.US_ASCII);
                socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), frontPort));
                List<String> heard = new ArrayList<>();
                byte[] buffer = new byte[4096];
                while (true) {
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    try {
                        socket.receive(packet);
                    } catch (SocketTimeoutException e) {
                        return heard;
                    }
                    String status = new String(buffer, 0, packet.getLength(), StandardCharsets.US_ASCII).split(" ", 3)[1];
                    heard.add(status);
                    if (status.charAt(0) >= '2') {
                        return heard;
                    }
                }
            }
        }
    }

    /** What a node shows the front: OPTIONS answered {@code optionsStatus}; an INVITE swallowed, or rung then refused 486. */
    private static final class StubNode implements AutoCloseable {

        private static final Pattern HEADER = Pattern.compile("(?im)^(Via|From|To|Call-ID|CSeq):.*$");

        private final DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        private final List<String> invites = new CopyOnWriteArrayList<>();
        private final int optionsStatus;
        private final boolean answersInvites;
        private final Thread thread;

        StubNode(int optionsStatus, boolean answersInvites) throws SocketException {
            this.optionsStatus = optionsStatus;
            this.answersInvites = answersInvites;
            this.thread = new Thread(this::serve, "stub-node-" + socket.getLocalPort());
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        int invites() {
            return invites.size();
        }

        private void serve() {
            byte[] buffer = new byte[8192];
            while (!socket.isClosed()) {
                try {
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    socket.receive(packet);
                    String request = new String(buffer, 0, packet.getLength(), StandardCharsets.US_ASCII);
                    if (request.startsWith("OPTIONS sip:alive@")) {
                        reply(packet, request, 200, "OK, alive"); // the front's second probe: a fenced node is alive
                    } else if (request.startsWith("OPTIONS ")) {
                        reply(packet, request, optionsStatus, optionsStatus == 200 ? "OK" : "Node fenced");
                    } else if (request.startsWith("INVITE ")) {
                        invites.add(request);
                        if (answersInvites) {
                            reply(packet, request, 180, "Ringing");
                            // a moment between them, as a phone rings before it is busy: sent back to back, two of
                            // Kamailio's workers could take them, and the 486 ended the transaction before the 180 came
                            try {
                                Thread.sleep(100);
                            } catch (InterruptedException e) {
                                return;
                            }
                            reply(packet, request, 486, "Busy Here");
                        }
                    }
                } catch (IOException e) {
                    return; // closed
                }
            }
        }

        private void reply(DatagramPacket to, String request, int status, String phrase) throws IOException {
            StringBuilder response = new StringBuilder("SIP/2.0 ").append(status).append(' ').append(phrase).append("\r\n");
            Matcher m = HEADER.matcher(request);
            while (m.find()) {
                String header = m.group().stripTrailing();
                boolean toHeader = header.regionMatches(true, 0, "To:", 0, 3);
                response.append(header).append(toHeader && !header.contains(";tag=") ? ";tag=node" : "").append("\r\n");
            }
            response.append("Content-Length: 0\r\n\r\n");
            byte[] bytes = response.toString().getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(bytes, bytes.length, to.getAddress(), to.getPort()));
        }

        @Override
        public void close() throws InterruptedException {
            socket.close();
            thread.join(2_000);
        }
    }
}
