package id.siaga.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import id.siaga.dispatch.Assignment;
import id.siaga.dispatch.AssignmentId;
import id.siaga.dispatch.DispatchDesk;
import id.siaga.dispatch.IncidentClock;
import id.siaga.dispatch.IncidentProgress;
import id.siaga.dispatch.Recommendation;
import id.siaga.dispatch.Unit;
import id.siaga.dispatch.UnitState;
import id.siaga.dispatch.UnitStatus;
import id.siaga.dispatch.UnitView;
import id.siaga.incident.IncidentId;
import id.siaga.org.Station;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.security.Role;
import id.siaga.security.SiagaPrincipal;
import id.siaga.security.StationScope;
import id.siaga.tracking.Position;
import id.siaga.tracking.TrackStore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.NoSuchElementException;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Sending units: the unit board, the recommendation for an incident, assignments, the officer's
 * acknowledgement and status buttons, and the incident's 10-minute clock. Everything is scoped by station:
 * a dispatcher sends units of their scope to incidents of their scope; an officer acts only for the units
 * they are a member of. The desk journals every step through its listeners.
 */
@RestController
class DispatchController {

    private final DispatchDesk desk;
    private final IncidentProgress incidents;
    private final StationDirectory stations;
    private final StationScope scope;
    private final CadStream stream;
    private final TrackStore tracks;

    DispatchController(DispatchDesk desk, IncidentProgress incidents, StationDirectory stations, StationScope scope, CadStream stream,
                       TrackStore tracks) {
        this.desk = desk;
        this.tracks = tracks;
        this.stream = stream;
        this.incidents = incidents;
        this.stations = stations;
        this.scope = scope;
    }

    record Sending(@NotBlank @Size(max = 64) String unit) {
    }

    record StatusChange(@NotNull UnitStatus status, @Size(max = 500) String reason) {
    }

    record Cancelling(@NotBlank @Size(max = 500) String reason) {
    }

    /**
     * Incident and dispatch events of the user's scope as Server-Sent Events, each named by its type, with the
     * incident's clock where the event concerns one. Reload the lists after a reconnect.
     */
    @GetMapping(path = "/api/cad/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasAnyRole('OPERATOR', 'DISPATCHER', 'SUPERVISOR', 'ADMIN')")
    SseEmitter stream(Authentication auth) {
        StationId home = StationScope.principal(auth).station();
        return stream.subscribe(auth.getName(), station -> stations.tree().isWithin(station, home));
    }

    /** The unit board of the stations in the user's scope. */
    @GetMapping("/api/units")
    @PreAuthorize("hasAnyRole('OPERATOR', 'DISPATCHER', 'SUPERVISOR', 'ADMIN', 'FIELD_OFFICER')")
    List<UnitView> units(Authentication auth) {
        List<StationId> inScope = stations.tree().subtree(StationScope.principal(auth).station()).stream().map(Station::id).toList();
        return desk.units(inScope);
    }

    @GetMapping("/api/units/{id}")
    @PreAuthorize("hasAnyRole('OPERATOR', 'DISPATCHER', 'SUPERVISOR', 'ADMIN', 'FIELD_OFFICER')")
    UnitView unit(@PathVariable String id, Authentication auth) {
        UnitView v = desk.unitView(id).orElseThrow(() -> new NoSuchElementException("unknown unit " + id));
        scope.requireVisible(auth, v.station());
        return v;
    }

