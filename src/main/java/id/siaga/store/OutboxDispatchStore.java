package id.siaga.store;

import id.siaga.dispatch.Assignment;
import id.siaga.dispatch.AssignmentId;
import id.siaga.dispatch.DispatchStore;
import id.siaga.dispatch.UnitState;
import id.siaga.incident.IncidentId;
import id.siaga.integration.WebhookEvent;
import id.siaga.integration.WebhookSubscriber;
import id.siaga.org.StationId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The dispatch store with the webhook outbox, as {@link OutboxIncidentStore} does for incidents: an assignment made or
 * moved on is stored together with its outbox rows, in one transaction; the assignment as it was is read under a row lock
 * first. The rows' station is the incident's responsible station. Unit states alone (a unit's own status, with no
 * assignment changing) are not sent.
 */
public final class OutboxDispatchStore implements DispatchStore {

    private final DispatchStore delegate;
    private final WebhookOutboxWriter outbox;

    public OutboxDispatchStore(DispatchStore delegate, WebhookOutboxWriter outbox) {
        this.delegate = delegate;
        this.outbox = outbox;
    }

    @Override
    public boolean update(List<UnitState> states, List<Assignment> assignments) {
        List<WebhookSubscriber> to = assignments.isEmpty() ? List.of() : outbox.subscribers();
        if (to.isEmpty()) {
            return delegate.update(states, assignments);
        }
        Boolean stored = outbox.tx().execute(status -> {
            List<WebhookEvent> events = new ArrayList<>();
            for (Assignment next : assignments) {
                Optional<Assignment> before = Optional.empty();
                if (next.version() > 1) {
                    outbox.jdbc().queryForList("SELECT version FROM unit_assignment WHERE id = ? FOR UPDATE", Long.class, next.id().value());
                    before = delegate.find(next.id());
                    if (before.isEmpty() || before.get().version() != next.version() - 1) {
                        continue; // the update below fails over it
                    }
                }
                Optional<StationId> station = station(next.incident());
                if (station.isPresent()) {
                    events.addAll(outbox.changes().ofAssignment(before, next, station.get()));
                }
            }
            if (!delegate.update(states, assignments)) {
                status.setRollbackOnly();
                return false;
            }
            outbox.write(events, to);
            return true;
        });
        return Boolean.TRUE.equals(stored);
    }

    private Optional<StationId> station(IncidentId incident) {
        return outbox.jdbc().queryForList("SELECT station_id FROM incident WHERE id = ?", String.class, incident.value()).stream().findFirst()
                .map(StationId::new);
    }

    @Override
    public List<UnitState> unitStates() {
        return delegate.unitStates();
    }

    @Override
    public Optional<UnitState> unitState(String unitId) {
        return delegate.unitState(unitId);
    }

    @Override
    public Optional<Assignment> find(AssignmentId id) {
        return delegate.find(id);
    }

    @Override
    public List<Assignment> active() {
        return delegate.active();
    }

    @Override
    public List<Assignment> ofIncident(IncidentId incident) {
        return delegate.ofIncident(incident);
    }

    @Override
    public List<Assignment> takeOverTimers(String lost, String by) {
        return delegate.takeOverTimers(lost, by);
    }
}
