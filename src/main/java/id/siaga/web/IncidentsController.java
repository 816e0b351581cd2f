package id.siaga.web;

import id.siaga.incident.Incident;
import id.siaga.incident.IncidentFilter;
import id.siaga.incident.IncidentId;
import id.siaga.incident.IncidentStatus;
import id.siaga.incident.IncidentType;
import id.siaga.incident.Incidents;
import id.siaga.integration.eido.EidoExport;
import id.siaga.journal.Journal;
import id.siaga.journal.SubjectKind;
import id.siaga.location.IndonesianNumbers;
import id.siaga.org.GeoPoint;
import id.siaga.org.Station;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.screening.Screening;
import id.siaga.security.OutOfScopeException;
import id.siaga.security.Role;
import id.siaga.security.SiagaPrincipal;
import id.siaga.security.StationScope;
import id.siaga.web.IncidentViews.Detail;
import id.siaga.web.IncidentViews.DuplicateView;
import id.siaga.web.IncidentViews.Summary;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * Incidents for the people who take and follow reports. Operators and dispatchers open incidents (from an answered
 * 110 call, or another channel), write notes, set priority, resolve, close, withdraw, reopen, link and merge;
 * integration clients open incidents from their channel; supervisors and administrators read. A user sees an
 * incident when its responsible station or the station that took it is within their scope. Field progress
 * (DISPATCHED, EN_ROUTE, ON_SCENE) comes from units through dispatch, not from here.
 */
@RestController
@RequestMapping("/api/incidents")
@PreAuthorize("hasAnyRole('OPERATOR', 'DISPATCHER', 'SUPERVISOR', 'ADMIN')")
class IncidentsController {

    private static final Logger log = LoggerFactory.getLogger(IncidentsController.class);

    static final String WRITERS = "hasAnyRole('OPERATOR', 'DISPATCHER')";
    /** Journal entries shown with one incident: its story is tens of entries, a long one a few hundred. */
    static final int JOURNAL_LIMIT = 1000;
    /** The moves a person makes here; the rest are the field's. */
    static final Set<IncidentStatus> MOVES = EnumSet.of(IncidentStatus.RESOLVED, IncidentStatus.CLOSED, IncidentStatus.CANCELLED,
            IncidentStatus.UNFOUNDED, IncidentStatus.NEW);

    private final Incidents incidents;
    private final IncidentIntake intake;
    private final Journal journal;
    private final StationDirectory stations;
    private final StationScope scope;
    private final CallLookup calls;
    private final Screening screening;
    private final EidoExport eido;

    IncidentsController(Incidents incidents, IncidentIntake intake, Journal journal, StationDirectory stations, StationScope scope, CallLookup calls,
                        Screening screening, EidoExport eido) {
        this.eido = eido;
        this.calls = calls;
        this.screening = screening;
        this.incidents = incidents;
        this.intake = intake;
        this.journal = journal;
        this.stations = stations;
        this.scope = scope;
    }

    /** Opens an incident; 201 with the incident and the open incidents it may duplicate (flagged, never refused). */
    @PostMapping
    @PreAuthorize("hasAnyRole('OPERATOR', 'DISPATCHER', 'INTEGRATION')")
    ResponseEntity<Detail> create(@Valid @RequestBody IncidentViews.NewIncidentRequest request, Authentication auth) {
        SiagaPrincipal me = StationScope.principal(auth);
        Incidents.Created created = incidents.create(intake.draft(request, auth), auth.getName(), me.station());
        Incident i = created.incident();
        i.callId().ifPresent(call -> genuine(call, i, auth.getName()));
        boolean reader = me.has(Role.OPERATOR) || me.has(Role.DISPATCHER);
        Detail body = Detail.of(i, duplicates(auth, i, created.possibleDuplicates()), reader ? storyIfReadable(i) : null);
        return ResponseEntity.created(URI.create("/api/incidents/" + i.id().value())).body(body);
    }

