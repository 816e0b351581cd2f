package id.siaga.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code incident} was a second report of {@code survivor}'s event: it is now CANCELLED and linked to the survivor. */
public record IncidentMerged(Incident incident, Incident survivor, String actor, Instant at) implements IncidentEvent {

    @Override
    public Map<String, Object> facts() {
        return IncidentEvent.facts("merged", incident.id(), "into", survivor.id());
    }

    @Override
    public List<IncidentId> subjects() {
        return List.of(incident.id(), survivor.id());
    }
}
