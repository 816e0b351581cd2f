package id.siaga.location;

import java.util.Objects;
import java.util.Optional;

/**
 * An AML message read: a {@link AmlReport}, or the reason the message was rejected ("ml=128 but the message
 * is 131 characters", "lt=+95.00000 is out of range -90..90"). Nothing here throws on what a handset or a
 * forger sent; the reason goes to the log and the journal, the HTTPS endpoint still answers 2xx (the Android
 * ELS specification asks for that), and the call is routed by the next location source. {@code problem}
 * is empty exactly when there is a report.
 */
public record AmlResult(Optional<AmlReport> report, String problem) {

    public AmlResult {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(problem, "problem");
        if (report.isPresent() != problem.isEmpty()) {
            throw new IllegalArgumentException("a result has either a report or a problem, not both or neither");
        }
    }

    static AmlResult accepted(AmlReport report) {
        return new AmlResult(Optional.of(report), "");
    }

    static AmlResult rejected(String problem) {
        return new AmlResult(Optional.empty(), problem);
    }

    /** Whether the message was well formed enough to keep. */
    public boolean accepted() {
        return report.isPresent();
    }

    /** The position, when the message was accepted and carried one. */
    public Optional<LocationFix> fix() {
        return report.flatMap(AmlReport::fix);
    }
}
