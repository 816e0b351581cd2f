package id.siaga.incident;

import id.siaga.org.StationId;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Incidents in a map, with the same version rule as the database: for domain tests. */
public final class InMemoryIncidentStore implements IncidentStore {

    private final Map<IncidentId, Incident> incidents = new LinkedHashMap<>();

    @Override
    public synchronized void add(Incident incident) {
        if (incident.version() != 1 || incidents.putIfAbsent(incident.id(), incident) != null) {
            throw new IllegalStateException("incident " + incident.id() + " exists already or is not new");
        }
    }

    @Override
    public synchronized boolean update(List<Incident> changed) {
        for (Incident i : changed) {
            Incident stored = incidents.get(i.id());
            if (stored == null || stored.version() != i.version() - 1) {
                return false;
            }
        }
        changed.forEach(i -> incidents.put(i.id(), i));
        return true;
    }

    @Override
    public synchronized Optional<Incident> find(IncidentId id) {
        return Optional.ofNullable(incidents.get(id));
    }

    @Override
    public synchronized List<Incident> atStations(Collection<StationId> stations, IncidentFilter filter, int limit) {
        return incidents.values().stream()
                .filter(i -> stations.contains(i.station()) || stations.contains(i.takingStation()))
                .filter(filter::accepts)
                .sorted(Comparator.comparing(Incident::createdAt).reversed())
                .limit(limit).toList();
    }

    @Override
    public synchronized List<Incident> openNear(Set<IncidentType> types, Box box, Instant from, Instant to) {
        return incidents.values().stream()
                .filter(i -> i.status().isOpen() && types.contains(i.type()))
                .filter(i -> !i.createdAt().isBefore(from) && !i.createdAt().isAfter(to))
                .filter(i -> i.location().map(l -> l.point().latitude() >= box.south() && l.point().latitude() <= box.north()
                        && l.point().longitude() >= box.west() && l.point().longitude() <= box.east()).orElse(false))
                .toList();
    }
}
