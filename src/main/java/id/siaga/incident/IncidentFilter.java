package id.siaga.incident;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which incidents a list shows: these statuses (the open ones unless asked otherwise), optionally only one
 * priority, one type, those of one 110 call, or those of one caller (a number as {@link NewIncident} keeps it,
 * {@code +62…}).
 */
public record IncidentFilter(Set<IncidentStatus> statuses, Integer priority, IncidentType type, String callId, String callerNumber) {

    public IncidentFilter {
        if (statuses == null || statuses.isEmpty()) {
            throw new IllegalArgumentException("a list needs at least one status");
        }
        statuses = Set.copyOf(statuses);
        if (priority != null) {
            Incident.requirePriority(priority);
        }
    }

    public IncidentFilter(Set<IncidentStatus> statuses, Integer priority, IncidentType type, String callId) {
        this(statuses, priority, type, callId, null);
    }

    /** NEW, DISPATCHED, EN_ROUTE and ON_SCENE: what still needs work. */
    public static Set<IncidentStatus> openStatuses() {
        return EnumSet.of(IncidentStatus.NEW, IncidentStatus.DISPATCHED, IncidentStatus.EN_ROUTE, IncidentStatus.ON_SCENE);
    }

    public static IncidentFilter open() {
        return new IncidentFilter(openStatuses(), null, null, null);
    }

    public static IncidentFilter any() {
        return new IncidentFilter(EnumSet.allOf(IncidentStatus.class), null, null, null);
    }

    public boolean accepts(Incident i) {
        return statuses.contains(i.status()) && (priority == null || i.priority() == priority) && (type == null || i.type() == type)
                && (callId == null || i.callId().filter(callId::equals).isPresent())
                && (callerNumber == null || i.callerNumber().filter(callerNumber::equals).isPresent());
    }
}
