package id.siaga.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Two incidents were linked as related (same event, same caller); {@code incident} is the one the link was asked from. */
public record IncidentsLinked(Incident incident, Incident other, String actor, Instant at) implements IncidentEvent {

    @Override
    public Map<String, Object> facts() {
        return IncidentEvent.facts("incident", incident.id(), "other", other.id());
    }

    @Override
    public List<IncidentId> subjects() {
        return List.of(incident.id(), other.id());
    }
}
