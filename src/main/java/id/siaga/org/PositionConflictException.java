package id.siaga.org;

/** A change to a position that contradicts the others (an id taken, a login already seated elsewhere). */
public final class PositionConflictException extends RuntimeException {

    public PositionConflictException(String message) {
        super(message);
    }
}
