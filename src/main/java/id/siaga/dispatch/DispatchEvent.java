package id.siaga.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What happened in dispatch, in the past tense; the app journals each and streams it to the consoles. */
public sealed interface DispatchEvent {

    /**
     * The journal's and the CAD stream's name for it: the record's simple name ({@code UnitAssigned},
     * {@code UnitStatusChanged} …), the convention of every journalled event. Rows journalled before issue 13 carry
     * the older dotted names ({@code unit.assigned}, {@code unit.status-changed} …; CHANGELOG.md).
     */
    default String type() {
        return getClass().getSimpleName();
    }

    String unitId();

    Instant at();

    /** What the journal and the consoles keep of it: plain values, ids as strings, nothing absent. */
    Map<String, Object> facts();

    /** A map that leaves out what is absent; ids and durations as strings. */
    static Map<String, Object> facts(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object v = keysAndValues[i + 1];
            if (v instanceof Optional<?> o) {
                v = o.orElse(null);
            }
            if (v instanceof AssignmentId || v instanceof id.siaga.incident.IncidentId || v instanceof id.siaga.org.StationId) {
                v = v.toString();
            } else if (v instanceof Duration d) {
                v = d.toSeconds();
            } else if (v instanceof Enum<?> e) {
                v = e.name();
            }
            if (v != null) {
                m.put((String) keysAndValues[i], v);
            }
        }
        return m;
    }

    record UnitAssigned(Assignment assignment, String callSign, List<String> alertedVia, Instant at) implements DispatchEvent {
        public String unitId() {
            return assignment.unitId();
        }

        public Map<String, Object> facts() {
            Map<String, Object> m = assignment.facts();
            m.put("callSign", callSign);
            m.put("alertedVia", alertedVia);
            return m;
        }
    }

    /** {@code onBehalf}: a dispatcher recorded the acknowledgement the unit gave another way (by radio, by phone). */
    record UnitAcknowledged(Assignment assignment, String by, boolean onBehalf, Duration afterAlert, Instant at) implements DispatchEvent {
        public String unitId() {
            return assignment.unitId();
        }

        public Map<String, Object> facts() {
            Map<String, Object> m = assignment.facts();
            m.put("secondsAfterAlert", afterAlert.toSeconds());
            m.put("onBehalf", onBehalf);
            return m;
        }
    }

    /** Nobody acknowledged within the timeout: the dispatcher is warned and offered the next unit, if any. */
    record AcknowledgementOverdue(Assignment assignment, Duration waited, Optional<Recommendation.Candidate> proposedNext, Instant at)
            implements DispatchEvent {
        public String unitId() {
            return assignment.unitId();
        }

        public Map<String, Object> facts() {
            Map<String, Object> m = assignment.facts();
            m.put("waitedSeconds", waited.toSeconds());
            proposedNext.ifPresent(c -> m.putAll(DispatchEvent.facts("proposedUnit", c.unitId(), "proposedCallSign", c.callSign(),
                    "proposedEtaSeconds", c.eta(), "proposedDistanceMeters", Math.round(c.distanceMeters()), "proposedOwnStation", c.ownStation())));
            return m;
        }
    }

    record UnitStatusChanged(String unitId, UnitStatus from, UnitStatus to, String by, String reason, AssignmentId assignment,
                             Instant at) implements DispatchEvent {
        public Map<String, Object> facts() {
            return DispatchEvent.facts("unit", unitId, "from", from, "to", to, "by", by, "reason", reason, "assignment", assignment);
        }
    }

    /** The unit's GPS puts it at the scene while it is still DISPATCHED or EN_ROUTE: ON_SCENE is proposed. */
    record OnSceneProposed(Assignment assignment, double distanceMeters, Instant at) implements DispatchEvent {
        public String unitId() {
            return assignment.unitId();
        }

        public Map<String, Object> facts() {
            Map<String, Object> m = assignment.facts();
            m.put("distanceMeters", Math.round(distanceMeters));
            return m;
        }
    }

    /** The assignment is over: the unit cleared the scene, or the assignment was cancelled (withdrawn, the incident closed). */
    sealed interface AssignmentEnded extends DispatchEvent {

        Assignment assignment();

        /** The event for an assignment that has just ended, by how it ended. */
        static AssignmentEnded of(Assignment ended, Instant at) {
            return ended.state() == Assignment.State.CLEARED ? new UnitCleared(ended, at) : new AssignmentCancelled(ended, at);
        }

        @Override
        default String unitId() {
            return assignment().unitId();
        }

        @Override
        default Map<String, Object> facts() {
            return assignment().facts();
        }
    }

    /** The unit cleared the scene: its assignment is done. */
    record UnitCleared(Assignment assignment, Instant at) implements AssignmentEnded {
    }

    /** The assignment was cancelled before the unit cleared (withdrawn by a dispatcher, or its incident ended). */
    record AssignmentCancelled(Assignment assignment, Instant at) implements AssignmentEnded {
    }

    /** The unit's GPS has been silent for the configured time: its device needs a check. */
    record UnitWentOffline(String unitId, Instant lastSeen, UnitStatus status, Instant at) implements DispatchEvent {
        public Map<String, Object> facts() {
            return DispatchEvent.facts("unit", unitId, "lastSeen", lastSeen, "status", status);
        }
    }

    record UnitBackOnline(String unitId, Duration silentFor, Instant at) implements DispatchEvent {
        public Map<String, Object> facts() {
            return DispatchEvent.facts("unit", unitId, "silentSeconds", silentFor);
        }
    }
}
