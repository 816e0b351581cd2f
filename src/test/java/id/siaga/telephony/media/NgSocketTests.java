package id.siaga.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Cookie matching on one socket, against a responder of the test's own that holds every request until all have
 * arrived and answers them in reverse order: each caller gets the reply with its own cookie, which is only possible
 * if the requests were in flight together.
 */
class NgSocketTests {

    /** Receives {@code expected} datagrams, then answers each with its own "seq" echoed, in reverse order. */
    private static Thread reverseResponder(DatagramSocket server, int expected, List<String> cookiesSeen) {
        Thread t = new Thread(() -> {
            try {
                List<DatagramPacket> held = new ArrayList<>();
                byte[] buffer = new byte[65_535];
                while (held.size() < expected) {
                    DatagramPacket p = new DatagramPacket(buffer.clone(), buffer.length);
                    server.receive(p);
                    held.add(p);
                    cookiesSeen.add(NgMessages.cookie(p.getData(), p.getLength()));
                }
                // a stranger's datagram first: a cookie nobody waits for
                send(server, held.get(0).getSocketAddress(), "nobody-waits d6:result4:ponge");
                Collections.reverse(held);
                for (DatagramPacket p : held) {
                    String request = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
                    String cookie = NgMessages.cookie(p.getData(), p.getLength());
                    String seq = request.replaceAll(".*3:seq(\\d+:[^e]*)e$", "$1").replaceAll("^\\d+:", "");
                    send(server, p.getSocketAddress(), cookie + " d6:result2:ok3:seq" + seq.length() + ":" + seq + "e");
                }
            } catch (Exception e) {
                // the socket closed: the test is over
            }
        }, "ng-test-responder");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void send(DatagramSocket from, SocketAddress to, String text) throws Exception {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        from.send(new DatagramPacket(b, b.length, to));
    }

    @Test
    void manyRequestsFromManyThreadsAreInFlightAtOnceAndEachGetsTheReplyWithItsCookie() throws Exception {
        int requests = 40;
        List<String> cookiesSeen = Collections.synchronizedList(new ArrayList<>());
        try (DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress()); NgSocket socket = new NgSocket()) {
            reverseResponder(server, requests, cookiesSeen);
            InetSocketAddress to = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
            ExecutorService threads = Executors.newFixedThreadPool(requests);
            try {
                List<Future<Map<String, Object>>> replies = new ArrayList<>();
                for (int i = 0; i < requests; i++) {
                    String seq = "n" + i;
                    // generous: the responder answers only once all requests are in
                    replies.add(threads.submit(() -> socket.exchange(to, Map.of("command", "ping", "seq", seq), Duration.ofSeconds(20), 1)));
                }
                for (int i = 0; i < requests; i++) {
                    assertThat(replies.get(i).get()).containsEntry("seq", "n" + i).containsEntry("result", "ok");
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(cookiesSeen).hasSize(requests).doesNotHaveDuplicates();
        }
    }

    @Test
    void anUnansweredRequestIsSentAgainWithTheSameCookieAndThenFailsWithTheInstanceTimeoutAndTries() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress()); NgSocket socket = new NgSocket()) {
            InetSocketAddress to = new InetSocketAddress("127.0.0.1", silent.getLocalPort());
            assertThatThrownBy(() -> socket.exchange(to, Map.of("command", "ping"), Duration.ofMillis(100), 3))
                    .isInstanceOf(NgSocket.NoAnswerException.class)
                    .hasMessage("rtpengine 127.0.0.1:" + silent.getLocalPort() + " did not answer within 100 ms (3 tries)");
            List<String> cookies = new ArrayList<>();
            silent.setSoTimeout(1000);
            for (int i = 0; i < 3; i++) {
                DatagramPacket p = new DatagramPacket(new byte[512], 512);
                silent.receive(p);
                cookies.add(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
            }
            assertThat(cookies).as("three times the same datagram, cookie and all").containsOnly(cookies.get(0));
        }
    }

    @Test
    void aReplyWithTheRightCookieFromAnotherAddressIsNotTaken() throws Exception {
        try (DatagramSocket instance = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             DatagramSocket stranger = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             NgSocket socket = new NgSocket()) {
            InetSocketAddress to = new InetSocketAddress(InetAddress.getLoopbackAddress(), instance.getLocalPort());
            Thread answer = new Thread(() -> {
                try {
                    DatagramPacket p = new DatagramPacket(new byte[512], 512);
                    instance.receive(p);
                    String cookie = NgMessages.cookie(p.getData(), p.getLength());
                    send(stranger, p.getSocketAddress(), cookie + " d6:result6:forgede");
                    send(instance, p.getSocketAddress(), cookie + " d6:result4:ponge");
                } catch (Exception e) {
                    // closed
                }
            });
            answer.start();
            assertThat(socket.exchange(to, Map.of("command", "ping"), Duration.ofSeconds(5), 1)).containsEntry("result", "pong");
            answer.join();
        }
    }
}