    /** An incident opened from a call makes the call genuine (and takes back what pranks weighed on its number). */
    private void genuine(String callId, Incident incident, String by) {
        try {
            CallLookup.Found call = calls.find(callId);
            screening.incidentOpened(callId, call.callerNumber(), call.station(), incident.id().value(), by);
        } catch (RuntimeException e) {
            // the incident stands; the call keeps the classification it had (a supervisor can set it)
            log.warn("call {}: not classified genuine after incident {} was opened from it: {}", callId, incident.id(), e.toString());
        }
    }

    /**
     * Incidents in scope, newest first: open ones unless {@code status} says otherwise; optionally one priority, type, call
     * or caller. {@code caller} (any way of writing an Indonesian number) lists that caller's reports of every status
     * unless {@code status} is given: the console's "earlier incidents" of a ringing number. A withheld number has none.
     */
    @GetMapping
    List<Summary> list(@RequestParam(required = false) List<IncidentStatus> status, @RequestParam(required = false) Integer priority,
                       @RequestParam(required = false) IncidentType type, @RequestParam(required = false) String callId,
                       @RequestParam(required = false) String caller, @RequestParam(defaultValue = "100") int limit, Authentication auth) {
        String callerNumber = null;
        if (caller != null) {
            callerNumber = IndonesianNumbers.normalize(caller).orElse(null);
            if (callerNumber == null) {
                return List.of();
            }
        }
        Set<IncidentStatus> statuses = status != null && !status.isEmpty() ? EnumSet.copyOf(status)
                : callerNumber != null ? EnumSet.allOf(IncidentStatus.class) : IncidentFilter.openStatuses();
        String call = callId == null || callId.isBlank() ? null : callId.strip();
        List<StationId> inScope = stations.tree().subtree(StationScope.principal(auth).station()).stream().map(Station::id).toList();
        return incidents.atStations(inScope, new IncidentFilter(statuses, priority, type, call, callerNumber), limit).stream()
                .map(Summary::of).toList();
    }

    /** Open incidents in scope that a report of {@code type} at this point, made now, may duplicate: the form's live warning. */
    @GetMapping("/duplicates")
    List<DuplicateView> duplicates(@RequestParam IncidentType type, @RequestParam double lat, @RequestParam double lon, Authentication auth) {
        GeoPoint where = new GeoPoint(lat, lon);
        return incidents.possibleDuplicates(type, where).stream().filter(d -> visible(auth, d)).map(d -> DuplicateView.of(d, where)).toList();
    }

    /** The taxonomy: types with their Bahasa labels, default priorities and which types count as related. */
    @GetMapping("/types")
    List<IncidentViews.TypeView> types() {
        return EnumSet.allOf(IncidentType.class).stream().map(IncidentViews.TypeView::of).toList();
    }

    @GetMapping("/{id}")
    Detail one(@PathVariable String id, Authentication auth) {
        return detail(auth, visibleIncident(auth, id));
    }

