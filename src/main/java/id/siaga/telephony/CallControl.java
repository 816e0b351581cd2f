package id.siaga.telephony;

import id.siaga.routing.Leg;

/**
 * What the call pipeline asks of the phone network. The SIP adapter implements it; each method returns at
 * once and reports what happened later through {@link CallCoordinator}'s event methods.
 */
public interface CallControl {

    /** Tell the caller the call is being offered (180 Ringing). Repeated while a call waits, to keep it alive. */
    void ringing(CallId call);

    /** Ring one operator's phone with the caller's media offer. */
    void ringLeg(CallId call, Leg leg, String callerNumber);

    /** Stop ringing one phone. */
    void cancelLeg(CallId call, Leg leg);

    /** Join the caller to the operator who answered: accept the leg and answer the caller with its media. */
    void connect(CallId call, Leg winner);

    /** A phone answered after another had won: accept and hang it up at once. */
    void releaseLateAnswer(CallId call, Leg leg);

    /** Hang up the operator side of an established call. */
    void hangUpOperator(CallId call, Leg leg);

    /** Hang up the caller side of an established call. */
    void hangUpCaller(CallId call);

    /**
     * Ask whether the caller of an unanswered call is still there (an RFC 3261 OPTIONS in the early dialog our 180 created).
     * Returns at once; a caller found gone is reported with {@link CallCoordinator#callerGone}.
     */
    void probeCaller(CallId call);

    /** Refuse the caller before answer with a status (e.g. 480 when no phone could be rung at all). */
    void rejectCaller(CallId call, int status, String reason);
}
