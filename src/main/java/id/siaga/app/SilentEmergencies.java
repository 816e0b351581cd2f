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
 * (the incident is written to the database); a call without any location yet gets no incident (its operator's console
 * says so and the operator opens one with the place the caller's surroundings give).
 */
final class SilentEmergencies implements Consumer<CallUpdate>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SilentEmergencies.class);
    static final String ACTOR = "system";

    private final Incidents incidents;
    private final Screening screening;
    private final Set<String> opened = ConcurrentHashMap.newKeySet();
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
            opened.remove(call.id()); // a call is a silent emergency once: the set holds live calls only
            return;
        }
        if (!"silent".equals(update.event()) || call.silentEmergencyAt() == null || !opened.add(call.id())) {
            return;
        }
        try {
            worker.execute(() -> open(call));
        } catch (RejectedExecutionException e) {
            log.error("call {}: silent emergency not opened as an incident (stopping); the operator's console shows it", call.id());
        }
    }

    private void open(CallView call) {
        if (call.latitude() == null || call.longitude() == null) {
            log.warn("call {}: silent emergency without a location yet: no incident opened; the operator's console shows it", call.id());
            return;
        }
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
            opened.remove(call.id());
            log.error("call {}: the silent emergency's incident could not be opened; the operator's console shows the call", call.id(), e);
        }
    }

    @Override
    public void close() {
        worker.shutdown();
    }
}
