package id.siaga.app;

import id.siaga.incident.Channel;
import id.siaga.incident.IncidentLocation;
import id.siaga.incident.IncidentType;
import id.siaga.incident.Incidents;
import id.siaga.incident.NewIncident;
import id.siaga.org.StationId;
import id.siaga.screening.Screening;
import id.siaga.telephony.CallUpdate;
import id.siaga.telephony.CallView;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A silent caller's 5 5 on the dispatchers' screens (issue 16): when a call becomes a silent emergency, an incident of
 * type {@link IncidentType#SILENT_EMERGENCY} (priority 1) is opened from it, at the call's best location, so every
 * console of the station lists it, its map shows it and the nearest units are proposed; the call itself stays with its
 * operator, open. An incident from a call makes the call genuine, as one opened by hand does. Runs off the call loop
 * (the incident is written to the database). A call without any location yet gets its incident with the first
 * location that reaches it (AML, a fix by reference); until then its operator's console says it has none.
 */
final class SilentEmergencies implements Consumer<CallUpdate>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SilentEmergencies.class);
    static final String ACTOR = "system";

    private final Incidents incidents;
    private final Screening screening;
    private final Set<String> opened = ConcurrentHashMap.newKeySet();
    private final Set<String> waitingForLocation = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "silent-emergencies");
        t.setDaemon(true);
        return t;
    });

    SilentEmergencies(Incidents incidents, Screening screening) {
        this.incidents = incidents;
        this.screening = screening;
    }

    @Override
    public void accept(CallUpdate update) {
        CallView call = update.call();
        if ("ended".equals(update.event())) {
            // a call is a silent emergency once: the sets hold live calls only
            opened.remove(call.id());
            if (waitingForLocation.remove(call.id())) {
                log.warn("call {}: silent emergency ended without any location: no incident was opened", call.id());
            }
            return;
        }
        if (call.silentEmergencyAt() == null || opened.contains(call.id())) {
            return;
        }
        if (call.latitude() == null || call.longitude() == null) {
            // the next update that brings a location (located, rerouted) opens it
            if (waitingForLocation.add(call.id())) {
                log.warn("call {}: silent emergency without a location yet: the incident opens when one arrives", call.id());
            }
            return;
        }
        if (!opened.add(call.id())) {
            return;
        }
        waitingForLocation.remove(call.id());
        try {
            worker.execute(() -> open(call));
        } catch (RejectedExecutionException e) {
            log.error("call {}: silent emergency not opened as an incident (stopping); the operator's console shows it", call.id());
        }
    }

    private void open(CallView call) {
        try {
            NewIncident draft = new NewIncident(IncidentType.SILENT_EMERGENCY, null,
                    IncidentLocation.of(call.latitude(), call.longitude(), call.uncertaintyMeters(), IncidentLocation.Origin.CALL), null,
                    "Penelepon 110 tidak dapat berbicara dan menekan 5 5. Lokasi dari panggilan (" + call.locationSource() + ").",
                    call.callerNumber(), null, Channel.CALL_110, call.id(), call.answeredAt());
            Incidents.Created created = incidents.create(draft, ACTOR, StationId.of(call.station()));
            log.warn("call {}: silent emergency (5 5): incident {} opened at {}", call.id(), created.incident().id(), call.station());
            try {
                screening.incidentOpened(call.id(), call.callerNumber(), call.station(), created.incident().id().value(), ACTOR);
            } catch (RuntimeException e) {
                log.warn("call {}: not classified genuine after the silent emergency's incident: {}", call.id(), e.toString());
            }
        } catch (RuntimeException e) {
            opened.remove(call.id()); // the call's next update tries again
            log.error("call {}: the silent emergency's incident could not be opened; the next update of the call tries again", call.id(), e);
        }
    }

    @Override
    public void close() {
        worker.shutdown();
    }
}
