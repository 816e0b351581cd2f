package id.siaga.telephony;

import id.siaga.routing.EscalationLadder;
import id.siaga.routing.LadderAction;
import id.siaga.routing.LadderStep;
import id.siaga.routing.Leg;
import id.siaga.telephony.event.CallAbandoned;
import id.siaga.telephony.event.CallAnswered;
import id.siaga.telephony.event.CallEnded;
import id.siaga.telephony.event.CallEscalated;
import id.siaga.telephony.event.CallQueued;
import id.siaga.telephony.event.LateAnswerReleased;
import id.siaga.telephony.event.LegFailed;
import id.siaga.telephony.event.LegRang;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ring and escalate: the escalation ladder's decisions (routing's pure rules) as phones rung and cancelled, the first
 * answer winning, the caller and operator connected and later hung up; a call that is ending has its phones stopped and
 * its caller told.
 */
final class RingStage implements CallStage {

    private static final Logger log = LoggerFactory.getLogger(RingStage.class);

    private final EscalationLadder ladder;
    private final Duration shortCall;

    RingStage(EscalationLadder ladder, Duration shortCall) {
        this.ladder = ladder;
        this.shortCall = shortCall;
    }

    @Override
    public Call handle(Call call, CallInput input, CallContext context, Actions out) {
        Instant now = context.now();
        if (call.ending() == null) {
            call = onInput(call, input, context, out);
        }
        if (call.ending() != null && call.phase() != Call.Phase.ENDED) {
            if (call.unanswered()) {
                if (call.ladder() != null) {
                    call = apply(call, ladder.abandoned(call.ladder()), out);
                }
                if (call.ending().callerStatus() > 0) {
                    out.add(new CallAction.RejectCaller(call.ending().callerStatus(), call.ending().callerPhrase()));
                }
            }
            return call.asEnded();
        }
        return call;
    }

    private Call onInput(Call call, CallInput input, CallContext context, Actions out) {
        Instant now = context.now();
        if (call.ringFromStart()) {
            if (call.ladder() != null) {
                call = apply(call, ladder.abandoned(call.ladder()), out); // re-routed: the old jurisdiction's phones stop
            }
            out.add(new CallAction.Media(new MediaControl.Request.Anchor(call.id())));
            return apply(call, ladder.start(call.chain(), context.ringable(), now), out);
        }
        if (input instanceof CallInput.Wake && call.phase() == Call.Phase.RINGING) {
            return apply(call, ladder.tick(call.ladder(), context.ringable(), now), out);
        }
        if (input instanceof CallInput.OperatorsAvailable && call.phase() == Call.Phase.RINGING) {
            return apply(call, ladder.offerWaiting(call.ladder(), context.forWaiting(), now), out);
        }
        if (input instanceof CallInput.LegAnswered a) {
            return answered(call, a.leg(), now, out);
        }
        if (input instanceof CallInput.LegFailed f) {
            if (call.phase() == Call.Phase.RINGING && call.ladder().isRinging(f.leg().operator())) {
                out.journal(new LegFailed(call.id(), f.leg().operator(), f.status(), f.reason()), f.leg().operator().value());
                return apply(call, f.rungElsewhere() ? ladder.legRungElsewhere(call.ladder(), f.leg().operator(), context.ringable(), now)
                        : ladder.legEnded(call.ladder(), f.leg().operator(), context.ringable(), now), out);
            }
            return call;
        }
        boolean callerLeft = input instanceof CallInput.CallerHungUp || input instanceof CallInput.CallerGone;
        if (callerLeft && call.unanswered()) {
            log.info("call {} abandoned by {} after {} s at tier {}", call.id(), call.callerNumber(), call.secondsSinceOffer(now), call.tier());
            return call.ending(new Call.Ending(CallRecord.Outcome.ABANDONED, "caller",
                    CallAbandoned.whileRinging(call.id(), call.secondsSinceOffer(now), call.tier(), call.currentStation()), "caller",
                    487, "Request Terminated", true));
        }
        if ((callerLeft || input instanceof CallInput.OperatorHungUp) && call.phase() == Call.Phase.ANSWERED) {
            String by = callerLeft ? "caller" : "operator";
            out.add(callerLeft ? new CallAction.HangUpOperator(call.winner()) : new CallAction.HangUpCaller());
            out.add(new CallAction.OperatorLine(call.winner().operator(), false));
            Duration talked = Duration.between(call.answeredAt(), now);
            boolean cutOff = callerLeft && talked.compareTo(shortCall) < 0;
            return call.ending(new Call.Ending(cutOff ? CallRecord.Outcome.CUT_OFF : CallRecord.Outcome.ANSWERED, by,
                    new CallEnded(call.id(), by, talked.toMillis() / 1000.0, call.winner().operator()), by, 0, null, cutOff));
        }
        return call;
    }

    private Call answered(Call call, Leg leg, Instant now, Actions out) {
        if (call.phase() != Call.Phase.RINGING || !call.ladder().isRinging(leg.operator())) {
            out.add(new CallAction.ReleaseLateAnswer(leg));
            out.journal(new LateAnswerReleased(call.id(), leg.operator()), leg.operator().value());
            return call;
        }
        out.add(new CallAction.Connect(leg));
        LadderStep step = ladder.answered(call.ladder(), leg.operator());
        double seconds = call.secondsSinceOffer(now);
        log.info("call {} answered by {} at {} (tier {}) after {} s", call.id(), leg.operator(), leg.station(), leg.tier(), seconds);
        out.journal(new CallAnswered(call.id(), leg.operator(), leg.station(), leg.tier(), seconds, call.responsible()), leg.operator().value());
        out.add(new CallAction.OperatorLine(leg.operator(), true));
        Call answered = apply(call, step, out).answeredBy(leg, step.state(), now);
        out.add(new CallAction.Media(new MediaControl.Request.Record(call.id())));
        out.publish("answered");
        return answered;
    }

    /** The ladder's decisions as actions, each journalled. */
    private static Call apply(Call call, LadderStep step, Actions out) {
        for (LadderAction action : step.actions()) {
            if (action instanceof LadderAction.Ring r) {
                out.add(new CallAction.RingLeg(r.leg()));
                out.journal(new LegRang(call.id(), r.leg().operator(), r.leg().station(), r.leg().tier()), "routing");
            } else if (action instanceof LadderAction.Cancel c) {
                out.add(new CallAction.CancelLeg(c.leg()));
            } else if (action instanceof LadderAction.Escalated e) {
                log.info("call {} escalated {} -> {} ({}), missed by {}", call.id(), e.from(), e.to(), e.reason(), e.missed());
                out.journal(new CallEscalated(call.id(), e.from(), e.to(), e.toTier(), e.reason(), e.missed()), "routing");
                out.publish("escalated");
            } else if (action instanceof LadderAction.Queued q) {
                log.warn("call {} queued at {}: nobody READY anywhere on its chain", call.id(), q.top());
                out.journal(new CallQueued(call.id(), q.top()), "routing"); // the announce stage tells the caller
            }
        }
        return call.withLadder(step.state());
    }
}
