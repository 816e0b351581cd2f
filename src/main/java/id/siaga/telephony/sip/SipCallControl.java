package id.siaga.telephony.sip;

import id.siaga.routing.Leg;
import id.siaga.telephony.CallControl;
import id.siaga.telephony.CallCoordinator;
import id.siaga.telephony.CallId;
import java.time.Duration;
import java.util.List;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.TransactionState;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CallControl} in SIP: legs are INVITEs to operator phones carrying the caller's SDP offer (rtpengine's, with a
 * media plane: {@link SipMedia}); the first 2xx is ACKed and its SDP answers the caller; every other leg gets CANCEL, or ACK and BYE if its 2xx
 * came too late. CANCEL waits for a provisional response, as RFC 3261 §9.1 requires.
 */
final class SipCallControl implements CallControl {

    private static final Logger log = LoggerFactory.getLogger(SipCallControl.class);

    private final SipEndpoint endpoint;
    private final SipCalls calls;
    private final CallCoordinator coordinator;
    private final PhoneContacts phones;
    private final SipCallerProbe probe;
    private final SipMedia media;

    SipCallControl(SipEndpoint endpoint, SipCalls calls, CallCoordinator coordinator, PhoneContacts phones, SipCallerProbe probe, SipMedia media) {
        this.media = media;
        this.endpoint = endpoint;
        this.calls = calls;
        this.coordinator = coordinator;
        this.phones = phones;
        this.probe = probe;
    }

    /**
     * 180 Ringing to a caller who has just arrived, from the thread that took the INVITE: the caller hears ringback
     * without waiting for location, routing and the call loop (post-dial delay). The call loop's own first
     * {@link #ringing} for the call, which always follows, is then skipped; later ones (the keep-alive) go out.
     * False when the 180 could not be sent (the call loop's {@link #ringing} tries again).
     */
    boolean ringbackOnArrival(SipCall call) {
        call.ringbackAhead = true;
        try {
            call.callerTx.sendResponse(toCaller(call, Response.RINGING));
            return true;
        } catch (Exception e) {
            call.ringbackAhead = false;
            log.warn("call {}: could not send 180 to the caller: {}", call.id, e.toString());
            return false;
        }
    }

    @Override
    public void ringing(CallId id) {
        SipCall call = calls.call(id).orElse(null);
        if (call == null || call.callerFinal) {
            return;
        }
        if (call.ringbackAhead) {
            call.ringbackAhead = false;
            return;
        }
        try {
            call.callerTx.sendResponse(toCaller(call, Response.RINGING));
        } catch (Exception e) {
            log.warn("call {}: could not send 180 to the caller: {}", id, e.toString());
        }
    }

