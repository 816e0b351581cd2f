package id.siaga.telephony.recording;

import id.siaga.org.StationId;
import id.siaga.telephony.CallId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One call's recording as kept: the WAV {@code file} (a path relative to the recordings directory, {@code /}-separated),
 * its SHA-256 (hex) and length, how long it plays, and when it was kept. {@code station} is the call's responsible
 * station: whoever may see the call may hear it.
 */
public record Recording(CallId call, StationId station, String file, String sha256, long bytes, Duration duration, Instant recordedAt) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public Recording {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("a SHA-256 is 64 lower-case hex digits, got " + sha256);
        }
        if (file.isEmpty() || file.startsWith("/") || file.contains("..") || file.contains("\\")) {
            throw new IllegalArgumentException("a recording's file is a plain path under the recordings directory, got " + file);
        }
        if (bytes < 0 || duration.isNegative()) {
            throw new IllegalArgumentException("a recording's length cannot be negative");
        }
    }
}
