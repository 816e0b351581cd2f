package id.siaga.telephony.event;

import id.siaga.telephony.CallId;
import java.util.Map;
import java.util.Objects;

/**
 * A gated call went on to be rung after {@code seconds} at the gate: {@code confirmed} when the caller pressed 1 (normal
 * priority, shown confirmed), else without a key (offered behind calls without the mark). Never refused either way.
 */
public record GatePassed(CallId call, boolean confirmed, double seconds) implements CallEvent {

    public GatePassed {
        Objects.requireNonNull(call, "call");
    }

    @Override
    public Map<String, Object> payload() {
        return Payload.of("confirmed", confirmed, "seconds", seconds);
    }

    static GatePassed from(CallId call, Fields f) {
        return new GatePassed(call, f.flag("confirmed", false), f.number("seconds"));
    }
}
