package id.siaga.dispatch;

import id.siaga.incident.IncidentId;
import id.siaga.incident.IncidentStatus;
import id.siaga.org.GeoPoint;
import id.siaga.org.StationId;
import java.time.Instant;
import java.util.Optional;

/**
 * What dispatch needs to know of an incident: where to send units, whose it is, how urgent, and when its clock
 * started (the call's answer, or the incident's creation when it came from another channel).
 */
public record DispatchTarget(IncidentId incident, Optional<GeoPoint> location, StationId station, IncidentStatus status, int priority,
                             String typeLabel, String address, String description, Instant callAnsweredAt, Instant createdAt) {

    /** When the 10-minute clock started. */
    public Instant clockStart() {
        return callAnsweredAt != null ? callAnsweredAt : createdAt;
    }
}
