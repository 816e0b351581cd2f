package id.siaga.telephony.sip;

import id.siaga.org.OperatorId;
import id.siaga.routing.Leg;
import id.siaga.telephony.CallId;
import id.siaga.telephony.media.AnchoredSdp;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** The SIP side of one emergency call: the caller's INVITE transaction and every leg to an operator phone. */
final class SipCall {

    final CallId id;
    final ServerTransaction callerTx;
    final Request callerInvite;
    final String callerToTag;
    final byte[] callerSdp;
    /** The source address whose per-source limit this call counts against while unanswered; null when none does. */
    final String limitedSource;
    /** Whether the call still holds its place under that limit (until it is answered or ends). */
    final AtomicBoolean holdsPlace;
    final Map<OperatorId, LegState> legs = new ConcurrentHashMap<>();
    volatile boolean callerFinal;
    /** The edge sent the first 180 itself on arrival; the call loop's first "ringing" for the call is then already done. */
    volatile boolean ringbackAhead;
    /** The media plane was asked to anchor the call (once, before the first phone rings). */
    volatile boolean mediaTried;
    /**
     * rtpengine's answer to the caller's offer (the SDP the phones get); for a delayed offer, rtpengine's version of the
     * winning phone's offer (the SDP the caller gets). Null while the call is not anchored.
     */
    volatile AnchoredSdp anchored;
    /** The caller sent no SDP (a delayed offer) and the phone's offer was anchored: the caller's ACK brings the answer. */
    volatile boolean lateOfferAnchored;
    /** rtpengine's SDP the caller got in a 183 for early media; null until a prompt needed it. */
    volatile AnchoredSdp early;
    /** rtpengine's SDP the caller got last (183 or 200): which of its ports the caller sends to. */
    volatile String sdpForCaller;
    /** A prompt plays to the caller (stopped before the answer reaches it). */
    volatile boolean prompting;
    /** The answer reached the media plane: no prompt starts after it. */
    volatile boolean mediaAnswered;

    /** One operator phone rung for this call. */
    static final class LegState {
        final SipCall call;
        final Leg leg;
        final String sipCallId;
        volatile ClientTransaction tx;
        volatile Dialog dialog;
        volatile Response answer;
        volatile boolean provisional;
        volatile boolean cancelRequested;
        volatile boolean done;
        /** The 2xx answered a call offered without SDP: our ACK waits for the caller's, which carries the SDP answer. */
        volatile boolean ackHeld;

        LegState(SipCall call, Leg leg, String sipCallId) {
            this.call = call;
            this.leg = leg;
            this.sipCallId = sipCallId;
        }
    }

    SipCall(CallId id, ServerTransaction callerTx, Request callerInvite, String callerToTag, byte[] callerSdp, String limitedSource) {
        this.id = id;
        this.callerTx = callerTx;
        this.callerInvite = callerInvite;
        this.callerToTag = callerToTag;
        this.callerSdp = callerSdp;
        this.limitedSource = limitedSource;
        this.holdsPlace = new AtomicBoolean(limitedSource != null);
    }

    /** The SIP Call-ID of the caller's leg. */
    String callerSipCallId() {
        return ((CallIdHeader) callerInvite.getHeader(CallIdHeader.NAME)).getCallId();
    }

    Dialog callerDialog() {
        return callerTx.getDialog();
    }
}
