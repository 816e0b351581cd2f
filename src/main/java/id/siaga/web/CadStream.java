package id.siaga.web;

import id.siaga.dispatch.DispatchDesk;
import id.siaga.dispatch.DispatchEvent;
import id.siaga.dispatch.IncidentClock;
import id.siaga.dispatch.IncidentProgress;
import id.siaga.incident.Incident;
import id.siaga.incident.IncidentEvent;
import id.siaga.incident.IncidentId;
import id.siaga.incident.Incidents;
import id.siaga.org.StationId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The CAD event stream for the consoles, {@code GET /api/cad/stream}: every incident and dispatch event of the
 * stations in the subscriber's scope, made on this node or (in a cluster) any other, as Server-Sent Events named by the event's type, its record's name, as the journal
 * names it ({@code IncidentCreated}, {@code UnitAssigned}, {@code UnitStatusChanged} …; the consoles' list is
 * {@code static/js/cad.js}). Events about an incident carry its 10-minute clock as
 * it stands after the event. Delivery rules are {@link EventStream}'s: never blocks
 * the producer, heartbeats, slow subscribers dropped and reconnecting.
 */
@Component
class CadStream extends EventStream<CadStream.CadEvent> {

    /** One event as a console receives it; {@code stations} decide who may see it. */
    record CadEvent(String type, Set<StationId> stations, Map<String, Object> data) {
    }

    private final DispatchDesk desk;
    private final IncidentProgress incidents;

    CadStream(DispatchDesk desk, IncidentProgress incidents, Incidents incidentService) {
        super("cad-stream");
        this.desk = desk;
        this.incidents = incidents;
        // every node's changes: a console on this node sees the incidents and units another node works
        desk.addClusterListener(this::dispatchEvent);
        incidentService.addClusterListener(this::incidentEvent);
    }

    SseEmitter subscribe(String subscriber, Predicate<StationId> inScope) {
        return open(subscriber, (CadEvent e) -> e.stations().stream().anyMatch(inScope));
    }

    @Override
    String eventName(CadEvent event) {
        return event.type();
    }

    @Override
    Object eventData(CadEvent event) {
        return event.data();
    }

    private void dispatchEvent(DispatchEvent event) {
        Set<StationId> stations = new java.util.HashSet<>();
        desk.roster().find(event.unitId()).ifPresent(u -> stations.add(u.station()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("event", event.facts());
        incidentOf(event).ifPresent(incident -> {
            data.put("incident", incident.value());
            incidents.target(incident).ifPresent(t -> stations.add(t.station()));
            try {
                IncidentClock clock = desk.clock(incident);
                data.put("clock", clock);
            } catch (RuntimeException e) {
                // the incident is gone from view (merged away); the event still goes out
            }
        });
        desk.unitView(event.unitId()).ifPresent(u -> data.put("unit", u));
        publish(new CadEvent(event.type(), stations, data));
    }

    private void incidentEvent(IncidentEvent event) {
        for (IncidentId id : event.subjects()) {
            Incident incident = id.equals(event.incident().id()) ? event.incident() : null;
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("actor", event.actor());
            data.put("at", event.at());
            data.put("facts", event.facts());
            if (incident != null) {
                data.put("incident", IncidentViews.Summary.of(incident));
                try {
                    data.put("clock", desk.clock(id));
                } catch (RuntimeException e) {
                    // not readable through dispatch (gone): the event still goes out
                }
                publish(new CadEvent(event.type(), new java.util.HashSet<>(List.of(incident.station(), incident.takingStation())), data));
            } else {
                incidents.target(id).ifPresent(t -> {
                    data.put("incidentId", id.value());
                    publish(new CadEvent(event.type(), Set.of(t.station()), data));
                });
            }
        }
    }

    private static Optional<IncidentId> incidentOf(DispatchEvent event) {
        if (event instanceof DispatchEvent.UnitAssigned e) {
            return Optional.of(e.assignment().incident());
        } else if (event instanceof DispatchEvent.UnitAcknowledged e) {
            return Optional.of(e.assignment().incident());
        } else if (event instanceof DispatchEvent.AcknowledgementOverdue e) {
            return Optional.of(e.assignment().incident());
        } else if (event instanceof DispatchEvent.OnSceneProposed e) {
            return Optional.of(e.assignment().incident());
        } else if (event instanceof DispatchEvent.AssignmentEnded e) {
            return Optional.of(e.assignment().incident());
        }
        return Optional.empty();
    }
}
