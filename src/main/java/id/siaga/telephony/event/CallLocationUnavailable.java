package id.siaga.telephony.event;

import id.siaga.telephony.CallId;
import java.util.Map;
import java.util.Objects;

/** A location the call should have had could not be obtained (a reference that could not be fetched), and why. */
public record CallLocationUnavailable(CallId call, String problem) implements CallEvent {

    public CallLocationUnavailable {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(problem, "problem");
    }

    @Override
    public Map<String, Object> payload() {
        return Payload.of("problem", problem);
    }

    static CallLocationUnavailable from(CallId call, Fields f) {
        return new CallLocationUnavailable(call, f.text("problem"));
    }
}
