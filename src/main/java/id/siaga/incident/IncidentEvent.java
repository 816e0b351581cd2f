package id.siaga.incident;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Something that happened to an incident, told to every listener of {@link Incidents} once it is stored: the
 * journal keeps each one, dispatch reacts to some. {@link #incident()} is the incident as it is afterwards.
 */
public sealed interface IncidentEvent permits IncidentCreated, IncidentStatusChanged, IncidentNoteAdded, IncidentPriorityChanged,
        IncidentsLinked, IncidentMerged, PossibleDuplicatesFlagged {

    Incident incident();

    /** Who did it: a username, an API client, or the unit or system that drove it. */
    String actor();

    Instant at();

    /**
     * The journal's and the CAD stream's name for it: the record's simple name ({@code IncidentCreated},
     * {@code IncidentStatusChanged} …), the convention of every journalled event. Rows journalled before issue 13
     * carry the older dotted names ({@code incident.created}, {@code incident.status-changed} …; CHANGELOG.md).
     */
    default String type() {
        return getClass().getSimpleName();
    }

    /** What the journal keeps of it (ids as strings, no nulls). */
    Map<String, Object> facts();

    /** Every incident the event is about, so each one's story tells it (two for a link or a merge). */
    default List<IncidentId> subjects() {
        return List.of(incident().id());
    }

    /** A map that leaves out what is absent. */
    static Map<String, Object> facts(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object v = keysAndValues[i + 1];
            if (v instanceof java.util.Optional<?> o) {
                v = o.orElse(null);
            }
            if (v != null) {
                m.put((String) keysAndValues[i], v instanceof IncidentId || v instanceof id.siaga.org.StationId ? v.toString() : v);
            }
        }
        return m;
    }
}
