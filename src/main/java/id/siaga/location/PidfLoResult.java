package id.siaga.location;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a PIDF-LO carried: a fix, or the reason there is none. A caller in distress must still be routed
 * when their phone sends a broken or unsupported location, so nothing here throws; instead
 * {@code problem} says why there was no usable fix, for the log and the journal
 * ("PIDF-LO unusable: gs:Circle srsName 'EPSG:3857' is not EPSG 4326 or 4979"), and the resolver falls
 * back to the next source. {@code problem} is empty exactly when there is a fix.
 *
 * <p>{@code references} lists the location URIs the {@code Geolocation} header gave by reference
 * ({@code https:}, {@code sip:}, {@code pres:}), in header order, for the resolver to dereference; they are
 * listed whether or not a fix was also found by value.
 */
public record PidfLoResult(Optional<LocationFix> fix, String problem, List<String> references) {

    public PidfLoResult {
        Objects.requireNonNull(fix, "fix");
        Objects.requireNonNull(problem, "problem");
        references = List.copyOf(references);
        if (fix.isPresent() != problem.isEmpty()) {
            throw new IllegalArgumentException("a result has either a fix or a problem, not both or neither");
        }
    }

    static PidfLoResult located(LocationFix fix, List<String> references) {
        return new PidfLoResult(Optional.of(fix), "", references);
    }

    static PidfLoResult unusable(String problem, List<String> references) {
        return new PidfLoResult(Optional.empty(), problem, references);
    }

    /** Whether a usable fix was found. */
    public boolean located() {
        return fix.isPresent();
    }
}
