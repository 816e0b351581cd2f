package id.siaga.org;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * What a roster accepts: a shift at a position of its own station, no longer than {@link #longest}, and never one
 * position or one person twice at once. Pure: the caller hands in the shifts that share a moment with the candidate.
 */
public final class ShiftRules {

    /** Sixteen hours: a double shift is the most a position is planned for in one go. */
    public static final Duration DEFAULT_LONGEST = Duration.ofHours(16);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Duration longest;

    public ShiftRules(Duration longest) {
        if (longest == null || longest.isZero() || longest.isNegative()) {
            throw new IllegalArgumentException("the longest shift must be positive");
        }
        this.longest = longest;
    }

    public Duration longest() {
        return longest;
    }

    /**
     * Refuses a candidate shift: {@link IllegalArgumentException} when it is wrong in itself (position of another station,
     * too long), {@link ShiftConflictException} when it overlaps another shift of its position or its person
     * ({@code overlapping}: the stored shifts sharing a moment with it; the candidate's own earlier version is ignored).
     */
    public void check(Shift candidate, Operator position, List<Shift> overlapping, ZoneId zone) {
        Objects.requireNonNull(position, "position");
        if (!position.id().equals(candidate.position())) {
            throw new IllegalArgumentException("the shift names position " + candidate.position() + ", not " + position.id());
        }
        if (!position.station().equals(candidate.station())) {
            throw new IllegalArgumentException("position " + position.id() + " is not at station " + candidate.station());
        }
        if (candidate.length().compareTo(longest) > 0) {
            throw new IllegalArgumentException("a shift may last at most " + longest.toHours() + " hours, this one lasts "
                    + hours(candidate.length()));
        }
        for (Shift other : overlapping) {
            if (other.id().equals(candidate.id()) || !other.overlaps(candidate.from(), candidate.to())) {
                continue;
            }
            String when = " from " + SHOWN.format(other.from().atZone(zone)) + " to " + SHOWN.format(other.to().atZone(zone));
            if (other.position().equals(candidate.position())) {
                throw new ShiftConflictException("position " + candidate.position() + " is already planned for " + other.username() + when);
            }
            if (other.username().equals(candidate.username())) {
                throw new ShiftConflictException(candidate.username() + " already works at position " + other.position() + when);
            }
        }
    }

    private static String hours(Duration d) {
        long minutes = d.toMinutes();
        return minutes % 60 == 0 ? (minutes / 60) + " hours" : (minutes / 60) + " h " + (minutes % 60) + " min";
    }
}
