package id.siaga.telephony.event;

import id.siaga.telephony.CallId;
import java.util.Map;
import java.util.Objects;

/**
 * The media plane could not take the call at {@code step} ({@code offer}: the call goes on end to end, unanchored and
 * unrecorded; {@code answer}: rtpengine failed after the phones had its SDP); {@code reason} is rtpengine's or the
 * client's ("rtpengine 10.0.0.5:2223 did not answer within 250 ms (3 tries)").
 */
public record MediaUnavailable(CallId call, String step, String reason) implements CallEvent {

    public MediaUnavailable {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public Map<String, Object> payload() {
        return Payload.of("step", step, "reason", reason);
    }

    static MediaUnavailable from(CallId call, Fields f) {
        return new MediaUnavailable(call, f.text("step"), f.text("reason"));
    }
}
