package id.siaga.app;

import id.siaga.journal.Journal;
import id.siaga.journal.SubjectKind;
import id.siaga.org.Operator;
import id.siaga.org.OperatorRoster;
import id.siaga.org.PresenceHistory;
import id.siaga.org.Rosters;
import id.siaga.org.Shift;
import id.siaga.org.ShiftId;
import id.siaga.org.ShiftRules;
import id.siaga.org.ShiftStore;
import id.siaga.org.StaffingHours;
import id.siaga.org.Station;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.security.Role;
import id.siaga.security.UserAccount;
import id.siaga.security.UserAccountStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stations' rosters: shifts planned, changed, removed and copied forward, each checked by {@link ShiftRules} while
 * every other roster write waits, then logged and journalled; and the planned against the actual (READY) staffing of a
 * day. Who may touch which station is the caller's business ({@code scope}: the caller's home station, whose subtree
 * bounds the people they may plan).
 */
public class RosterService implements Rosters {

    private static final Logger log = LoggerFactory.getLogger(RosterService.class);
    /** The longest period one roster read or copy spans: five weeks, a month's page with its edges. */
    public static final Duration LONGEST_PERIOD = Duration.ofDays(35);

    private final ShiftStore shifts;
    private final ShiftRules rules;
    private final StationDirectory stations;
    private final OperatorRoster positions;
    private final UserAccountStore users;
    private final PresenceHistory presence;
    private final Journal journal;
    private final Clock clock;

