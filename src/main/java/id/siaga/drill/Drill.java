package id.siaga.drill;

import id.siaga.dispatch.DispatchDesk;
import id.siaga.dispatch.DispatchEvent;
import id.siaga.dispatch.Recommendation;
import id.siaga.dispatch.Unit;
import id.siaga.dispatch.UnitStatus;
import id.siaga.incident.Channel;
import id.siaga.incident.IncidentId;
import id.siaga.incident.IncidentLocation;
import id.siaga.incident.IncidentStatus;
import id.siaga.incident.IncidentType;
import id.siaga.incident.Incidents;
import id.siaga.incident.NewIncident;
import id.siaga.org.OperatorId;
import id.siaga.org.OperatorRoster;
import id.siaga.org.StationId;
import id.siaga.org.StationTree;
import id.siaga.telephony.CallUpdate;
import id.siaga.telephony.CallView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drill mode ("latihan"): a living demo and a training ground on the real system. Citizens dial 110 through
 * the real SIP edge from random places in the jurisdictions ({@link DrillSipAgent}); the operators' phones
 * answer after human-like delays, and some let it ring so calls climb the ladder; the operator writes the
 * report a little later and the dispatcher sends the recommended unit; the officers acknowledge, drive there
 * ({@link DrillFleet}), arrive, and clear. Positions and people listed as real ({@code humanPositions},
 * {@code humanUnits}) are left to the people at the consoles. Every step goes through the same APIs and is
 * journalled like any other, with "latihan" as the actor where the drill itself acts.
 */
