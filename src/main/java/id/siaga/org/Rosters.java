package id.siaga.org;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The stations' rosters as the API asks for them: shifts read, planned, changed, removed and copied forward (each
 * checked by {@link ShiftRules} and recorded by whoever implements it), and the planned against READY positions per hour.
 * {@code scope} is the caller's home station: the people they may plan belong to its subtree.
 */
public interface Rosters {

    /** What a supervisor asks for: a person at a position from when to when. */
    record ShiftRequest(OperatorId position, String username, Instant from, Instant to) {
    }

    /** The shifts of a station sharing a moment with [{@code from}, {@code to}). */
    List<Shift> between(StationId station, Instant from, Instant to);

    Shift add(StationId station, ShiftRequest request, String by, StationId scope);

    Shift change(StationId station, ShiftId id, ShiftRequest request, String by, StationId scope);

    void remove(StationId station, ShiftId id, String by);

    /** Copies the shifts starting on {@code days} local days from {@code source} to the same hours from {@code target}: all or none. */
    List<Shift> copy(StationId station, LocalDate source, int days, LocalDate target, String by, StationId scope);

    /** Planned against READY positions per local hour of {@code day}. */
    List<StaffingHours.Hour> hours(StationId station, LocalDate day);

    /** The positions the roster plans per local hour of {@code day}. */
    List<Double> plannedPerHour(StationId station, LocalDate day);
}
