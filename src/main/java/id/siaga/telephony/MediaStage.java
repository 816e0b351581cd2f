package id.siaga.telephony;

import id.siaga.telephony.event.KeyPressed;
import id.siaga.telephony.event.MediaUnavailable;

/**
 * Media: what the media plane reports about a call joins it. A key the caller pressed is kept on the call (the operator
 * sees it; screening reads it, which is why this stage runs before the screen stage), and every key, whoever pressed
 * it, is journalled as {@code KeyPressed}. A media plane that could not take the call is journalled as
 * {@code MediaUnavailable} and shown on the call: it is not recorded and nothing can be played to its caller.
 */
final class MediaStage implements CallStage {

    @Override
    public Call handle(Call call, CallInput input, CallContext context, Actions out) {
        if (input instanceof CallInput.KeyHeard k) {
            out.journal(new KeyPressed(call.id(), k.key(), k.party(), k.durationMs()), "media");
            if (!"caller".equals(k.party())) {
                return call;
            }
            out.publish("key");
            return call.withMedia(call.media().withKey(k.key()));
        }
        if (input instanceof CallInput.MediaFailed f) {
            out.journal(new MediaUnavailable(call.id(), f.step(), f.reason()), "media");
            if (MediaControl.PROMPT_STEP.equals(f.step())) {
                return call; // a prompt not played: the call is still anchored and recorded (the gate stage lets it ring)
            }
            out.publish("media");
            // the first failure is the one the call is shown with: after a lost offer nothing later is anchored anyway
            return call.media().unavailableStep() != null ? call : call.withMedia(call.media().unavailable(f.step(), f.reason()));
        }
        return call;
    }
}
