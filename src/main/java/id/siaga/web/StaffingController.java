package id.siaga.web;

import id.siaga.org.Rosters;
import id.siaga.org.Station;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.org.StationTree;
import id.siaga.security.StationScope;
import id.siaga.staffing.ServiceTarget;
import id.siaga.staffing.StaffingCsv;
import id.siaga.staffing.StaffingPlan;
import id.siaga.staffing.StaffingPlans;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staffing plan of the user's station and everything below it (or of one station of the scope and its subtree):
 * operators needed per local hour for 90 % within 10 s and 95 % within 20 s, from the last whole days of calls. JSON,
 * or CSV for a spreadsheet ({@code Accept: text/csv} or {@code ?format=csv}). No caller data.
 */
@RestController
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
class StaffingController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final StaffingPlans plans;
    private final StationDirectory stations;
    private final StationScope scope;
    private final Clock clock;
    private final Rosters roster;

    StaffingController(StaffingPlans plans, StationDirectory stations, StationScope scope, Clock clock, Rosters roster) {
        this.plans = plans;
        this.roster = roster;
        this.stations = stations;
        this.scope = scope;
        this.clock = clock;
    }

    /** A target as the page shows it: a share in percent within some seconds. */
    record Target(double percent, long withinSeconds) {
        static Target of(ServiceTarget t) {
            return new Target(Math.round(t.share() * 1000) / 10.0, t.answerWithin().toSeconds());
        }
    }

    /**
     * The plans, parents first. {@code wrapUpSeconds} is what each answered call is charged after it ends; every call
     * counts; each plan's {@code withGate} is the same plan with the gate on, where {@code gateHangUpSharePercent} of the
     * held callers who were not an emergency are taken to hang up at the prompt (null: no gate model).
     */
    record Staffing(String station, String name, int days, long wrapUpSeconds, List<Target> targets, Instant asOf, Double gateHangUpSharePercent,
                    List<StaffingPlan> stations, List<Rostered> rostered) {
    }

    /** What the roster plans at a station per local hour of today (its own zone's today), beside the recommendation. */
    record Rostered(String station, LocalDate day, List<Double> planned) {
    }

    @GetMapping("/api/staffing")
    ResponseEntity<?> staffing(@RequestParam(required = false) String station, @RequestParam(defaultValue = "" + StaffingPlans.DEFAULT_DAYS) int days,
                               @RequestParam(required = false) String format, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                               Authentication auth) {
        boolean csv = csv(format, accept);
        StationTree tree = stations.tree();
        StationId top = station == null ? StationScope.principal(auth).station() : StationsController.existing(station, tree);
        scope.requireVisible(auth, top);
        List<StaffingPlan> planned = plans.forSubtree(top, days);
        Instant now = clock.instant();
        if (csv) {
            String name = "staffing-" + top.value() + "-" + now.atZone(tree.get(top).timeZone().zone()).toLocalDate() + ".csv";
            return ResponseEntity.ok().contentType(CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                    .body(StaffingCsv.of(planned));
        }
        Station s = tree.get(top);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new Staffing(top.value(), s.name(), days,
                plans.wrapUp().toSeconds(), List.of(Target.of(ServiceTarget.WITHIN_10_S), Target.of(ServiceTarget.WITHIN_20_S)), now,
                plans.gate() == null ? null : Math.round(plans.gate().hangUpShare() * 1000) / 10.0, planned,
                planned.stream().map(p -> rostered(StationId.of(p.station()), tree, now)).toList()));
    }

    private Rostered rostered(StationId station, StationTree tree, Instant now) {
        LocalDate day = LocalDate.ofInstant(now, tree.get(station).timeZone().zone());
        return new Rostered(station.value(), day, roster.plannedPerHour(station, day));
    }

    /**
     * CSV when asked by name, or when the client takes CSV (exactly {@code text/csv}) at least as gladly as JSON; JSON
     * otherwise, a browser's {@code *}{@code /*} included. An Accept header that cannot be read asks for nothing.
     */
    static boolean csv(String format, String accept) {
        if (format != null) {
            if (format.equalsIgnoreCase("csv")) {
                return true;
            }
            if (format.equalsIgnoreCase("json")) {
                return false;
            }
            throw new IllegalArgumentException("format must be json or csv, got \"" + Problems.echo(format) + "\"");
        }
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (IllegalArgumentException e) {
            return false;
        }
        double csv = 0;
        double json = 0;
        for (MediaType m : accepted) {
            if (m.getType().equalsIgnoreCase("text") && m.getSubtype().equalsIgnoreCase("csv")) {
                csv = Math.max(csv, m.getQualityValue());
            } else if (m.getType().equalsIgnoreCase("application") && m.getSubtype().equalsIgnoreCase("json")) {
                json = Math.max(json, m.getQualityValue());
            }
        }
        return csv > 0 && csv >= json;
    }
}
