package id.siaga.telephony;

import id.siaga.location.LocationFusion;
import id.siaga.org.OperatorId;
import id.siaga.routing.Leg;
import id.siaga.screening.Standing;
import java.util.List;

/** What can happen to a call: each input runs through every stage of the {@link CallPipeline} in order. */
sealed interface CallInput {

    /**
     * The network presented the call. {@code earlier} are location reports for this caller that arrived before it;
     * {@code cancelled} is set when the caller hung up before the offer was handled (a CANCEL right behind the INVITE);
     * {@code standing} is the caller's number as screening knows it, this call counted.
     */
    record Offer(List<LocationFusion.Received> earlier, boolean cancelled, Standing standing) implements CallInput {
        public Offer {
            earlier = List.copyOf(earlier);
        }
    }

    /** The call's timer fired: the end of a fix wait, or a ladder deadline. */
    record Wake() implements CallInput {
    }

    /** A location arrived for this call after its offer ({@code via}: "AML by SMS", "PIDF-LO by reference" …). */
    record Located(LocationFusion.Received received, String via) implements CallInput {
    }

    record LegAnswered(Leg leg) implements CallInput {
    }

    /** A phone did not take the call; {@code rungElsewhere}: another cluster node rings it, so this node did not. */
    record LegFailed(Leg leg, int status, String reason, boolean rungElsewhere) implements CallInput {
        LegFailed(Leg leg, int status, String reason) {
            this(leg, status, reason, false);
        }
    }

    /** The caller hung up: CANCEL before the answer, BYE after. */
    record CallerHungUp() implements CallInput {
    }

    record OperatorHungUp() implements CallInput {
    }

    /** The caller is no longer there although nothing said so (a liveness probe's answer). */
    record CallerGone(String why) implements CallInput {
    }

    /** Someone became READY: a waiting call may be offered to them. */
    record OperatorsAvailable() implements CallInput {
    }

    /** The caller watch's regular look: probe the caller if due, end the call if it waited too long. */
    record Sweep() implements CallInput {
    }

    /** The media plane heard a key ({@code party}: caller or operator; RFC 4733, from rtpengine's DTMF log). */
    record KeyHeard(String key, String party, long durationMs) implements CallInput {
    }

    /** The media plane could not take the call at {@code step} (offer, answer, prompt …): its audio flows end to end. */
    record MediaFailed(String step, String reason) implements CallInput {
    }

    /** The operator of an answered silent call asks its caller to press 5 5 ("Jika Anda tidak dapat berbicara, tekan 5 5"). */
    record SilentPromptAsked(OperatorId operator) implements CallInput {
    }

    /** The server is stopping (or found the call unfinished): the call is closed now. */
    record Interrupt(String reason) implements CallInput {
    }
}
