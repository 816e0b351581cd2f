package id.siaga.incident;

import java.time.Instant;
import java.util.Map;

/** The operator set another priority than the incident had. */
public record IncidentPriorityChanged(Incident incident, int from, int to, String actor, Instant at) implements IncidentEvent {

    @Override
    public Map<String, Object> facts() {
        return IncidentEvent.facts("from", from, "to", to);
    }
}
