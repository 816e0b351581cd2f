package id.siaga.telephony;

import id.siaga.journal.JournalEntry;
import id.siaga.location.LocationFix;
import id.siaga.location.LocationSource;
import id.siaga.org.StationId;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One call as its journal entries tell it: who called, which station was responsible, who answered, how (and
 * whether) it ended. Start-up reads it for every call the journal shows unfinished, or finished without a record
 * or call-back task, so what the journal holds the call history holds too after any crash.
 */
public record CallStory(CallId id, String callerNumber, String dialled, StationId responsible, Instant offeredAt, Instant answeredAt,
                        String answeredBy, String answeredAtStation, Integer answeredTier, String ending, Instant endedAt, String endedBy,
                        boolean cutOff, LocationFix position) {

    /** The entry types that end a call: after one of them the caller has an answer, a call-back task or a refusal. */
    public static final Set<String> ENDINGS = Set.of("CallAbandoned", "CallEnded", "CallInterrupted", "CallRefused");
    public static final String OFFERED = "CallOffered";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Reads a call's entries (any order). {@code shortCall} decides whether a call the caller ended soon after the
     * answer was cut off. Empty when the entries hold no {@code CallOffered}.
     */
    public static Optional<CallStory> of(CallId id, List<JournalEntry> entries, StationId fallback, Duration shortCall) {
        List<JournalEntry> story = entries.stream().sorted(Comparator.comparingLong(JournalEntry::seq)).toList();
        JournalEntry offer = story.stream().filter(e -> OFFERED.equals(e.type())).findFirst().orElse(null);
        if (offer == null) {
            return Optional.empty();
        }
        JsonNode offered = JSON.readTree(offer.payload());
        StationId responsible = fallback;
        Instant answeredAt = null;
        String answeredBy = null;
        String answeredAtStation = null;
        Integer tier = null;
        String ending = null;
        Instant endedAt = null;
        String endedBy = null;
        boolean cutOff = false;
        LocationFix routable = null;
        LocationFix any = null;
        for (JournalEntry e : story) {
            JsonNode p = JSON.readTree(e.payload());
            switch (e.type()) {
                case "CallRouted" -> responsible = station(p.path("station"), responsible);
                case "CallRerouted" -> responsible = station(p.path("to"), responsible);
                case "CallLocated" -> {
                    LocationFix fix = fix(p);
                    if (fix != null && !p.path("afterEnd").asBoolean(false)) {
                        any = fix;
                        if (p.path("routable").asBoolean(true)) {
                            routable = fix;
                        }
                    }
                }
                case "CallAnswered" -> {
                    answeredAt = e.at();
                    answeredBy = text(p.path("operator"));
                    answeredAtStation = text(p.path("station"));
                    tier = p.path("tier").isNumber() ? p.path("tier").asInt() : null;
                    responsible = station(p.path("responsibleStation"), responsible);
                }
                default -> {
                    if (ENDINGS.contains(e.type()) && ending == null) {
                        ending = e.type();
                        endedAt = e.at();
                        endedBy = "CallEnded".equals(e.type()) ? text(p.path("hungUpBy")) : e.actor();
                        cutOff = "CallEnded".equals(e.type()) && "caller".equals(endedBy)
                                && p.path("secondsTalking").asDouble(Double.MAX_VALUE) < shortCall.toMillis() / 1000.0;
                    }
                }
            }
        }
        return Optional.of(new CallStory(id, text(offered.path("caller")), text(offered.path("dialled")), responsible, offer.at(), answeredAt,
                answeredBy, answeredAtStation, tier, ending, endedAt, endedBy, cutOff, routable != null ? routable : any));
    }

    public boolean finished() {
        return ending != null;
    }

    public boolean answered() {
        return answeredAt != null;
    }

    /** Whether the caller is owed a call-back: hung up or lost before an answer, cut off right after one, or interrupted unanswered. */
    public boolean owesCallBack() {
        return switch (ending == null ? "" : ending) {
            case "CallAbandoned" -> true;
            case "CallEnded" -> cutOff;
            case "CallInterrupted" -> !answered();
            default -> false;
        };
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
        if (ending == null || "CallRefused".equals(ending)) {
            return Optional.empty();
        }
        CallRecord.Outcome outcome = switch (ending) {
            case "CallAbandoned" -> CallRecord.Outcome.ABANDONED;
            case "CallInterrupted" -> CallRecord.Outcome.INTERRUPTED;
            default -> cutOff ? CallRecord.Outcome.CUT_OFF : CallRecord.Outcome.ANSWERED;
        };
        return Optional.of(record(outcome, endedAt, "CallAbandoned".equals(ending) ? "caller" : endedBy == null ? "system" : endedBy));
    }

    private static StationId station(JsonNode node, StationId otherwise) {
        String s = text(node);
        return s == null || s.isBlank() ? otherwise : StationId.of(s);
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    private static LocationFix fix(JsonNode p) {
        if (!p.path("lat").isNumber() || !p.path("lon").isNumber()) {
            return null;
        }
        LocationSource source;
        try {
            source = LocationSource.valueOf(p.path("source").asString());
        } catch (IllegalArgumentException e) {
            return null;
        }
        double uncertainty = p.path("uncertaintyMeters").isNumber() ? p.path("uncertaintyMeters").asDouble() : Double.NaN;
        try {
            return new LocationFix(p.path("lat").asDouble(), p.path("lon").asDouble(), uncertainty, source,
                    p.path("method").isString() ? p.path("method").asString() : "", Optional.empty());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
