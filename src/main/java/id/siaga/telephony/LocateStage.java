package id.siaga.telephony;

import id.siaga.location.LocationFix;
import id.siaga.location.LocationFusion;
import id.siaga.telephony.event.CallLocated;
import id.siaga.telephony.event.CallOffered;

/**
 * Locate: the call is journalled as offered, and every fix it brought (PIDF-LO, cell, …), every report for this caller
 * that arrived before it, and every later one joins its location history, journalled as {@code CallLocated}.
 */
final class LocateStage implements CallStage {

    @Override
    public Call handle(Call call, CallInput input, CallContext context, Actions out) {
        if (input instanceof CallInput.Offer offer) {
            IncomingCall in = call.incoming();
            out.journal(new CallOffered(in.id(), in.callerNumber(), in.dialled()), "network");
            Call located = call;
            for (LocationFix f : in.routable()) {
                located = join(located, new LocationFusion.Received(f, context.now(), true), "call", out);
            }
            for (LocationFix f : in.displayOnly()) {
                located = join(located, new LocationFusion.Received(f, context.now(), false), "call", out);
            }
            for (LocationFusion.Received r : offer.earlier()) {
                located = join(located, r, "report before the call", out);
            }
            if (located.locations().isEmpty()) {
                out.journal(new CallLocated.NoLocation(in.id(), in.locationProblem() == null ? "the call carried no location" : in.locationProblem(),
                        in.areaCode().orElse(null)), "location");
            }
            return located;
        }
        if (input instanceof CallInput.Located l) {
            return join(call, l.received(), l.via(), out);
        }
        return call;
    }

    private static Call join(Call call, LocationFusion.Received r, String via, Actions out) {
        out.journal(CallLocated.fix(call.id(), r, via), "location");
        return call.withLocation(r);
    }
}
