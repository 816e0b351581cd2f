package id.siaga.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.support.LossyUdpRelay;
import id.siaga.support.PrivateRtpengine;
import id.siaga.support.RtpEndpoint;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ng client against a real rtpengine of the test's own: the commands, retransmission, instances that are down. */
class RtpengineClientTests {

    static PrivateRtpengine engine;

    @BeforeAll
    static void startRtpengine() {
        engine = PrivateRtpengine.start(PrivateRtpengine.freeUdpPort());
    }

    @AfterAll
    static void stopRtpengine() {
        if (engine != null) {
            engine.close();
        }
    }

    static Rtpengine client(InetSocketAddress... instances) {
        return new Rtpengine(new RtpengineSettings(List.of(instances), Duration.ofMillis(200), 3, Duration.ofMillis(300)), Clock.systemUTC());
    }

    static String newCallId() {
        return UUID.randomUUID() + "@carrier.example";
    }

    @Test
    void aRunningRtpengineAnswersAPing() throws Exception {
        try (Rtpengine rtpengine = client(engine.ngAddress())) {
            rtpengine.ping(engine.ngAddress());
            assertThat(rtpengine.instances()).singleElement().satisfies(i -> assertThat(i.live()).isTrue());
        }
    }

    @Test
    void aG711CallIsOfferedAnsweredCarriesRtpBothWaysIsQueriedAndDeletedAndLeavesNothingBehind() throws Exception {
        String call = newCallId();
        try (Rtpengine rtpengine = client(engine.ngAddress()); RtpEndpoint caller = new RtpEndpoint(0x1111);
             RtpEndpoint operator = new RtpEndpoint(0x2222)) {
            AnchoredSdp toOperators = rtpengine.offer(call, "caller-tag", Sdps.callerOffer(caller.port()), Set.of(SdpOption.REPLACE_ORIGIN));
            InetSocketAddress operatorsSendTo = Sdps.media(toOperators.sdp());
            assertThat(operatorsSendTo.getPort()).as("a port of rtpengine's range").isBetween(engine.portMin(), engine.portMax());
            assertThat(toOperators.sdp()).contains("c=IN IP4 127.0.0.1", "a=rtpmap:8 PCMA/8000", "a=rtpmap:0 PCMU/8000",
                    "a=rtpmap:101 telephone-event/8000", "o=SBC-110 1764324930 1764324930 IN IP4 127.0.0.1\r\n")
                    .as("the carrier's signalling address replaced").doesNotContain("10.62.1.20");
            assertThat(toOperators.recordings()).isEmpty();
            assertThat(toOperators.instance()).isEqualTo(engine.ngAddress());

            AnchoredSdp toCaller = rtpengine.answer(call, "caller-tag", "operator-tag", Sdps.operatorAnswer(operator.port()), Set.of());
            InetSocketAddress callerSendsTo = Sdps.media(toCaller.sdp());
            assertThat(callerSendsTo.getPort()).isBetween(engine.portMin(), engine.portMax()).isNotEqualTo(operatorsSendTo.getPort());
            assertThat(toCaller.sdp()).contains("a=rtpmap:8 PCMA/8000").doesNotContain("PCMU");

            caller.sendAudio(callerSendsTo, 10);
            operator.sendAudio(operatorsSendTo, 10);
            assertThat(operator.await(p -> p.ssrc() == 0x1111, 10, Duration.ofSeconds(5))).hasSize(10)
                    .allSatisfy(p -> assertThat(p.from().getPort()).isEqualTo(operatorsSendTo.getPort()));
            assertThat(caller.await(p -> p.ssrc() == 0x2222, 10, Duration.ofSeconds(5))).hasSize(10)
                    .allSatisfy(p -> assertThat(p.from().getPort()).isEqualTo(callerSendsTo.getPort()));

            MediaQuery query = rtpengine.query(call);
            MediaQuery.Stream callerStream = query.party("caller-tag").orElseThrow().rtp().orElseThrow();
            assertThat(callerStream.localPort()).isEqualTo(callerSendsTo.getPort());
            assertThat(callerStream.endpoint()).contains(new InetSocketAddress("127.0.0.1", caller.port()));
            assertThat(callerStream.packets()).isEqualTo(10);
            assertThat(callerStream.codec()).isEqualTo("PCMA/8000");
            MediaQuery.Stream operatorStream = query.party("operator-tag").orElseThrow().rtp().orElseThrow();
            assertThat(operatorStream.localPort()).isEqualTo(operatorsSendTo.getPort());
            assertThat(operatorStream.endpoint()).contains(new InetSocketAddress("127.0.0.1", operator.port()));
            assertThat(query.party("caller-tag").orElseThrow().subscribers()).containsExactly("operator-tag");
            assertThat(query.rtpPackets()).isEqualTo(20);

            assertThat(rtpengine.list(engine.ngAddress(), 1000)).contains(call);
            rtpengine.delete(call);
            assertThat(rtpengine.list(engine.ngAddress(), 1000)).as("deleted at once, no delete delay").doesNotContain(call);
            assertThat(rtpengine.instanceOf(call)).isEmpty();
            assertThatThrownBy(() -> rtpengine.query(call)).isInstanceOf(MediaRefusedException.class).hasMessageContaining("not anchored");
        }
    }

