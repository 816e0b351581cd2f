package id.siaga.telephony.event;

import id.siaga.telephony.CallId;
import java.util.Map;
import java.util.Objects;

/**
 * A key pressed during the call (an RFC 4733 telephone-event rtpengine heard): {@code key} 0-9, *, # or A-D,
 * {@code party} {@code caller} or {@code operator}, held {@code durationMs}.
 */
public record KeyPressed(CallId call, String key, String party, long durationMs) implements CallEvent {

    public KeyPressed {
        Objects.requireNonNull(call, "call");
        if (key == null || !key.matches("[0-9*#A-D]")) {
            throw new IllegalArgumentException("a key is 0-9, *, # or A-D, got " + key);
        }
        if (!"caller".equals(party) && !"operator".equals(party)) {
            throw new IllegalArgumentException("a key is pressed by the caller or the operator, got " + party);
        }
    }

    @Override
    public Map<String, Object> payload() {
        return Payload.of("key", key, "party", party, "durationMs", durationMs);
    }

    static KeyPressed from(CallId call, Fields f) {
        return new KeyPressed(call, f.text("key"), f.text("party"), f.whole("durationMs"));
    }
}
