package id.siaga.incident;

import id.siaga.org.StationId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where incidents are kept. Changes are optimistic: an incident is stored only over the version it was changed
 * from, so of two people changing the same incident at once, one wins and the other is told, never overwritten.
 */
public interface IncidentStore {

    /** A latitude/longitude box, degrees. */
    record Box(double south, double west, double north, double east) {
    }

    /** Keeps a new incident (version 1). */
    void add(Incident incident);

    /**
     * Stores each changed incident, all or none: only if every one is still stored at the version before its own
     * ({@code version() - 1}). False, with nothing stored, when any of them changed meanwhile or does not exist.
     */
    boolean update(List<Incident> changed);

    Optional<Incident> find(IncidentId id);

    /** Incidents whose responsible or taking station is one of {@code stations}, accepted by the filter, newest first. */
    List<Incident> atStations(Collection<StationId> stations, IncidentFilter filter, int limit);

    /** Open incidents of these types created within {@code [from, to]} whose location lies in the box (the duplicate search). */
    List<Incident> openNear(Set<IncidentType> types, Box box, Instant from, Instant to);
}
