package id.siaga.incident;

import id.siaga.location.JurisdictionIndex;
import id.siaga.org.GeoPoint;
import id.siaga.org.StationId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The incident service the API and dispatch use: opens incidents (responsible station = jurisdiction of the
 * location, whoever took the report), flags possible duplicates, and moves incidents on. Every change is stored
 * over the version it was made to (a lost race is an {@link IncidentConflictException}) and then told to the
 * listeners, which journal it and let dispatch react.
 */
public final class Incidents {

    private static final System.Logger log = System.getLogger(Incidents.class.getName());
    /** Field progress that dispatch drives, in order. */
    private static final List<IncidentStatus> FIELD = List.of(IncidentStatus.DISPATCHED, IncidentStatus.EN_ROUTE, IncidentStatus.ON_SCENE);
    /** How often a field update is retried when it keeps losing races to other changes of the same incident. */
    private static final int FIELD_ATTEMPTS = 5;

    /** A new incident and the open incidents it may duplicate, nearest first. */
    public record Created(Incident incident, List<Incident> possibleDuplicates) {
        public Created {
            possibleDuplicates = List.copyOf(possibleDuplicates);
        }
    }

    /** The two sides of a merge, as they are afterwards. */
    public record Merged(Incident merged, Incident survivor) {
    }

    private final IncidentStore store;
    private final JurisdictionIndex jurisdictions;
    private final DuplicatePolicy duplicates;
    private final Clock clock;
    private final List<Consumer<IncidentEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<IncidentEvent>> clusterListeners = new CopyOnWriteArrayList<>();

    public Incidents(IncidentStore store, JurisdictionIndex jurisdictions, DuplicatePolicy duplicates, Clock clock) {
        this.store = store;
        this.jurisdictions = jurisdictions;
        this.duplicates = duplicates;
        this.clock = clock;
    }

    /**
     * Told every change made on this node once it is stored, on the thread that made it: the journal, dispatch's reactions,
     * the other nodes of a cluster. A listener that throws does not undo the change.
     */
    public void addListener(Consumer<IncidentEvent> listener) {
        listeners.add(listener);
    }

    /**
     * Told every change made on any node of the cluster: this node's after its {@link #addListener listeners}, the other
     * nodes' as they arrive ({@link #changedOnAnotherNode}). For views, such as the consoles' stream; without a cluster,
     * this node's changes.
     */
    public void addClusterListener(Consumer<IncidentEvent> listener) {
        clusterListeners.add(listener);
    }

    /**
     * A change another node of the cluster made and stored (and journalled, and reacted to): told to the cluster listeners
     * only, so nothing is journalled or done twice.
     */
    public void changedOnAnotherNode(IncidentEvent event) {
        tell(clusterListeners, event);
    }

    public DuplicatePolicy duplicatePolicy() {
        return duplicates;
    }

    /**
     * Opens an incident taken by {@code actor} of {@code takingStation}. The responsible station is the jurisdiction
     * of the location, or the taking station when there is none (only types that need no units may have none).
     * Possible duplicates are flagged, never refused.
     */
    public Created create(NewIncident draft, String actor, StationId takingStation) {
        Instant now = now();
        StationId responsible = draft.location() == null ? takingStation
                : jurisdictions.locate(draft.location().point().latitude(), draft.location().point().longitude()).station();
        List<Incident> similar = draft.location() == null ? List.of() : possibleDuplicates(draft.type(), draft.location().point(), now);
        Incident incident = Incident.open(IncidentId.random(), draft, responsible, takingStation, actor, now);
        store.add(incident);
        tell(new IncidentCreated(incident, actor, now));
        if (!similar.isEmpty()) {
            tell(new PossibleDuplicatesFlagged(incident, similar.stream().map(Incident::id).toList(), duplicates.distanceMeters(),
                    duplicates.window(), now));
        }
        return new Created(incident, similar);
    }

    public Optional<Incident> find(IncidentId id) {
        return store.find(id);
    }

    /** @throws NoSuchElementException when there is no such incident */
    public Incident existing(IncidentId id) {
        return store.find(id).orElseThrow(() -> new NoSuchElementException("no incident " + id));
    }

    public Incident addNote(IncidentId id, String author, String text) {
        Incident next = existing(id).addNote(author, text, now());
        save(next);
        tell(new IncidentNoteAdded(next, next.notes().get(next.notes().size() - 1)));
        return next;
    }

    /** Sets another priority; setting the one it has changes nothing. */
    public Incident changePriority(IncidentId id, int priority, String actor) {
        return changePriority(id, priority, actor, null);
    }

    /**
     * The same, made by someone looking at {@code seenVersion} of the incident (null: whatever it is now).
     *
     * @throws IncidentConflictException when the incident changed since that version
     */
    public Incident changePriority(IncidentId id, int priority, String actor, Long seenVersion) {
        Incident current = asSeen(existing(id), seenVersion);
        if (current.priority() == priority) {
            return current;
        }
        Incident next = current.changePriority(priority, actor);
        save(next);
        tell(new IncidentPriorityChanged(next, current.priority(), priority, actor, now()));
        return next;
    }

    /** @throws IncidentConflictException for a move the incident's status does not allow, or when it changed meanwhile */
    public Incident moveTo(IncidentId id, IncidentStatus to, String actor, String reason) {
        return moveTo(id, to, actor, reason, null);
    }

