package id.siaga.org;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a station's roster: {@code username} sits at operator position {@code position} of {@code station} from
 * {@code from} (inclusive) to {@code to} (exclusive). Instants; a console shows them in the station's time zone.
 */
public record Shift(ShiftId id, StationId station, OperatorId position, String username, Instant from, Instant to, String createdBy) {

    public Shift {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(createdBy, "createdBy");
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("a shift needs the username of who works it");
        }
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("a shift must end after it starts");
        }
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    /** Whether this shift and the period [{@code start}, {@code end}) share any moment. */
    public boolean overlaps(Instant start, Instant end) {
        return from.isBefore(end) && start.isBefore(to);
    }

    /** The same shift moved by {@code by} (copying a day or a week forward). */
    public Shift movedBy(Duration by, ShiftId newId, String creator) {
        return new Shift(newId, station, position, username, from.plus(by), to.plus(by), creator);
    }
}
