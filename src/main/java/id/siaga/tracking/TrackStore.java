package id.siaga.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Track history: every stored fix of every unit (accepted and out-of-order ones), written in batches by the
 * {@link TrackWriter}. Implemented in {@code store} (PostgreSQL: a table partitioned by day; H2: a plain table).
 */
public interface TrackStore {

    /** Stores the fixes in one batch; throws when the database refuses (the writer retries the same batch). */
    void append(List<Position> positions);

    /** A unit's fixes with {@code from <= fix time < to}, oldest first, at most {@code limit}. */
    List<Position> track(String unitId, Instant from, Instant to, int limit);

    /** Each unit's newest fix measured at or after {@code since} (to restore the live index after a restart). */
    List<Position> latestSince(Instant since);

    /** Makes sure fixes of the days {@code from .. from + days} (UTC) have their place (PostgreSQL: the partitions). */
    void prepareDays(LocalDate from, int days);

    /** Removes fixes measured before {@code cutoff} (PostgreSQL: whole days at a time); returns what it removed, roughly. */
    long purgeBefore(Instant cutoff);
}
