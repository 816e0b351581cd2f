package id.siaga.telephony.sip;

import gov.nist.javax.sip.stack.HopImpl;
import gov.nist.javax.sip.stack.SIPTransaction;
import id.siaga.telephony.CallCoordinator;
import id.siaga.telephony.CallId;
import java.math.BigDecimal;
import java.time.Duration;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.Hop;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the caller of an unanswered call is still there: an OPTIONS inside the early dialog our 180 created (RFC
 * 3261 §11, §12.2.1.1: our To-tag in From, the caller's From-tag in To, the Call-ID, a CSeq of our own, the caller's
 * Contact as Request-URI), sent where the caller's INVITE came from, the way our responses go (§18.2.2), so a probe
 * never goes to an address the INVITE merely named. A 481 (the caller's side knows no such call), a 408, or no final
 * response within 64 × T1 (Timer F, §17.1.2.2: 32 s over UDP) means the caller is gone, and the call pipeline hears
 * it through {@link CallCoordinator#callerGone}; any other final response (200, 405, 501, …) comes from a side that
 * still holds the call, and nothing happens.
 *
 * <p>The OPTIONS is a non-INVITE transaction of the caller's dialog: when it times out, JAIN-SIP ends neither the
 * dialog nor the caller's INVITE server transaction (it deletes a dialog only when a dialog-creating request times
 * out). A 481 or 408 makes the RI end the dialog 64 × T1 later, by which time the pipeline has refused the INVITE.
 * An outcome that arrives once the call is answered or over is only logged: the caller it asked about was waiting.
 */
final class SipCallerProbe {

    private static final Logger log = LoggerFactory.getLogger(SipCallerProbe.class);

    /** RFC 3261's T1, the round-trip estimate the stack's timers start from (§17.1.1.1). */
    static final Duration T1 = Duration.ofMillis(500);

    private final EdgeSipStack stack;
    private final SipEndpoint endpoint;
    private final SipCalls calls;
    private final CallCoordinator coordinator;

    /** A question in flight, carried by its client transaction: which call, and how long it waits for an answer. */
    private record Probe(CallId call, Duration timeout) {
    }

    SipCallerProbe(EdgeSipStack stack, SipEndpoint endpoint, SipCalls calls, CallCoordinator coordinator) {
        this.stack = stack;
        this.endpoint = endpoint;
        this.calls = calls;
        this.coordinator = coordinator;
    }

    /** Sends the OPTIONS, retransmitted from {@code t1} on and given up after 64 × {@code t1}; nothing if the call is not ringing here. */
    void probe(CallId id, Duration t1) {
        SipCall call = calls.call(id).orElse(null);
        if (call == null || call.callerFinal) {
            return; // over, or answered: not a caller waiting
        }
        Dialog dialog = call.callerDialog();
        if (dialog == null) {
            log.debug("call {}: no dialog with the caller to ask in", id);
            return;
        }
        try {
            Request options = dialog.createRequest(Request.OPTIONS);
            ClientTransaction tx = stack.newClientTransaction(endpoint.provider(), options, cameFrom(call.callerTx, call.callerInvite));
            tx.setRetransmitTimer((int) t1.toMillis());
            tx.setApplicationData(new Probe(id, t1.multipliedBy(64)));
            dialog.sendRequest(tx);
            log.debug("call {}: asked the caller whether it is still there", id);
        } catch (Exception e) {
            log.warn("call {}: the caller could not be asked whether it is still there: {}", id, e.toString());
        }
    }

    /** A response to a probe, if this is one (true): 481 or 408 report the caller gone. */
    boolean answered(ResponseEvent event) {
        ClientTransaction tx = event.getClientTransaction();
        if (tx == null || !(tx.getApplicationData() instanceof Probe probe)) {
            return false;
        }
        Response response = event.getResponse();
        int status = response.getStatusCode();
        if (status == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST || status == Response.REQUEST_TIMEOUT) {
            gone(probe, "OPTIONS answered " + status + " " + response.getReasonPhrase());
        } else if (status >= 200) {
            log.debug("call {}: the caller is still there (OPTIONS answered {})", probe.call(), status);
        }
        return true;
    }

    /** A probe that got no final response (true): the caller is gone. */
    boolean timedOut(ClientTransaction tx) {
        if (!(tx.getApplicationData() instanceof Probe probe)) {
            return false;
        }
        gone(probe, "no answer to OPTIONS within " + seconds(probe.timeout()));
        return true;
    }

    private void gone(Probe probe, String why) {
        SipCall call = calls.call(probe.call()).orElse(null);
        if (call == null || call.callerFinal) {
            log.info("call {}: {}, but the call was answered or ended meanwhile", probe.call(), why);
            return;
        }
        log.warn("call {}: the caller is gone: {}", probe.call(), why);
        coordinator.callerGone(probe.call(), why);
    }

    /**
     * Where the caller's INVITE came from, as the stack sends our responses to it (RFC 3261 §18.2.2): over a connection,
     * its other end; over UDP, the top Via's maddr, received or sent-by host, at its rport or sent-by port.
     */
    static Hop cameFrom(ServerTransaction tx, Request invite) {
        ViaHeader via = (ViaHeader) invite.getHeader(ViaHeader.NAME);
        String transport = via.getTransport();
        if (tx instanceof SIPTransaction t && t.isReliable()) {
            return new HopImpl(t.getPeerAddress(), t.getPeerPort(), transport);
        }
        String host = via.getMAddr() != null ? via.getMAddr() : via.getReceived() != null ? via.getReceived() : via.getHost();
        int port = via.getRPort() > 0 ? via.getRPort() : via.getPort() > 0 ? via.getPort() : "TLS".equalsIgnoreCase(transport) ? 5061 : 5060;
        return new HopImpl(host, port, transport);
    }

    private static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }
}
