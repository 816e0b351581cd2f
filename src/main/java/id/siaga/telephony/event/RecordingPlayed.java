package id.siaga.telephony.event;

import id.siaga.telephony.CallId;
import java.util.Map;
import java.util.Objects;

/**
 * The row's actor began to listen to (or download) the call's recording: the whole file, or ({@code ranged}) from byte
 * {@code fromByte} on, as a player asks when it seeks. One row stands for the requests of one listen.
 */
public record RecordingPlayed(CallId call, boolean ranged, long fromByte) implements CallEvent {

    public RecordingPlayed {
        Objects.requireNonNull(call, "call");
    }

    @Override
    public Map<String, Object> payload() {
        return Payload.of("ranged", ranged, "fromByte", fromByte);
    }

    static RecordingPlayed from(CallId call, Fields f) {
        return new RecordingPlayed(call, f.flag("ranged", false), f.whole("fromByte"));
    }
}
