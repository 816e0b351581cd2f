package id.siaga.telephony.event;

import id.siaga.org.OperatorId;
import id.siaga.org.StationId;
import id.siaga.telephony.CallId;
import java.util.Map;
import java.util.Objects;

/** The phone of operator position {@code operator} at {@code station} was rung for the call, at ladder tier {@code tier}. */
public record LegRang(CallId call, OperatorId operator, StationId station, int tier) implements CallEvent {

    public LegRang {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(station, "station");
    }

    @Override
    public Map<String, Object> payload() {
        return Payload.of("operator", operator, "station", station, "tier", tier);
    }

    static LegRang from(CallId call, Fields f) {
        return new LegRang(call, f.operator("operator"), f.station("station"), f.integer("tier"));
    }
}
