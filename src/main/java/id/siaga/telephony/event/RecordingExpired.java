package id.siaga.telephony.event;

import id.siaga.telephony.CallId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** The call's recording ({@code file}, SHA-256 {@code sha256}, kept since {@code recordedAt}) outlived the retention period and was deleted. */
public record RecordingExpired(CallId call, String sha256, String file, Instant recordedAt) implements CallEvent {

    public RecordingExpired {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    @Override
    public Map<String, Object> payload() {
        return Payload.of("sha256", sha256, "file", file, "recordedAt", recordedAt);
    }

    static RecordingExpired from(CallId call, Fields f) {
        return new RecordingExpired(call, f.text("sha256"), f.text("file"), f.instant("recordedAt"));
    }
}
