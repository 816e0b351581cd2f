package id.siaga.web;

import id.siaga.dispatch.DispatchDesk;
import id.siaga.dispatch.DispatchEvent;
import id.siaga.dispatch.IncidentClock;
import id.siaga.dispatch.IncidentProgress;
import id.siaga.incident.Incident;
import id.siaga.incident.IncidentEvent;
import id.siaga.incident.IncidentId;
import id.siaga.incident.Incidents;
import id.siaga.org.StationId;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The CAD event stream for the consoles, {@code GET /api/cad/stream}: every incident and dispatch event of the
 * stations in the subscriber's scope, as Server-Sent Events named by the event's type ({@code incident.created},
 * {@code unit.assigned}, {@code unit.status-changed} …). Events about an incident carry its 10-minute clock as
 * it stands after the event. Same delivery rules as the call stream ({@link StreamSubscription}): never blocks
 * the producer, heartbeats, slow subscribers dropped and reconnecting.
 */
@Component
class CadStream implements SmartLifecycle {

    /** One event as a console receives it; {@code stations} decide who may see it. */
    record CadEvent(String type, Set<StationId> stations, Map<String, Object> data) {
    }

    private final DispatchDesk desk;
    private final IncidentProgress incidents;
    private final Set<StreamSubscription<CadEvent>> subscriptions = ConcurrentHashMap.newKeySet();
    private final ExecutorService writers = Executors.newCachedThreadPool(r -> daemon(r, "cad-stream-writer"));
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "cad-stream-heartbeat"));

    CadStream(DispatchDesk desk, IncidentProgress incidents, Incidents incidentService) {
        this.desk = desk;
        this.incidents = incidents;
        desk.addListener(this::dispatchEvent);
        incidentService.addListener(this::incidentEvent);
        heartbeats.scheduleAtFixedRate(() -> subscriptions.forEach(s -> s.comment("heartbeat")), CallStream.HEARTBEAT.toMillis(),
                CallStream.HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    SseEmitter subscribe(String subscriber, Predicate<StationId> inScope) {
        SseEmitter emitter = new SseEmitter(CallStream.MAX_AGE.toMillis());
        StreamSubscription<CadEvent> subscription = new StreamSubscription<>(subscriber,
                (CadEvent e) -> e.stations().stream().anyMatch(inScope), new EmitterSink(emitter), writers, StreamSubscription.DEFAULT_BACKLOG,
                subscriptions::remove);
        emitter.onCompletion(() -> subscription.end("completed"));
        emitter.onError(e -> subscription.end("failed: " + e));
        emitter.onTimeout(() -> {
            subscription.end("timed out after " + CallStream.MAX_AGE);
            emitter.complete();
        });
        try {
            emitter.send(SseEmitter.event().comment("subscribed"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not open the CAD stream", e);
        }
        subscriptions.add(subscription);
        return emitter;
    }

    /** Hands an event to every subscriber in scope; never blocks. */
    void publish(CadEvent event) {
        subscriptions.forEach(s -> s.accept(event));
    }

    int size() {
        return subscriptions.size();
    }

    private void dispatchEvent(DispatchEvent event) {
        Set<StationId> stations = new java.util.HashSet<>();
        desk.roster().find(event.unitId()).ifPresent(u -> stations.add(u.station()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("event", event.facts());
        incidentOf(event).ifPresent(incident -> {
            data.put("incident", incident.value());
            incidents.target(incident).ifPresent(t -> stations.add(t.station()));
            try {
                IncidentClock clock = desk.clock(incident);
                data.put("clock", clock);
            } catch (RuntimeException e) {
                // the incident is gone from view (merged away); the event still goes out
            }
        });
        desk.unitView(event.unitId()).ifPresent(u -> data.put("unit", u));
        publish(new CadEvent(event.type(), stations, data));
    }

    private void incidentEvent(IncidentEvent event) {
        for (IncidentId id : event.subjects()) {
            Incident incident = id.equals(event.incident().id()) ? event.incident() : null;
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("actor", event.actor());
            data.put("at", event.at());
            data.put("facts", event.facts());
            if (incident != null) {
                data.put("incident", IncidentViews.Summary.of(incident));
                try {
                    data.put("clock", desk.clock(id));
                } catch (RuntimeException e) {
                    // not readable through dispatch (gone): the event still goes out
                }
                publish(new CadEvent(event.name(), new java.util.HashSet<>(List.of(incident.station(), incident.takingStation())), data));
            } else {
                incidents.target(id).ifPresent(t -> {
                    data.put("incidentId", id.value());
                    publish(new CadEvent(event.name(), Set.of(t.station()), data));
                });
            }
        }
    }

    private static Optional<IncidentId> incidentOf(DispatchEvent event) {
        if (event instanceof DispatchEvent.UnitAssigned e) {
            return Optional.of(e.assignment().incident());
        } else if (event instanceof DispatchEvent.AlertAcknowledged e) {
            return Optional.of(e.assignment().incident());
        } else if (event instanceof DispatchEvent.AcknowledgementOverdue e) {
            return Optional.of(e.assignment().incident());
        } else if (event instanceof DispatchEvent.OnSceneProposed e) {
            return Optional.of(e.assignment().incident());
        } else if (event instanceof DispatchEvent.AssignmentEnded e) {
            return Optional.of(e.assignment().incident());
        }
        return Optional.empty();
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every stream before the web server's graceful shutdown starts waiting for open requests (a lifecycle
     * of the highest phase stops first): an open event stream would otherwise hold the shutdown for its whole
     * timeout. Browsers reconnect to whichever node is up.
     */
    @Override
    public void stop() {
        running = false;
        List.copyOf(subscriptions).forEach(s -> s.close("the server is stopping"));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    @PreDestroy
    void close() {
        heartbeats.shutdownNow();
        List.copyOf(subscriptions).forEach(s -> s.close("the server is stopping"));
        writers.shutdown();
        try {
            writers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record EmitterSink(SseEmitter emitter) implements StreamSubscription.Sink<CadEvent> {

        @Override
        public void send(CadEvent event) throws IOException {
            emitter.send(SseEmitter.event().name(event.type()).data(event.data(), MediaType.APPLICATION_JSON));
        }

        @Override
        public void comment(String text) throws IOException {
            emitter.send(SseEmitter.event().comment(text));
        }

        @Override
        public void complete() {
            emitter.complete();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
