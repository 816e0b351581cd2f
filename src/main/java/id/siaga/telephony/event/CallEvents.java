package id.siaga.telephony.event;

import id.siaga.journal.JournalEntry;
import id.siaga.journal.SubjectKind;
import id.siaga.location.LocationSource;
import id.siaga.telephony.CallId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads stored journal rows back into {@link CallEvent}s. Every row the call path has written reads back, old ones
 * included: keys a record does not know are ignored, optional keys that older rows lack read as their default, and
 * the row types are the records' own names, so a reader and a writer cannot disagree on one. A row of another type,
 * or one missing what its type requires, reads as empty (and is logged at debug), never as a half-filled event.
 */
public final class CallEvents {

    private static final Logger log = LoggerFactory.getLogger(CallEvents.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Each row type, by the simple name of its record, and how to read its payload. */
    private static final Map<String, BiFunction<CallId, Fields, CallEvent>> READERS = Map.ofEntries(
            reader(CallOffered.class, CallOffered::from),
            reader(CallLocated.class, CallEvents::located),
            reader(CallLocationUnavailable.class, CallLocationUnavailable::from),
            reader(RoutingWaits.class, RoutingWaits::from),
            reader(CallRouted.class, CallRouted::from),
            reader(CallRerouted.class, CallRerouted::from),
            reader(CallQueued.class, CallQueued::from),
            reader(LegRang.class, LegRang::from),
            reader(LegFailed.class, LegFailed::from),
            reader(LateAnswerReleased.class, LateAnswerReleased::from),
            reader(CallEscalated.class, CallEscalated::from),
            reader(CallAnswered.class, CallAnswered::from),
            reader(CallAbandoned.class, CallAbandoned::from),
            reader(CallEnded.class, CallEnded::from),
            reader(CallInterrupted.class, CallInterrupted::from),
            reader(CallRefused.class, CallRefused::from),
            reader(CallbackTaskOpened.class, CallbackTaskOpened::from),
            reader(CallbackTaskClaimed.class, CallbackTaskClaimed::from),
            reader(CallbackTaskClosed.class, CallbackTaskClosed::from),
            reader(CallRecorded.class, CallRecorded::from),
            reader(RecordingStarted.class, RecordingStarted::from),
            reader(RecordingFailed.class, RecordingFailed::from),
            reader(MediaUnavailable.class, MediaUnavailable::from),
            reader(KeyPressed.class, KeyPressed::from),
            reader(CallFlagged.class, CallFlagged::from),
            reader(CallGated.class, CallGated::from),
            reader(GatePassed.class, GatePassed::from),
            reader(GateSkipped.class, GateSkipped::from),
            reader(SilentPromptPlayed.class, SilentPromptPlayed::from),
            reader(SilentEmergency.class, SilentEmergency::from),
            reader(RecordingPlayed.class, RecordingPlayed::from),
            reader(RecordingExpired.class, RecordingExpired::from));

    private CallEvents() {
    }

    private static Map.Entry<String, BiFunction<CallId, Fields, CallEvent>> reader(Class<? extends CallEvent> type,
                                                                                  BiFunction<CallId, Fields, CallEvent> read) {
        return Map.entry(type.getSimpleName(), read);
    }

    /** The call event a stored row holds; empty for a row of another type or subject, or one that cannot be read. */
    public static Optional<CallEvent> read(JournalEntry entry) {
        BiFunction<CallId, Fields, CallEvent> reader = READERS.get(entry.type());
        if (reader == null || entry.subjectKind() != SubjectKind.CALL) {
            return Optional.empty();
        }
        try {
            return Optional.of(reader.apply(new CallId(entry.subjectId()), fields(entry)));
        } catch (Fields.Missing | JacksonException | IllegalArgumentException e) {
            log.debug("journal entry {} ({} of call {}) cannot be read: {}", entry.seq(), entry.type(), entry.subjectId(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The events of one type among a call's rows, in the order given. */
    public static <T extends CallEvent> List<T> all(List<JournalEntry> story, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (JournalEntry e : story) {
            read(e).filter(type::isInstance).map(type::cast).ifPresent(found::add);
        }
        return found;
    }

    /** A {@code LocationUnmatched} row read back; empty for any other row. */
    public static Optional<LocationUnmatched> unmatched(JournalEntry entry) {
        if (!LocationUnmatched.class.getSimpleName().equals(entry.type()) || entry.subjectKind() != SubjectKind.SYSTEM) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocationUnmatched.from(fields(entry)));
        } catch (Fields.Missing | JacksonException | IllegalArgumentException e) {
            log.debug("journal entry {} (LocationUnmatched) cannot be read: {}", entry.seq(), e.getMessage());
            return Optional.empty();
        }
    }

    private static Fields fields(JournalEntry entry) {
        JsonNode payload = JSON.readTree(entry.payload());
        if (payload == null || !payload.isObject()) {
            throw new Fields.Missing("the payload is not a JSON object");
        }
        return new Fields(payload);
    }

    /** The three shapes of {@code CallLocated}: {@code afterEnd}, else {@code "source":"NONE"}, else a fix. */
    private static CallLocated located(CallId call, Fields f) {
        if (f.flag("afterEnd", false)) {
            return new CallLocated.AfterEnd(call, f.oneOf(LocationSource.class, "source"), f.textOrNull("via"), f.number("lat"), f.number("lon"),
                    f.numberOrNull("uncertaintyMeters"));
        }
        if (CallLocated.NoLocation.NONE.equals(f.text("source"))) {
            return new CallLocated.NoLocation(call, f.text("problem"), f.stationOrNull("areaCodeStation"));
        }
        return new CallLocated.Fix(call, f.oneOf(LocationSource.class, "source"), f.number("lat"), f.number("lon"),
                f.numberOrNull("uncertaintyMeters"), f.textOrNull("method"), f.instantOrNull("measuredAt"), f.flag("routable", true),
                f.textOrNull("via"));
    }
}
