package id.siaga.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What happened in dispatch, in the past tense; the app journals each and streams it to the consoles. */
public sealed interface DispatchEvent {

    /** The journal's event type, e.g. {@code unit.assigned}. */
    String type();

    String unitId();

    Instant at();

    record UnitAssigned(Assignment assignment, String callSign, List<String> alertedVia, Instant at) implements DispatchEvent {
        public String type() {
            return "unit.assigned";
        }

        public String unitId() {
            return assignment.unitId();
        }
    }

    record AlertAcknowledged(Assignment assignment, String by, Duration afterAlert, Instant at) implements DispatchEvent {
        public String type() {
            return "unit.acknowledged";
        }

        public String unitId() {
            return assignment.unitId();
        }
    }

    /** Nobody acknowledged within the timeout: the dispatcher is warned and offered the next unit, if any. */
    record AcknowledgementOverdue(Assignment assignment, Duration waited, Optional<Recommendation.Candidate> proposedNext, Instant at)
            implements DispatchEvent {
        public String type() {
            return "unit.acknowledgement-overdue";
        }

        public String unitId() {
            return assignment.unitId();
        }
    }

    record UnitStatusChanged(String unitId, UnitStatus from, UnitStatus to, String by, String reason, AssignmentId assignment,
                             Instant at) implements DispatchEvent {
        public String type() {
            return "unit.status-changed";
        }
    }

    /** The unit's GPS puts it at the scene while it is still DISPATCHED or EN_ROUTE: ON_SCENE is proposed. */
    record OnSceneProposed(Assignment assignment, double distanceMeters, Instant at) implements DispatchEvent {
        public String type() {
            return "unit.on-scene-proposed";
        }

        public String unitId() {
            return assignment.unitId();
        }
    }

    record AssignmentEnded(Assignment assignment, Instant at) implements DispatchEvent {
        public String type() {
            return assignment.state() == Assignment.State.CLEARED ? "unit.cleared" : "unit.assignment-cancelled";
        }

        public String unitId() {
            return assignment.unitId();
        }
    }

    /** The unit's GPS has been silent for the configured time: its device needs a check. */
    record UnitWentOffline(String unitId, Instant lastSeen, UnitStatus status, Instant at) implements DispatchEvent {
        public String type() {
            return "unit.offline";
        }
    }

    record UnitBackOnline(String unitId, Duration silentFor, Instant at) implements DispatchEvent {
        public String type() {
            return "unit.online";
        }
    }
}
