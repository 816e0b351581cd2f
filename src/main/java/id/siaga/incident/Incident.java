package id.siaga.incident;

import id.siaga.org.StationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One incident ("laporan"): what happened, where, who reported it and how, which station answers for it and how
 * far it has come. Immutable: every verb returns the incident as it is afterwards, one {@link #version()}
 * further, so a store can refuse a change made to a version somebody else already changed. Notes, status steps
 * and links are only ever added.
 * <p>
 * The responsible {@link #station()} is the jurisdiction of the incident's location, whoever took the report;
 * the {@link #takingStation()} is the station of whoever took it. Both see the incident.
 */
public final class Incident {

    /**
     * Everything an incident is, as stores keep it. {@code location}, {@code address}, {@code description}, the
     * caller, {@code callId}, {@code callAnsweredAt} and {@code mergedInto} may be null; {@code history} starts
     * with NEW at {@code createdAt}.
     */
    public record Snapshot(IncidentId id, long version, IncidentType type, int priority, IncidentLocation location, String address,
                           String description, String callerNumber, String callerName, Channel channel, String callId,
                           Instant callAnsweredAt, StationId station, StationId takingStation, Instant createdAt, String createdBy,
                           List<StatusChange> history, List<IncidentNote> notes, List<IncidentId> links, IncidentId mergedInto) {

        public Snapshot {
            if (id == null || type == null || channel == null || station == null || takingStation == null || createdAt == null
                    || createdBy == null || history == null || notes == null || links == null) {
                throw new IllegalArgumentException("incident snapshot is missing a required part");
            }
            if (version < 1) {
                throw new IllegalArgumentException("incident version starts at 1, got " + version);
            }
            requirePriority(priority);
            if (history.isEmpty() || history.get(0).status() != IncidentStatus.NEW) {
                throw new IllegalArgumentException("incident " + id + ": its history must start with NEW");
            }
            history = List.copyOf(history);
            notes = List.copyOf(notes);
            links = List.copyOf(links);
        }
    }

    private final Snapshot s;

    private Incident(Snapshot s) {
        this.s = s;
    }

    /** An incident as a store kept it. */
    public static Incident restore(Snapshot snapshot) {
        return new Incident(snapshot);
    }

    /** A new incident, status NEW, version 1. */
    static Incident open(IncidentId id, NewIncident draft, StationId responsible, StationId taking, String actor, Instant at) {
        requireActor(actor);
        return new Incident(new Snapshot(id, 1, draft.type(), draft.startingPriority(), draft.location(), draft.address(),
                draft.description(), draft.callerNumber(), draft.callerName(), draft.channel(), draft.callId(), draft.callAnsweredAt(),
                responsible, taking, at, actor, List.of(new StatusChange(IncidentStatus.NEW, at, actor, null)), List.of(), List.of(), null));
    }

    static int requirePriority(int priority) {
        if (priority < 1 || priority > 5) {
            throw new IllegalArgumentException("priority must be 1 (most urgent) to 5, got " + priority);
        }
        return priority;
    }

    private static void requireActor(String actor) {
        Texts.required("actor", actor, Texts.MAX_ACTOR);
    }

    // ---- verbs -------------------------------------------------------------------------------------------

    /** Appends a note. Notes may be added at any status: a follow-up after closing belongs with the incident. */
    public Incident addNote(String author, String text, Instant at) {
        requireActor(author);
        List<IncidentNote> notes = new ArrayList<>(s.notes());
        notes.add(new IncidentNote(author, at, text));
        return next(s.priority(), s.history(), notes, s.links(), s.mergedInto());
    }

    /** Sets the priority the operator judges right; an incident that is over keeps the one it had. */
    public Incident changePriority(int priority, String actor) {
        requireActor(actor);
        requirePriority(priority);
        if (status().isFinal()) {
            throw new IncidentConflictException("incident " + id() + " is " + status() + ": its priority no longer changes");
        }
        return next(priority, s.history(), s.notes(), s.links(), s.mergedInto());
    }

    /**
     * Moves the incident on. Only the moves {@link IncidentStatus#canMoveTo} allows are taken; withdrawing
     * (CANCELLED, UNFOUNDED) and reopening (back to NEW) need a reason.
     *
     * @throws IncidentConflictException for a move the current status does not allow
     */
    public Incident moveTo(IncidentStatus to, String actor, String reason, Instant at) {
        requireActor(actor);
        if (!status().canMoveTo(to)) {
            throw new IncidentConflictException("incident " + id() + " is " + status() + " and cannot move to " + to
                    + (status().isFinal() ? " (it is over)" : "; it may move to " + status().next()));
        }
        if ((to == IncidentStatus.CANCELLED || to == IncidentStatus.UNFOUNDED || to == IncidentStatus.NEW) && Texts.optional("reason",
                reason, Texts.MAX_REASON) == null) {
            throw new IllegalArgumentException((to == IncidentStatus.NEW ? "reopening" : "moving to " + to) + " needs a reason");
        }
        List<StatusChange> history = new ArrayList<>(s.history());
        history.add(new StatusChange(to, at, actor, reason));
        return next(s.priority(), history, s.notes(), s.links(), s.mergedInto());
    }

    /** Records that {@code other} concerns the same event or caller; linking twice changes nothing. */
    public Incident linkTo(IncidentId other) {
        if (other.equals(id())) {
            throw new IllegalArgumentException("incident " + id() + " cannot be linked to itself");
        }
        if (s.links().contains(other)) {
            return this;
        }
        List<IncidentId> links = new ArrayList<>(s.links());
        links.add(other);
        return next(s.priority(), s.history(), s.notes(), links, s.mergedInto());
    }

    /**
     * This incident was a second report of {@code survivor}'s event: it ends CANCELLED with the reason "merged into
     * X", linked to the survivor. Its notes stay where they are.
     *
     * @throws IncidentConflictException when this incident can no longer be cancelled or the survivor is over
     */
    public Incident mergeInto(Incident survivor, String actor, Instant at) {
        if (survivor.id().equals(id())) {
            throw new IllegalArgumentException("incident " + id() + " cannot be merged into itself");
        }
        if (survivor.status().isFinal()) {
            throw new IncidentConflictException("incident " + survivor.id() + " is " + survivor.status() + ": nothing can be merged into it");
        }
        if (!status().canMoveTo(IncidentStatus.CANCELLED)) {
            throw new IncidentConflictException("incident " + id() + " is " + status() + " and cannot be merged into another");
        }
        Incident cancelled = moveTo(IncidentStatus.CANCELLED, actor, "merged into " + survivor.id(), at).linkTo(survivor.id());
        return new Incident(copy(cancelled.s, s.version() + 1, s.priority(), cancelled.s.history(), s.notes(), cancelled.s.links(),
                survivor.id()));
    }

    /** The survivor's side of a merge: a note saying what was merged in, and the link. */
    public Incident absorb(Incident merged, String actor, Instant at) {
        String note = "merged in: incident " + merged.id() + " (" + merged.type().label()
                + (merged.description().isEmpty() ? "" : ": " + merged.description()) + ")";
        if (note.length() > IncidentNote.MAX_TEXT) {
            note = note.substring(0, IncidentNote.MAX_TEXT - 1) + "…";
        }
        Incident noted = addNote(actor, note, at).linkTo(merged.id());
        return new Incident(copy(noted.s, s.version() + 1, s.priority(), noted.s.history(), noted.s.notes(), noted.s.links(), s.mergedInto()));
    }

    private Incident next(int priority, List<StatusChange> history, List<IncidentNote> notes, List<IncidentId> links, IncidentId mergedInto) {
        return new Incident(copy(s, s.version() + 1, priority, history, notes, links, mergedInto));
    }

    private static Snapshot copy(Snapshot s, long version, int priority, List<StatusChange> history, List<IncidentNote> notes,
                                 List<IncidentId> links, IncidentId mergedInto) {
        return new Snapshot(s.id(), version, s.type(), priority, s.location(), s.address(), s.description(), s.callerNumber(),
                s.callerName(), s.channel(), s.callId(), s.callAnsweredAt(), s.station(), s.takingStation(), s.createdAt(), s.createdBy(),
                history, notes, links, mergedInto);
    }

    // ---- what it is --------------------------------------------------------------------------------------

    public Snapshot snapshot() {
        return s;
    }

    public IncidentId id() {
        return s.id();
    }

    /** Bumped by every change; a store keeps a change only if it was made to the version it holds. */
    public long version() {
        return s.version();
    }

    public IncidentType type() {
        return s.type();
    }

    /** 1 (most urgent) to 5. */
    public int priority() {
        return s.priority();
    }

    public IncidentStatus status() {
        return s.history().get(s.history().size() - 1).status();
    }

    /** Why the incident has its current status (e.g. "merged into X"), when a reason was given. */
    public Optional<String> statusReason() {
        return Optional.ofNullable(s.history().get(s.history().size() - 1).reason());
    }

    public Optional<IncidentLocation> location() {
        return Optional.ofNullable(s.location());
    }

    /** The address as the caller or reporter gave it; empty when none was. */
    public String address() {
        return s.address() == null ? "" : s.address();
    }

    /** What happened, in the taker's words; empty when nothing was written. */
    public String description() {
        return s.description() == null ? "" : s.description();
    }

    public Optional<String> callerNumber() {
        return Optional.ofNullable(s.callerNumber());
    }

    public Optional<String> callerName() {
        return Optional.ofNullable(s.callerName());
    }

    public Channel channel() {
        return s.channel();
    }

    public Optional<String> callId() {
        return Optional.ofNullable(s.callId());
    }

    /** When the 110 call that reported it was answered: where the on-scene clock starts for a call. */
    public Optional<Instant> callAnsweredAt() {
        return Optional.ofNullable(s.callAnsweredAt());
    }

    /** The responsible station: the jurisdiction of the location (the taking station's when there is none). */
    public StationId station() {
        return s.station();
    }

    /** The station of whoever took the report. */
    public StationId takingStation() {
        return s.takingStation();
    }

    public Instant createdAt() {
        return s.createdAt();
    }

    public String createdBy() {
        return s.createdBy();
    }

    /** When the incident first reached {@code status}; empty if it never did. A reopened incident keeps its first times. */
    public Optional<Instant> reachedAt(IncidentStatus status) {
        return s.history().stream().filter(c -> c.status() == status).map(StatusChange::at).findFirst();
    }

    /** Every status step, oldest first, starting with NEW at creation. */
    public List<StatusChange> history() {
        return s.history();
    }

    /** Notes, oldest first. */
    public List<IncidentNote> notes() {
        return s.notes();
    }

    /** Related incidents, in the order they were linked. */
    public List<IncidentId> links() {
        return s.links();
    }

    /** The incident this one was merged into, if it was. */
    public Optional<IncidentId> mergedInto() {
        return Optional.ofNullable(s.mergedInto());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Incident other && s.equals(other.s);
    }

    @Override
    public int hashCode() {
        return s.hashCode();
    }

    @Override
    public String toString() {
        return "incident " + id() + " v" + version() + " " + type() + " P" + priority() + " " + status() + " at " + station();
    }
}
