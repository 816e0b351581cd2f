package id.siaga.store;

import id.siaga.incident.Incident;
import id.siaga.incident.IncidentFilter;
import id.siaga.incident.IncidentId;
import id.siaga.incident.IncidentStore;
import id.siaga.incident.IncidentType;
import id.siaga.integration.WebhookEvent;
import id.siaga.integration.WebhookSubscriber;
import id.siaga.org.StationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The incident store with the webhook outbox: every change is stored together with its outbox rows, in one transaction
 * (the wrapped store's joins it), so a change is never sent without being stored nor stored without being sent. The
 * incident as it was is read under a row lock ({@code FOR UPDATE}) first, so what the rows tell is exactly the step from
 * the version the change replaced. With no enabled subscriber the change is stored as without webhooks.
 */
public final class OutboxIncidentStore implements IncidentStore {

    private final IncidentStore delegate;
    private final WebhookOutboxWriter outbox;

    public OutboxIncidentStore(IncidentStore delegate, WebhookOutboxWriter outbox) {
        this.delegate = delegate;
        this.outbox = outbox;
    }

    @Override
    public void add(Incident incident) {
        List<WebhookSubscriber> to = outbox.subscribers();
        if (to.isEmpty()) {
            delegate.add(incident);
            return;
        }
        outbox.tx().executeWithoutResult(status -> {
            delegate.add(incident);
            outbox.write(outbox.changes().ofIncident(Optional.empty(), incident), to);
        });
    }

    @Override
    public boolean update(List<Incident> changed) {
        List<WebhookSubscriber> to = outbox.subscribers();
        if (to.isEmpty()) {
            return delegate.update(changed);
        }
        Boolean stored = outbox.tx().execute(status -> {
            List<WebhookEvent> events = new ArrayList<>();
            for (Incident next : changed) {
                outbox.jdbc().queryForList("SELECT version FROM incident WHERE id = ? FOR UPDATE", Long.class, next.id().value());
                Optional<Incident> before = delegate.find(next.id());
                if (before.isPresent() && before.get().version() == next.version() - 1) {
                    events.addAll(outbox.changes().ofIncident(before, next));
                }
            }
            if (!delegate.update(changed)) {
                status.setRollbackOnly();
                return false;
            }
            outbox.write(events, to);
            return true;
        });
        return Boolean.TRUE.equals(stored);
    }

    @Override
    public Optional<Incident> find(IncidentId id) {
        return delegate.find(id);
    }

    @Override
    public List<Incident> atStations(Collection<StationId> stations, IncidentFilter filter, int limit) {
        return delegate.atStations(stations, filter, limit);
    }

    @Override
    public List<Incident> openNear(Set<IncidentType> types, IncidentStore.Box box, Instant from, Instant to) {
        return delegate.openNear(types, box, from, to);
    }
}
