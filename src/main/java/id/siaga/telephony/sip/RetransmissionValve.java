package id.siaga.telephony.sip;

import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import gov.nist.javax.sip.message.SIPRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.SipStack;
import javax.sip.message.Response;

/**
 * A hook JAIN-SIP RI runs on every message before its transaction layer ({@code gov.nist.javax.sip.SIP_MESSAGE_VALVE}),
 * here to keep phones' retransmitted 2xx away from it. An operator phone repeats its 200 OK until our ACK
 * arrives; the repeat no longer has a client transaction (the INVITE transaction ends with the first 2xx), and
 * for a response without one the RI compares it with every client transaction it holds: thousands under
 * load, so a slow ACK breeds retransmissions that each cost a scan, and the edge collapses (bench/RESULTS.md).
 * The edge takes such a repeat itself (see {@code SipEdge.admitResponse}) and the stack never sees it.
 * Anything else passes through unchanged.
 */
public final class RetransmissionValve implements SIPMessageValve {

    /** The edge of each stack, registered when the edge has started. */
    static final Map<SipStack, SipEdge> EDGES = new ConcurrentHashMap<>();

    private volatile SipStack stack;

    @Override
    public void init(SipStack sipStack) {
        this.stack = sipStack;
    }

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        return true;
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        SipEdge edge = stack == null ? null : EDGES.get(stack);
        return edge == null || edge.admitResponse(response);
    }

    @Override
    public void destroy() {
        if (stack != null) {
            EDGES.remove(stack);
        }
    }
}
