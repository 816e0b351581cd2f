package id.siaga.telephony;

import id.siaga.telephony.event.CallAbandoned;
import id.siaga.telephony.event.CallInterrupted;
import java.time.Duration;
import java.time.Instant;

/**
 * Watch: an unanswered call must still have a caller. Its caller is probed every so often; one found gone, or a call
 * that waited longer than allowed, ends with a call-back task; a call the server must drop (a shutdown) is closed as
 * interrupted, with a call-back task when nobody had answered.
 */
final class WatchStage implements CallStage {

    @Override
    public Call handle(Call call, CallInput input, CallContext context, Actions out) {
        if (call.ending() != null) {
            return call;
        }
        Instant now = context.now();
        CallerWatch watch = context.watch();
        if (input instanceof CallInput.Sweep && call.unanswered()) {
            if (Duration.between(call.offeredAt(), now).compareTo(watch.maxWait()) >= 0) {
                return gone(call, now, 480, "Temporarily Unavailable", "unanswered after the longest wait allowed (" + watch.maxWait() + ")");
            }
            if (!watch.probeInterval().isZero() && Duration.between(call.probedAt(), now).compareTo(watch.probeInterval()) >= 0) {
                out.add(new CallAction.ProbeCaller());
                return call.probed(now);
            }
        }
        if (input instanceof CallInput.CallerGone g && call.unanswered()) {
            return gone(call, now, 408, "Request Timeout", g.why());
        }
        if (input instanceof CallInput.Interrupt i && call.phase() != Call.Phase.ENDED) {
            boolean answered = !call.unanswered();
            CallInterrupted.State was = answered ? CallInterrupted.State.ANSWERED
                    : call.ladder() != null && call.ladder().queued() ? CallInterrupted.State.QUEUED : CallInterrupted.State.RINGING;
            return call.ending(new Call.Ending(CallRecord.Outcome.INTERRUPTED, "system",
                    new CallInterrupted(call.id(), i.reason(), was, call.responsible(), call.secondsSinceOffer(now)), "system",
                    answered ? 0 : 503, "Service Unavailable", !answered));
        }
        return call;
    }

    private static Call gone(Call call, Instant now, int status, String phrase, String why) {
        return call.ending(new Call.Ending(CallRecord.Outcome.ABANDONED, "system",
                CallAbandoned.callerGone(call.id(), call.secondsSinceOffer(now), call.tier(), call.currentStation(), why), "liveness",
                status, phrase, true));
    }
}
