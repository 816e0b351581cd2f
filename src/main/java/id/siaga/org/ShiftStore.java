package id.siaga.org;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the rosters are kept. The JDBC adapter keeps them in the database every node of a cluster shares. A store
 * decides nothing: the roster rules ({@link ShiftRules}) run inside {@link #exclusively}, which holds off every other
 * roster write, on this node or another, until its work returns, and commits the work's writes together.
 */
public interface ShiftStore {

    /** The shifts of a station that share a moment with [{@code from}, {@code to}), by start. */
    List<Shift> atStation(StationId station, Instant from, Instant to);

    /** The shifts of a position or of a person, at any station, that share a moment with [{@code from}, {@code to}). */
    List<Shift> ofPositionOrPerson(OperatorId position, String username, Instant from, Instant to);

    Optional<Shift> find(ShiftId id);

    /** Inserts the shift, or replaces the one with its id. */
    void save(Shift shift);

    /** Removes a shift; false when there was none with this id. */
    boolean remove(ShiftId id);

    /** Runs {@code work} with every other roster write held off; an exception it throws undoes its writes and is rethrown. */
    <T> T exclusively(Supplier<T> work);
}
