package id.siaga.telephony.event;

import id.siaga.org.OperatorId;
import id.siaga.org.StationId;
import id.siaga.routing.EscalationReason;
import id.siaga.telephony.CallId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The call left station {@code from} for {@code to} (ladder tier {@code tier}) because of {@code reason}; {@code missed}
 * are the operator positions whose phones rang at {@code from} without an answer (empty when the station was skipped).
 */
public record CallEscalated(CallId call, StationId from, StationId to, int tier,
                            EscalationReason reason, List<OperatorId> missed) implements CallEvent {

    public CallEscalated {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
        missed = List.copyOf(missed);
    }

    @Override
    public Map<String, Object> payload() {
        return Payload.of("from", from, "to", to, "tier", tier, "reason", reason, "missed", missed);
    }

    static CallEscalated from(CallId call, Fields f) {
        return new CallEscalated(call, f.station("from"), f.station("to"), f.integer("tier"), f.oneOf(EscalationReason.class, "reason"),
                f.operators("missed"));
    }
}