    /**
     * The same, made by someone looking at {@code seenVersion} of the incident (null: whatever it is now): a dispatcher
     * who resolves an incident must not overrule a change they have not seen.
     *
     * @throws IncidentConflictException also when the incident changed since that version
     */
    public Incident moveTo(IncidentId id, IncidentStatus to, String actor, String reason, Long seenVersion) {
        Incident current = asSeen(existing(id), seenVersion);
        Instant now = now();
        Incident next = current.moveTo(to, actor, reason, now);
        save(next);
        tell(new IncidentStatusChanged(next, current.status(), to, actor, reason, now));
        return next;
    }

    /**
     * Field progress reported by units (DISPATCHED, EN_ROUTE, ON_SCENE). Only ever forward: a status the incident
     * already passed, or is in, changes nothing, and an incident that is over is left alone; both return the
     * incident as it is. A move that loses a race to another change is tried again on the fresh incident.
     */
    public Incident advanceByField(IncidentId id, IncidentStatus to, String actor, String reason) {
        if (!FIELD.contains(to)) {
            throw new IllegalArgumentException("field progress is one of " + FIELD + ", not " + to);
        }
        for (int attempt = 1; ; attempt++) {
            Incident current = existing(id);
            if (current.status().isFinal() || current.status().ordinal() >= to.ordinal()) {
                return current;
            }
            Instant now = now();
            Incident next = current.moveTo(to, actor, reason, now);
            if (store.update(List.of(next))) {
                tell(new IncidentStatusChanged(next, current.status(), to, actor, reason, now));
                return next;
            }
            if (attempt == FIELD_ATTEMPTS) {
                throw lostRace(id);
            }
        }
    }

    /** Links two incidents both ways; linking linked ones changes nothing. Returns {@code id} as it is afterwards. */
    public Incident link(IncidentId id, IncidentId other, String actor) {
        Incident a = existing(id);
        Incident b = existing(other);
        Incident a2 = a.linkTo(b.id());
        Incident b2 = b.linkTo(a.id());
        if (a2 == a && b2 == b) {
            return a;
        }
        List<Incident> changed = a2 == a ? List.of(b2) : b2 == b ? List.of(a2) : List.of(a2, b2);
        if (!store.update(changed)) {
            throw lostRace(id);
        }
        tell(new IncidentsLinked(a2, b2, actor, now()));
        return a2;
    }

    /**
     * {@code duplicate} was a second report of {@code survivor}'s event: it ends CANCELLED ("merged into …"), both
     * are linked and the survivor gets a note. Both change together or neither does.
     */
    public Merged merge(IncidentId duplicate, IncidentId survivor, String actor) {
        Incident d = existing(duplicate);
        Incident s = existing(survivor);
        Instant now = now();
        Incident merged = d.mergeInto(s, actor, now);
        Incident kept = s.absorb(d, actor, now);
        if (!store.update(List.of(merged, kept))) {
            throw lostRace(duplicate);
        }
        tell(new IncidentStatusChanged(merged, d.status(), merged.status(), actor, merged.statusReason().orElse(null), now));
        tell(new IncidentMerged(merged, kept, actor, now));
        return new Merged(merged, kept);
    }

    /** Open incidents that a report of {@code type} at {@code where}, made at {@code at}, may duplicate; nearest first. */
    public List<Incident> possibleDuplicates(IncidentType type, GeoPoint where, Instant at) {
        return store.openNear(type.related(), duplicates.searchBox(where), at.minus(duplicates.window()), at.plus(duplicates.window()))
                .stream().filter(c -> duplicates.matches(c, type, where, at))
                .sorted(Comparator.comparingDouble((Incident c) -> DuplicatePolicy.distanceMeters(c, where)).thenComparing(Incident::createdAt))
                .toList();
    }

    /** The same for a report being written now: the console's live warning while the form is filled in. */
    public List<Incident> possibleDuplicates(IncidentType type, GeoPoint where) {
        return possibleDuplicates(type, where, now());
    }

    /** The open incidents {@code incident} may duplicate, apart from itself and those it is already linked to. */
    public List<Incident> possibleDuplicatesOf(Incident incident) {
        return incident.location().map(l -> possibleDuplicates(incident.type(), l.point(), incident.createdAt()).stream()
                .filter(c -> !c.id().equals(incident.id()) && !incident.links().contains(c.id())).toList()).orElse(List.of());
    }

    /** Incidents that these stations are responsible for or took, as the filter says, newest first. */
    public List<Incident> atStations(Collection<StationId> stations, IncidentFilter filter, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000, got " + limit);
        }
        return store.atStations(stations, filter, limit);
    }

    private static Incident asSeen(Incident current, Long seenVersion) {
        if (seenVersion != null && current.version() != seenVersion) {
            throw new IncidentConflictException("incident " + current.id() + " was changed by someone else since version " + seenVersion
                    + " (it is now " + current.status() + ", priority " + current.priority() + ", version " + current.version()
                    + "); look again and retry");
        }
        return current;
    }

    private void save(Incident next) {
        if (!store.update(List.of(next))) {
            throw lostRace(next.id());
        }
    }

    private IncidentConflictException lostRace(IncidentId id) {
        Incident now = existing(id);
        return new IncidentConflictException("incident " + id + " was changed by someone else meanwhile (it is now " + now.status()
                + ", version " + now.version() + "); look again and retry");
    }

    private Instant now() {
        // the stores keep microseconds; so does everything the service hands out
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void tell(IncidentEvent event) {
        tell(listeners, event);
        tell(clusterListeners, event);
    }

    private static void tell(List<Consumer<IncidentEvent>> to, IncidentEvent event) {
        for (Consumer<IncidentEvent> l : to) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                log.log(System.Logger.Level.ERROR, "incident listener failed on " + event.type() + " of " + event.incident().id(), e);
            }
        }
    }
}
