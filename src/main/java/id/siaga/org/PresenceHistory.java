package id.siaga.org;

import java.time.Instant;
import java.util.List;

/**
 * Every presence change of the operator positions, kept durably and shared by the nodes of a cluster: what the actual
 * READY staffing of a past hour is read from. Each change is recorded once, by the node that made it.
 */
public interface PresenceHistory {

    void record(PresenceChanged change);

    /**
     * The changes at a station in [{@code from}, {@code to}), oldest first, preceded by each position's last change
     * before {@code from} (its state when the period began).
     */
    List<PresenceChanged> around(StationId station, Instant from, Instant to);
}