    @Override
    public void ringLeg(CallId id, Leg leg, String callerNumber) {
        SipCall call = calls.call(id).orElse(null);
        if (call == null) {
            return;
        }
        List<String> contacts = phones.contactsFor(leg.operator());
        if (contacts.isEmpty()) {
            coordinator.legFailed(id, leg, Response.TEMPORARILY_UNAVAILABLE, "no phone registered for " + leg.operator());
            return;
        }
        try {
            AddressFactory addresses = endpoint.addresses();
            HeaderFactory headers = endpoint.headers();
            SipURI target = (SipURI) addresses.createURI(contacts.get(0));
            // a sips: contact is TLS by its scheme (RFC 3261 §26.2.2), a sip: one says its transport or is UDP
            String transport = target.getTransportParam() != null ? target.getTransportParam().toLowerCase(java.util.Locale.ROOT)
                    : target.isSecure() ? "tls" : "udp";
            SipURI fromUri = addresses.createSipURI(callerNumber, endpoint.address());
            Address from = addresses.createAddress(fromUri);
            from.setDisplayName(callerNumber);
            CallIdHeader callId = endpoint.provider().getNewCallId();
            Request invite = endpoint.messages().createRequest(target, Request.INVITE, callId,
                    headers.createCSeqHeader(1L, Request.INVITE),
                    headers.createFromHeader(from, SipHeaders.tag()),
                    headers.createToHeader(addresses.createAddress(target), null),
                    List.of(headers.createViaHeader(endpoint.address(), endpoint.portFor(transport), transport, null)),
                    headers.createMaxForwardsHeader(70));
            invite.addHeader(endpoint.contact(transport, target.isSecure()));
            invite.addHeader(headers.createHeader("Subject", "Panggilan 110 " + id));
            byte[] offer = media.offerForPhones(call);
            if (offer != null) {
                invite.setContent(offer, headers.createContentTypeHeader("application", "sdp"));
            }
            SipCall.LegState state = new SipCall.LegState(call, leg, callId.getCallId());
            calls.ringing(state);
            ClientTransaction tx = endpoint.provider().getNewClientTransaction(invite);
            state.tx = tx;
            tx.sendRequest();
        } catch (Exception e) {
            log.warn("call {}: could not ring {}: {}", id, leg.operator(), e.toString());
            coordinator.legFailed(id, leg, Response.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }

    @Override
    public void cancelLeg(CallId id, Leg leg) {
        SipCall call = calls.call(id).orElse(null);
        SipCall.LegState state = call == null ? null : call.legs.get(leg.operator());
        if (state == null || state.done) {
            return;
        }
        synchronized (state) {
            state.cancelRequested = true;
            if (state.provisional) {
                sendCancel(id, state);
            }
        }
    }

    private void sendCancel(CallId id, SipCall.LegState state) {
        try {
            if (state.tx.getState() == TransactionState.PROCEEDING) {
                endpoint.provider().getNewClientTransaction(state.tx.createCancel()).sendRequest();
            }
        } catch (Exception e) {
            log.debug("call {}: CANCEL to {} not sent: {}", id, state.leg.operator(), e.toString());
        }
    }

    @Override
    public void connect(CallId id, Leg winner) {
        SipCall call = calls.call(id).orElse(null);
        SipCall.LegState state = call == null ? null : call.legs.get(winner.operator());
        if (state == null || state.answer == null) {
            return;
        }
        byte[] offer = state.answer.getRawContent();
        if (call.callerSdp == null && offer != null && offer.length > 0) {
            state.ackHeld = true; // delayed offer: the phone's 2xx is the offer, the caller's ACK will bring the answer
            endpoint.afterAckTimeout(() -> releaseHeldAck(call, state, null));
        } else {
            ack(state, null);
        }
        try {
            if (call.callerFinal) {
                throw new IllegalStateException("the caller's INVITE already ended");
            }
            Response ok = toCaller(call, Response.OK);
            byte[] phoneSdp = state.answer.getRawContent();
            byte[] sdp = call.callerSdp == null ? media.lateOfferForCaller(call, phoneSdp) : media.answerForCaller(call, phoneSdp);
            if (sdp != null && sdp.length > 0) {
                ok.setContent(sdp, endpoint.headers().createContentTypeHeader("application", "sdp"));
            }
            call.callerFinal = true;
            calls.settled(call);
            call.callerTx.sendResponse(ok);
        } catch (Exception e) {
            log.info("call {}: the caller left before the answer reached them ({}); releasing {}", id, e.getMessage(), winner.operator());
            releaseHeldAck(call, state, null);
            bye(state.dialog);
            state.done = true;
            coordinator.callerHungUp(id); // the pipeline ends the call, records it and frees the operator
        }
    }

    /** The caller ACKed our 2xx: a winning leg whose ACK was held for the caller's SDP answer gets it now. */
    void callerAcked(SipCall call, Request callerAck) {
        for (SipCall.LegState state : call.legs.values()) {
            if (state.ackHeld) {
                releaseHeldAck(call, state, callerAck);
            }
        }
    }

    /** Sends a held ACK once: with the caller's SDP answer, or without a body when the caller's ACK never came. */
    private void releaseHeldAck(SipCall call, SipCall.LegState state, Request callerAck) {
        synchronized (state) {
            if (!state.ackHeld) {
                return;
            }
            state.ackHeld = false;
        }
        if (callerAck == null) {
            log.warn("call {}: no ACK from the caller with an SDP answer; {} is ACKed without one", call.id, state.leg.operator());
        }
        ack(state, callerAck, call);
    }

    @Override
    public void releaseLateAnswer(CallId id, Leg leg) {
        calls.unreleasedAnswer(id, leg.operator()).ifPresent(state -> {
            ack(state, null);
            bye(state.dialog);
            state.done = true;
            calls.legFinished(state);
        });
    }

    @Override
    public void hangUpOperator(CallId id, Leg leg) {
        calls.call(id).ifPresent(call -> {
            SipCall.LegState state = call.legs.get(leg.operator());
            if (state != null && !state.done) {
                state.done = true;
                bye(state.dialog);
            }
            calls.forget(call);
        });
    }

    @Override
    public void hangUpCaller(CallId id) {
        calls.call(id).ifPresent(call -> {
            bye(call.callerDialog());
            calls.forget(call);
        });
    }

    @Override
    public void rejectCaller(CallId id, int status, String reason) {
        calls.call(id).ifPresent(call -> {
            finishCaller(call, status, reason);
            calls.forget(call);
        });
    }

    /** An OPTIONS in the caller's early dialog, given up after Timer F (64 × T1, 32 s over UDP). */
    @Override
    public void probeCaller(CallId id) {
        probe.probe(id, SipCallerProbe.T1);
    }

    /** The same, with another T1 (a test that cannot wait 32 s for the caller who never answers). */
    void probeCaller(CallId id, Duration t1) {
        probe.probe(id, t1);
    }

    /** Ends the caller's INVITE transaction with a final non-2xx response, once. */
    void finishCaller(SipCall call, int status, String reason) {
        if (call.callerFinal) {
            return;
        }
        call.callerFinal = true;
        calls.settled(call);
        try {
            Response r = toCaller(call, status);
            if (reason != null) {
                r.setReasonPhrase(reason);
            }
            ServerTransaction tx = call.callerTx;
            if (tx.getState() != TransactionState.TERMINATED && tx.getState() != TransactionState.COMPLETED) {
                tx.sendResponse(r);
            } else {
                log.warn("call {}: final response {} not sent: the caller's INVITE transaction is already {}", call.id, status, tx.getState());
            }
        } catch (Exception e) {
            log.warn("call {}: final response {} not sent: {}", call.id, status, e.toString());
        }
    }

    /** A response on one leg: provisional, answer, or refusal. */
    void onLegResponse(SipCall.LegState state, Response response, Dialog dialog) {
        int status = response.getStatusCode();
        if (status < 200) {
            synchronized (state) {
                state.provisional = true;
                if (state.cancelRequested) {
                    sendCancel(state.call.id, state);
                }
            }
            return;
        }
        if (status < 300) {
            if (state.answer != null) {
                return; // a retransmitted 2xx: the stack re-sends our ACK
            }
            state.answer = response;
            state.dialog = dialog;
            coordinator.legAnswered(state.call.id, state.leg);
            return;
        }
        legGone(state, status, response.getReasonPhrase());
    }

    void legGone(SipCall.LegState state, int status, String reason) {
        if (state.done) {
            return;
        }
        state.done = true;
        if (!state.cancelRequested) {
            coordinator.legFailed(state.call.id, state.leg, status, reason);
        }
    }

    /** ACKs a leg's 2xx, carrying the SDP of {@code bodyFrom} (the caller's ACK) when it has one. */
    private void ack(SipCall.LegState state, Request bodyFrom) {
        ack(state, bodyFrom, null);
    }

    /** An ACK to the phone's 2xx, with {@code bodyFrom}'s body; a caller's SDP answer for an anchored {@code call} goes through rtpengine. */
    private void ack(SipCall.LegState state, Request bodyFrom, SipCall call) {
        try {
            long seq = ((CSeqHeader) state.answer.getHeader(CSeqHeader.NAME)).getSeqNumber();
            Request ack = state.dialog.createAck(seq);
            SipBodies.copyBody(bodyFrom, ack);
            javax.sip.header.ContentTypeHeader type = (javax.sip.header.ContentTypeHeader) ack.getHeader(javax.sip.header.ContentTypeHeader.NAME);
            if (call != null && ack.getRawContent() != null && type != null && "sdp".equalsIgnoreCase(type.getContentSubType())) {
                ack.setContent(media.answerForPhone(call, ack.getRawContent()), type);
            }
            state.dialog.sendAck(ack);
        } catch (Exception e) {
            log.warn("ACK to {} failed: {}", state.leg.operator(), e.toString());
        }
    }

    private void bye(Dialog dialog) {
        if (dialog == null) {
            return;
        }
        try {
            Request bye = dialog.createRequest(Request.BYE);
            dialog.sendRequest(endpoint.provider().getNewClientTransaction(bye));
        } catch (Exception e) {
            log.debug("BYE not sent: {}", e.toString());
        }
    }

    private Response toCaller(SipCall call, int status) throws Exception {
        Response r = endpoint.messages().createResponse(status, call.callerInvite);
        ((ToHeader) r.getHeader(ToHeader.NAME)).setTag(call.callerToTag);
        if (status < 300) {
            r.addHeader(endpoint.contactFor(call.callerInvite));
        }
        return r;
    }
}