    /**
     * Where the unit went between two times (default: the last hour), oldest first, at most {@code limit} fixes:
     * for the after-action review and for checking a device that reports oddly.
     */
    @GetMapping("/api/units/{id}/track")
    @PreAuthorize("hasAnyRole('DISPATCHER', 'SUPERVISOR', 'ADMIN')")
    List<Position> track(@PathVariable String id, @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                         @RequestParam(defaultValue = "1000") int limit, Authentication auth) {
        scope.requireVisible(auth, unitOf(id).station());
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be between 1 and 10000, got " + limit);
        }
        Instant until = to != null ? to : Instant.now();
        Instant since = from != null ? from : until.minus(Duration.ofHours(1));
        if (!since.isBefore(until)) {
            throw new IllegalArgumentException("from must be before to");
        }
        return tracks.track(id, since, until, limit);
    }

    /** The officer's buttons (BERANGKAT = EN_ROUTE, TIBA = ON_SCENE, SELESAI = AVAILABLE), or the dispatcher on their behalf. */
    @PostMapping("/api/units/{id}/status")
    @PreAuthorize("hasAnyRole('DISPATCHER', 'OPERATOR', 'FIELD_OFFICER')")
    UnitState status(@PathVariable String id, @Valid @RequestBody StatusChange change, Authentication auth) {
        requireActsFor(auth, unitOf(id));
        return desk.changeStatus(id, change.status(), auth.getName(), change.reason() == null ? "" : change.reason());
    }

    /** The units an officer belongs to, with what they are working on: what the officer app shows first. */
    @GetMapping("/api/officer/units")
    @PreAuthorize("hasRole('FIELD_OFFICER')")
    List<UnitView> myUnits(Authentication auth) {
        return desk.roster().all().stream().filter(u -> u.members().contains(auth.getName()))
                .map(u -> desk.unitView(u.id()).orElseThrow()).toList();
    }

    /**
     * The recommendation as the desk gives it, with the names of the stations it mentions (a neighbour's unit is
     * outside the user's own station tree, so the console cannot name its station from /api/stations) and
     * {@code askByRadio}: the proposed units this user may not send, a neighbouring station's, to be asked for through
     * that station.
     */
    record RecommendationView(@JsonUnwrapped Recommendation recommendation, Map<String, String> stationNames, List<String> askByRadio) {
    }

    @GetMapping("/api/incidents/{id}/recommendation")
    @PreAuthorize("hasAnyRole('OPERATOR', 'DISPATCHER', 'SUPERVISOR')")
    RecommendationView recommendation(@PathVariable String id, Authentication auth) {
        IncidentId incident = visibleIncident(id, auth);
        Recommendation r = desk.recommend(incident);
        Set<StationId> mentioned = new LinkedHashSet<>();
        mentioned.add(r.station());
        r.units().forEach(c -> mentioned.add(c.station()));
        r.withoutFreshFix().forEach(u -> mentioned.add(u.station()));
        if (r.nearestBeyondHorizon() != null) {
            mentioned.add(r.nearestBeyondHorizon().unit().station());
        }
        Map<String, String> names = new LinkedHashMap<>();
        mentioned.forEach(s -> stations.tree().find(s).ifPresent(st -> names.put(s.value(), st.name())));
        List<String> askByRadio = r.units().stream().filter(c -> !scope.canSee(auth, c.station())).map(Recommendation.Candidate::unitId).toList();
        return new RecommendationView(r, names, askByRadio);
    }

    @PostMapping("/api/incidents/{id}/assignments")
    @PreAuthorize("hasAnyRole('OPERATOR', 'DISPATCHER')")
    Assignment assign(@PathVariable String id, @Valid @RequestBody Sending sending, Authentication auth) {
        IncidentId incident = visibleIncident(id, auth);
        scope.requireVisible(auth, unitOf(sending.unit()).station());
        return desk.assign(incident, sending.unit(), auth.getName());
    }

    @GetMapping("/api/incidents/{id}/assignments")
    @PreAuthorize("hasAnyRole('OPERATOR', 'DISPATCHER', 'SUPERVISOR', 'ADMIN')")
    List<Assignment> assignments(@PathVariable String id, Authentication auth) {
        return desk.assignments(visibleIncident(id, auth));
    }

    /** Call answered → created → dispatched → acknowledged → on scene, against the on-scene target. */
    @GetMapping("/api/incidents/{id}/clock")
    @PreAuthorize("hasAnyRole('OPERATOR', 'DISPATCHER', 'SUPERVISOR', 'ADMIN')")
    IncidentClock clock(@PathVariable String id, Authentication auth) {
        return desk.clock(visibleIncident(id, auth));
    }

    /** An officer of the unit acknowledges the alert (a dispatcher may record an acknowledgement given by radio). */
    @PostMapping("/api/assignments/{id}/ack")
    @PreAuthorize("hasAnyRole('FIELD_OFFICER', 'DISPATCHER', 'OPERATOR')")
    Assignment acknowledge(@PathVariable String id, Authentication auth) {
        Assignment a = assignment(id);
        Unit unit = unitOf(a.unitId());
        requireActsFor(auth, unit);
        return desk.acknowledge(a.id(), auth.getName(), !unit.members().contains(auth.getName()));
    }

    @PostMapping("/api/assignments/{id}/cancel")
    @PreAuthorize("hasAnyRole('DISPATCHER', 'OPERATOR')")
    Assignment cancel(@PathVariable String id, @Valid @RequestBody Cancelling cancelling, Authentication auth) {
        Assignment a = assignment(id);
        scope.requireVisible(auth, unitOf(a.unitId()).station());
        return desk.cancel(a.id(), auth.getName(), cancelling.reason());
    }

    private Assignment assignment(String id) {
        return desk.assignment(new AssignmentId(id)).orElseThrow(() -> new NoSuchElementException("unknown assignment " + id));
    }

    private Unit unitOf(String id) {
        return desk.roster().find(id).orElseThrow(() -> new NoSuchElementException("unknown unit " + id));
    }

    private IncidentId visibleIncident(String id, Authentication auth) {
        IncidentId incident = new IncidentId(id);
        StationId station = incidents.target(incident).orElseThrow(() -> new NoSuchElementException("unknown incident " + id)).station();
        scope.requireVisible(auth, station);
        return incident;
    }

    /** Officers act for their own units only; dispatchers and operators for the units of their scope. */
    private void requireActsFor(Authentication auth, Unit unit) {
        SiagaPrincipal p = StationScope.principal(auth);
        if (p.has(Role.DISPATCHER) || p.has(Role.OPERATOR)) {
            scope.requireVisible(auth, unit.station());
        } else if (!unit.members().contains(p.username())) {
            throw new AccessDeniedException(p.username() + " is not a member of unit " + unit.callSign());
        }
    }
}
