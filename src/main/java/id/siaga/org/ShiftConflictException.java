package id.siaga.org;

/** A shift would put one position or one person in two places at once. */
public class ShiftConflictException extends RuntimeException {

    public ShiftConflictException(String message) {
        super(message);
    }
}
