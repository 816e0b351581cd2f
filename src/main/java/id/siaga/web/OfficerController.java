package id.siaga.web;

import id.siaga.dispatch.Assignment;
import id.siaga.dispatch.DispatchDesk;
import id.siaga.dispatch.DispatchTarget;
import id.siaga.dispatch.IncidentProgress;
import id.siaga.dispatch.Unit;
import id.siaga.tracking.IngestOutcome;
import id.siaga.tracking.IngestResult;
import id.siaga.tracking.PositionPipeline;
import id.siaga.tracking.PositionReport;
import id.siaga.tracking.PositionSource;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the officer app needs beyond the shared dispatch API: the work of the officer's units with where to go
 * (the incident's place, which officers cannot read through the incident API), and the phone's GPS while on duty,
 * fed to the tracking pipeline as the officer's unit ({@code OFFICER_APP}) like any tracker's fix.
 */
@RestController
@PreAuthorize("hasRole('FIELD_OFFICER')")
class OfficerController {

    private final DispatchDesk desk;
    private final IncidentProgress incidents;
    private final PositionPipeline pipeline;

    OfficerController(DispatchDesk desk, IncidentProgress incidents, PositionPipeline pipeline) {
        this.desk = desk;
        this.incidents = incidents;
        this.pipeline = pipeline;
    }

    /**
     * A browser Geolocation fix: degrees, accuracy in metres, speed in m/s, heading in degrees from north,
     * timestamp in milliseconds since the epoch (the Geolocation API's own), all but the coordinates optional.
     */
    record PhoneFix(@NotNull Double latitude, @NotNull Double longitude, Double accuracy, Double speed, Double heading, Long timestamp) {
    }

    record Taken(String unit, IngestOutcome.Status outcome) {
    }

    /** One active assignment of the officer's units, with the incident's place to navigate to. */
    record Work(String assignmentId, String unitId, String callSign, String incidentId, Assignment.State state, String type, int priority,
                Double latitude, Double longitude, String address, String description, Instant assignedAt, Instant acknowledgedAt,
                Instant onSceneProposedAt, Long etaSeconds) {
    }

    @GetMapping("/api/officer/assignments")
    List<Work> assignments(Authentication auth) {
        return units(auth).stream().flatMap(u -> desk.activeOf(u.id()).stream().map(a -> work(u, a))).toList();
    }

    @PostMapping("/api/officer/position")
    ResponseEntity<?> position(@Valid @RequestBody PhoneFix fix, Authentication auth) {
        if (!(fix.latitude() >= -90 && fix.latitude() <= 90) || !(fix.longitude() >= -180 && fix.longitude() <= 180)) {
            throw new IllegalArgumentException("latitude must be -90..90 and longitude -180..180, got " + fix.latitude() + ", " + fix.longitude());
        }
        if (fix.latitude() == 0 && fix.longitude() == 0) {
            throw new IllegalArgumentException("0, 0 is not a position in Indonesia: the phone has no fix yet");
        }
        if (fix.accuracy() != null && !(fix.accuracy() >= 0)) {
            throw new IllegalArgumentException("accuracy must be 0 or more metres, got " + fix.accuracy());
        }
        if (fix.speed() != null && !(fix.speed() >= 0)) {
            throw new IllegalArgumentException("speed must be 0 or more m/s, got " + fix.speed());
        }
        if (fix.heading() != null && !(fix.heading() >= 0 && fix.heading() <= 360)) {
            throw new IllegalArgumentException("heading must be 0..360 degrees, got " + fix.heading());
        }
        Unit unit = dutyUnit(auth);
        Instant at = fix.timestamp() == null ? null : Instant.ofEpochMilli(fix.timestamp());
        IngestResult result = pipeline.report(new PositionReport(null, unit.id(), at, fix.latitude(), fix.longitude(), fix.speed(), fix.heading(),
                null, fix.accuracy(), null, PositionSource.OFFICER_APP));
        if (result.busy()) {
            ProblemDetail busy = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "the position history is busy: send it again");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1").body(busy);
        }
        IngestOutcome outcome = result.outcomes().get(0);
        if (!outcome.isTaken()) {
            throw new IllegalArgumentException(outcome.detail());
        }
        return ResponseEntity.ok(new Taken(unit.id(), outcome.status()));
    }

    private List<Unit> units(Authentication auth) {
        return desk.roster().all().stream().filter(u -> u.members().contains(auth.getName())).toList();
    }

    /** The officer's unit: the one working on an incident when they belong to several, else the first. */
    private Unit dutyUnit(Authentication auth) {
        List<Unit> mine = units(auth);
        if (mine.isEmpty()) {
            throw new IllegalArgumentException(auth.getName() + " is a member of no unit: the position has nobody to move");
        }
        return mine.stream().filter(u -> desk.activeOf(u.id()).isPresent()).findFirst().orElse(mine.get(0));
    }

    private Work work(Unit u, Assignment a) {
        Optional<DispatchTarget> t = incidents.target(a.incident());
        return new Work(a.id().value(), u.id(), u.callSign(), a.incident().value(), a.state(), t.map(DispatchTarget::typeLabel).orElse(null),
                t.map(DispatchTarget::priority).orElse(3), t.flatMap(DispatchTarget::location).map(p -> p.latitude()).orElse(null),
                t.flatMap(DispatchTarget::location).map(p -> p.longitude()).orElse(null), t.map(DispatchTarget::address).orElse(null),
                t.map(DispatchTarget::description).orElse(null), a.assignedAt(), a.acknowledgedAt(), a.onSceneProposedAt(),
                a.etaAtAssignment() == null ? null : a.etaAtAssignment().getSeconds());
    }
}
