package id.siaga.telephony;

import id.siaga.support.SipTestPorts;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.app.PresenceService;
import id.siaga.org.OperatorId;
import id.siaga.org.OperatorRoster;
import id.siaga.org.Presence;
import id.siaga.support.RawSipSocket;
import id.siaga.support.Sipp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An operator's phone that does not hear our ACK sends its 200 again; the edge answers every repeat with its ACK
 * again (RFC 3261 §13.2.2.4), so the phone stops instead of hanging up after 64 × T1. The phone here is a raw UDP
 * socket on Polres Sleman's position, so the test decides exactly when the 200 is repeated; the caller is SIPp.
 */
@SipEdgeTest
class SipRepeatedAnswerTests {

    private static final int PHONE = SipTestPorts.OP_3404_1; // OP-3404-1's static contact in @SipEdgeTest

    @Autowired
    PresenceService presence;
    @Autowired
    OperatorRoster roster;

    @BeforeAll
    static void sippInstalled() {
        Sipp.requireInstalled();
    }

    @Test
    void aRepeatedTwoHundredGetsTheAckAgain() throws Exception {
        roster.all().forEach(o -> presence.change(o.id(), Presence.OFFLINE, "test"));
        presence.change(new OperatorId("OP-3404-1"), Presence.READY, "test");
        try (RawSipSocket phone = new RawSipSocket(PHONE, Duration.ofSeconds(5));
             Sipp caller = Sipp.caller("caller-pidf.xml", SipTestPorts.free(), SipCallScenarioTests.EDGE_ADDRESS, "110",
                     Map.of("caller", "081200000031", "lat", "-7.71560", "lon", "110.35580"), 3000, 1)) {
            // each wait skips what else comes (CANCELs, retransmissions)
            RawSipSocket.Datagram invite = phone.next(t -> t.startsWith("INVITE ")).orElseThrow(() -> new AssertionError("the phone was not rung"));
            String ok = answer(invite.text());
            phone.reply(ok, invite);
            assertThat(phone.next(t -> t.startsWith("ACK "))).as("the ACK to the first 200").isPresent();
            phone.reply(ok, invite); // as if that ACK had been lost
            assertThat(phone.next(t -> t.startsWith("ACK "))).as("the ACK again, for the repeated 200").isPresent();
            RawSipSocket.Datagram bye = phone.next(t -> t.startsWith("BYE ")).orElseThrow(() -> new AssertionError("the caller's hang-up did not reach the phone"));
            phone.reply(okTo(bye.text(), ""), bye);
            assertThat(caller.await(20)).as(caller.output()).isZero();
        }
    }

    /** The phone's 200 to the INVITE: its own To-tag and Contact, and an SDP answer. */
    private static String answer(String invite) {
        String sdp = "v=0\r\no=phone 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 47999 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
        return okTo(invite, ";tag=phone31")
                .replace("Content-Length: 0\r\n\r\n", "Contact: <sip:op-3404-1@127.0.0.1:" + PHONE + ">\r\nContent-Type: application/sdp\r\n"
                        + "Content-Length: " + sdp.length() + "\r\n\r\n" + sdp);
    }

    /** A 200 to {@code request} echoing its Via, From, To (with {@code toTag} added), Call-ID and CSeq. */
    private static String okTo(String request, String toTag) {
        return RawSipSocket.response(request, "200 OK", toTag);
    }
}
