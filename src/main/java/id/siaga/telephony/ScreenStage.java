package id.siaga.telephony;

import id.siaga.telephony.event.CallFlagged;

/**
 * Screen: the caller's number as screening knows it joins the call when it arrives (its reputation, for the operator's
 * call pop), and a number whose score flags it is journalled as {@code CallFlagged} with the facts that flag it. A flag
 * never refuses, drops or delays a call here: every call goes on to be routed and rung like any other.
 */
final class ScreenStage implements CallStage {

    @Override
    public Call handle(Call call, CallInput input, CallContext context, Actions out) {
        if (!(input instanceof CallInput.Offer offer) || offer.standing() == null) {
            return call;
        }
        if (offer.standing().flagged()) {
            out.journal(CallFlagged.of(call.id(), offer.standing()), "screening");
        }
        return call.withStanding(offer.standing());
    }
}
