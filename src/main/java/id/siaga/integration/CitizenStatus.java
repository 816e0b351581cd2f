package id.siaga.integration;

import id.siaga.dispatch.Assignment;
import id.siaga.dispatch.DispatchDesk;
import id.siaga.dispatch.EtaEstimator;
import id.siaga.dispatch.Unit;
import id.siaga.dispatch.UnitView;
import id.siaga.incident.Incident;
import id.siaga.incident.IncidentStatus;
import id.siaga.incident.Incidents;
import id.siaga.incident.StatusChange;
import id.siaga.location.Geodesy;
import id.siaga.org.GeoPoint;
import id.siaga.org.StationTree;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads a report's progress for its status link: from the incident (received, done) and its assignments
 * (assigned, on the way, arrived), with the ETA of the nearest unit still coming, from its live position.
 * A report merged into another shows the other's progress.
 */
public final class CitizenStatus {

    private final StatusLinkStore links;
    private final Incidents incidents;
    private final DispatchDesk desk;
    private final EtaEstimator eta;
    private final Supplier<StationTree> stations;
    private final Clock clock;

    public CitizenStatus(StatusLinkStore links, Incidents incidents, DispatchDesk desk, EtaEstimator eta, Supplier<StationTree> stations,
                         Clock clock) {
        this.links = links;
        this.incidents = incidents;
        this.desk = desk;
        this.eta = eta;
        this.stations = stations;
        this.clock = clock;
    }

    /**
     * The report behind the token, or empty. A token of the wrong shape is looked up like any other, so a miss
     * costs the same whatever was sent.
     */
    public Optional<CitizenStatusView> of(String token) {
        String key = StatusLink.looksLikeToken(token) ? token : "~".repeat(StatusLink.TOKEN_LENGTH);
        return links.find(key).flatMap(link -> incidents.find(link.incident())).map(this::view);
    }

    private CitizenStatusView view(Incident reported) {
        Incident incident = reported.mergedInto().flatMap(incidents::find).orElse(reported);
        Instant now = clock.instant();
        List<Assignment> assignments = desk.assignments(incident.id()).stream()
                .filter(a -> a.state() != Assignment.State.CANCELLED).toList();
        Instant assigned = first(assignments, Assignment::assignedAt);
        Instant enRoute = first(assignments, Assignment::enRouteAt);
        Instant arrived = first(assignments, Assignment::onSceneAt);
        if (arrived != null && enRoute == null) {
            enRoute = arrived;
        }
        Instant done = statusAt(incident, IncidentStatus.RESOLVED, IncidentStatus.CLOSED);
        if (done == null && arrived != null && assignments.stream().noneMatch(Assignment::isActive)) {
            done = assignments.stream().map(Assignment::endedAt).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        }
        Instant withdrawn = done == null ? statusAt(incident, IncidentStatus.CANCELLED, IncidentStatus.UNFOUNDED) : null;

        List<CitizenStatusView.Step> steps = List.of(new CitizenStatusView.Step("RECEIVED", reported.createdAt()),
                new CitizenStatusView.Step("ASSIGNED", assigned), new CitizenStatusView.Step("EN_ROUTE", enRoute),
                new CitizenStatusView.Step("ARRIVED", arrived), new CitizenStatusView.Step("DONE", done));
        String state = withdrawn != null ? "WITHDRAWN" : "RECEIVED";
        if (withdrawn == null) {
            for (CitizenStatusView.Step s : steps) {
                if (s.at() != null) {
                    state = s.step();
                }
            }
        }
        Long etaSeconds = null;
        if (withdrawn == null && done == null && arrived == null) {
            etaSeconds = etaSeconds(incident, assignments, now);
        }
        String zone = stations.get().find(incident.station()).map(s -> s.timeZone().zone().getId()).orElse("Asia/Jakarta");
        return new CitizenStatusView(state, incident.type().label(), steps, etaSeconds, etaSeconds == null ? null : now.plusSeconds(etaSeconds),
                zone, now);
    }

    /** The soonest arrival among the units still coming: from each one's live position, else its estimate at assignment. */
    private Long etaSeconds(Incident incident, List<Assignment> assignments, Instant now) {
        Optional<GeoPoint> to = incident.location().map(l -> l.point());
        Long best = null;
        for (Assignment a : assignments) {
            if (!a.isActive()) {
                continue;
            }
            Duration d = null;
            Optional<Unit> unit = desk.roster().find(a.unitId());
            Optional<UnitView> view = desk.unitView(a.unitId());
            if (to.isPresent() && unit.isPresent() && view.isPresent() && view.get().latitude() != null && view.get().longitude() != null) {
                GeoPoint from = new GeoPoint(view.get().latitude(), view.get().longitude());
                double meters = Geodesy.distanceMeters(from.latitude(), from.longitude(), to.get().latitude(), to.get().longitude());
                d = eta.eta(unit.get().kind(), from, to.get(), meters);
            } else if (a.etaAtAssignment() != null) {
                d = a.etaAtAssignment().minus(Duration.between(a.assignedAt(), now));
            }
            if (d != null) {
                long seconds = Math.max(0, d.getSeconds());
                best = best == null ? seconds : Math.min(best, seconds);
            }
        }
        return best;
    }

    private static Instant first(List<Assignment> assignments, java.util.function.Function<Assignment, Instant> step) {
        return assignments.stream().map(step).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    }

    private static Instant statusAt(Incident incident, IncidentStatus... wanted) {
        List<StatusChange> history = new ArrayList<>(incident.history());
        for (int i = history.size() - 1; i >= 0; i--) {
            for (IncidentStatus w : wanted) {
                if (history.get(i).status() == w && incident.status() == w) {
                    return history.get(i).at();
                }
            }
        }
        return null;
    }
}
