package id.siaga.dispatch;

import id.siaga.incident.IncidentId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One unit sent to one incident, with the time of every step: assigned and alerted (the same moment), the
 * officer's acknowledgement, departure, arrival, and the end (cleared by the unit, or cancelled by the
 * dispatcher). Immutable: each step returns the next {@link #version()}, so a store keeps a step only over the
 * version it was taken from and two nodes of a cluster cannot overwrite each other's steps.
 *
 * @param node    the node of the cluster whose timers watch it (the acknowledgement timeout): the one that made it, or
 *                the one that took its timers over when that node was lost
 * @param version 1 when made, one more at every step
 */
public record Assignment(AssignmentId id, String unitId, IncidentId incident, State state, String assignedBy, Instant assignedAt,
                         Instant acknowledgedAt, String acknowledgedBy, Instant enRouteAt, Instant onSceneAt, Instant endedAt,
                         String endedBy, String endReason, Instant acknowledgementOverdueAt, Instant onSceneProposedAt,
                         Double distanceAtAssignmentMeters, Duration etaAtAssignment, String node, long version) {

    public enum State {
        /** The alert went out; nobody has acknowledged it yet. */
        ALERTED,
        /** An officer of the unit acknowledged the alert. */
        ACKNOWLEDGED,
        /** The unit left for the incident ("BERANGKAT"). */
        EN_ROUTE,
        /** The unit arrived ("TIBA"). */
        ON_SCENE,
        /** The unit finished ("SELESAI"). */
        CLEARED,
        /** The dispatcher took the unit off the incident, or the incident was withdrawn. */
        CANCELLED;

        public boolean isActive() {
            return this != CLEARED && this != CANCELLED;
        }
    }

    public Assignment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(assignedAt, "assignedAt");
        Objects.requireNonNull(node, "node");
        if (version < 1) {
            throw new IllegalArgumentException("assignment version starts at 1, got " + version);
        }
    }

    static Assignment alerted(AssignmentId id, String unitId, IncidentId incident, String by, Instant at, Double distanceMeters, Duration eta,
                              String node) {
        return new Assignment(id, unitId, incident, State.ALERTED, by, at, null, null, null, null, null, null, null, null, null, distanceMeters, eta,
                node, 1);
    }

    public boolean isActive() {
        return state.isActive();
    }

    /** Plain values for the journal and the consoles (ids as strings, durations in seconds, nothing absent). */
    public java.util.Map<String, Object> facts() {
        return DispatchEvent.facts("assignment", id, "unit", unitId, "incident", incident, "state", state, "assignedBy", assignedBy,
                "assignedAt", assignedAt, "acknowledgedAt", acknowledgedAt, "acknowledgedBy", acknowledgedBy, "enRouteAt", enRouteAt,
                "onSceneAt", onSceneAt, "endedAt", endedAt, "endedBy", endedBy, "endReason", endReason,
                "acknowledgementOverdueAt", acknowledgementOverdueAt, "onSceneProposedAt", onSceneProposedAt,
                "distanceMeters", distanceAtAssignmentMeters == null ? null : Math.round(distanceAtAssignmentMeters),
                "etaSeconds", etaAtAssignment, "timersOn", node);
    }

    Assignment acknowledge(String by, Instant at) {
        if (acknowledgedAt != null) {
            return this;
        }
        return new Assignment(id, unitId, incident, state == State.ALERTED ? State.ACKNOWLEDGED : state, assignedBy, assignedAt, at, by,
                enRouteAt, onSceneAt, endedAt, endedBy, endReason, acknowledgementOverdueAt, onSceneProposedAt, distanceAtAssignmentMeters,
                etaAtAssignment, node, version + 1);
    }

    Assignment departed(String by, Instant at) {
        Assignment a = acknowledge(by, at);
        return new Assignment(id, unitId, incident, State.EN_ROUTE, assignedBy, assignedAt, a.acknowledgedAt, a.acknowledgedBy,
                enRouteAt == null ? at : enRouteAt, onSceneAt, endedAt, endedBy, endReason, acknowledgementOverdueAt, onSceneProposedAt,
                distanceAtAssignmentMeters, etaAtAssignment, node, version + 1);
    }

    Assignment arrived(String by, Instant at) {
        Assignment a = acknowledge(by, at);
        return new Assignment(id, unitId, incident, State.ON_SCENE, assignedBy, assignedAt, a.acknowledgedAt, a.acknowledgedBy, enRouteAt,
                onSceneAt == null ? at : onSceneAt, endedAt, endedBy, endReason, acknowledgementOverdueAt, onSceneProposedAt,
                distanceAtAssignmentMeters, etaAtAssignment, node, version + 1);
    }

    Assignment ended(State end, String by, String reason, Instant at) {
        return new Assignment(id, unitId, incident, end, assignedBy, assignedAt, acknowledgedAt, acknowledgedBy, enRouteAt, onSceneAt, at, by,
                reason, acknowledgementOverdueAt, onSceneProposedAt, distanceAtAssignmentMeters, etaAtAssignment, node, version + 1);
    }

    Assignment acknowledgementOverdue(Instant at) {
        return new Assignment(id, unitId, incident, state, assignedBy, assignedAt, acknowledgedAt, acknowledgedBy, enRouteAt, onSceneAt, endedAt,
                endedBy, endReason, at, onSceneProposedAt, distanceAtAssignmentMeters, etaAtAssignment, node, version + 1);
    }

    Assignment onSceneProposed(Instant at) {
        return new Assignment(id, unitId, incident, state, assignedBy, assignedAt, acknowledgedAt, acknowledgedBy, enRouteAt, onSceneAt, endedAt,
                endedBy, endReason, acknowledgementOverdueAt, at, distanceAtAssignmentMeters, etaAtAssignment, node, version + 1);
    }

    /** The same step, its timers now watched by {@code other} (the lost node's were taken over). */
    Assignment watchedBy(String other) {
        return new Assignment(id, unitId, incident, state, assignedBy, assignedAt, acknowledgedAt, acknowledgedBy, enRouteAt, onSceneAt, endedAt,
                endedBy, endReason, acknowledgementOverdueAt, onSceneProposedAt, distanceAtAssignmentMeters, etaAtAssignment, other, version + 1);
    }
}