    @Test
    void aCallAnEarlierRunLeftIsAskedAboutAndDeletedButNeverOneThisClientHoldsNorOnAnInstanceNotConfigured() throws Exception {
        String left = newCallId();
        try (Rtpengine earlier = client(engine.ngAddress())) {
            earlier.offer(left, "caller-tag", Sdps.callerOffer(40_000), Set.of(SdpOption.RECORD_CALL));
        } // the earlier run is gone; rtpengine still holds its call
        String hostPort = Rtpengine.hostPort(engine.ngAddress());
        assertThat(hostPort).isEqualTo(engine.hostPort());
        try (Rtpengine restarted = client(engine.ngAddress())) {
            assertThat(restarted.leftBehind(hostPort, left)).isEqualTo(Rtpengine.LeftBehind.HELD);
            assertThat(restarted.deleteLeftBehind(hostPort, left)).as("it held the call").isTrue();
            assertThat(restarted.leftBehind(hostPort, left)).isEqualTo(Rtpengine.LeftBehind.GONE);
            assertThat(restarted.deleteLeftBehind(hostPort, left)).as("nothing left to delete").isFalse();

            String live = newCallId();
            restarted.offer(live, "caller-tag", Sdps.callerOffer(40_002), Set.of());
            assertThatThrownBy(() -> restarted.deleteLeftBehind(hostPort, live)).isInstanceOf(MediaRefusedException.class)
                    .hasMessageContaining("anchored by this server now");
            assertThat(restarted.query(live).parties()).as("left alone").isNotEmpty();
            restarted.delete(live);
        }
        try (Rtpengine restarted = client(engine.ngAddress())) {
            assertThatThrownBy(() -> restarted.leftBehind("127.0.0.1:9", left)).isInstanceOf(MediaRefusedException.class)
                    .hasMessageContaining("not one of the configured instances");
        }
    }

    @Test
    void rtpenginesErrorComesBackWithItsReason() throws Exception {
        String call = newCallId();
        try (Rtpengine rtpengine = client(engine.ngAddress()); RtpEndpoint caller = new RtpEndpoint(0x1111)) {
            rtpengine.offer(call, "caller-tag", Sdps.callerOffer(caller.port()), Set.of());
            assertThatThrownBy(() -> rtpengine.playMedia(call, "caller-tag", Path.of("/nonexistent/prompt.wav"), 1))
                    .isInstanceOfSatisfying(MediaRefusedException.class, e -> assertThat(e.errorReason())
                            .isEqualTo("Failed to start media playback from file"))
                    .hasMessage("rtpengine " + engine.hostPort() + " refused play media: Failed to start media playback from file");
            assertThatThrownBy(() -> rtpengine.stopMedia(call, "nobody"))
                    .isInstanceOfSatisfying(MediaRefusedException.class, e -> assertThat(e.errorReason()).isNotBlank());
            rtpengine.delete(call);
        }
    }

