package id.siaga.telephony.event;

import id.siaga.org.OperatorId;
import id.siaga.org.StationId;
import id.siaga.telephony.CallId;
import java.util.Map;
import java.util.Objects;

/**
 * {@code operator} at {@code station} (ladder tier {@code tier}) answered the call {@code secondsToAnswer} after it was
 * offered; {@code responsibleStation} is the jurisdiction the call belongs to, whoever answered.
 */
public record CallAnswered(CallId call, OperatorId operator, StationId station, int tier,
                           double secondsToAnswer, StationId responsibleStation) implements CallEvent {

    public CallAnswered {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(responsibleStation, "responsibleStation");
    }

    @Override
    public Map<String, Object> payload() {
        return Payload.of("operator", operator, "station", station, "tier", tier, "secondsToAnswer", secondsToAnswer, "responsibleStation",
                responsibleStation);
    }

    static CallAnswered from(CallId call, Fields f) {
        return new CallAnswered(call, f.operator("operator"), f.station("station"), f.integer("tier"), f.number("secondsToAnswer"),
                f.station("responsibleStation"));
    }
}
