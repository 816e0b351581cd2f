package id.siaga.telephony.event;

import id.siaga.org.OperatorId;
import id.siaga.telephony.CallId;
import java.util.Map;
import java.util.Objects;

/**
 * The operator of a silent call had "Jika Anda tidak dapat berbicara, tekan 5 5" played to its caller (issue 16); 5 5
 * from the caller then makes it a {@link SilentEmergency}.
 */
public record SilentPromptPlayed(CallId call, OperatorId operator) implements CallEvent {

    public SilentPromptPlayed {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(operator, "operator");
    }

    @Override
    public Map<String, Object> payload() {
        return Payload.of("operator", operator);
    }

    static SilentPromptPlayed from(CallId call, Fields f) {
        return new SilentPromptPlayed(call, f.operator("operator"));
    }
}
