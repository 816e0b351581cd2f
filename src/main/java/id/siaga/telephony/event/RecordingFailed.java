package id.siaga.telephony.event;

import id.siaga.telephony.CallId;
import java.util.Map;
import java.util.Objects;

/** The call was anchored for recording but no recording could be kept; {@code reason} says why (no pcap, no audio, a full disk). */
public record RecordingFailed(CallId call, String reason) implements CallEvent {

    public RecordingFailed {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public Map<String, Object> payload() {
        return Payload.of("reason", reason);
    }

    static RecordingFailed from(CallId call, Fields f) {
        return new RecordingFailed(call, f.text("reason"));
    }
}
