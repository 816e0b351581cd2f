package id.siaga.telephony.event;

import id.siaga.org.StationId;
import id.siaga.telephony.CallId;
import java.util.Map;
import java.util.Objects;

/**
 * A silent caller pressed 5 5 after the prompt (issue 16): an emergency whose caller cannot speak. The call stays open
 * and its location goes to the dispatchers: {@code latitude}/{@code longitude} (null when the call has none yet, with
 * {@code source} "NONE"), the uncertainty radius in metres (null when unknown), at {@code station}, the responsible one.
 */
public record SilentEmergency(CallId call, StationId station, Double latitude, Double longitude, Double uncertaintyMeters, String source)
        implements CallEvent {

    public SilentEmergency {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public Map<String, Object> payload() {
        return Payload.of("station", station, "latitude", latitude, "longitude", longitude, "uncertaintyMeters", uncertaintyMeters,
                "source", source);
    }

    static SilentEmergency from(CallId call, Fields f) {
        return new SilentEmergency(call, f.station("station"), f.numberOrNull("latitude"), f.numberOrNull("longitude"),
                f.numberOrNull("uncertaintyMeters"), f.text("source"));
    }
}
