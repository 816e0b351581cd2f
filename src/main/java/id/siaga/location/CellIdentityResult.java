package id.siaga.location;

import java.util.Objects;
import java.util.Optional;

/**
 * What a P-Access-Network-Info header told about the caller's cell: the cell, or the reason there is none
 * ("IEEE-802.11 carries no cell identity", "utran-cell-id-3gpp '5101000A1B' is 10 characters …"). Nothing
 * here throws on what a phone or carrier sent. {@code networkProvided} says the cell came from an entry the
 * network inserted (RFC 7315 {@code network-provided}), which the UE cannot forge; {@code problem} is empty
 * exactly when there is a cell.
 */
public record CellIdentityResult(Optional<CellIdentity> cell, boolean networkProvided, String problem) {

    public CellIdentityResult {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(problem, "problem");
        if (cell.isPresent() != problem.isEmpty()) {
            throw new IllegalArgumentException("a result has either a cell or a problem, not both or neither");
        }
        if (cell.isEmpty() && networkProvided) {
            throw new IllegalArgumentException("only a cell can be network-provided");
        }
    }

    static CellIdentityResult found(CellIdentity cell, boolean networkProvided) {
        return new CellIdentityResult(Optional.of(cell), networkProvided, "");
    }

    static CellIdentityResult none(String problem) {
        return new CellIdentityResult(Optional.empty(), false, problem);
    }

    public boolean found() {
        return cell.isPresent();
    }
}
