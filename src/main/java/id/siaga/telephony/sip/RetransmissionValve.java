package id.siaga.telephony.sip;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPDialog;
import gov.nist.javax.sip.stack.SIPMessageValve;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.SipStack;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hook JAIN-SIP RI runs on every message before its transaction layer (a {@link SIPMessageValve}, which the edge
 * puts on its stack), here to keep phones' retransmitted 2xx away from it. An operator phone repeats its 200 OK until
 * our ACK arrives; the repeat no longer has a client transaction (the INVITE transaction ends with the first 2xx), and
 * for a response without one the RI compares it with every client transaction it holds: thousands under load, so a
 * slow ACK breeds retransmissions that each cost a scan, and the edge collapses (bench/RESULTS.md). The valve answers
 * such a repeat itself with our ACK again, unless that ACK is still held for the caller's SDP, and the stack never
 * sees it. Anything else passes through unchanged.
 */
final class RetransmissionValve implements SIPMessageValve {

    private static final Logger log = LoggerFactory.getLogger(RetransmissionValve.class);

    private final SipCalls calls;
    /** Repeated 2xx taken before the stack, for the log. */
    private final AtomicLong absorbed = new AtomicLong();

    RetransmissionValve(SipCalls calls) {
        this.calls = calls;
    }

    @Override
    public void init(SipStack sipStack) {
    }

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        return true;
    }

    /**
     * Whether the stack should see this response. A phone's repeated 2xx to an INVITE whose first 2xx we have
     * (its transaction gone) is answered here with our ACK again, unless that ACK is still held for the caller's
     * SDP, and is not passed on.
     */
    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        if (response.getStatusCode() / 100 != 2) {
            return true;
        }
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        if (cseq == null || !Request.INVITE.equals(cseq.getMethod())) {
            return true;
        }
        CallIdHeader callId = (CallIdHeader) response.getHeader(CallIdHeader.NAME);
        SipCall.LegState leg = callId == null ? null : calls.leg(callId.getCallId()).orElse(null);
        if (leg == null || leg.answer == null || leg.dialog == null) {
            return true; // the first 2xx, or not one of our legs: the stack handles it
        }
        long answered = ((CSeqHeader) leg.answer.getHeader(CSeqHeader.NAME)).getSeqNumber();
        if (cseq.getSeqNumber() != answered) {
            return true; // a re-INVITE's 2xx belongs to the relay
        }
        // RFC 3261 §13.2.2.4: every repeat of the 2xx gets our ACK again (the first may have been lost); while the ACK
        // is held for the caller's SDP there is none to repeat yet, and the held one goes out when the caller's comes
        if (!leg.ackHeld && leg.dialog instanceof SIPDialog d && d.isAckSent(answered)) {
            try {
                d.resendAck();
            } catch (Exception e) {
                log.debug("ACK not re-sent to {}: {}", leg.leg.operator(), e.toString());
            }
        }
        absorbed.incrementAndGet();
        return false;
    }

    /** How many repeated 2xx the valve took. */
    long absorbed() {
        return absorbed.get();
    }

    @Override
    public void destroy() {
    }
}
