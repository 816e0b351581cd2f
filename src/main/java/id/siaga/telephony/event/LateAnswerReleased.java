package id.siaga.telephony.event;

import id.siaga.org.OperatorId;
import id.siaga.telephony.CallId;
import java.util.Map;
import java.util.Objects;

/** {@code operator}'s phone answered after another had won the call (or after it ended): its leg was released. */
public record LateAnswerReleased(CallId call, OperatorId operator) implements CallEvent {

    public LateAnswerReleased {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(operator, "operator");
    }

    @Override
    public Map<String, Object> payload() {
        return Payload.of("operator", operator);
    }

    static LateAnswerReleased from(CallId call, Fields f) {
        return new LateAnswerReleased(call, f.operator("operator"));
    }
}
