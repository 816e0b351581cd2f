package id.siaga.telephony.event;

import id.siaga.telephony.CallId;
import java.util.Map;
import java.util.Objects;

/** The call-back task {@code task} was claimed ("I am calling back") by the row's actor. */
public record CallbackTaskClaimed(CallId call, String task) implements CallEvent {

    public CallbackTaskClaimed {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(task, "task");
    }

    @Override
    public Map<String, Object> payload() {
        return Payload.of("task", task);
    }

    static CallbackTaskClaimed from(CallId call, Fields f) {
        return new CallbackTaskClaimed(call, f.text("task"));
    }
}
