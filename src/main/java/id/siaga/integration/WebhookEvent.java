package id.siaga.integration;

import id.siaga.org.StationId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One change sent to the subscribers that want it: {@code id} is the idempotency key a receiver dedupes by (header
 * {@code X-Siaga-Event-Id}, the same on every retry), {@code station} the incident's responsible station, {@code data}
 * what the receiver is told (plain values; no caller's number or name).
 */
public record WebhookEvent(String id, String type, StationId station, Instant at, Map<String, Object> data) {

    public static final String INCIDENT_CREATED = "incident.created";
    public static final String INCIDENT_STATUS_CHANGED = "incident.status-changed";
    public static final String INCIDENT_PRIORITY_CHANGED = "incident.priority-changed";
    public static final String UNIT_ASSIGNED = "dispatch.assigned";
    public static final String UNIT_ACKNOWLEDGED = "dispatch.acknowledged";
    public static final String UNIT_EN_ROUTE = "dispatch.en-route";
    public static final String UNIT_ON_SCENE = "dispatch.on-scene";
    public static final String UNIT_CLEARED = "dispatch.cleared";
    public static final String ASSIGNMENT_CANCELLED = "dispatch.cancelled";

    /** Every type a subscriber may ask for. */
    public static final Set<String> TYPES = Set.of(INCIDENT_CREATED, INCIDENT_STATUS_CHANGED, INCIDENT_PRIORITY_CHANGED, UNIT_ASSIGNED,
            UNIT_ACKNOWLEDGED, UNIT_EN_ROUTE, UNIT_ON_SCENE, UNIT_CLEARED, ASSIGNMENT_CANCELLED);

    public WebhookEvent {
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }
}
