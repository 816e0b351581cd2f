package id.siaga.org;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The names stations are known by where they differ from the stations file or the national reference data (which only
 * derives "Polres Kota Medan" from the kab/kota, not "Polrestabes Medan"). Set by administrators; they survive a restart
 * and, the store being shared, hold on every node.
 */
public interface StationNameStore {

    /** Every station's name set by an administrator. */
    Map<StationId, String> all();

    /**
     * Sets the names of several stations and forgets those of others (known again by the name their files give them), all
     * at once: everything is saved, or nothing is.
     */
    void change(Map<StationId, String> names, Set<StationId> forgotten, String changedBy, Instant at);
}
