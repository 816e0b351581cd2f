package id.siaga.telephony.event;

import id.siaga.org.OperatorId;
import id.siaga.telephony.CallId;
import java.util.Map;
import java.util.Objects;

/**
 * The answered call ended: {@code hungUpBy} ("caller" or "operator") hung up after {@code secondsTalking} with
 * {@code operator}.
 */
public record CallEnded(CallId call, String hungUpBy, double secondsTalking, OperatorId operator) implements CallEvent {

    public CallEnded {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(hungUpBy, "hungUpBy");
        Objects.requireNonNull(operator, "operator");
    }

    @Override
    public Map<String, Object> payload() {
        return Payload.of("hungUpBy", hungUpBy, "secondsTalking", secondsTalking, "operator", operator);
    }

    static CallEnded from(CallId call, Fields f) {
        return new CallEnded(call, f.text("hungUpBy"), f.number("secondsTalking"), f.operator("operator"));
    }
}
