package id.siaga.telephony;

import id.siaga.journal.JournalEntry;
import id.siaga.location.LocationFix;
import id.siaga.org.StationId;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import id.siaga.telephony.event.CallAbandoned;
import id.siaga.telephony.event.CallAnswered;
import id.siaga.telephony.event.CallEnded;
import id.siaga.telephony.event.CallEvent;
import id.siaga.telephony.event.CallEvents;
import id.siaga.telephony.event.CallInterrupted;
import id.siaga.telephony.event.CallLocated;
import id.siaga.telephony.event.CallOffered;
import id.siaga.telephony.event.CallRefused;
import id.siaga.telephony.event.CallRerouted;
import id.siaga.telephony.event.CallRouted;

/**
 * One call as its journal entries tell it: who called, which station was responsible, who answered, how (and
 * whether) it ended. Start-up reads it for every call the journal shows unfinished, or finished without a record
 * or call-back task, so what the journal holds the call history holds too after any crash.
 */
public record CallStory(CallId id, String callerNumber, String dialled, StationId responsible, Instant offeredAt, Instant answeredAt,
                        String answeredBy, String answeredAtStation, Integer answeredTier, CallEvent ending, Instant endedAt, String endedBy,
                        boolean cutOff, LocationFix position) {

    /** The entry types that end a call: after one of them the caller has an answer, a call-back task or a refusal. */
    public static final Set<String> ENDINGS = Set.of(CallAbandoned.class.getSimpleName(), CallEnded.class.getSimpleName(),
            CallInterrupted.class.getSimpleName(), CallRefused.class.getSimpleName());
    public static final String OFFERED = CallOffered.class.getSimpleName();

    /**
     * Reads a call's entries (any order). {@code shortCall} decides whether a call the caller ended soon after the
     * answer was cut off. Empty when the entries hold no {@code CallOffered}.
     */
    public static Optional<CallStory> of(CallId id, List<JournalEntry> entries, StationId fallback, Duration shortCall) {
        List<JournalEntry> story = entries.stream().sorted(JournalEntry.IN_ORDER).toList();
        CallOffered offer = null;
        Instant offeredAt = null;
        StationId responsible = fallback;
        Instant answeredAt = null;
        CallAnswered answer = null;
        CallEvent ending = null;
        Instant endedAt = null;
        String endedBy = null;
        boolean cutOff = false;
        LocationFix routable = null;
        LocationFix any = null;
        for (JournalEntry e : story) {
            CallEvent event = CallEvents.read(e).orElse(null);
            if (event instanceof CallOffered o && offer == null) {
                offer = o;
                offeredAt = e.at();
            } else if (event instanceof CallRouted r) {
                responsible = r.station();
            } else if (event instanceof CallRerouted r) {
                responsible = r.to();
            } else if (event instanceof CallLocated.Fix f) {
                LocationFix fix = fix(f);
                if (fix != null) {
                    any = fix;
                    routable = f.routable() ? fix : routable;
                }
            } else if (event instanceof CallAnswered a) {
                answer = a;
                answeredAt = e.at();
                responsible = a.responsibleStation();
            } else if (event != null && ENDINGS.contains(e.type()) && ending == null) {
                ending = event;
                endedAt = e.at();
                endedBy = event instanceof CallEnded ended ? ended.hungUpBy() : e.actor();
                cutOff = event instanceof CallEnded ended && "caller".equals(ended.hungUpBy())
                        && ended.secondsTalking() < shortCall.toMillis() / 1000.0;
            }
        }
        if (offer == null) {
            return Optional.empty();
        }
        return Optional.of(new CallStory(id, offer.caller(), offer.dialled(), responsible, offeredAt, answeredAt,
                answer == null ? null : answer.operator().value(), answer == null ? null : answer.station().value(),
                answer == null ? null : answer.tier(), ending, endedAt, endedBy, cutOff, routable != null ? routable : any));
    }

    public boolean answered() {
        return answeredAt != null;
    }

    /** Whether the caller is owed a call-back: hung up or lost before an answer, cut off right after one, or interrupted unanswered. */
    public boolean owesCallBack() {
        return ending instanceof CallAbandoned || (ending instanceof CallEnded && cutOff) || (ending instanceof CallInterrupted && !answered());
    }

    /** What state the call was in when its story stops: RINGING (or queued) before an answer, ANSWERED after. */
    public String stateWhenStopped() {
        return answered() ? "ANSWERED" : "RINGING";
    }

    /** The call-back a caller is owed, as the pipeline opens it when a caller gives up. */
    public AbandonedCall callBack(Instant endedAt) {
        return new AbandonedCall(id, callerNumber, responsible, position, offeredAt, endedAt, answered());
    }

    /** The call's summary for the history, ending with {@code outcome} at {@code endedAt}. */
    public CallRecord record(CallRecord.Outcome outcome, Instant endedAt, String endedBy) {
        return new CallRecord(id, callerNumber, dialled, responsible.value(), offeredAt, answeredAt, endedAt, outcome, answeredBy,
                answeredAtStation, answeredTier, endedBy, position == null ? "NONE" : position.source().name(),
                position == null ? null : position.latitude(), position == null ? null : position.longitude());
    }

    /** The record the call's own ending implies (for a finished call whose record never reached the store). */
    public Optional<CallRecord> recordOfEnding() {
        if (ending == null || ending instanceof CallRefused) {
            return Optional.empty();
        }
        CallRecord.Outcome outcome = ending instanceof CallAbandoned ? CallRecord.Outcome.ABANDONED
                : ending instanceof CallInterrupted ? CallRecord.Outcome.INTERRUPTED
                : cutOff ? CallRecord.Outcome.CUT_OFF : CallRecord.Outcome.ANSWERED;
        return Optional.of(record(outcome, endedAt, ending instanceof CallAbandoned ? "caller" : endedBy == null ? "system" : endedBy));
    }

    private static LocationFix fix(CallLocated.Fix f) {
        try {
            return new LocationFix(f.lat(), f.lon(), f.uncertaintyMeters() == null ? Double.NaN : f.uncertaintyMeters(), f.source(),
                    f.method() == null ? "" : f.method(), Optional.empty());
        } catch (IllegalArgumentException e) {
            return null; // a row with an impossible position: the call is kept without it
        }
    }
}
