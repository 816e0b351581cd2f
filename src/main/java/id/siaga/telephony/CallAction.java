package id.siaga.telephony;

import id.siaga.journal.JournalEvent;
import id.siaga.org.OperatorId;
import id.siaga.routing.Leg;

/**
 * What the stages decide and the loop carries out: signalling through {@link CallControl}, media through
 * {@link MediaControl}, the journal, the consoles, and what leaves the loop with the call.
 */
sealed interface CallAction {

    /** Tell the caller the call is being offered (180 Ringing). */
    record Ringback() implements CallAction {
    }

    record RingLeg(Leg leg) implements CallAction {
    }

    record CancelLeg(Leg leg) implements CallAction {
    }

    record Connect(Leg leg) implements CallAction {
    }

    record ReleaseLateAnswer(Leg leg) implements CallAction {
    }

    record HangUpOperator(Leg leg) implements CallAction {
    }

    record HangUpCaller() implements CallAction {
    }

    record RejectCaller(int status, String phrase) implements CallAction {
    }

    record ProbeCaller() implements CallAction {
    }

    /** Something for the media plane (anchor, record, prompt, release). */
    record Media(MediaControl.Request request) implements CallAction {
    }

    /** Append to the journal, by {@code actor}. */
    record Journal(JournalEvent event, String actor) implements CallAction {
    }

    /** Tell the consoles ({@code kind}: offered, located, rerouted, escalated, answered). */
    record Publish(String kind) implements CallAction {
    }

    /** An operator took a call (a line of the position is in use) or finished one. */
    record OperatorLine(OperatorId operator, boolean taken) implements CallAction {
    }

    /** The call leaves the loop: its record, and the call-back task of a caller who gave up or was cut off (or null). */
    record Finish(CallRecord record, AbandonedCall callBack) implements CallAction {
    }
}
