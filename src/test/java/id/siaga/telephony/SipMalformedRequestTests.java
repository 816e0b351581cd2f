package id.siaga.telephony;

import id.siaga.support.SipTestPorts;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.app.PresenceService;
import id.siaga.org.OperatorId;
import id.siaga.org.OperatorRoster;
import id.siaga.org.Presence;
import id.siaga.support.RawSipSocket;
import id.siaga.support.Sipp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Bad SIP from the network gets a proper SIP error or is dropped as RFC 3261 says, and a call in progress
 * at the same time is unharmed. Same edge configuration as {@link SipCallScenarioTests}, so the same
 * running service answers both.
 */
@SipEdgeTest
class SipMalformedRequestTests {

    /** The raw caller's own port, free for this run. */
    private static final int CALLER = SipTestPorts.free();

    @Autowired
    PresenceService presence;
    @Autowired
    OperatorRoster roster;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("callPathShutdown")
    org.springframework.context.SmartLifecycle callPath;

    @BeforeAll
    static void sippInstalled() {
        Sipp.requireInstalled();
    }

    static String request(String method, String uri, String extraHeaders, String body) {
        return method + " " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + CALLER + ";branch=z9hG4bK-" + System.nanoTime() + "\r\n"
                + "From: <sip:0811111111@127.0.0.1:" + CALLER + ">;tag=t" + System.nanoTime() + "\r\n"
                + "To: <" + uri + ">\r\n"
                + "Call-ID: junk-" + System.nanoTime() + "@127.0.0.1\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + "Contact: <sip:0811111111@127.0.0.1:" + CALLER + ">\r\n"
                + "Max-Forwards: 70\r\n"
                + extraHeaders
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    /** Sends one datagram to the edge and returns the first response other than a 100, if any comes within two seconds. */
    static Optional<String> exchange(byte[] datagram) throws IOException {
        try (RawSipSocket socket = new RawSipSocket(CALLER, Duration.ofSeconds(2))) {
            socket.send(datagram, SipCallScenarioTests.EDGE);
            return socket.next(text -> !text.startsWith("SIP/2.0 100")).map(RawSipSocket.Datagram::text);
        }
    }

    static Optional<String> exchange(String text) throws IOException {
        return exchange(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aNumberOtherThan110Gets404() throws IOException {
        assertThat(exchange(request("INVITE", "sip:999@127.0.0.1:" + SipTestPorts.EDGE, "", ""))).hasValueSatisfying(r -> assertThat(r).startsWith("SIP/2.0 404")
                .as("a final response carries a To-tag").containsPattern("(?m)^To: .*;tag="));
    }

    @Test
    void theAliasesAreEmergencyCallsToo() throws IOException {
        assertThat(exchange(request("OPTIONS", "sip:112@127.0.0.1:" + SipTestPorts.EDGE, "", ""))).hasValueSatisfying(r -> assertThat(r).startsWith("SIP/2.0 200"));
    }

    @Test
    void aCancelForACallTheEdgeNeverSawGets481WhateverItsBranch() throws IOException {
        // an RFC 3261 branch is looked up by its value; an RFC 2543 peer's branch without the magic cookie takes the stack's comparison
        assertThat(exchange(request("CANCEL", "sip:110@127.0.0.1:" + SipTestPorts.EDGE, "", ""))).hasValueSatisfying(r -> assertThat(r).startsWith("SIP/2.0 481"));
        String rfc2543 = request("CANCEL", "sip:110@127.0.0.1:" + SipTestPorts.EDGE, "", "").replaceFirst("branch=z9hG4bK-", "branch=old-");
        assertThat(exchange(rfc2543)).hasValueSatisfying(r -> assertThat(r).startsWith("SIP/2.0 481"));
    }

    @Test
    void anUnknownMethodGets405WithTheMethodsAllowed() throws IOException {
        assertThat(exchange(request("FROBNICATE", "sip:110@127.0.0.1:" + SipTestPorts.EDGE, "", "")))
                .hasValueSatisfying(r -> assertThat(r).startsWith("SIP/2.0 405").containsIgnoringCase("Allow: INVITE"));
    }

    @Test
    void anOptionsGets200WithTheMethodsAllowed() throws IOException {
        // RFC 3261 §11.2: a 200 to OPTIONS SHOULD say what the UA takes (a carrier's keep-alive, or a caller's own probe)
        assertThat(exchange(request("OPTIONS", "sip:110@127.0.0.1:" + SipTestPorts.EDGE, "", "")))
                .hasValueSatisfying(r -> assertThat(r).startsWith("SIP/2.0 200").containsIgnoringCase("Allow: INVITE"));
    }

    @Test
    void aCallerHearsRingingAsTheFirstAnswerNotA100Before() throws IOException {
        String invite = request("INVITE", "sip:110@127.0.0.1:" + SipTestPorts.EDGE, "", "");
        try (RawSipSocket socket = new RawSipSocket(CALLER, Duration.ofSeconds(2))) {
            socket.send(invite, SipCallScenarioTests.EDGE);
            Optional<String> first = socket.receive().map(RawSipSocket.Datagram::text);
            socket.send(invite.replaceFirst("^INVITE ", "CANCEL ").replace("CSeq: 1 INVITE", "CSeq: 1 CANCEL"), SipCallScenarioTests.EDGE);
            assertThat(first).as("the first answer to an INVITE to 110").hasValueSatisfying(r -> assertThat(r).startsWith("SIP/2.0 180")
                    .containsPattern("(?m)^To: .*;tag="));
            // the cancelled INVITE's final answer, ACKed as RFC 3261 §17.1.1.3 says
            String terminated = socket.next(text -> text.startsWith("SIP/2.0 487")).orElseThrow(() -> new AssertionError("the cancelled INVITE got no 487")).text();
            String to = terminated.lines().filter(l -> l.startsWith("To:")).findFirst().orElseThrow();
            socket.send(invite.replaceFirst("^INVITE ", "ACK ").replace("CSeq: 1 INVITE", "CSeq: 1 ACK")
                    .replaceFirst("(?m)^To: [^\\r]+", java.util.regex.Matcher.quoteReplacement(to)), SipCallScenarioTests.EDGE);
        }
    }

    @Test
    void brokenRequestsGetAnErrorOrAreDroppedAndACallAtTheSameTimeGoesThrough() throws Exception {
        roster.all().forEach(o -> presence.change(o.id(), Presence.OFFLINE, "test"));
        presence.change(new OperatorId("OP-3404-1"), Presence.READY, "test");
        try (Sipp phone = Sipp.phone("phone-answer.xml", SipTestPorts.OP_3404_1, 1, 1500);
             Sipp caller = Sipp.caller("caller-pidf.xml", SipTestPorts.free(), SipCallScenarioTests.EDGE_ADDRESS, "110",
                     Map.of("caller", "081200000009", "lat", "-7.71560", "lon", "110.35580"), 4000, 1)) {
            String invite = request("INVITE", "sip:110@127.0.0.1:" + SipTestPorts.EDGE, "", "");
            assertOnlyErrorOrNothing(exchange(invite.replace("CSeq: 1 INVITE", "CSeq: abc INVITE")), "broken CSeq header");
            assertOnlyErrorOrNothing(exchange(invite.replaceAll("Call-ID: [^\\r]+\\r\\n", "")), "missing Call-ID");
            assertOnlyErrorOrNothing(exchange(invite.replace("Via: SIP/2.0/UDP", "Via: SIP/2.0/UDP <<<")), "broken Via");
            Optional<String> garbage = exchange(request("INVITE", "sip:110@127.0.0.1:" + SipTestPorts.EDGE, "Content-Type: application/sdp\r\n",
                    "\u0001garbage that is not SDP"));
            assertThat(garbage).as("garbage SDP").hasValueSatisfying(r -> assertThat(r).startsWith("SIP/2.0 488"));
            assertOnlyErrorOrNothing(exchange(request("INVITE", "sip:110@127.0.0.1:" + SipTestPorts.EDGE, "Content-Type: application/sdp\r\n", "v=0\r\n")
                    .replace("Content-Length: 5", "Content-Length: 9000")), "body shorter than Content-Length");
            assertOnlyErrorOrNothing(exchange(new byte[] {0, 1, 2, 3, (byte) 0xff, 'S', 'I', 'P'}), "binary garbage");
            assertOnlyErrorOrNothing(exchange(request("INVITE", "sip:110@127.0.0.1:" + SipTestPorts.EDGE, "X-Padding: " + "x".repeat(64 * 1024 - 400) + "\r\n", "")),
                    "a 64 KB message");
            assertThat(caller.await(40)).as(caller.output()).isZero();
            assertThat(phone.await(40)).as(phone.output()).isZero();
        }
        assertThat(exchange(request("OPTIONS", "sip:110@127.0.0.1:" + SipTestPorts.EDGE, "", ""))).as("the edge still answers")
                .hasValueSatisfying(r -> assertThat(r).startsWith("SIP/2.0 200"));
    }

    /**
     * Spring stops and starts the lifecycle of a context it pauses (its test framework does so between test classes that
     * share one): a stopped call path refuses new calls (503, so a cluster's front sends them elsewhere) and, started
     * again, takes them again. It once stayed refusing: every later test class on the shared context lost its calls.
     */
    @Test
    void aCallPathStoppedAndStartedAgainTakesCallsAgain() throws IOException {
        callPath.stop();
        try {
            assertThat(exchange(request("OPTIONS", "sip:110@127.0.0.1:" + SipTestPorts.EDGE, "", ""))).as("stopping")
                    .hasValueSatisfying(r -> assertThat(r).startsWith("SIP/2.0 503"));
        } finally {
            callPath.start();
        }
        assertThat(exchange(request("OPTIONS", "sip:110@127.0.0.1:" + SipTestPorts.EDGE, "", ""))).as("running again")
                .hasValueSatisfying(r -> assertThat(r).startsWith("SIP/2.0 200"));
    }

    private static void assertOnlyErrorOrNothing(Optional<String> response, String what) {
        response.ifPresent(r -> assertThat(r).as(what).matches("(?s)SIP/2\\.0 [456]\\d\\d .*"));
    }
}
