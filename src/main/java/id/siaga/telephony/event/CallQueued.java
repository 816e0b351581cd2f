package id.siaga.telephony.event;

import id.siaga.org.StationId;
import id.siaga.telephony.CallId;
import java.util.Map;
import java.util.Objects;

/** The call reached the top of its ladder with nobody READY anywhere: it waits at {@code station} (the root). */
public record CallQueued(CallId call, StationId station) implements CallEvent {

    public CallQueued {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(station, "station");
    }

    @Override
    public Map<String, Object> payload() {
        return Payload.of("station", station);
    }

    static CallQueued from(CallId call, Fields f) {
        return new CallQueued(call, f.station("station"));
    }
}
