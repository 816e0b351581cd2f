package id.siaga.web;

import id.siaga.org.Operator;
import id.siaga.org.OperatorId;
import id.siaga.org.OperatorRoster;
import id.siaga.org.Shift;
import id.siaga.org.ShiftId;
import id.siaga.org.StaffingHours;
import id.siaga.org.Rosters;
import id.siaga.org.Rosters.ShiftRequest;
import id.siaga.org.Station;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.org.StationTimeZone;
import id.siaga.org.StationTree;
import id.siaga.security.Role;
import id.siaga.security.StationScope;
import id.siaga.security.UserAccount;
import id.siaga.security.UserAccountStore;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A station's roster: who sits at which operator position from when to when, for supervisors of the station's subtree
 * and administrators. Times are sent as instants with an offset, or as local date-times meant in the station's time zone;
 * they come back as instants with the station's zone beside them. Also the planned against the READY positions per hour
 * of a day.
 */
@RestController
@RequestMapping("/api/stations/{id}/roster")
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
class RosterController {

    private final Rosters roster;
    private final StationDirectory stations;
    private final OperatorRoster positions;
    private final UserAccountStore accounts;
    private final StationScope scope;
    private final Clock clock;

    RosterController(Rosters roster, StationDirectory stations, OperatorRoster positions, UserAccountStore accounts, StationScope scope,
                     Clock clock) {
        this.roster = roster;
        this.stations = stations;
        this.positions = positions;
        this.accounts = accounts;
        this.scope = scope;
        this.clock = clock;
    }

    record PositionView(String id, String name, String username) {
        static PositionView of(Operator o) {
            return new PositionView(o.id().value(), o.name(), o.username().orElse(null));
        }
    }

    record ShiftView(String id, String position, String username, Instant from, Instant to, String createdBy) {
        static ShiftView of(Shift s) {
            return new ShiftView(s.id().value(), s.position().value(), s.username(), s.from(), s.to(), s.createdBy());
        }
    }

    /** A person who may be planned: a position's usual login within the caller's scope. */
    record PersonView(String username, String name) {
    }

    record RosterView(String station, String name, StationTimeZone timeZone, String zone, LocalDate from, int days,
                      List<PositionView> positions, List<PersonView> people, List<ShiftView> shifts) {
    }

    /** The roster of {@code days} local days from {@code from} (default: this week from today). */
    @GetMapping
    RosterView list(@PathVariable String id, @RequestParam(required = false) String from, @RequestParam(defaultValue = "7") int days,
                    Authentication auth) {
        Station station = visible(id, auth);
        ZoneId zone = station.timeZone().zone();
        LocalDate first = from == null ? LocalDate.ofInstant(clock.instant(), zone) : date("from", from);
        if (days < 1 || days > 35) {
            throw new IllegalArgumentException("days must be between 1 and 35, got " + days);
        }
        List<Shift> shifts = roster.between(station.id(), first.atStartOfDay(zone).toInstant(), first.plusDays(days).atStartOfDay(zone).toInstant());
        StationTree tree = stations.tree();
        StationId home = StationScope.principal(auth).station();
        // the operators who may be planned: enabled OPERATOR accounts of this station, the ones its positions seat
        List<PersonView> people = accounts.all().stream()
                .filter(u -> u.enabled() && u.roles().contains(Role.OPERATOR) && u.station().equals(station.id()) && tree.isWithin(u.station(), home))
                .sorted(Comparator.comparing(UserAccount::displayName))
                .map(u -> new PersonView(u.username(), u.displayName())).toList();
        return new RosterView(station.id().value(), station.name(), station.timeZone(), zone.getId(), first, days,
                positions.atStation(station.id()).stream().map(PositionView::of).toList(), people, shifts.stream().map(ShiftView::of).toList());
    }

    /** A shift as asked: position id, username, and from/to as {@code 2026-03-03T07:00} (station time) or with an offset. */
    record ShiftBody(String position, String username, String from, String to) {
    }

    @PostMapping
    ResponseEntity<ShiftView> add(@PathVariable String id, @RequestBody ShiftBody body, Authentication auth) {
        Station station = visible(id, auth);
        Shift s = roster.add(station.id(), request(station, body), auth.getName(), StationScope.principal(auth).station());
        return ResponseEntity.status(HttpStatus.CREATED).body(ShiftView.of(s));
    }

    @PutMapping("/{shift}")
    ShiftView change(@PathVariable String id, @PathVariable String shift, @RequestBody ShiftBody body, Authentication auth) {
        Station station = visible(id, auth);
        return ShiftView.of(roster.change(station.id(), shiftId(shift), request(station, body), auth.getName(),
                StationScope.principal(auth).station()));
    }

    @DeleteMapping("/{shift}")
    ResponseEntity<Void> remove(@PathVariable String id, @PathVariable String shift, Authentication auth) {
        Station station = visible(id, auth);
        roster.remove(station.id(), shiftId(shift), auth.getName());
        return ResponseEntity.noContent().build();
    }

    /** Copy the shifts starting on {@code days} local days from {@code from} to the same hours from {@code to} on. */
    record CopyBody(String from, Integer days, String to) {
    }

    @PostMapping("/copy")
    ResponseEntity<List<ShiftView>> copy(@PathVariable String id, @RequestBody CopyBody body, Authentication auth) {
        Station station = visible(id, auth);
        List<Shift> made = roster.copy(station.id(), date("from", body.from()), body.days() == null ? 1 : body.days(), date("to", body.to()),
                auth.getName(), StationScope.principal(auth).station());
        return ResponseEntity.status(HttpStatus.CREATED).body(made.stream().map(ShiftView::of).toList());
    }

    record HoursView(String station, String name, LocalDate day, StationTimeZone timeZone, Instant asOf, List<StaffingHours.Hour> hours) {
    }

    /** Planned against READY positions per local hour of {@code day} (default: today in the station's zone). */
    @GetMapping("/hours")
    HoursView hours(@PathVariable String id, @RequestParam(required = false) String day, Authentication auth) {
        Station station = visible(id, auth);
        LocalDate d = day == null ? LocalDate.ofInstant(clock.instant(), station.timeZone().zone()) : date("day", day);
        return new HoursView(station.id().value(), station.name(), d, station.timeZone(), clock.instant(), roster.hours(station.id(), d));
    }

    private Station visible(String id, Authentication auth) {
        StationTree tree = stations.tree();
        StationId sid = StationsController.existing(id, tree);
        scope.requireVisible(auth, sid);
        return tree.get(sid);
    }

    private static ShiftRequest request(Station station, ShiftBody body) {
        if (body == null) {
            throw new IllegalArgumentException("a shift needs position, username, from and to");
        }
        OperatorId position;
        try {
            position = body.position() == null ? null : new OperatorId(body.position().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no operator position " + Problems.echo(body.position()));
        }
        return new ShiftRequest(position, body.username(), time("from", body.from(), station), time("to", body.to(), station));
    }

    static Instant time(String name, String value, Station station) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeException offsetMissing) {
            try {
                return LocalDateTime.parse(v).atZone(station.timeZone().zone()).toInstant();
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(name + " must be a date and time such as 2026-03-03T07:00, got \"" + Problems.echo(v) + "\"");
            }
        }
    }

    static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value == null ? "" : value.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(name + " must be a date such as 2026-03-03, got \"" + Problems.echo(value) + "\"");
        }
    }

    private static ShiftId shiftId(String value) {
        try {
            return new ShiftId(value);
        } catch (IllegalArgumentException e) {
            throw new java.util.NoSuchElementException("no shift " + Problems.echo(value));
        }
    }
}