    @Test
    void aLostRequestIsSentAgainWithTheSameCookieAndALostReplyIsRepeatedByRtpengineWithoutDoingTheCommandTwice() throws Exception {
        String call = newCallId();
        try (LossyUdpRelay relay = new LossyUdpRelay(engine.ngAddress()); Rtpengine rtpengine = client(relay.address());
             RtpEndpoint caller = new RtpEndpoint(0x1111); RtpEndpoint operator = new RtpEndpoint(0x2222)) {
            relay.dropRequests(1);
            AnchoredSdp offered = rtpengine.offer(call, "caller-tag", Sdps.callerOffer(caller.port()), Set.of());
            assertThat(relay.requests()).hasSize(2);
            assertThat(relay.requests().get(1)).as("the same datagram, cookie and all").isEqualTo(relay.requests().get(0));
            assertThat(relay.replies()).hasSize(1);

            relay.dropReplies(1);
            rtpengine.answer(call, "caller-tag", "operator-tag", Sdps.operatorAnswer(operator.port()), Set.of());
            assertThat(relay.requests()).hasSize(4);
            assertThat(relay.requests().get(3)).isEqualTo(relay.requests().get(2));
            assertThat(relay.replies()).hasSize(3);
            assertThat(relay.replies().get(2)).as("rtpengine's cached reply").isEqualTo(relay.replies().get(1));
            assertThat(engine.log()).contains("as a duplicate");
            assertThat(Sdps.media(offered.sdp()).getPort()).isBetween(engine.portMin(), engine.portMax());
            rtpengine.delete(call);
        }
    }

