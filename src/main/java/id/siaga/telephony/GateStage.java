package id.siaga.telephony;

import id.siaga.telephony.event.CallGated;
import id.siaga.telephony.event.GatePassed;
import id.siaga.telephony.event.GateSkipped;
import java.time.Duration;
import java.time.Instant;

/**
 * Gate: a flagged caller's call, at a station whose gate is on ({@link Gate}), is held before its first phone rings
 * while the caller hears "Jika ini keadaan darurat, tekan 1". The key 1 sends it on at once, confirmed; the end of the
 * wait sends it on without the key (offered behind calls without the mark); a prompt the media plane could not play
 * sends it on at once. Every path out of the gate rings the call: this stage never ends one (a caller who hangs up at
 * the gate has abandoned, which the ring stage handles like any other). Runs after the route stage (the gate is the
 * responsible station's) and before the ring stage, which it keeps from starting while the call is held.
 */
final class GateStage implements CallStage {

    @Override
    public Call handle(Call call, CallInput input, CallContext context, Actions out) {
        if (call.ending() != null) {
            return call;
        }
        Instant now = context.now();
        if (call.phase() == Call.Phase.GATED) {
            return held(call, input, now, out);
        }
        if (!call.ringFromStart() || call.phase() != Call.Phase.RINGING || call.screen().gate() != null || !call.standing().flagged()) {
            return call;
        }
        Gate gate = context.gate();
        if (!gate.on(call.chain())) {
            return call;
        }
        if (call.ladder() != null) {
            // it already rang elsewhere (a better location moved it here): its caller is not sent back to a prompt
            return skipped(call, null, "the call already rang before a better location moved it here: it rings on without the gate", out);
        }
        if (!gate.mediaPlane()) {
            return skipped(call, null, "the gate is on here, but no media plane plays its prompt: the call rings at once", out);
        }
        if (call.media().unanchored()) {
            return skipped(call, null, "the media plane could not take this call (" + call.media().unavailableReason() + "): the call rings at once", out);
        }
        out.add(new CallAction.Media(new MediaControl.Request.Prompt(call.id(), Gate.PROMPT)));
        out.journal(new CallGated(call.id(), call.responsible(), gate.keyWait().toMillis() / 1000.0, call.standing().score()), "screening");
        out.publish("gated");
        return call.gated(now, now.plus(gate.keyWait()));
    }

    /** A call at the gate: the key, a failed prompt or the end of the wait send it on; anything else keeps it there. */
    private static Call held(Call call, CallInput input, Instant now, Actions out) {
        Call.GateState gate = call.screen().gate();
        if (input instanceof CallInput.KeyHeard k && "caller".equals(k.party()) && Gate.CONFIRM_KEY.equals(k.key())) {
            return passed(call, gate, Call.GateOutcome.CONFIRMED, now, out);
        }
        if (input instanceof CallInput.MediaFailed f) {
            return skipped(call, gate, "the gate's prompt could not be played (" + f.step() + ": " + f.reason() + "): the call rings at once", out);
        }
        if (!now.isBefore(gate.until())) {
            return passed(call, gate, Call.GateOutcome.NO_KEY, now, out);
        }
        return call;
    }

    private static Call passed(Call call, Call.GateState gate, Call.GateOutcome how, Instant now, Actions out) {
        out.add(new CallAction.Media(new MediaControl.Request.StopPrompt(call.id())));
        double seconds = Duration.between(gate.startedAt(), now).toMillis() / 1000.0;
        out.journal(new GatePassed(call.id(), how == Call.GateOutcome.CONFIRMED, seconds), how == Call.GateOutcome.CONFIRMED ? "caller" : "screening");
        out.publish("gate");
        return call.withScreen(call.screen().withGate(gate.ended(how))).ringNow();
    }

    private static Call skipped(Call call, Call.GateState gate, String reason, Actions out) {
        out.journal(new GateSkipped(call.id(), call.responsible(), reason), "screening");
        Call.GateState ended = gate == null ? new Call.GateState(null, null, Call.GateOutcome.SKIPPED) : gate.ended(Call.GateOutcome.SKIPPED);
        Call next = call.withScreen(call.screen().withGate(ended));
        if (gate != null) {
            out.publish("gate");
            return next.ringNow();
        }
        return next; // not held yet: it goes on to the ring stage as it came
    }
}
