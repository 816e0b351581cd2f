package id.siaga.telephony.event;

import id.siaga.org.StationId;
import id.siaga.telephony.CallId;
import java.util.Map;
import java.util.Objects;

/**
 * A flagged caller's call was held at the gate of {@code station} (issue 16): the caller hears "Jika ini keadaan
 * darurat, tekan 1" and the call goes on at the latest after {@code waitSeconds}, with or without the key
 * ({@link GatePassed}). {@code score} is the number's reputation that flagged it.
 */
public record CallGated(CallId call, StationId station, double waitSeconds, double score) implements CallEvent {

    public CallGated {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(station, "station");
    }

    @Override
    public Map<String, Object> payload() {
        return Payload.of("station", station, "waitSeconds", waitSeconds, "score", score);
    }

    static CallGated from(CallId call, Fields f) {
        return new CallGated(call, f.station("station"), f.number("waitSeconds"), f.number("score"));
    }
}
