package id.siaga.telephony.event;

import id.siaga.telephony.CallId;
import java.util.Map;
import java.util.Objects;

/**
 * The call is routed on a cell or an area code only, so it waits {@code seconds} for a better fix before ringing;
 * {@code why} says what it had ("only a cell so far").
 */
public record RoutingWaits(CallId call, double seconds, String why) implements CallEvent {

    public RoutingWaits {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(why, "why");
    }

    @Override
    public Map<String, Object> payload() {
        return Payload.of("seconds", seconds, "why", why);
    }

    static RoutingWaits from(CallId call, Fields f) {
        return new RoutingWaits(call, f.number("seconds"), f.text("why"));
    }
}
