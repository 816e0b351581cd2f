package id.siaga.telephony.event;

import id.siaga.screening.Standing;
import id.siaga.telephony.CallId;
import java.util.Map;
import java.util.Objects;

/**
 * The caller's number was flagged by its reputation as the call arrived: its score, its pranks in the last seven days
 * and how many times it called in the last hour. The call was routed and rung all the same; the flag is for the
 * operator and the statistics.
 */
public record CallFlagged(CallId call, double score, int pranks7d, int calls1h) implements CallEvent {

    public CallFlagged {
        Objects.requireNonNull(call, "call");
    }

    public static CallFlagged of(CallId call, Standing s) {
        return new CallFlagged(call, s.score(), s.pranks7d(), s.calls1h());
    }

    @Override
    public Map<String, Object> payload() {
        return Payload.of("score", score, "pranks7d", pranks7d, "calls1h", calls1h);
    }

    static CallFlagged from(CallId call, Fields f) {
        return new CallFlagged(call, f.number("score"), (int) f.whole("pranks7d"), (int) f.whole("calls1h"));
    }
}
