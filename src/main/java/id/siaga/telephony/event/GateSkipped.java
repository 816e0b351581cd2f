package id.siaga.telephony.event;

import id.siaga.org.StationId;
import id.siaga.telephony.CallId;
import java.util.Map;
import java.util.Objects;

/**
 * A flagged call at a station whose gate is on was rung without the gate, or left it early, because the gate could not
 * speak to its caller: {@code reason} (no media plane, the media plane lost the call, the prompt could not be played).
 */
public record GateSkipped(CallId call, StationId station, String reason) implements CallEvent {

    public GateSkipped {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public Map<String, Object> payload() {
        return Payload.of("station", station, "reason", reason);
    }

    static GateSkipped from(CallId call, Fields f) {
        return new GateSkipped(call, f.station("station"), f.text("reason"));
    }
}
