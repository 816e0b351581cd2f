package id.siaga.telephony.sip;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-dialog requests of an answered call (re-INVITE for hold or a codec change, UPDATE, INFO for DTMF)
 * relayed across the B2BUA in both directions: the same method and body on the other side's dialog, and
 * its final response carried back. A 2xx to a relayed re-INVITE is ACKed on our side at once. With a media plane
 * every SDP crosses through rtpengine: a re-INVITE's offer and its 2xx's answer, or, for a re-INVITE without SDP, the
 * 2xx's offer and the requester's ACK's answer, so hold, resume or a codec change never takes the media off the relay
 * (and the recording).
 */
final class SipDialogRelay {

    private static final Logger log = LoggerFactory.getLogger(SipDialogRelay.class);

    private final SipEndpoint endpoint;
    private final SipCalls calls;
    private final Map<ClientTransaction, ServerTransaction> pending = new ConcurrentHashMap<>();
    /** For a relayed request whose SDP went through the media plane: its call and whether the caller sent it. */
    private final Map<ClientTransaction, SipCalls.Side> anchoredOffers = new ConcurrentHashMap<>();
    private final SipMedia media;
    /** For a relayed re-INVITE without SDP (the 2xx will bring the offer): its call, and whether the caller sent it. */
    private final Map<ClientTransaction, SipCalls.Side> lateOffers = new ConcurrentHashMap<>();
    /** Held ACKs by the SIP Call-ID of the side whose ACK they wait for. */
    private final Map<String, HeldAck> heldAcks = new ConcurrentHashMap<>();

    SipDialogRelay(SipEndpoint endpoint, SipCalls calls, SipMedia media) {
        this.media = media;
        this.endpoint = endpoint;
        this.calls = calls;
    }

