package id.siaga.dispatch;

import id.siaga.incident.IncidentId;
import id.siaga.incident.IncidentStatus;
import java.util.Optional;

/**
 * Dispatch's port to the incidents: read what to send units to, and move the incident forward as its units
 * progress (DISPATCHED, EN_ROUTE, ON_SCENE). Moves are forward-only; a move the incident has passed is a no-op.
 */
public interface IncidentProgress {

    Optional<DispatchTarget> target(IncidentId incident);

    void advance(IncidentId incident, IncidentStatus to, String actor, String reason);
}
