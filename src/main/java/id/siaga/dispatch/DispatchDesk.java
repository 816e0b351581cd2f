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
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Sending units: who can go (status, GPS), which to send (by ETA), the alert, the officer's acknowledgement
 * and the unit's progress, which moves the incident forward. Decisions take the injected clock's time; the
 * app calls {@link #tick()} every second for the two timers (unacknowledged alerts, silent GPS).
 *
 * <p>State changes are serialised on the desk; positions arrive on ingestion threads and only touch the
 * lock-free {@link UnitPositions}, unless a dispatched unit reaches its incident.
 *
 * <p><b>In a cluster</b> every node has a desk over the one {@link DispatchStore}, the truth. Each desk keeps a copy of
 * the units' states and active assignments ({@link DispatchBook}) because the GPS path and the unit board read them
 * thousands of times a second, and the store could not answer that; the copy is not trusted for changes. A command (send,
 * acknowledge, a status, cancel) reads its unit again from the store first, decides on that, and stores its change only
 * over the versions it read: of two nodes changing one unit at once, one wins and the other's command fails with a
 * {@link DispatchConflictException} (409) and reads the unit again, never overwriting. The copy follows the other nodes'
 * changes through their events ({@link #changedOnAnotherNode}), which make this desk read the unit again from the store
 * (not apply the event's content: whatever order events arrive in, the copy ends at what is stored). Reading through for
 * every read instead would put a query in every GPS fix; applying events alone would let a late event decide a command.
 *
 * <p>Timers belong to one node: an assignment's acknowledgement timeout to the node that made it ({@link Assignment#node()}),
 * a unit's GPS silence to the node that received its last fix. When a node is lost another takes its timers over
 * ({@link #takeOverTimers}).
 */
public final class DispatchDesk implements PositionListener {

    private final UnitRoster roster;
    private final IncidentProgress incidents;
    private final DispatchStore store;
    private final UnitAlerts alerts;
    private final Recommender recommender;
    private final DispatchPolicy policy;
    private final Clock clock;
    private final String node;
    private final UnitPositions positions;
    private final DispatchBook book;
    private final List<Consumer<DispatchEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<DispatchEvent>> clusterListeners = new CopyOnWriteArrayList<>();

    /** @param node this node's id in the cluster ({@code siaga-1} for a single server): whose timers are whose */
    public DispatchDesk(UnitRoster roster, IncidentProgress incidents, DispatchStore store, List<AlertChannel> channels, EtaEstimator eta,
                        DispatchPolicy policy, NearestUnitIndex index, Clock clock, String node) {
        this.roster = roster;
        this.incidents = incidents;
        this.store = store;
        this.alerts = new UnitAlerts(roster, incidents, channels, clock);
        this.policy = policy;
        this.clock = clock;
        this.node = node;
        this.positions = new UnitPositions(index, roster.all());
        this.recommender = new Recommender(roster, positions, eta, policy, this::dutyStatus);
        this.book = new DispatchBook(store, incidents, roster, clock.instant());
    }

    /** Told of every change made on this node, on the thread that made it: the journal, reactions, the other nodes. */
    public void addListener(Consumer<DispatchEvent> listener) {
        listeners.add(listener);
    }

    /**
     * Told of every change made on any node of the cluster (this one's as they happen, the others' as they arrive), once
     * this desk's copy follows it: for views, such as the consoles' stream. Without a cluster, this node's changes.
     */
    public void addClusterListener(Consumer<DispatchEvent> listener) {
        clusterListeners.add(listener);
    }

    /** Adds a way to reach officers (channels that start after the desk, such as the officer app's WebSocket). */
    public void addChannel(AlertChannel channel) {
        alerts.add(channel);
    }

    // ---- positions (ingestion threads) ----

    @Override
    public void positionAccepted(Position p) {
        if (!moved(p, node)) {
            return;
        }
        GeoPoint destination = book.destination(p.unitId());
        if (destination != null) {
            double meters = id.siaga.location.Geodesy.distanceMeters(p.latitude(), p.longitude(), destination.latitude(), destination.longitude());
            if (meters <= policy.arrivalRadiusMeters()) {
                proposeOnScene(p.unitId(), meters);
            }
        }
    }

    /** Another node's fix moves the unit here too; that node announces its return and proposes its arrival. */
    @Override
    public void positionShared(Position p, String receivedBy) {
        moved(p, receivedBy);
    }

    private boolean moved(Position p, String receivedBy) {
        Optional<Unit> unit = roster.find(p.unitId());
        if (unit.isEmpty()) {
            return false;
        }
        NearestUnitIndex.Located fix = new NearestUnitIndex.Located(p.unitId(), unit.get().kind(), p.latitude(), p.longitude(), p.fixTime());
        Instant received = p.receivedAt() != null ? p.receivedAt() : clock.instant();
        Optional<UnitPositions.SilenceChange> back = positions.update(fix, received, receivedBy);
        if (receivedBy.equals(node)) {
            back.ifPresent(b -> emit(new DispatchEvent.UnitBackOnline(b.unitId(), b.silentFor(), received)));
        }
        positions.availability(p.unitId(), canBeSent(p.unitId()));
        // a status change may have raced this fix: follow the status as it is now
        positions.availability(p.unitId(), canBeSent(p.unitId()));
        return true;
    }

    private synchronized void proposeOnScene(String unitId, double meters) {
        Optional<Assignment> current = book.activeOf(unitId);
        if (current.isEmpty() || current.get().onSceneProposedAt() != null || current.get().state() == Assignment.State.ON_SCENE) {
            return;
        }
        Assignment a = current.get().onSceneProposed(clock.instant());
        try {
            book.commit(List.of(), List.of(a));
        } catch (DispatchConflictException changed) {
            return; // changed on another node meanwhile (the book has read it again): the next fix decides again
        }
        alerts.deliver(alerts.alert("ON_SCENE_PROPOSED", a, meters, null));
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
            UnitState state = book.refresh(unitId);
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
            a = Assignment.alerted(AssignmentId.random(), unitId, incidentId, by, now, meters, eta, node);
            UnitState next = state.next(UnitStatus.DISPATCHED, a.id(), now, by);
            book.commit(List.of(next), List.of(a));
            statusChanged(state, next, "sent to incident " + incidentId);
            via = alerts.deliver(alerts.alert("DISPATCH", a, meters, eta, target));
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
            book.commit(List.of(), List.of(a));
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
            UnitState state = book.refresh(unitId);
            Optional<Assignment> current = book.activeOf(unitId);
            switch (to) {
                case EN_ROUTE, ON_SCENE -> {
                    Assignment was = current.orElseThrow(() -> new DispatchConflictException(
                            "unit " + unit.callSign() + " has no assignment to be " + to + " for"));
                    if (to == UnitStatus.EN_ROUTE && was.state() == Assignment.State.ON_SCENE) {
                        throw new DispatchConflictException("unit " + unit.callSign() + " is already on scene");
                    }
                    a = to == UnitStatus.EN_ROUTE ? was.departed(by, now) : was.arrived(by, now);
                    changed = state.next(to, a.id(), now, by);
                    book.commit(List.of(changed), List.of(a));
                    incidentMove = to == UnitStatus.EN_ROUTE ? IncidentStatus.EN_ROUTE : IncidentStatus.ON_SCENE;
                    statusChanged(state, changed, reason);
                }
                case AVAILABLE, RETURNING, OUT_OF_SERVICE -> {
                    changed = state.next(to, null, now, by);
                    if (current.isPresent()) {
                        Assignment.State end = to == UnitStatus.OUT_OF_SERVICE ? Assignment.State.CANCELLED : Assignment.State.CLEARED;
                        a = current.get().ended(end, by, to == UnitStatus.OUT_OF_SERVICE ? "unit out of service" : reason, now);
                        book.commit(List.of(changed), List.of(a));
                        emit(DispatchEvent.AssignmentEnded.of(a, now));
                    } else {
                        book.commit(List.of(changed), List.of());
                    }
                    statusChanged(state, changed, reason);
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
        synchronized (this) {
            return release(activeAssignment(id), Assignment.State.CANCELLED, by, reason);
        }
    }

    /** The incident ended (resolved, withdrawn, unfounded): its units are released, as stored (whichever node sent them). */
    public List<Assignment> incidentEnded(IncidentId incident, IncidentStatus status, String by) {
        List<Assignment> released = new ArrayList<>();
        Assignment.State end = status == IncidentStatus.RESOLVED || status == IncidentStatus.CLOSED ? Assignment.State.CLEARED : Assignment.State.CANCELLED;
        for (Assignment stored : store.ofIncident(incident)) {
            for (int attempt = 1; stored.isActive(); attempt++) {
                synchronized (this) {
                    try {
                        book.refresh(stored.unitId());
                        Optional<Assignment> current = book.active(stored.id());
                        if (current.isPresent()) {
                            released.add(release(current.get(), end, by, "incident " + status));
                        }
                        break;
                    } catch (DispatchConflictException changed) {
                        if (attempt == 3) {
                            throw changed;
                        }
                    }
                }
            }
        }
        return released;
    }

    /** Ends the assignment and makes its unit AVAILABLE, in one change; a cancelled one tells the officers. Under the lock. */
    private Assignment release(Assignment a, Assignment.State end, String by, String reason) {
        Instant now = clock.instant();
        UnitState state = book.state(a.unitId());
        Assignment ended = a.ended(end, by, reason, now);
        UnitState next = state.next(UnitStatus.AVAILABLE, null, now, by);
        book.commit(List.of(next), List.of(ended));
        emit(DispatchEvent.AssignmentEnded.of(ended, now));
        statusChanged(state, next, reason);
        if (end == Assignment.State.CANCELLED) {
            alerts.deliver(alerts.alert("CANCEL", ended, null, null));
        }
        return ended;
    }

    /**
     * The timers: alerts nobody acknowledged (warn, propose the next unit), for the assignments whose timers are this
     * node's, and GPS gone silent (OFFLINE), announced for the units whose last fix this node received. A step another
     * node took meanwhile wins; its timer is looked at again at the next tick.
     */
    public void tick() {
        Instant now = clock.instant();
        List<DispatchEvent> events = new ArrayList<>();
        synchronized (this) {
            for (Assignment a : book.active()) {
                Duration waited = Duration.between(a.assignedAt(), now);
                if (a.node().equals(node) && a.state() == Assignment.State.ALERTED && a.acknowledgementOverdueAt() == null
                        && waited.compareTo(policy.acknowledgementTimeout()) >= 0) {
                    Assignment overdue = a.acknowledgementOverdue(now);
                    try {
                        book.commit(List.of(), List.of(overdue));
                    } catch (DispatchConflictException changed) {
                        continue;
                    }
                    Optional<Recommendation.Candidate> next = incidents.target(a.incident())
                            .filter(t -> t.location().isPresent())
                            .flatMap(t -> recommender.recommend(t, Set.of(), now).units().stream().findFirst());
                    events.add(new DispatchEvent.AcknowledgementOverdue(overdue, waited, next, now));
                }
            }
        }
        for (UnitPositions.SilenceChange s : positions.silence(now, policy.offlineAfter())) {
            if (positions.heardBy(s.unitId()).orElse(node).equals(node)) {
                events.add(new DispatchEvent.UnitWentOffline(s.unitId(), s.lastSeen(), book.state(s.unitId()).status(), now));
            }
        }
        events.forEach(this::emit);
    }

    // ---- the other nodes of a cluster ----

    /**
     * Another node changed a unit (its event, as that node's listeners heard it): this desk reads the unit again from the
     * store, alerts the officers whose app is connected to this node, then tells its cluster listeners. Nothing is
     * journalled or published again: that node did.
     */
    public void changedOnAnotherNode(DispatchEvent event) {
        if (!(event instanceof DispatchEvent.UnitWentOffline) && !(event instanceof DispatchEvent.UnitBackOnline) && roster.isUnit(event.unitId())) {
            synchronized (this) {
                book.refresh(event.unitId());
                positions.availability(event.unitId(), canBeSent(event.unitId()));
            }
            alerts.deliverFromAnotherNode(event);
        }
        for (Consumer<DispatchEvent> l : clusterListeners) {
            l.accept(event);
        }
    }

    /**
     * Node {@code lost} is gone: the acknowledgement timeouts of its active assignments run here from now on (an alert it
     * sent and nobody acknowledged still warns), and so does the silence of the units it heard last. Returns the
     * assignments taken over.
     */
    public List<Assignment> takeOverTimers(String lost) {
        List<Assignment> taken = store.takeOverTimers(lost, node);
        synchronized (this) {
            for (Assignment a : taken) {
                book.refresh(a.unitId());
                positions.availability(a.unitId(), canBeSent(a.unitId()));
            }
        }
        positions.adopt(lost, node);
        return taken;
    }

    // ---- queries ----

    /** The best units for the incident by ETA, and the available ones that cannot be ranked. */
    public Recommendation recommend(IncidentId incidentId) {
        DispatchTarget target = target(incidentId);
        if (target.location().isEmpty()) {
            throw new DispatchConflictException("incident " + incidentId + " has no location: pick one before asking for units");
        }
        Set<String> alreadySent = new HashSet<>();
        book.active().stream().filter(a -> a.incident().equals(incidentId)).forEach(a -> alreadySent.add(a.unitId()));
        return recommender.recommend(target, alreadySent, clock.instant());
    }

    public List<UnitView> units(Collection<StationId> stations) {
        Instant now = clock.instant();
        return roster.all().stream().filter(u -> stations.contains(u.station())).map(u -> view(u, now)).toList();
    }

    public Optional<UnitView> unitView(String unitId) {
        return roster.find(unitId).map(u -> view(u, clock.instant()));
    }

    /** The assignment as stored (made on this node or another). */
    public Optional<Assignment> assignment(AssignmentId id) {
        return store.find(id);
    }

    public Optional<Assignment> activeOf(String unitId) {
        return book.activeOf(unitId);
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
        UnitState s = book.state(unitId);
        return s == null ? UnitStatus.OUT_OF_SERVICE : s.status();
    }

    private boolean canBeSent(String unitId) {
        return dutyStatus(unitId) == UnitStatus.AVAILABLE;
    }

    private UnitView view(Unit u, Instant now) {
        return positions.view(u, book.state(u.id()), book.activeOf(u.id()).orElse(null), now);
    }

    private Unit unit(String unitId) {
        return roster.find(unitId).orElseThrow(() -> new NoSuchElementException("unknown unit " + unitId));
    }

    private DispatchTarget target(IncidentId id) {
        return incidents.target(id).orElseThrow(() -> new NoSuchElementException("unknown incident " + id));
    }

    /** The assignment as stored, its unit read again: active, or the reason it cannot be worked. Under the lock. */
    private Assignment activeAssignment(AssignmentId id) {
        Assignment stored = store.find(id).orElseThrow(() -> new NoSuchElementException("unknown assignment " + id));
        book.refresh(stored.unitId());
        return book.active(id).orElseThrow(() -> new DispatchConflictException("assignment " + id + " has ended ("
                + store.find(id).map(Assignment::state).orElse(stored.state()) + ")"));
    }

    /** After a stored change of the unit's state: the index follows, and a new status is told. */
    private void statusChanged(UnitState before, UnitState after, String reason) {
        positions.availability(after.unitId(), after.status() == UnitStatus.AVAILABLE);
        if (before.status() != after.status()) {
            emit(new DispatchEvent.UnitStatusChanged(after.unitId(), before.status(), after.status(), after.by(), reason, after.assignment(),
                    after.since()));
        }
    }

    private void emit(DispatchEvent event) {
        for (Consumer<DispatchEvent> l : listeners) {
            l.accept(event);
        }
        for (Consumer<DispatchEvent> l : clusterListeners) {
            l.accept(event);
        }
    }
}
