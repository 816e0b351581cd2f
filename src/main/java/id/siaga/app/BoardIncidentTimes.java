package id.siaga.app;

import id.siaga.dispatch.DispatchDesk;
import id.siaga.dispatch.IncidentClock;
import id.siaga.incident.Incident;
import id.siaga.incident.IncidentFilter;
import id.siaga.incident.Incidents;
import id.siaga.org.StationId;
import id.siaga.supervision.IncidentTimes;
import id.siaga.supervision.OnSceneTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The supervisor board's incidents: today's of the user's stations and the open ones of any day, each with the
 * clock the dispatcher sees ({@link DispatchDesk#clock}). Merged duplicates are left out: their survivor counts.
 * A clock that stopped (a unit arrived) never changes again, so it is read once and kept for two days; only the
 * running ones cost a read per board.
 */
final class BoardIncidentTimes implements IncidentTimes {

    private static final Duration KEPT = Duration.ofDays(2);

    /** Most incidents one board reads per list (the store's most per read): the newest thousand of the day, the open thousand. */
    static final int LIMIT = 1_000;

    private final Incidents incidents;
    private final DispatchDesk desk;
    private final int limit;
    private final Map<String, IncidentClock> stopped = new ConcurrentHashMap<>();

    BoardIncidentTimes(Incidents incidents, DispatchDesk desk) {
        this(incidents, desk, LIMIT);
    }

    /** @param limit most incidents per list ({@link #LIMIT}; smaller in tests) */
    BoardIncidentTimes(Incidents incidents, DispatchDesk desk, int limit) {
        this.incidents = incidents;
        this.desk = desk;
        this.limit = limit;
    }

    @Override
    public Read of(Collection<String> stations, Instant from) {
        List<StationId> ids = stations.stream().map(StationId::of).toList();
        Map<String, Incident> found = new LinkedHashMap<>();
        List<Incident> newest = incidents.atStations(ids, IncidentFilter.any(), limit);
        boolean reachedEarlierDays = false;
        for (Incident i : newest) {
            if (i.createdAt().isBefore(from)) {
                reachedEarlierDays = true;
                break; // newest first: the rest are older days
            }
            found.put(i.id().value(), i);
        }
        List<Incident> open = incidents.atStations(ids, IncidentFilter.open(), limit);
        open.forEach(i -> found.putIfAbsent(i.id().value(), i));
        // a full read that never got back to yesterday, or a full list of open ones: there are more than were read
        boolean partial = (newest.size() >= limit && !reachedEarlierDays) || open.size() >= limit;
        stopped.values().removeIf(c -> c.start().isBefore(from.minus(KEPT)));
        Set<String> scope = Set.copyOf(stations);
        List<OnSceneTimes.TimedIncident> timed = new ArrayList<>(found.size());
        for (Incident i : found.values()) {
            if (i.mergedInto().isPresent() || !scope.contains(i.station().value())) {
                continue; // a merged duplicate, or one only taken here for another station
            }
            timed.add(new OnSceneTimes.TimedIncident(i.id().value(), i.station().value(), i.type().label(), i.priority(),
                    IncidentFilter.openStatuses().contains(i.status()), i.type().needsUnits(), clock(i)));
        }
        return new Read(timed, partial);
    }

    private IncidentClock clock(Incident i) {
        IncidentClock known = stopped.get(i.id().value());
        if (known != null) {
            return known;
        }
        IncidentClock now = desk.clock(i.id());
        if (now.onSceneAt() != null) {
            stopped.put(i.id().value(), now);
        }
        return now;
    }
}