    @Test
    void withOneOfTwoInstancesDownNewCallsGoToTheLiveOneAndEachCallsCommandsStayOnItsInstance() throws Exception {
        try (PrivateRtpengine second = PrivateRtpengine.create(PrivateRtpengine.freeUdpPort());
             Rtpengine rtpengine = client(second.ngAddress(), engine.ngAddress());
             RtpEndpoint caller = new RtpEndpoint(0x1111); RtpEndpoint operator = new RtpEndpoint(0x2222)) {
            String first = newCallId();
            rtpengine.offer(first, "caller-tag", Sdps.callerOffer(caller.port()), Set.of());
            assertThat(rtpengine.instanceOf(first)).contains(engine.ngAddress());
            assertThat(rtpengine.instances().get(0)).satisfies(down -> {
                assertThat(down.live()).isFalse();
                assertThat(down.lastFailure()).isEqualTo("rtpengine " + second.hostPort() + " did not answer within 200 ms (3 tries)");
            });
            String next = newCallId();
            rtpengine.offer(next, "caller-tag", Sdps.callerOffer(caller.port()), Set.of());
            assertThat(rtpengine.instanceOf(next)).contains(engine.ngAddress());

            second.startEngine();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!rtpengine.instances().get(0).live() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(rtpengine.instances()).as("pinged back to life").allSatisfy(i -> assertThat(i.live()).isTrue());

            List<String> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String call = newCallId();
                rtpengine.offer(call, "caller-tag", Sdps.callerOffer(caller.port()), Set.of());
                calls.add(call);
            }
            assertThat(calls).extracting(c -> rtpengine.instanceOf(c).orElseThrow()).as("in turn")
                    .containsOnly(engine.ngAddress(), second.ngAddress()).contains(engine.ngAddress(), second.ngAddress());
            for (String call : calls) {
                rtpengine.answer(call, "caller-tag", "operator-tag", Sdps.operatorAnswer(operator.port()), Set.of());
                assertThat(rtpengine.query(call).party("operator-tag")).as("answered on the instance that has the offer").isPresent();
            }
            for (InetSocketAddress instance : List.of(engine.ngAddress(), second.ngAddress())) {
                List<String> held = rtpengine.list(instance, 1000);
                assertThat(calls.stream().filter(c -> rtpengine.instanceOf(c).orElseThrow().equals(instance)).toList())
                        .as("the calls %s holds", instance).isNotEmpty().allSatisfy(c -> assertThat(held).contains(c));
                assertThat(calls.stream().filter(c -> !rtpengine.instanceOf(c).orElseThrow().equals(instance)).toList())
                        .allSatisfy(c -> assertThat(held).doesNotContain(c));
            }
            for (String call : calls) {
                rtpengine.delete(call);
            }
            rtpengine.delete(first);
            rtpengine.delete(next);
            assertThat(rtpengine.list(second.ngAddress(), 1000)).isEmpty();
            assertThat(rtpengine.list(engine.ngAddress(), 1000)).doesNotContainAnyElementsOf(calls).doesNotContain(first, next);
        }
    }

    @Test
    void withNoInstanceAnsweringTheCallerGetsTheReasonAndTheNextCallFailsWithoutWaiting() throws Exception {
        try (DatagramSocket deadA = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             DatagramSocket deadB = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            InetSocketAddress a = new InetSocketAddress("127.0.0.1", deadA.getLocalPort());
            InetSocketAddress b = new InetSocketAddress("127.0.0.1", deadB.getLocalPort());
            try (Rtpengine rtpengine = new Rtpengine(new RtpengineSettings(List.of(a, b), Duration.ofMillis(100), 2, Duration.ofHours(1)),
                    Clock.systemUTC())) {
                assertThatThrownBy(() -> rtpengine.offer(newCallId(), "caller-tag", Sdps.callerOffer(40_000), Set.of()))
                        .isInstanceOf(MediaUnavailableException.class)
                        .hasMessage("rtpengine 127.0.0.1:" + a.getPort() + " did not answer within 100 ms (2 tries); rtpengine 127.0.0.1:"
                                + b.getPort() + " did not answer within 100 ms (2 tries)");
                assertThat(received(deadA)).isEqualTo(2);
                assertThat(received(deadB)).isEqualTo(2);

                assertThatThrownBy(() -> rtpengine.offer(newCallId(), "caller-tag", Sdps.callerOffer(40_000), Set.of()))
                        .isInstanceOf(MediaUnavailableException.class)
                        .hasMessageStartingWith("no rtpengine instance is live: rtpengine 127.0.0.1:" + a.getPort() + " did not answer");
                assertThat(received(deadA) + received(deadB)).as("nothing sent: the call did not wait").isZero();
            }
        }
    }

    /** How many datagrams wait on the socket. */
    private static int received(DatagramSocket socket) throws Exception {
        socket.setSoTimeout(100);
        int n = 0;
        try {
            while (true) {
                socket.receive(new DatagramPacket(new byte[65_535], 65_535));
                n++;
            }
        } catch (SocketTimeoutException e) {
            return n;
        }
    }

    @Test
    void callsFromManyThreadsAtOnceAreAnchoredSideBySide() throws Exception {
        int calls = 24;
        ExecutorService threads = Executors.newFixedThreadPool(calls);
        try (Rtpengine rtpengine = client(engine.ngAddress())) {
            List<Future<String>> done = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                done.add(threads.submit(() -> {
                    String call = newCallId();
                    rtpengine.offer(call, "caller-tag", Sdps.callerOffer(40_000), Set.of());
                    rtpengine.answer(call, "caller-tag", "operator-tag", Sdps.operatorAnswer(40_002), Set.of());
                    return call;
                }));
            }
            List<String> anchored = new ArrayList<>();
            for (Future<String> f : done) {
                anchored.add(f.get());
            }
            assertThat(rtpengine.list(engine.ngAddress(), 1000)).containsAll(anchored);
            for (String call : anchored) {
                rtpengine.delete(call);
            }
            assertThat(rtpengine.list(engine.ngAddress(), 1000)).doesNotContainAnyElementsOf(anchored);
        } finally {
            threads.shutdownNow();
        }
        assertThat(Arrays.asList(engine.log().split("\n"))).noneMatch(l -> l.contains("CRIT"));
    }
}
