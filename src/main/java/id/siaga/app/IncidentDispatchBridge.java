package id.siaga.app;

import id.siaga.dispatch.DispatchTarget;
import id.siaga.dispatch.IncidentProgress;
import id.siaga.incident.Incident;
import id.siaga.incident.IncidentId;
import id.siaga.incident.IncidentLocation;
import id.siaga.incident.IncidentStatus;
import id.siaga.incident.Incidents;
import java.util.Optional;

/** Dispatch's view of the incidents, over the incident service: where to send units, and the field progress back. */
final class IncidentDispatchBridge implements IncidentProgress {

    private final Incidents incidents;

    IncidentDispatchBridge(Incidents incidents) {
        this.incidents = incidents;
    }

    @Override
    public Optional<DispatchTarget> target(IncidentId id) {
        return incidents.find(id).map(IncidentDispatchBridge::target);
    }

    @Override
    public void advance(IncidentId id, IncidentStatus to, String actor, String reason) {
        incidents.advanceByField(id, to, actor, reason);
    }

    static DispatchTarget target(Incident i) {
        return new DispatchTarget(i.id(), i.location().map(IncidentLocation::point), i.station(), i.status(), i.priority(), i.type().label(),
                i.address(), i.description(), i.callAnsweredAt().orElse(null), i.createdAt());
    }
}