    /**
     * The incident as a NENA Emergency Incident Data Object (NENA-STA-021.1b JSON), for another PSAP or agency system
     * to take it: its type, priority and status in the common registries, place, the 110 call it came from, notes,
     * stations, people and the units sent. Whoever may read the incident may read its EIDO.
     */
    @GetMapping(path = "/{id}/eido", produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode eido(@PathVariable String id, Authentication auth) {
        Incident i = visibleIncident(auth, id);
        return eido.export(i, calls.eidoCall(i));
    }

    @PostMapping("/{id}/notes")
    @PreAuthorize(WRITERS)
    Detail addNote(@PathVariable String id, @Valid @RequestBody IncidentViews.NoteRequest note, Authentication auth) {
        Incident i = visibleIncident(auth, id);
        return stored(auth, incidents.addNote(i.id(), auth.getName(), note.text()));
    }

    @PostMapping("/{id}/priority")
    @PreAuthorize(WRITERS)
    Detail changePriority(@PathVariable String id, @Valid @RequestBody IncidentViews.PriorityRequest request, Authentication auth) {
        Incident i = visibleIncident(auth, id);
        return stored(auth, incidents.changePriority(i.id(), request.priority(), auth.getName(), request.version()));
    }

    /** RESOLVED, CLOSED, CANCELLED, UNFOUNDED, or NEW (reopen a resolved incident); 409 when the status does not allow it. */
    @PostMapping("/{id}/status")
    @PreAuthorize(WRITERS)
    Detail move(@PathVariable String id, @Valid @RequestBody IncidentViews.StatusRequest request, Authentication auth) {
        if (!MOVES.contains(request.status())) {
            throw new IllegalArgumentException("status " + request.status() + " is reported by the units through dispatch; here: " + MOVES);
        }
        Incident i = visibleIncident(auth, id);
        return stored(auth, incidents.moveTo(i.id(), request.status(), auth.getName(), request.reason(), request.version()));
    }

    /** Links this incident and another (same event, same caller), both ways. */
    @PostMapping("/{id}/links")
    @PreAuthorize(WRITERS)
    Detail link(@PathVariable String id, @Valid @RequestBody IncidentViews.LinkRequest request, Authentication auth) {
        Incident i = visibleIncident(auth, id);
        Incident other = visibleIncident(auth, request.incident());
        return stored(auth, incidents.link(i.id(), other.id(), auth.getName()));
    }

    /** Merges this incident (a second report) into {@code into}: it ends CANCELLED, linked; the survivor gets a note. */
    @PostMapping("/{id}/merge")
    @PreAuthorize(WRITERS)
    IncidentViews.MergedView merge(@PathVariable String id, @Valid @RequestBody IncidentViews.MergeRequest request, Authentication auth) {
        Incident duplicate = visibleIncident(auth, id);
        Incident survivor = visibleIncident(auth, request.into());
        Incidents.Merged merged = incidents.merge(duplicate.id(), survivor.id(), auth.getName());
        return new IncidentViews.MergedView(stored(auth, merged.merged()), stored(auth, merged.survivor()));
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private Detail detail(Authentication auth, Incident i) {
        return Detail.of(i, duplicates(auth, i, incidents.possibleDuplicatesOf(i)), story(i));
    }

    /**
     * The answer to a change that is already stored. Its possible duplicates and its story are read afresh, and reading
     * may fail (the database gone a moment after the commit); the answer is then the incident without them, never an
     * error: an error would tell the client that nothing happened, and a client that retries would open the incident
     * twice or write the note twice.
     */
    private Detail stored(Authentication auth, Incident i) {
        List<DuplicateView> duplicates;
        try {
            duplicates = duplicates(auth, i, incidents.possibleDuplicatesOf(i));
        } catch (RuntimeException e) {
            log.warn("incident {} is stored; its possible duplicates could not be read for the answer: {}", i.id(), e.toString());
            duplicates = List.of();
        }
        return Detail.of(i, duplicates, storyIfReadable(i));
    }

    /** The incident's story for an answer to a change already stored; null (left out) when it cannot be read now. */
    private List<JournalController.EntryView> storyIfReadable(Incident i) {
        try {
            return story(i);
        } catch (RuntimeException e) {
            log.warn("incident {} is stored; its journal could not be read for the answer: {}", i.id(), e.toString());
            return null;
        }
    }

    private List<DuplicateView> duplicates(Authentication auth, Incident i, List<Incident> candidates) {
        return i.location().map(l -> candidates.stream().filter(d -> visible(auth, d)).map(d -> DuplicateView.of(d, l.point())).toList())
                .orElse(List.of());
    }

    private List<JournalController.EntryView> story(Incident i) {
        List<JournalController.EntryView> story = new ArrayList<>(journal.bySubject(SubjectKind.INCIDENT, i.id().value(), JOURNAL_LIMIT)
                .stream().map(JournalController.EntryView::of).toList());
        Collections.reverse(story);
        return story;
    }

    private boolean visible(Authentication auth, Incident i) {
        return scope.canSee(auth, i.station()) || scope.canSee(auth, i.takingStation());
    }

    /** The incident, if it exists (404) and the user may see it (403). */
    private Incident visibleIncident(Authentication auth, String id) {
        Incident i = incidents.existing(incidentId(id));
        if (!visible(auth, i)) {
            SiagaPrincipal me = StationScope.principal(auth);
            throw new OutOfScopeException(me.username(), me.station(), i.station());
        }
        return i;
    }

    private static IncidentId incidentId(String id) {
        try {
            return new IncidentId(id.strip());
        } catch (IllegalArgumentException e) {
            throw new NoSuchElementException("no incident " + id);
        }
    }
}