public final class Drill implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Drill.class);
    static final String ACTOR = "latihan";
    private static final IncidentType[] TYPES = {IncidentType.TRAFFIC_ACCIDENT, IncidentType.TRAFFIC_ACCIDENT, IncidentType.THEFT,
            IncidentType.THEFT, IncidentType.ASSAULT, IncidentType.DOMESTIC_VIOLENCE, IncidentType.BRAWL, IncidentType.PUBLIC_DISORDER,
            IncidentType.MISSING_PERSON, IncidentType.INFORMATION_REQUEST};

    /** The drill's knobs (the app's {@code siaga.drill.*} settings document each). */
    public record Settings(double callsPerMinute, Duration medianAnswer, double letRingShare, double giveUpShare, Set<String> humanPositions,
                           Set<String> humanUnits, double pace) {
    }

    private final Settings settings;
    private final DrillSipAgent sip;
    private final DrillFleet fleet;
    private final DrillCallers callers;
    private final OperatorRoster operators;
    private final Incidents incidents;
    private final DispatchDesk desk;
    private final Map<String, String> positionBySipUser;
    private final Random random = new Random();
    private final Map<IncidentId, Integer> unitsOut = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "drill");
        t.setDaemon(true);
        return t;
    });

    /** Where the drill reaches the system it exercises: the SIP edge, the OsmAnd door, and the drill's own SIP address. */
    public record Doors(String drillSipAddress, int drillSipPort, String edgeAddress, int edgePort, String osmAndAddress, int osmAndPort) {
    }

    /**
     * Builds and starts a drill: its user agent on {@code doors.drillSipPort()}, the phones of
     * {@code positionBySipUser} (SIP user → operator position) registered with {@code phonePassword}.
     */
    public static Drill start(Settings settings, Doors doors, String phonePassword, Map<String, String> positionBySipUser, StationTree stations,
                              Map<StationId, Geometry> jurisdictions, OperatorRoster operators, Incidents incidents, DispatchDesk desk,
                              Consumer<OperatorId> ready, Consumer<Consumer<CallUpdate>> calls) throws Exception {
        AtomicReference<Drill> self = new AtomicReference<>();
        DrillSipAgent sip = new DrillSipAgent(doors.drillSipAddress(), doors.drillSipPort(), doors.edgeAddress(), doors.edgePort(),
                user -> phonePassword, user -> self.get() == null ? Optional.empty() : self.get().answerAfter(user));
        List<Unit> driven = desk.roster().all().stream().filter(u -> !settings.humanUnits().contains(u.id())).toList();
        DrillFleet fleet = new DrillFleet(desk, stations, driven, doors.osmAndAddress(), doors.osmAndPort());
        DrillCallers callers = new DrillCallers(sip, List.copyOf(stations.all()), jurisdictions);
        Drill drill = new Drill(settings, sip, fleet, callers, operators, incidents, desk, positionBySipUser);
        self.set(drill);
        drill.start(ready, calls);
        return drill;
    }

    private Drill(Settings settings, DrillSipAgent sip, DrillFleet fleet, DrillCallers callers, OperatorRoster operators, Incidents incidents,
                  DispatchDesk desk, Map<String, String> positionBySipUser) {
        this.settings = settings;
        this.sip = sip;
        this.fleet = fleet;
        this.callers = callers;
        this.operators = operators;
        this.incidents = incidents;
        this.desk = desk;
        this.positionBySipUser = Map.copyOf(positionBySipUser);
    }

    /** Registers the phones, puts their operators READY, and starts the callers and the fleet. */
    private void start(Consumer<OperatorId> ready, Consumer<Consumer<CallUpdate>> calls) throws Exception {
        for (Map.Entry<String, String> phone : positionBySipUser.entrySet()) {
            sip.register(phone.getKey(), Duration.ofMinutes(10));
        }
        timers.scheduleWithFixedDelay(() -> positionBySipUser.keySet().forEach(user -> {
            try {
                sip.register(user, Duration.ofMinutes(10));
            } catch (Exception e) {
                log.warn("drill phone {} could not register again: {}", user, e.toString());
            }
        }), 5, 5, TimeUnit.MINUTES);
        timers.schedule(() -> positionBySipUser.values().forEach(p -> ready.accept(new OperatorId(p))), 2, TimeUnit.SECONDS);
        calls.accept(this::callChanged);
        desk.addListener(this::dispatchEvent);
        fleet.start();
        scheduleNextCall();
        log.info("drill running: {} calls per minute, {} phones, {} units (left to people: positions {}, units {})", settings.callsPerMinute(),
                positionBySipUser.size(), desk.roster().size(), settings.humanPositions(), settings.humanUnits());
    }

    /** How a drill phone treats one call: an answer after a human-like delay, or (sometimes) none. */
    Optional<Duration> answerAfter(String sipUser) {
        if (random.nextDouble() < settings.letRingShare()) {
            return Optional.empty();
        }
        double seconds = settings.medianAnswer().toMillis() / 1000.0 * Math.exp(random.nextGaussian() * 0.5);
        return Optional.of(Duration.ofMillis((long) (Math.min(25, Math.max(1, seconds)) * 1000)));
    }

    private void scheduleNextCall() {
        double meanGapSeconds = 60.0 / settings.callsPerMinute();
        long gapMillis = (long) (-Math.log(1 - random.nextDouble()) * meanGapSeconds * 1000);
        timers.schedule(() -> {
            try {
                callers.dialOne(random, settings.giveUpShare());
            } catch (Exception e) {
                log.warn("drill caller could not dial: {}", e.toString());
            } finally {
                scheduleNextCall();
            }
        }, gapMillis, TimeUnit.MILLISECONDS);
    }

    /** An answered call becomes a report a little later, unless a person answered it. */
    private void callChanged(CallUpdate update) {
        CallView call = update.call();
        if (!"answered".equals(update.event()) || call.answeredBy() == null || settings.humanPositions().contains(call.answeredBy())
                || call.latitude() == null) {
            return;
        }
        long after = paced(10_000 + random.nextInt(20_000));
        timers.schedule(() -> report(call), after, TimeUnit.MILLISECONDS);
    }

    // the drill's words in both of the consoles' languages: an incident's address and description are data, shown as
    // written whatever language a console is switched to (its type is translated by the console)
    private static final String DRILL_ADDRESS = "Latihan (drill): lokasi penelepon / caller's location";
    private static final String DRILL_DESCRIPTION = "Latihan (drill): laporan simulasi / simulated report";

    private void report(CallView call) {
        try {
            IncidentType type = TYPES[random.nextInt(TYPES.length)];
            String username = operators.find(new OperatorId(call.answeredBy())).flatMap(o -> o.username()).orElse(ACTOR);
            StationId taking = operators.find(new OperatorId(call.answeredBy())).map(o -> o.station()).orElse(StationId.of(call.station()));
            var created = incidents.create(new NewIncident(type, null, IncidentLocation.of(call.latitude(), call.longitude(),
                    call.uncertaintyMeters(), IncidentLocation.Origin.CALL), DRILL_ADDRESS, DRILL_DESCRIPTION,
                    call.callerNumber(), null, Channel.CALL_110, call.id(), call.answeredAt()), username, taking);
            if (type.needsUnits()) {
                IncidentId id = created.incident().id();
                timers.schedule(() -> send(id), paced(5_000 + random.nextInt(10_000)), TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            log.info("drill report for call {} not written: {}", call.id(), e.getMessage());
        }
    }

    private void send(IncidentId incident) {
        try {
            Recommendation r = desk.recommend(incident);
            if (r.units().isEmpty()) {
                log.info("drill: no unit to send to incident {}", incident);
                return;
            }
            desk.assign(incident, r.units().get(0).unitId(), ACTOR);
            unitsOut.merge(incident, 1, Integer::sum);
        } catch (RuntimeException e) {
            log.info("drill: incident {} not dispatched: {}", incident, e.getMessage());
        }
    }

    /** The officers of the drill's units: acknowledge, set off, arrive when proposed, clear after a while. */
    private void dispatchEvent(DispatchEvent event) {
        if (settings.humanUnits().contains(event.unitId())) {
            return;
        }
        if (event instanceof DispatchEvent.UnitAssigned e) {
            timers.schedule(() -> {
                attempt(() -> desk.acknowledge(e.assignment().id(), ACTOR));
                attempt(() -> desk.changeStatus(e.unitId(), UnitStatus.EN_ROUTE, ACTOR, "BERANGKAT"));
            }, paced(4_000 + random.nextInt(12_000)), TimeUnit.MILLISECONDS);
        } else if (event instanceof DispatchEvent.OnSceneProposed e) {
            timers.schedule(() -> attempt(() -> desk.changeStatus(e.unitId(), UnitStatus.ON_SCENE, ACTOR, "TIBA")), paced(2_000),
                    TimeUnit.MILLISECONDS);
        } else if (event instanceof DispatchEvent.UnitStatusChanged e && e.to() == UnitStatus.ON_SCENE) {
            IncidentId incident = desk.activeOf(e.unitId()).map(a -> a.incident()).orElse(null);
            timers.schedule(() -> {
                attempt(() -> desk.changeStatus(e.unitId(), UnitStatus.AVAILABLE, ACTOR, "SELESAI"));
                if (incident != null && unitsOut.merge(incident, -1, Integer::sum) <= 0) {
                    unitsOut.remove(incident);
                    attempt(() -> incidents.moveTo(incident, IncidentStatus.RESOLVED, ACTOR, "latihan: ditangani di lokasi"));
                }
            }, paced(60_000 + random.nextInt(120_000)), TimeUnit.MILLISECONDS);
        }
    }

    /** A person's delay at the drill's pace (2 = everyone twice as quick). */
    private long paced(long millis) {
        return (long) (millis / settings.pace());
    }

    private static void attempt(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            log.debug("drill step skipped: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timers.shutdownNow();
        fleet.close();
        sip.close();
    }
}
