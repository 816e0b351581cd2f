package id.siaga.org;

/**
 * Changes to operator positions made by an administrator: each is stored, journalled with who made it, and in force on
 * every node at once (the roster is replaced). The console's API asks through this port; checking that the
 * administrator may touch the station is the caller's. Unknown positions throw {@link java.util.NoSuchElementException},
 * contradictions {@link PositionConflictException}, bad values {@link IllegalArgumentException}.
 */
public interface PositionChanges {

    /** A new enabled position at {@code station}, nobody seated. */
    Position create(OperatorId id, StationId station, String name, String by);

    Position rename(OperatorId id, String name, String by);

    /**
     * Seats {@code username} at the position: an enabled account with the OPERATOR role whose home station is the
     * position's, seated nowhere else. The position goes OFFLINE until its new operator says READY.
     */
    Position seat(OperatorId id, String username, String by);

    /** Nobody is seated at the position any more; it goes OFFLINE. */
    Position unseat(OperatorId id, String by);

    /** Takes the position out of service (it goes OFFLINE and is never rung) or puts it back. */
    Position enable(OperatorId id, boolean enabled, String by);
}
