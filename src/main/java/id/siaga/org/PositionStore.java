package id.siaga.org;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where operator positions are kept (the database every node shares), disabled ones included. */
public interface PositionStore {

    /** Every position, by station then id. */
    List<Position> all();

    Optional<Position> find(OperatorId id);

    /** Adds a position; false, changing nothing, when its id is taken. */
    boolean add(Position position, String by, Instant at);

    /** Writes an existing position's name, seated login and whether it is enabled. */
    void update(Position position, String by, Instant at);

    /** Adds those of {@code positions} whose id is new (a seed may run on two nodes at once); how many were added. */
    default int seed(Collection<Position> positions, String by, Instant at) {
        int added = 0;
        for (Position p : positions) {
            if (add(p, by, at)) {
                added++;
            }
        }
        return added;
    }

    boolean isEmpty();
}
