package id.siaga.telephony.event;

import id.siaga.org.OperatorId;
import id.siaga.telephony.CallId;
import java.util.Map;
import java.util.Objects;

/**
 * The ringing phone of {@code operator} ended its leg with the SIP {@code status} and {@code reason} (486 Busy Here and
 * 603 Decline are an operator refusing the call); the reason is empty when the phone gave none.
 */
public record LegFailed(CallId call, OperatorId operator, int status, String reason) implements CallEvent {

    public LegFailed {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(operator, "operator");
        reason = reason == null ? "" : reason;
    }

    @Override
    public Map<String, Object> payload() {
        return Payload.of("operator", operator, "status", status, "reason", reason);
    }

    static LegFailed from(CallId call, Fields f) {
        return new LegFailed(call, f.operator("operator"), f.integer("status"), f.textOrNull("reason"));
    }
}
