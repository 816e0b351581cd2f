package id.siaga.telephony.sip;

import id.siaga.org.OperatorId;
import id.siaga.telephony.CallId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every call the edge is handling, with its SIP dialogs and transactions: the one place the edge, the call control
 * and the relay look a call or a leg up when a message arrives or the call pipeline asks for something. A call is
 * found by its id (the pipeline's word for it) or by the SIP Call-ID of its caller's INVITE; a leg to an operator
 * phone by its own SIP Call-ID (the phone's responses and requests). A call is forgotten when it ends; a leg of it
 * still ringing then stays until its final response, so a CANCEL waiting for the phone's 1xx still goes out.
 *
 * <p>It also counts, per source address, the unanswered calls the per-source limit counts: a place is taken as an
 * INVITE arrives (before the caller hears anything) and given back once the call is answered, refused or over. The
 * pipeline's own count of the same calls follows this one (it learns of a call after the edge, and of its answer or
 * end before), so a call the edge let in is never over the limit there.
 */
final class SipCalls {

    private final Map<CallId, SipCall> byId = new ConcurrentHashMap<>();
    private final Map<String, SipCall> byCallerSipCallId = new ConcurrentHashMap<>();
    private final Map<String, SipCall.LegState> legsBySipCallId = new ConcurrentHashMap<>();
    /** Unanswered calls per limited source address. */
    private final Map<String, Integer> placesTaken = new ConcurrentHashMap<>();

    /** The established call a SIP Call-ID belongs to, and whether it is the caller's side. */
    record Side(SipCall call, boolean callerSide) {
    }

    /** A caller's INVITE became a call. */
    void admit(SipCall call) {
        byId.put(call.id, call);
        byCallerSipCallId.put(call.callerSipCallId(), call);
    }

    /** The call, while the edge still handles it. */
    Optional<SipCall> call(CallId id) {
        return Optional.ofNullable(byId.get(id));
    }

    boolean handles(CallId id) {
        return byId.containsKey(id);
    }

    /** The call whose caller's requests carry this SIP Call-ID. */
    Optional<SipCall> ofCaller(String sipCallId) {
        return Optional.ofNullable(byCallerSipCallId.get(sipCallId));
    }

    /** A phone is being rung for its call: the phone's responses and requests find the leg by its SIP Call-ID. */
    void ringing(SipCall.LegState leg) {
        leg.call.legs.put(leg.leg.operator(), leg);
        legsBySipCallId.put(leg.sipCallId, leg);
    }

    /** The leg whose messages carry this SIP Call-ID. */
    Optional<SipCall.LegState> leg(String sipCallId) {
        return Optional.ofNullable(legsBySipCallId.get(sipCallId));
    }

    /**
     * The leg of this call on which this operator's phone answered and that is not yet released; only this call's,
     * as the same position may be talking on another call through the same phone. Found also after the call ended.
     */
    Optional<SipCall.LegState> unreleasedAnswer(CallId id, OperatorId operator) {
        return legsBySipCallId.values().stream()
                .filter(l -> l.call.id.equals(id) && l.leg.operator().equals(operator) && l.answer != null && !l.done)
                .findFirst();
    }

    /** The call a SIP Call-ID belongs to, caller's side or a phone's. */
    Optional<Side> sideOf(String sipCallId) {
        SipCall caller = byCallerSipCallId.get(sipCallId);
        if (caller != null) {
            return Optional.of(new Side(caller, true));
        }
        return leg(sipCallId).map(l -> new Side(l.call, false));
    }

    /**
     * Takes a place for one more unanswered call from {@code source} if it has fewer than {@code limit}; false (and
     * nothing taken) when it already has that many. Check and take are one step: INVITEs from one source arriving
     * together on several threads never take more than {@code limit} places between them.
     */
    boolean takePlace(String source, int limit) {
        boolean[] taken = {false};
        placesTaken.compute(source, (s, n) -> {
            int held = n == null ? 0 : n;
            if (held >= limit) {
                return n;
            }
            taken[0] = true;
            return held + 1;
        });
        return taken[0];
    }

    /** Gives back a place taken for an INVITE that did not become a call. */
    void givePlaceBack(String source) {
        placesTaken.computeIfPresent(source, (s, n) -> n <= 1 ? null : n - 1);
    }

    /** Unanswered calls from {@code source} the edge counts now. */
    int placesTaken(String source) {
        return placesTaken.getOrDefault(source, 0);
    }

    /** The call was answered, refused or is over: its place under its source's limit is free again (once). */
    void settled(SipCall call) {
        if (call.holdsPlace.compareAndSet(true, false)) {
            givePlaceBack(call.limitedSource);
        }
    }

    /** The call ended: its caller and its finished legs are no longer looked up. */
    void forget(SipCall call) {
        settled(call);
        byId.remove(call.id);
        byCallerSipCallId.remove(call.callerSipCallId(), call);
        for (SipCall.LegState leg : call.legs.values()) {
            if (leg.done || leg.answer != null) {
                legsBySipCallId.remove(leg.sipCallId);
            } // a leg still ringing stays until its final response, so a CANCEL waiting for its 1xx still goes out
        }
    }

    /** A leg had its last word (a final response, a timeout, a release): once its call has ended, it is no longer looked up. */
    void legFinished(SipCall.LegState leg) {
        if (!handles(leg.call.id)) {
            legsBySipCallId.remove(leg.sipCallId);
        }
    }
}
