package id.siaga.screening;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing a caller's number did that weighs on its reputation: a call classified as a prank, abusive or silent, a
 * hang-up within seconds of the answer, or a genuine emergency (which weighs the other way). {@code call} is the call
 * it came from; {@code source} says who set it ({@link Source#CLASSIFIED} by an operator or supervisor, {@link
 * Source#SIGNAL} by the call path itself), so a call has at most one mark of each source and a reclassification
 * replaces its mark.
 */
public record Mark(String number, Instant at, Kind kind, String call, Source source) {

    /** What weighs how much: a full prank is 1; a genuine call takes three back. */
    public enum Kind {
        PRANK(1.0), ABUSIVE(1.0), SILENT(0.5), HUNG_UP(0.5), GENUINE(-3.0);

        private final double weight;

        Kind(double weight) {
            this.weight = weight;
        }

        public double weight() {
            return weight;
        }
    }

    public enum Source { CLASSIFIED, SIGNAL }

    public Mark {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(source, "source");
    }
}
