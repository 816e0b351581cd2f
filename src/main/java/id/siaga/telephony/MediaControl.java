package id.siaga.telephony;

import id.siaga.org.StationId;

/**
 * What the call pipeline asks of the media plane: anchor the call's audio, record it, play a prompt to a waiting
 * caller, release it at the end (keypresses it hears will come back to the call loop with the rtpengine adapter).
 * {@link #NONE} keeps today's behaviour: the SDP is relayed end to end and the
 * media never passes through Siaga 110 (the rtpengine adapter of issue 15 implements the real one).
 */
public interface MediaControl {

    /**
     * The step under which the media plane reports a prompt it could not play ({@code CallCoordinator.mediaUnavailable}):
     * the call is still anchored and recorded; only the prompt is lost.
     */
    String PROMPT_STEP = "prompt";

    /** One thing asked of the media plane for one call. */
    sealed interface Request {
        CallId call();

        /** Anchor the call's media when it is offered. */
        record Anchor(CallId call) implements Request {
        }

        /** Record both directions from now to the end. */
        record Record(CallId call) implements Request {
        }

        /** Play a prompt to the caller once ({@code prompt}: the name of an announcement, such as {@link Announcement#WAITING}). */
        record Prompt(CallId call, String prompt) implements Request {
        }

        /**
         * Play a prompt to the caller of an answered call, once, over the operator's voice for its length (the silent
         * caller's "tekan 5 5"); a waiting caller's {@link Prompt} is never played once the call is answered.
         */
        record PromptInCall(CallId call, String prompt) implements Request {
        }

        /** Stop any prompt the caller hears (an operator answered). */
        record StopPrompt(CallId call) implements Request {
        }

        /** The call ended: release what was anchored, close the recording (kept for {@code station}, the responsible one). */
        record Release(CallId call, StationId station) implements Request {
        }
    }

    /** Carries the request out, or does what it can; returns at once (the media plane reports back later, if at all). */
    void handle(Request request);

    /** No media plane: the audio flows between the phones as today. */
    MediaControl NONE = request -> {
    };
}
