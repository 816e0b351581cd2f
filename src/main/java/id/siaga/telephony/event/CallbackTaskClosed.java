package id.siaga.telephony.event;

import id.siaga.telephony.CallId;
import java.util.Map;
import java.util.Objects;

/** The call-back task {@code task} was closed by the row's actor with the {@code outcome} they wrote. */
public record CallbackTaskClosed(CallId call, String task, String outcome) implements CallEvent {

    public CallbackTaskClosed {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(outcome, "outcome");
    }

    @Override
    public Map<String, Object> payload() {
        return Payload.of("task", task, "outcome", outcome);
    }

    static CallbackTaskClosed from(CallId call, Fields f) {
        return new CallbackTaskClosed(call, f.text("task"), f.text("outcome"));
    }
}
