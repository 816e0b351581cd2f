package id.siaga.telephony.event;

import id.siaga.org.StationId;
import id.siaga.telephony.CallId;
import java.util.Map;
import java.util.Objects;

/**
 * The call's recording is kept for its responsible {@code station}: {@code file} (under the recordings directory) holds {@code bytes} bytes whose SHA-256 is
 * {@code sha256}, {@code durationMs} of stereo audio (caller left, operator right). {@code complete} is false when the
 * media plane's pcap was cut off (rtpengine stopped before it closed the file): {@code problem} says where, and the
 * recording holds what came before.
 */
public record CallRecorded(CallId call, StationId station, String sha256, long bytes, long durationMs, String file, boolean complete,
                           String problem)
        implements CallEvent {

    public CallRecorded {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(file, "file");
        if (complete != (problem == null)) {
            throw new IllegalArgumentException("a recording has a problem exactly when it is not complete");
        }
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> p = Payload.of("station", station, "sha256", sha256, "bytes", bytes, "durationMs", durationMs, "file", file, "complete", complete);
        if (problem != null) {
            p.put("problem", problem);
        }
        return p;
    }

    static CallRecorded from(CallId call, Fields f) {
        return new CallRecorded(call, f.station("station"), f.text("sha256"), f.whole("bytes"), f.whole("durationMs"), f.text("file"), f.flag("complete", true),
                f.textOrNull("problem"));
    }
}
