package id.siaga.telephony.event;

import id.siaga.org.StationId;
import id.siaga.telephony.CallId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The call was routed to {@code station} (named {@code stationName}) for the reason {@code why}
 * ("PIDF_LO (±12 m), inside the jurisdiction"); {@code chain} is the ladder from that station up to the root.
 */
public record CallRouted(CallId call, StationId station, String stationName, String why, List<StationId> chain) implements CallEvent {

    public CallRouted {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(stationName, "stationName");
        Objects.requireNonNull(why, "why");
        chain = List.copyOf(chain);
    }

    @Override
    public Map<String, Object> payload() {
        return Payload.of("station", station, "stationName", stationName, "why", why, "chain", chain);
    }

    static CallRouted from(CallId call, Fields f) {
        return new CallRouted(call, f.station("station"), f.text("stationName"), f.text("why"), f.stations("chain"));
    }
}
