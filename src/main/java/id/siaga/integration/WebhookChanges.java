package id.siaga.integration;

import id.siaga.dispatch.Assignment;
import id.siaga.incident.Incident;
import id.siaga.incident.IncidentLocation;
import id.siaga.incident.StatusChange;
import id.siaga.org.StationId;
import id.siaga.org.StationTree;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the webhook subscribers are told of a stored change, read from the change itself (the incident or assignment before
 * and after): the store calls it inside the transaction that stores the change and writes {@link #rows} to the outbox in
 * that same transaction, so a change is stored with its deliveries or not at all. Pure apart from the ids it draws.
 */
public final class WebhookChanges {

    /** One outbox row: an event for one subscriber, with the exact body that is signed and sent. */
    public record Row(WebhookEvent event, String subscriberId, String body) {
    }

    private final Supplier<StationTree> tree;
    private final JsonMapper json;
    private final Clock clock;
    private final Supplier<String> ids;

    public WebhookChanges(Supplier<StationTree> tree, JsonMapper json, Clock clock) {
        this(tree, json, clock, () -> UUID.randomUUID().toString());
    }

    WebhookChanges(Supplier<StationTree> tree, JsonMapper json, Clock clock, Supplier<String> ids) {
        this.tree = tree;
        this.json = json;
        this.clock = clock;
        this.ids = ids;
    }

    /** Opened ({@code before} empty), its status steps since {@code before}, a new priority. */
    public List<WebhookEvent> ofIncident(Optional<Incident> before, Incident after) {
        List<WebhookEvent> events = new ArrayList<>();
        if (before.isEmpty()) {
            events.add(event(WebhookEvent.INCIDENT_CREATED, after.station(), after.createdAt(), incident(after)));
            return events;
        }
        Incident was = before.get();
        List<StatusChange> steps = after.history();
        for (int i = was.history().size(); i < steps.size(); i++) {
            StatusChange step = steps.get(i);
            Map<String, Object> data = incident(after);
            data.put("from", i == 0 ? null : steps.get(i - 1).status().name());
            data.put("to", step.status().name());
            data.put("by", step.actor());
            data.put("reason", step.reason());
            events.add(event(WebhookEvent.INCIDENT_STATUS_CHANGED, after.station(), step.at(), clean(data)));
        }
        if (was.priority() != after.priority()) {
            Map<String, Object> data = incident(after);
            data.put("fromPriority", was.priority());
            events.add(event(WebhookEvent.INCIDENT_PRIORITY_CHANGED, after.station(), clock.instant(), data));
        }
        return events;
    }

    /** Assigned ({@code before} empty), or the step the assignment took; {@code station}: its incident's responsible station. */
    public List<WebhookEvent> ofAssignment(Optional<Assignment> before, Assignment after, StationId station) {
        if (before.isPresent() && before.get().state() == after.state()) {
            return List.of();
        }
        String type;
        Instant at;
        switch (before.isEmpty() ? Assignment.State.ALERTED : after.state()) {
            case ALERTED -> {
                type = WebhookEvent.UNIT_ASSIGNED;
                at = after.assignedAt();
            }
            case ACKNOWLEDGED -> {
                type = WebhookEvent.UNIT_ACKNOWLEDGED;
                at = after.acknowledgedAt();
            }
            case EN_ROUTE -> {
                type = WebhookEvent.UNIT_EN_ROUTE;
                at = after.enRouteAt();
            }
            case ON_SCENE -> {
                type = WebhookEvent.UNIT_ON_SCENE;
                at = after.onSceneAt();
            }
            case CLEARED -> {
                type = WebhookEvent.UNIT_CLEARED;
                at = after.endedAt();
            }
            default -> {
                type = WebhookEvent.ASSIGNMENT_CANCELLED;
                at = after.endedAt();
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("assignment", after.id().value());
        data.put("incident", after.incident().value());
        data.put("unit", after.unitId());
        data.put("state", after.state().name());
        data.put("assignedBy", after.assignedBy());
        data.put("acknowledgedBy", after.acknowledgedBy());
        data.put("endReason", after.endReason());
        data.put("etaSeconds", after.etaAtAssignment() == null ? null : after.etaAtAssignment().toSeconds());
        return List.of(event(type, station, at == null ? clock.instant() : at, clean(data)));
    }

    /** Each event for each subscriber that wants it. */
    public List<Row> rows(List<WebhookEvent> events, List<WebhookSubscriber> subscribers) {
        List<Row> rows = new ArrayList<>();
        StationTree stations = events.isEmpty() ? null : tree.get();
        for (WebhookEvent e : events) {
            String body = null;
            for (WebhookSubscriber s : subscribers) {
                if (s.wants(e, stations)) {
                    body = body == null ? body(e) : body;
                    rows.add(new Row(e, s.id(), body));
                }
            }
        }
        return rows;
    }

    /** The JSON a receiver gets: {@code {id, type, occurredAt, station, data}}. */
    public String body(WebhookEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("type", e.type());
        m.put("occurredAt", e.at().toString());
        m.put("station", e.station().value());
        m.put("data", e.data());
        return json.writeValueAsString(m);
    }

    private WebhookEvent event(String type, StationId station, Instant at, Map<String, Object> data) {
        return new WebhookEvent(ids.get(), type, station, at, data);
    }

    /** What any receiver may know of an incident: no caller's number or name, no description. */
    private static Map<String, Object> incident(Incident i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("incident", i.id().value());
        m.put("version", i.version());
        m.put("incidentType", i.type().name());
        m.put("incidentTypeLabel", i.type().label());
        m.put("priority", i.priority());
        m.put("status", i.status().name());
        m.put("station", i.station().value());
        m.put("channel", i.channel().name());
        IncidentLocation where = i.location().orElse(null);
        if (where != null) {
            m.put("latitude", where.point().latitude());
            m.put("longitude", where.point().longitude());
        }
        m.put("address", i.address());
        m.put("createdAt", i.createdAt().toString());
        return clean(m);
    }

    private static Map<String, Object> clean(Map<String, Object> m) {
        m.values().removeIf(v -> v == null || (v instanceof String s && s.isBlank()));
        return m;
    }
}
