package id.siaga.telephony.event;

import id.siaga.telephony.CallId;
import java.util.Map;
import java.util.Objects;

/**
 * The call was refused before it rang, with SIP {@code status} (503, so a carrier can try another route): {@code reason}
 * says why (too many unanswered calls from {@code source}, which is not a trusted trunk; or the call could not be
 * offered at all). {@code caller} and {@code source} are null when unknown. The refusal is the call's whole story.
 */
public record CallRefused(CallId call, int status, String caller, String source, String reason) implements CallEvent {

    public CallRefused {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public Map<String, Object> payload() {
        return Payload.of("status", status, "caller", caller, "source", source, "reason", reason);
    }

    static CallRefused from(CallId call, Fields f) {
        return new CallRefused(call, f.integer("status"), f.textOrNull("caller"), f.textOrNull("source"), f.text("reason"));
    }
}
