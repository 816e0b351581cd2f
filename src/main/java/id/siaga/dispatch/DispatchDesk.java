package id.siaga.dispatch;

import id.siaga.incident.IncidentId;
import id.siaga.incident.IncidentStatus;
import id.siaga.org.GeoPoint;
import id.siaga.org.StationId;
import id.siaga.tracking.Position;
import id.siaga.tracking.PositionListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Sending units: who can go (status, GPS), which to send (by ETA), the alert, the officer's acknowledgement
 * and the unit's progress, which moves the incident forward. Decisions take the injected clock's time; the
 * app calls {@link #tick()} every second for the two timers (unacknowledged alerts, silent GPS).
 *
 * <p>State changes are serialised on the desk; positions arrive on ingestion threads and only touch the
 * lock-free {@link UnitPositions}, unless a dispatched unit reaches its incident.
 */
public final class DispatchDesk implements PositionListener {

    private final UnitRoster roster;
    private final IncidentProgress incidents;
    private final DispatchStore store;
    private final List<AlertChannel> channels = new CopyOnWriteArrayList<>();
    private final Recommender recommender;
    private final DispatchPolicy policy;
    private final Clock clock;
    private final UnitPositions positions;
    private final Map<String, UnitState> states = new ConcurrentHashMap<>();
    private final Map<AssignmentId, Assignment> active = new ConcurrentHashMap<>();
    /** Where each committed unit is going, for the on-scene proposal. */
    private final Map<String, GeoPoint> destinations = new ConcurrentHashMap<>();
    private final List<Consumer<DispatchEvent>> listeners = new CopyOnWriteArrayList<>();

    public DispatchDesk(UnitRoster roster, IncidentProgress incidents, DispatchStore store, List<AlertChannel> channels, EtaEstimator eta,
                        DispatchPolicy policy, NearestUnitIndex index, Clock clock) {
        this.roster = roster;
        this.incidents = incidents;
        this.store = store;
        this.channels.addAll(channels);
        this.policy = policy;
        this.clock = clock;
        this.positions = new UnitPositions(index, roster.all());
        this.recommender = new Recommender(roster, positions, eta, policy, this::dutyStatus);
        Instant now = clock.instant();
        roster.all().forEach(u -> states.put(u.id(), UnitState.initial(u.id(), now)));
        store.unitStates().stream().filter(s -> roster.isUnit(s.unitId())).forEach(s -> states.put(s.unitId(), s));
        store.active().stream().filter(a -> roster.isUnit(a.unitId())).forEach(a -> {
            active.put(a.id(), a);
            incidents.target(a.incident()).flatMap(DispatchTarget::location).ifPresent(p -> destinations.put(a.unitId(), p));
        });
    }

    public void addListener(Consumer<DispatchEvent> listener) {
        listeners.add(listener);
    }

    /** Adds a way to reach officers (channels that start after the desk, such as the officer app's WebSocket). */
    public void addChannel(AlertChannel channel) {
        channels.add(channel);
    }

    // ---- positions (ingestion threads) ----

    @Override
    public void positionAccepted(Position p) {
        Optional<Unit> unit = roster.find(p.unitId());
        if (unit.isEmpty()) {
            return;
        }
        NearestUnitIndex.Located fix = new NearestUnitIndex.Located(p.unitId(), unit.get().kind(), p.latitude(), p.longitude(), p.fixTime());
        Instant received = p.receivedAt() != null ? p.receivedAt() : clock.instant();
        positions.update(fix, received).ifPresent(back -> emit(new DispatchEvent.UnitBackOnline(back.unitId(), back.silentFor(), received)));
        positions.availability(p.unitId(), canBeSent(p.unitId()));
        // a status change may have raced this fix: follow the status as it is now
        positions.availability(p.unitId(), canBeSent(p.unitId()));
        GeoPoint destination = destinations.get(p.unitId());
        if (destination != null) {
            double meters = id.siaga.location.Geodesy.distanceMeters(p.latitude(), p.longitude(), destination.latitude(), destination.longitude());
            if (meters <= policy.arrivalRadiusMeters()) {
                proposeOnScene(p.unitId(), meters);
            }
        }
    }

    private synchronized void proposeOnScene(String unitId, double meters) {
        Optional<Assignment> current = activeOf(unitId);
        if (current.isEmpty() || current.get().onSceneProposedAt() != null || current.get().state() == Assignment.State.ON_SCENE) {
            return;
        }
        Assignment a = current.get().onSceneProposed(clock.instant());
        keep(a);
        deliver(alert("ON_SCENE_PROPOSED", a, meters, null));
        emit(new DispatchEvent.OnSceneProposed(a, meters, a.onSceneProposedAt()));
    }

    // ---- commands ----

    /** Sends the unit to the incident: DISPATCHED, alerted on every channel, incident DISPATCHED. */
    public Assignment assign(IncidentId incidentId, String unitId, String by) {
        Unit unit = unit(unitId);
        DispatchTarget target = target(incidentId);
        Assignment a;
        List<String> via;
        synchronized (this) {
            if (!target.status().isOpen()) {
                throw new DispatchConflictException("incident " + incidentId + " is " + target.status() + ": no units can be sent");
            }
            UnitState state = states.get(unitId);
            if (state.status() != UnitStatus.AVAILABLE && state.status() != UnitStatus.RETURNING) {
                throw new DispatchConflictException("unit " + unit.callSign() + " is " + state.status() + ", not available");
            }
            Instant now = clock.instant();
            Double meters = null;
            Duration eta = null;
            Optional<NearestUnitIndex.Located> fix = positions.last(unitId);
            if (fix.isPresent() && target.location().isPresent()) {
                GeoPoint to = target.location().get();
                meters = id.siaga.location.Geodesy.distanceMeters(fix.get().latitude(), fix.get().longitude(), to.latitude(), to.longitude());
                eta = recommender.eta(unit.kind(), new GeoPoint(fix.get().latitude(), fix.get().longitude()), to, meters);
            }
            a = Assignment.alerted(AssignmentId.random(), unitId, incidentId, by, now, meters, eta);
            keep(a);
            setStatus(unitId, UnitStatus.DISPATCHED, a.id(), by, "sent to incident " + incidentId, now);
            target.location().ifPresent(p -> destinations.put(unitId, p));
            via = deliver(alert("DISPATCH", a, meters, eta, target));
        }
        incidents.advance(incidentId, IncidentStatus.DISPATCHED, by, "unit " + unit.callSign() + " sent");
        emit(new DispatchEvent.UnitAssigned(a, unit.callSign(), via, a.assignedAt()));
        return a;
    }

    /** An officer of the unit acknowledged the alert. */
    public Assignment acknowledge(AssignmentId id, String by) {
        return acknowledge(id, by, false);
    }

    /**
     * The alert was acknowledged: by an officer of the unit, or ({@code onBehalf}) by the dispatcher recording what
     * an officer without the app said on the radio; the journal tells the two apart.
     */
    public Assignment acknowledge(AssignmentId id, String by, boolean onBehalf) {
        Assignment a;
        synchronized (this) {
            Assignment current = activeAssignment(id);
            if (current.acknowledgedAt() != null) {
                return current;
            }
            a = current.acknowledge(by, clock.instant());
            keep(a);
        }
        emit(new DispatchEvent.UnitAcknowledged(a, by, onBehalf, Duration.between(a.assignedAt(), a.acknowledgedAt()), a.acknowledgedAt()));
        return a;
    }

    /**
     * The unit's status from the officer's buttons or the dispatcher: EN_ROUTE (BERANGKAT) and ON_SCENE (TIBA) need
     * an assignment and move the incident; AVAILABLE (SELESAI) or RETURNING clear the assignment; OUT_OF_SERVICE
     * takes the unit off any assignment.
     */
    public UnitState changeStatus(String unitId, UnitStatus to, String by, String reason) {
        Unit unit = unit(unitId);
        IncidentStatus incidentMove = null;
        Assignment a = null;
        UnitState changed;
        synchronized (this) {
            Instant now = clock.instant();
            Optional<Assignment> current = activeOf(unitId);
            switch (to) {
                case EN_ROUTE, ON_SCENE -> {
                    Assignment was = current.orElseThrow(() -> new DispatchConflictException(
                            "unit " + unit.callSign() + " has no assignment to be " + to + " for"));
                    if (to == UnitStatus.EN_ROUTE && was.state() == Assignment.State.ON_SCENE) {
                        throw new DispatchConflictException("unit " + unit.callSign() + " is already on scene");
                    }
                    a = to == UnitStatus.EN_ROUTE ? was.departed(by, now) : was.arrived(by, now);
                    keep(a);
                    incidentMove = to == UnitStatus.EN_ROUTE ? IncidentStatus.EN_ROUTE : IncidentStatus.ON_SCENE;
                    changed = setStatus(unitId, to, a.id(), by, reason, now);
                }
                case AVAILABLE, RETURNING, OUT_OF_SERVICE -> {
                    if (current.isPresent()) {
                        Assignment.State end = to == UnitStatus.OUT_OF_SERVICE ? Assignment.State.CANCELLED : Assignment.State.CLEARED;
                        a = end(current.get(), end, by, to == UnitStatus.OUT_OF_SERVICE ? "unit out of service" : reason, now);
                    }
                    changed = setStatus(unitId, to, null, by, reason, now);
                }
                default -> throw new DispatchConflictException(to + " is not set by hand: "
                        + (to == UnitStatus.DISPATCHED ? "assign the unit to an incident" : "it follows from GPS silence"));
            }
        }
        if (incidentMove != null) {
            incidents.advance(a.incident(), incidentMove, by, "unit " + unit.callSign() + " " + to);
        }
        return changed;
    }

    /** The dispatcher takes the unit off the incident; it becomes AVAILABLE and its officers are told. */
    public Assignment cancel(AssignmentId id, String by, String reason) {
        Assignment a;
        synchronized (this) {
            Instant now = clock.instant();
            a = end(activeAssignment(id), Assignment.State.CANCELLED, by, reason, now);
            setStatus(a.unitId(), UnitStatus.AVAILABLE, null, by, reason, now);
            deliver(alert("CANCEL", a, null, null));
        }
        return a;
    }

    /** The incident ended (resolved, withdrawn, unfounded): its units are released. */
    public List<Assignment> incidentEnded(IncidentId incident, IncidentStatus status, String by) {
        List<Assignment> released = new ArrayList<>();
        synchronized (this) {
            Instant now = clock.instant();
            for (Assignment a : List.copyOf(active.values())) {
                if (a.incident().equals(incident)) {
                    Assignment.State end = status == IncidentStatus.RESOLVED || status == IncidentStatus.CLOSED
                            ? Assignment.State.CLEARED : Assignment.State.CANCELLED;
                    Assignment ended = end(a, end, by, "incident " + status, now);
                    setStatus(a.unitId(), UnitStatus.AVAILABLE, null, by, "incident " + status, now);
                    if (end == Assignment.State.CANCELLED) {
                        deliver(alert("CANCEL", ended, null, null));
                    }
                    released.add(ended);
                }
            }
        }
        return released;
    }

    /** The timers: alerts nobody acknowledged (warn, propose the next unit) and GPS gone silent (OFFLINE). */
    public void tick() {
        Instant now = clock.instant();
        List<DispatchEvent> events = new ArrayList<>();
        synchronized (this) {
            for (Assignment a : List.copyOf(active.values())) {
                Duration waited = Duration.between(a.assignedAt(), now);
                if (a.state() == Assignment.State.ALERTED && a.acknowledgementOverdueAt() == null
                        && waited.compareTo(policy.acknowledgementTimeout()) >= 0) {
                    Assignment overdue = a.acknowledgementOverdue(now);
                    keep(overdue);
                    Optional<Recommendation.Candidate> next = incidents.target(a.incident())
                            .filter(t -> t.location().isPresent())
                            .flatMap(t -> recommender.recommend(t, Set.of(), now).units().stream().findFirst());
                    events.add(new DispatchEvent.AcknowledgementOverdue(overdue, waited, next, now));
                }
            }
        }
        for (UnitPositions.SilenceChange s : positions.silence(now, policy.offlineAfter())) {
            events.add(new DispatchEvent.UnitWentOffline(s.unitId(), s.lastSeen(), states.get(s.unitId()).status(), now));
        }
        events.forEach(this::emit);
    }

    // ---- queries ----

    /** The best units for the incident by ETA, and the available ones that cannot be ranked. */
    public Recommendation recommend(IncidentId incidentId) {
        DispatchTarget target = target(incidentId);
        if (target.location().isEmpty()) {
            throw new DispatchConflictException("incident " + incidentId + " has no location: pick one before asking for units");
        }
        Set<String> alreadySent = new HashSet<>();
        active.values().stream().filter(a -> a.incident().equals(incidentId)).forEach(a -> alreadySent.add(a.unitId()));
        return recommender.recommend(target, alreadySent, clock.instant());
    }

    public List<UnitView> units(Collection<StationId> stations) {
        Instant now = clock.instant();
        return roster.all().stream().filter(u -> stations.contains(u.station())).map(u -> view(u, now)).toList();
    }

    public Optional<UnitView> unitView(String unitId) {
        return roster.find(unitId).map(u -> view(u, clock.instant()));
    }

    public Optional<Assignment> assignment(AssignmentId id) {
        Assignment a = active.get(id);
        return a != null ? Optional.of(a) : store.find(id);
    }

    public Optional<Assignment> activeOf(String unitId) {
        UnitState s = states.get(unitId);
        return s == null || s.assignment() == null ? Optional.empty() : Optional.ofNullable(active.get(s.assignment()));
    }

    public List<Assignment> assignments(IncidentId incident) {
        return store.ofIncident(incident);
    }

    /** The incident's clock against the policy's on-scene target. */
    public IncidentClock clock(IncidentId incidentId) {
        return IncidentClock.of(target(incidentId), store.ofIncident(incidentId), policy.onSceneTarget(), clock.instant());
    }

    public UnitRoster roster() {
        return roster;
    }

    /** Where the incident is, for whoever drives there. */
    public Optional<GeoPoint> incidentLocation(IncidentId incident) {
        return incidents.target(incident).flatMap(DispatchTarget::location);
    }

    // ---- internals ----

    UnitStatus dutyStatus(String unitId) {
        UnitState s = states.get(unitId);
        return s == null ? UnitStatus.OUT_OF_SERVICE : s.status();
    }

    private boolean canBeSent(String unitId) {
        return dutyStatus(unitId) == UnitStatus.AVAILABLE;
    }

    private UnitView view(Unit u, Instant now) {
        UnitState s = states.get(u.id());
        Optional<NearestUnitIndex.Located> fix = positions.last(u.id());
        Optional<Instant> heard = positions.heardAt(u.id());
        UnitStatus effective = positions.isOffline(u.id()) ? UnitStatus.OFFLINE : s.status();
        Assignment a = s.assignment() == null ? null : active.get(s.assignment());
        return new UnitView(u.id(), u.callSign(), u.kind(), u.station(), effective, s.status(), s.since(),
                a == null ? null : a.id().value(), a == null ? null : a.incident().value(),
                fix.map(NearestUnitIndex.Located::latitude).orElse(null), fix.map(NearestUnitIndex.Located::longitude).orElse(null),
                fix.map(NearestUnitIndex.Located::fixTime).orElse(null), heard.orElse(null), heard.map(h -> Duration.between(h, now)).orElse(null));
    }

    private Unit unit(String unitId) {
        return roster.find(unitId).orElseThrow(() -> new NoSuchElementException("unknown unit " + unitId));
    }

    private DispatchTarget target(IncidentId id) {
        return incidents.target(id).orElseThrow(() -> new NoSuchElementException("unknown incident " + id));
    }

    private Assignment activeAssignment(AssignmentId id) {
        Assignment a = active.get(id);
        if (a == null) {
            throw store.find(id).<RuntimeException>map(done -> new DispatchConflictException("assignment " + id + " has ended (" + done.state() + ")"))
                    .orElseGet(() -> new NoSuchElementException("unknown assignment " + id));
        }
        return a;
    }

    private Assignment end(Assignment a, Assignment.State end, String by, String reason, Instant now) {
        Assignment ended = a.ended(end, by, reason, now);
        keep(ended);
        destinations.remove(a.unitId());
        emit(DispatchEvent.AssignmentEnded.of(ended, now));
        return ended;
    }

    private void keep(Assignment a) {
        store.save(a);
        if (a.isActive()) {
            active.put(a.id(), a);
        } else {
            active.remove(a.id());
        }
    }

    private UnitState setStatus(String unitId, UnitStatus to, AssignmentId assignment, String by, String reason, Instant now) {
        UnitState before = states.get(unitId);
        UnitState after = new UnitState(unitId, to, assignment, now, by);
        store.save(after);
        states.put(unitId, after);
        positions.availability(unitId, to == UnitStatus.AVAILABLE);
        if (before.status() != to) {
            emit(new DispatchEvent.UnitStatusChanged(unitId, before.status(), to, by, reason, assignment, now));
        }
        return after;
    }

    private UnitAlert alert(String kind, Assignment a, Double meters, Duration eta) {
        return alert(kind, a, meters, eta, incidents.target(a.incident()).orElse(null));
    }

    private UnitAlert alert(String kind, Assignment a, Double meters, Duration eta, DispatchTarget t) {
        Unit u = unit(a.unitId());
        GeoPoint p = t == null ? null : t.location().orElse(null);
        return new UnitAlert(kind, u.id(), u.callSign(), a.id().value(), a.incident().value(), t == null ? null : t.typeLabel(),
                t == null ? 0 : t.priority(), p == null ? null : p.latitude(), p == null ? null : p.longitude(), t == null ? null : t.address(),
                t == null ? null : t.description(), meters, eta == null ? null : eta.toSeconds(), clock.instant());
    }

    private List<String> deliver(UnitAlert alert) {
        List<String> delivered = new ArrayList<>();
        for (AlertChannel channel : channels) {
            try {
                if (channel.deliver(alert)) {
                    delivered.add(channel.name());
                }
            } catch (RuntimeException e) {
                // one broken channel must not stop the others; the acknowledgement timer covers the rest
            }
        }
        return delivered;
    }

    private void emit(DispatchEvent event) {
        for (Consumer<DispatchEvent> l : listeners) {
            l.accept(event);
        }
    }
}