    void forward(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        ServerTransaction incoming = event.getServerTransaction() != null ? event.getServerTransaction()
                : endpoint.provider().getNewServerTransaction(request);
        String sipCallId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        SipCalls.Side side = calls.sideOf(sipCallId).orElse(null);
        Dialog other = side == null ? null : otherDialog(side);
        if (other == null) {
            incoming.sendResponse(endpoint.messages().createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
            return;
        }
        Request out = other.createRequest(request.getMethod());
        SipBodies.copyBody(request, out);
        boolean offer = isSdp(request) && (Request.INVITE.equals(request.getMethod()) || Request.UPDATE.equals(request.getMethod()));
        if (offer && media.on()) {
            byte[] anchored = media.reofferAcross(side.call(), side.callerSide(), request.getRawContent());
            out.setContent(anchored, (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME));
        }
        ClientTransaction tx = endpoint.provider().getNewClientTransaction(out);
        pending.put(tx, incoming);
        if (offer && media.on()) {
            anchoredOffers.put(tx, side);
        } else if (media.on() && Request.INVITE.equals(request.getMethod()) && !hasBody(request)) {
            lateOffers.put(tx, side);
        }
        other.sendRequest(tx);
        log.debug("relayed {} across call {}", request.getMethod(), sipCallId);
    }

    private Dialog otherDialog(SipCalls.Side side) {
        if (side.callerSide()) {
            return side.call().legs.values().stream().filter(l -> l.answer != null && !l.done).map(l -> l.dialog).findFirst().orElse(null);
        }
        return side.call().callerDialog();
    }

    /** Carries a final response to a relayed request back; true if the response was ours to relay. */
    boolean relayResponse(ResponseEvent event) {
        ClientTransaction tx = event.getClientTransaction();
        if (tx == null) {
            return false;
        }
        Response response = event.getResponse();
        if (response.getStatusCode() < 200) {
            return pending.containsKey(tx);
        }
        ServerTransaction incoming = pending.remove(tx);
        SipCalls.Side anchored = anchoredOffers.remove(tx);
        SipCalls.Side late = lateOffers.remove(tx);
        if (incoming == null) {
            return false;
        }
        try {
            CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
            Response back = endpoint.messages().createResponse(response.getStatusCode(), incoming.getRequest());
            if (Request.INVITE.equals(cseq.getMethod()) && response.getStatusCode() < 300) {
                back.addHeader(endpoint.contactFor(incoming.getRequest()));
            }
            SipBodies.copyBody(response, back);
            if (anchored != null && response.getStatusCode() < 300 && isSdp(response)) {
                back.setContent(media.reanswerAcross(anchored.call(), anchored.callerSide(), response.getRawContent()),
                        (ContentTypeHeader) response.getHeader(ContentTypeHeader.NAME));
            }
            boolean lateOffer = false;
            if (late != null && response.getStatusCode() < 300 && isSdp(response)) {
                // the offer comes from the far end this time: rtpengine's version of it goes to the requester
                byte[] raw = response.getRawContent();
                byte[] offered = media.reofferAcross(late.call(), !late.callerSide(), raw);
                back.setContent(offered, (ContentTypeHeader) response.getHeader(ContentTypeHeader.NAME));
                // only an offer rtpengine took may have its answer sent there (a refused one comes back as the very array given)
                lateOffer = offered != raw;
            }
            Dialog d = null;
            Request ack = null;
            String requester = null;
            if (Request.INVITE.equals(cseq.getMethod()) && response.getStatusCode() < 300) {
                d = tx.getDialog();
                ack = d.createAck(cseq.getSeqNumber());
                if (!hasBody(incoming.getRequest()) && hasBody(response)) {
                    // a re-INVITE without SDP: the 2xx is the offer, the requester's ACK brings the answer for the far end;
                    // held before the 2xx goes out, or a quick requester's ACK would find nothing waiting for it
                    requester = ((CallIdHeader) incoming.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
                    heldAcks.put(requester, new HeldAck(d, ack, lateOffer ? late : null));
                    String waiting = requester;
                    endpoint.afterAckTimeout(() -> release(waiting, null));
                }
            }
            incoming.sendResponse(back);
            if (ack != null && requester == null) {
                // answer the requester first, then ACK our side: the far end may send its next request as soon as it has the ACK
                d.sendAck(ack);
            }
        } catch (Exception e) {
            log.warn("could not relay a {} response: {}", response.getStatusCode(), e.toString());
        }
        return true;
    }

    /** An ACK arrived on some dialog: if a relayed re-INVITE's ACK was waiting for its SDP answer, it goes out now. */
    void acked(Request ack) {
        release(((CallIdHeader) ack.getHeader(CallIdHeader.NAME)).getCallId(), ack);
    }

    private void release(String requesterCallId, Request requesterAck) {
        HeldAck held = heldAcks.remove(requesterCallId);
        if (held == null) {
            return;
        }
        try {
            SipBodies.copyBody(requesterAck, held.ack());
            if (held.anchored() != null && requesterAck != null && isSdp(requesterAck)) {
                // the requester's answer to rtpengine's offer, through rtpengine to the far end that made the offer
                held.ack().setContent(media.reanswerAcross(held.anchored().call(), !held.anchored().callerSide(), requesterAck.getRawContent()),
                        (ContentTypeHeader) requesterAck.getHeader(ContentTypeHeader.NAME));
            }
            held.dialog().sendAck(held.ack());
        } catch (Exception e) {
            log.warn("could not relay an ACK: {}", e.toString());
        }
    }

    private static boolean isSdp(Message m) {
        ContentTypeHeader type = (ContentTypeHeader) m.getHeader(ContentTypeHeader.NAME);
        return hasBody(m) && type != null && "application".equalsIgnoreCase(type.getContentType())
                && "sdp".equalsIgnoreCase(type.getContentSubType());
    }

    private static boolean hasBody(Message m) {
        byte[] body = m.getRawContent();
        return body != null && body.length > 0;
    }

    /**
     * Our ACK for a relayed re-INVITE's 2xx, waiting for the requester's ACK and its SDP answer; {@code anchored} when the
     * 2xx's offer went through the media plane (the answer must too).
     */
    private record HeldAck(Dialog dialog, Request ack, SipCalls.Side anchored) {
    }

    /** A relayed request got no answer from the other side: the requester gets 408. */
    boolean timedOut(ClientTransaction tx) {
        anchoredOffers.remove(tx);
        lateOffers.remove(tx);
        ServerTransaction incoming = pending.remove(tx);
        if (incoming == null) {
            return false;
        }
        try {
            incoming.sendResponse(endpoint.messages().createResponse(Response.REQUEST_TIMEOUT, incoming.getRequest()));
        } catch (Exception e) {
            log.debug("408 not sent: {}", e.toString());
        }
        return true;
    }
}
