package id.siaga.screening;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The call history seen through the classifications, counted where it is kept (the database), never loaded call by
 * call: what the supervisor board's prank figures and the list of persistent prank numbers read. A station is its id;
 * {@code stations} null means every station (a national scope), an empty collection none.
 */
public interface PrankHistory {

    /**
     * Calls offered in bucket {@code bucket} ({@code [bounds[bucket], bounds[bucket + 1])}) at {@code station} (null when
     * not counted per station) that ended classified {@code classification} (null: not classified): how many, how many
     * were answered, how many the caller cut off within seconds of the answer, and the operators' seconds on them
     * (answer to end).
     */
    record Tally(int bucket, String station, Classification classification, long calls, long answered, long hungUp, double operatorSeconds) {
    }

    /** A number's prank calls at one station within a window, and the latest of them. */
    record NumberAtStation(String number, String station, int pranks, Instant lastCall) {
        public NumberAtStation {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(station, "station");
        }
    }

    /** Where a number's latest located call (of the window) put the caller, as the call's record kept it. */
    record LastPosition(String number, String call, Instant at, String source, double latitude, double longitude) {
    }

    /**
     * The calls offered within {@code bounds} (ascending: n + 1 bounds make n buckets), by bucket and classification, and
     * by station when {@code perStation}.
     */
    List<Tally> tally(Collection<String> stations, List<Instant> bounds, boolean perStation);

    /**
     * The numbers with at least {@code atLeast} calls classified {@link Classification#PRANK} offered in
     * {@code [from, until)} at these stations, most first, at most {@code limit}; for each of them, their prank calls
     * of the window at every station (not only these: which station a number belongs to is decided over all its calls).
     */
    List<NumberAtStation> repeatPranksters(Collection<String> stations, Instant from, Instant until, int atLeast, int limit);

    /**
     * For each number, its latest call offered in {@code [from, until)} whose record has a position measured by the
     * caller's phone or network (PIDF-LO, AML, the serving cell; not an area code or the configured default); a number
     * without one is left out.
     */
    List<LastPosition> lastPositions(Collection<String> numbers, Instant from, Instant until);
}
