package id.siaga.app;

import id.siaga.dispatch.DispatchDesk;
import id.siaga.incident.Incident;
import id.siaga.incident.IncidentFilter;
import id.siaga.incident.Incidents;
import id.siaga.org.StationId;
import id.siaga.supervision.IncidentTimes;
import id.siaga.supervision.OnSceneTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The supervisor board's incidents: today's of the user's stations and the open ones of any day, each with the
 * clock the dispatcher sees ({@link DispatchDesk#clock}). Merged duplicates are left out: their survivor counts.
 */
final class BoardIncidentTimes implements IncidentTimes {

    /** Most incidents one board reads per list (the store's most per read): the newest thousand of the day, the open thousand. */
    static final int LIMIT = 1_000;

    private final Incidents incidents;
    private final DispatchDesk desk;

    BoardIncidentTimes(Incidents incidents, DispatchDesk desk) {
        this.incidents = incidents;
        this.desk = desk;
    }

    @Override
    public List<OnSceneTimes.TimedIncident> of(Collection<String> stations, Instant from) {
        List<StationId> ids = stations.stream().map(StationId::of).toList();
        Map<String, Incident> found = new LinkedHashMap<>();
        for (Incident i : incidents.atStations(ids, IncidentFilter.any(), LIMIT)) {
            if (i.createdAt().isBefore(from)) {
                break; // newest first: the rest are older days
            }
            found.put(i.id().value(), i);
        }
        incidents.atStations(ids, IncidentFilter.open(), LIMIT).forEach(i -> found.putIfAbsent(i.id().value(), i));
        Set<String> scope = Set.copyOf(stations);
        List<OnSceneTimes.TimedIncident> timed = new ArrayList<>(found.size());
        for (Incident i : found.values()) {
            if (i.mergedInto().isPresent() || !scope.contains(i.station().value())) {
                continue; // a merged duplicate, or one only taken here for another station
            }
            timed.add(new OnSceneTimes.TimedIncident(i.id().value(), i.station().value(), i.type().label(), i.priority(),
                    IncidentFilter.openStatuses().contains(i.status()), i.type().needsUnits(), desk.clock(i.id())));
        }
        return timed;
    }
}
