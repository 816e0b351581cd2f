package id.siaga.telephony.event;

import id.siaga.journal.JournalEvent;
import id.siaga.journal.SubjectKind;
import id.siaga.telephony.CallId;
import java.util.Map;

/**
 * Something that happened to one 110 call, journalled on the call ({@link SubjectKind#CALL}, subject = the call id)
 * under the record's simple name. Append with {@code journal.append(event, actor)}; read a stored row back with
 * {@link CallEvents#read}.
 */
public sealed interface CallEvent extends JournalEvent
        permits CallOffered, CallLocated, CallLocationUnavailable, RoutingWaits, CallRouted, CallRerouted, CallQueued, LegRang, LegFailed,
        LateAnswerReleased, CallEscalated, CallAnswered, CallAbandoned, CallEnded, CallInterrupted, CallRefused, CallbackTaskOpened, CallbackTaskClaimed,
        CallbackTaskClosed, RecordingStarted, CallRecorded, RecordingFailed, RecordingPlayed, RecordingExpired, MediaUnavailable, KeyPressed,
        CallFlagged, CallGated, GatePassed, GateSkipped, SilentPromptPlayed, SilentEmergency {

    /** The call the event is about. */
    CallId call();

    @Override
    default SubjectKind subjectKind() {
        return SubjectKind.CALL;
    }

    @Override
    default String subjectId() {
        return call().value();
    }

    /** The row's payload: exactly the keys the call path has always written for this type. */
    @Override
    Map<String, Object> payload();
}
