package id.siaga.incident;

import java.time.Instant;
import java.util.Map;

/** The incident moved from one status to another (reason null when none was given). */
public record IncidentStatusChanged(Incident incident, IncidentStatus from, IncidentStatus to, String actor, String reason, Instant at)
        implements IncidentEvent {

    @Override
    public Map<String, Object> facts() {
        return IncidentEvent.facts("from", from.name(), "to", to.name(), "reason", reason);
    }
}
