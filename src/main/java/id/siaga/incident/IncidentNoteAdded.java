package id.siaga.incident;

import java.time.Instant;
import java.util.Map;

/** A note was appended. */
public record IncidentNoteAdded(Incident incident, IncidentNote note) implements IncidentEvent {

    @Override
    public String actor() {
        return note.author();
    }

    @Override
    public Instant at() {
        return note.at();
    }

    @Override
    public Map<String, Object> facts() {
        return IncidentEvent.facts("text", note.text());
    }
}