    public RosterService(ShiftStore shifts, ShiftRules rules, StationDirectory stations, OperatorRoster positions, UserAccountStore users,
                         PresenceHistory presence, Journal journal, Clock clock) {
        this.shifts = shifts;
        this.rules = rules;
        this.stations = stations;
        this.positions = positions;
        this.users = users;
        this.presence = presence;
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public List<Shift> between(StationId station, Instant from, Instant to) {
        period(from, to);
        return shifts.atStation(station, from, to);
    }

    @Override
    public Shift add(StationId station, ShiftRequest request, String by, StationId scope) {
        Shift candidate = candidate(ShiftId.random(), station, request, by, scope);
        shifts.exclusively(() -> {
            checkAgainstStored(candidate);
            shifts.save(candidate);
            return candidate;
        });
        recorded("ShiftPlanned", candidate, by);
        return candidate;
    }

    @Override
    public Shift change(StationId station, ShiftId id, ShiftRequest request, String by, StationId scope) {
        Shift changed = shifts.exclusively(() -> {
            Shift before = existing(station, id);
            Shift next = candidate(id, station, request, before.createdBy(), scope);
            checkAgainstStored(next);
            shifts.save(next);
            return next;
        });
        recorded("ShiftChanged", changed, by);
        return changed;
    }

    @Override
    public void remove(StationId station, ShiftId id, String by) {
        Shift removed = shifts.exclusively(() -> {
            Shift before = existing(station, id);
            shifts.remove(id);
            return before;
        });
        recorded("ShiftRemoved", removed, by);
    }

    /**
     * Copies the shifts that start on the {@code days} local days from {@code source} to the same hours from
     * {@code target} on: all of them, or none when one would overlap what is planned there.
     */
    @Override
    public List<Shift> copy(StationId station, LocalDate source, int days, LocalDate target, String by, StationId scope) {
        if (days < 1 || days > 14) {
            throw new IllegalArgumentException("days must be between 1 and 14, got " + days);
        }
        ZoneId zone = zone(station);
        Instant from = source.atStartOfDay(zone).toInstant();
        Instant to = source.plusDays(days).atStartOfDay(zone).toInstant();
        Duration offset = Duration.between(from, target.atStartOfDay(zone).toInstant());
        if (offset.abs().compareTo(Duration.between(from, to)) < 0) {
            throw new IllegalArgumentException("the days copied to must not overlap the days copied from");
        }
        List<Shift> copied = shifts.exclusively(() -> {
            List<Shift> made = new ArrayList<>();
            for (Shift s : shifts.atStation(station, from, to)) {
                if (s.from().isBefore(from)) {
                    continue; // began the day before: copied with that day
                }
                Shift next = s.movedBy(offset, ShiftId.random(), by);
                candidate(next.id(), station, new ShiftRequest(next.position(), next.username(), next.from(), next.to()), by, scope);
                checkAgainstStored(next);
                shifts.save(next);
                made.add(next);
            }
            return made;
        });
        copied.forEach(s -> recorded("ShiftPlanned", s, by));
        log.info("roster of {}: {} shift(s) of {} day(s) from {} copied to {} by {}", station, copied.size(), days, source, target, by);
        return copied;
    }

    @Override
    public List<StaffingHours.Hour> hours(StationId station, LocalDate day) {
        ZoneId zone = zone(station);
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        return StaffingHours.of(day, zone, shifts.atStation(station, from, to), presence.around(station, from, to), clock.instant());
    }

    /** Averaged over each hour, without the presence history. */
    @Override
    public List<Double> plannedPerHour(StationId station, LocalDate day) {
        ZoneId zone = zone(station);
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        return StaffingHours.of(day, zone, shifts.atStation(station, from, to), List.of(), from).stream().map(StaffingHours.Hour::planned).toList();
    }

    private Shift candidate(ShiftId id, StationId station, ShiftRequest request, String by, StationId scope) {
        if (request.position() == null || request.username() == null || request.from() == null || request.to() == null) {
            throw new IllegalArgumentException("a shift needs position, username, from and to");
        }
        Operator position = positions.find(request.position())
                .orElseThrow(() -> new IllegalArgumentException("no operator position " + request.position()));
        UserAccount person = users.find(request.username().trim())
                .orElseThrow(() -> new IllegalArgumentException("no user " + request.username().trim()));
        if (!person.enabled() || !person.roles().contains(Role.OPERATOR)) {
            throw new IllegalArgumentException(person.username() + " is not an active operator");
        }
        if (!stations.tree().isWithin(person.station(), scope)) {
            throw new IllegalArgumentException(person.username() + " belongs to " + stations.tree().get(person.station()).name()
                    + ", outside the stations you plan");
        }
        Shift shift = new Shift(id, station, position.id(), person.username(), request.from(), request.to(), by);
        rules.check(shift, position, List.of(), zone(station));
        if (!person.station().equals(position.station())) {
            // the plan must be one the station can carry out: only its own operators are seated at its positions
            throw new IllegalArgumentException(person.username() + " belongs to " + stations.tree().get(person.station()).name()
                    + "; the positions of " + stations.tree().get(position.station()).name() + " are for its own operators");
        }
        return shift;
    }

    private void checkAgainstStored(Shift candidate) {
        Operator position = positions.find(candidate.position()).orElseThrow();
        rules.check(candidate, position, shifts.ofPositionOrPerson(candidate.position(), candidate.username(), candidate.from(), candidate.to()),
                zone(candidate.station()));
    }

    private Shift existing(StationId station, ShiftId id) {
        return shifts.find(id).filter(s -> s.station().equals(station))
                .orElseThrow(() -> new NoSuchElementException("no shift " + id + " at " + station));
    }

    private ZoneId zone(StationId station) {
        Station s = stations.tree().get(station);
        return s.timeZone().zone();
    }

    private static void period(Instant from, Instant to) {
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(LONGEST_PERIOD) > 0) {
            throw new IllegalArgumentException("a roster period must end after it starts and span at most " + LONGEST_PERIOD.toDays() + " days");
        }
    }

    private void recorded(String type, Shift s, String by) {
        log.info("roster of {}: {} {} at {} from {} to {} by {}", s.station(), type, s.username(), s.position(), s.from(), s.to(), by);
        journal.append(type, SubjectKind.STATION, s.station().value(), by,
                new ShiftPayload(s.id().value(), s.position().value(), s.username(), s.from(), s.to()));
    }

    record ShiftPayload(String shift, String position, String username, Instant from, Instant to) {
    }
}
