package id.siaga.dispatch;

import id.siaga.incident.IncidentId;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The incident's steps against the on-scene target (10 minutes, Polri 2026): call answered → incident created →
 * first unit dispatched → first acknowledgement → first unit on scene, each with the time since the start
 * (the call's answer, or the creation of a report from another channel). Running until a unit is on scene.
 */
public record IncidentClock(IncidentId incident, Instant start, Instant callAnsweredAt, Instant createdAt, Instant dispatchedAt,
                            Instant acknowledgedAt, Instant onSceneAt, Duration target, Duration elapsed, Duration remaining,
                            State state) {

    public enum State {
        /** No unit on scene yet, within the target. */
        RUNNING,
        /** No unit on scene yet and the target has passed. */
        OVERDUE,
        /** A unit arrived within the target. */
        MET,
        /** A unit arrived, after the target. */
        MISSED
    }

    /** The clock as of {@code now}, from the incident's times and its assignments. */
    public static IncidentClock of(DispatchTarget incident, List<Assignment> assignments, Duration target, Instant now) {
        Objects.requireNonNull(target, "target");
        Instant start = incident.clockStart();
        Instant dispatched = first(assignments.stream().map(Assignment::assignedAt).toList());
        Instant acknowledged = first(assignments.stream().map(Assignment::acknowledgedAt).toList());
        Instant onScene = first(assignments.stream().map(Assignment::onSceneAt).toList());
        Instant until = onScene != null ? onScene : now;
        Duration elapsed = Duration.between(start, until);
        if (elapsed.isNegative()) {
            elapsed = Duration.ZERO;
        }
        boolean within = elapsed.compareTo(target) <= 0;
        State state = onScene != null ? (within ? State.MET : State.MISSED) : (within ? State.RUNNING : State.OVERDUE);
        return new IncidentClock(incident.incident(), start, incident.callAnsweredAt(), incident.createdAt(), dispatched, acknowledged,
                onScene, target, elapsed, target.minus(elapsed), state);
    }

    private static Instant first(List<Instant> times) {
        return times.stream().filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    }
}
