package id.siaga.telephony;

import id.siaga.location.LocationFix;
import id.siaga.location.LocationFusion;
import id.siaga.telephony.event.CallFlagged;
import id.siaga.telephony.event.SilentEmergency;
import id.siaga.telephony.event.SilentPromptPlayed;

/**
 * Screen: the caller's number as screening knows it joins the call when it arrives (its reputation, for the operator's
 * call pop and the gate), and a number whose score flags it is journalled as {@code CallFlagged} with the facts that flag
 * it. A flag never refuses, drops or delays a call here. For a silent call, the operator's ask plays "Jika Anda tidak
 * dapat berbicara, tekan 5 5" to the caller; 5 5 after it makes the call a silent emergency ({@code SilentEmergency},
 * with the call's best location for the dispatchers). Runs after the media stage, whose keys it reads.
 */
final class ScreenStage implements CallStage {

    /** The prompt the silent caller hears (its WAV and text under {@code media/prompts/}). */
    static final String SILENT_PROMPT = "senyap";

    private final LocationFusion fusion;

    ScreenStage(LocationFusion fusion) {
        this.fusion = fusion;
    }

    @Override
    public Call handle(Call call, CallInput input, CallContext context, Actions out) {
        if (input instanceof CallInput.Offer offer && offer.standing() != null) {
            if (offer.standing().flagged()) {
                out.journal(CallFlagged.of(call.id(), offer.standing()), "screening");
            }
            return call.withStanding(offer.standing());
        }
        if (input instanceof CallInput.SilentPromptAsked ask && call.phase() == Call.Phase.ANSWERED && call.ending() == null) {
            out.add(new CallAction.Media(new MediaControl.Request.PromptInCall(call.id(), SILENT_PROMPT)));
            out.journal(new SilentPromptPlayed(call.id(), ask.operator()), ask.operator().value());
            out.publish("silent");
            return call.withScreen(call.screen().silentAsked(context.now()));
        }
        if (input instanceof CallInput.MediaFailed f && MediaControl.PROMPT_STEP.equals(f.step()) && call.phase() == Call.Phase.ANSWERED
                && call.screen().awaitsSilentCode()) {
            out.publish("silent"); // the operator sees that the caller heard nothing and may ask again
            return call.withScreen(call.screen().silentPromptFailed(f.reason()));
        }
        if (input instanceof CallInput.KeyHeard k && "caller".equals(k.party()) && call.screen().awaitsSilentCode()) {
            Call.Screen screen = call.screen().keyAfterAsk(k.key());
            if (!screen.keysSinceAsk().endsWith(Call.Screen.SILENT_CODE)) {
                return call.withScreen(screen);
            }
            LocationFix fix = call.bestFix(fusion, context.now()).orElse(null);
            out.journal(new SilentEmergency(call.id(), call.responsible(), fix == null ? null : fix.latitude(), fix == null ? null : fix.longitude(),
                    fix == null || !fix.hasUncertainty() ? null : fix.uncertaintyMeters(), fix == null ? "NONE" : fix.source().name()), "caller");
            out.publish("silent");
            return call.withScreen(screen.silentEmergency(context.now()));
        }
        return call;
    }
}
