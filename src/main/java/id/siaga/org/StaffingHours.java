package id.siaga.org;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Planned against actual staffing of one station, per local hour of a day. {@code planned} is the number of positions
 * the roster plans, averaged over the hour (a shift covering half the hour counts one half); {@code ready} is the
 * number of positions that were READY, averaged over the part of the hour that has passed (null for an hour still to
 * come). An hour is under-staffed when fewer positions were READY than planned. Pure: the roster and the presence
 * history come in.
 */
public final class StaffingHours {

    /** One local hour: its start, planned and READY positions (two decimals), and whether fewer were READY than planned. */
    public record Hour(int hour, Instant start, double planned, Double ready, boolean understaffed) {
    }

    /** When a position was READY, from (inclusive) to (exclusive). */
    record ReadyPeriod(OperatorId position, Instant from, Instant to) {
    }

    private StaffingHours() {
    }

    /**
     * The hours of {@code day} in {@code zone}: {@code shifts} are the roster's shifts touching the day, {@code history}
     * the presence changes as {@link PresenceHistory#around} gives them for the day, {@code now} the end of what happened.
     */
    public static List<Hour> of(LocalDate day, ZoneId zone, List<Shift> shifts, List<PresenceChanged> history, Instant now) {
        Instant dayStart = day.atStartOfDay(zone).toInstant();
        Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
        List<ReadyPeriod> ready = readyPeriods(history, dayStart, now.isBefore(dayEnd) ? now : dayEnd);
        List<Hour> hours = new ArrayList<>();
        int index = 0;
        for (Instant start = dayStart; start.isBefore(dayEnd); start = start.plus(Duration.ofHours(1)), index++) {
            Instant end = start.plus(Duration.ofHours(1));
            double planned = round(covered(shifts.stream().map(s -> new Instant[] {s.from(), s.to()}).toList(), start, end));
            Double readyShare = null;
            if (now.isAfter(start)) {
                Instant until = now.isBefore(end) ? now : end;
                readyShare = round(covered(ready.stream().map(p -> new Instant[] {p.from(), p.to()}).toList(), start, until));
            }
            hours.add(new Hour(index, start, planned, readyShare, readyShare != null && readyShare < planned));
        }
        return hours;
    }

    /**
     * The first moment in [{@code from}, {@code to}) at which no shift of {@code shifts} is planned; empty when every
     * moment has at least one.
     */
    public static Optional<Instant> firstGap(List<Shift> shifts, Instant from, Instant to) {
        Instant covered = from;
        for (Shift s : shifts.stream().sorted(Comparator.comparing(Shift::from)).toList()) {
            if (s.from().isAfter(covered)) {
                break;
            }
            if (s.to().isAfter(covered)) {
                covered = s.to();
            }
        }
        return covered.isBefore(to) ? Optional.of(covered) : Optional.empty();
    }

    /** READY periods of each position within [{@code from}, {@code until}), from its changes (oldest first). */
    static List<ReadyPeriod> readyPeriods(List<PresenceChanged> history, Instant from, Instant until) {
        Map<OperatorId, Instant> readySince = new HashMap<>();
        List<ReadyPeriod> periods = new ArrayList<>();
        for (PresenceChanged c : history.stream().sorted(Comparator.comparing(PresenceChanged::at)).toList()) {
            Instant since = readySince.remove(c.operator());
            if (since != null) {
                periods.add(new ReadyPeriod(c.operator(), since, c.at()));
            }
            if (c.to() == Presence.READY) {
                readySince.put(c.operator(), c.at());
            }
        }
        readySince.forEach((op, since) -> periods.add(new ReadyPeriod(op, since, until)));
        return periods.stream()
                .map(p -> new ReadyPeriod(p.position(), p.from().isBefore(from) ? from : p.from(), p.to().isAfter(until) ? until : p.to()))
                .filter(p -> p.to().isAfter(p.from())).toList();
    }

    /** The periods' total time within [{@code start}, {@code end}) divided by its length. */
    private static double covered(List<Instant[]> periods, Instant start, Instant end) {
        long span = Duration.between(start, end).toMillis();
        if (span <= 0) {
            return 0;
        }
        long total = 0;
        for (Instant[] p : periods) {
            Instant a = p[0].isAfter(start) ? p[0] : start;
            Instant b = p[1].isBefore(end) ? p[1] : end;
            if (b.isAfter(a)) {
                total += Duration.between(a, b).toMillis();
            }
        }
        return (double) total / span;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
