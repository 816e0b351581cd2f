package id.siaga.telephony.event;

import id.siaga.location.LocationSource;
import id.siaga.org.StationId;
import id.siaga.telephony.CallId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A better fix ({@code by} its source) moved the still-ringing call from station {@code from} to {@code to};
 * {@code chain} is the new ladder, {@code why} the sentence logged.
 */
public record CallRerouted(CallId call, StationId from, StationId to, String why, LocationSource by, List<StationId> chain) implements CallEvent {

    public CallRerouted {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(by, "by");
        chain = List.copyOf(chain);
    }

    @Override
    public Map<String, Object> payload() {
        return Payload.of("from", from, "to", to, "why", why, "by", by, "chain", chain);
    }

    static CallRerouted from(CallId call, Fields f) {
        return new CallRerouted(call, f.station("from"), f.station("to"), f.text("why"), f.oneOf(LocationSource.class, "by"), f.stations("chain"));
    }
}
