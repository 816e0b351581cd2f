package id.siaga.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What happened in dispatch, in the past tense; the app journals each and streams it to the consoles. */
public sealed interface DispatchEvent {

    /** The journal's event type, e.g. {@code unit.assigned}. */
    String type();

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
        public String type() {
            return "unit.assigned";
        }

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
    record AlertAcknowledged(Assignment assignment, String by, boolean onBehalf, Duration afterAlert, Instant at) implements DispatchEvent {
        public String type() {
            return "unit.acknowledged";
        }

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
        public String type() {
            return "unit.acknowledgement-overdue";
        }

        public String unitId() {
            return assignment.unitId();
        }

        public Map<String, Object> facts() {
            Map<String, Object> m = assignment.facts();
            m.put("waitedSeconds", waited.toSeconds());
            proposedNext.ifPresent(c -> m.putAll(DispatchEvent.facts("proposedUnit", c.unitId(), "proposedCallSign", c.callSign(),
                    "proposedEtaSeconds", c.eta(), "proposedDistanceMeters", Math.round(c.distanceMeters()))));
            return m;
        }
    }

    record UnitStatusChanged(String unitId, UnitStatus from, UnitStatus to, String by, String reason, AssignmentId assignment,
                             Instant at) implements DispatchEvent {
        public String type() {
            return "unit.status-changed";
        }

        public Map<String, Object> facts() {
            return DispatchEvent.facts("unit", unitId, "from", from, "to", to, "by", by, "reason", reason, "assignment", assignment);
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

        public Map<String, Object> facts() {
            Map<String, Object> m = assignment.facts();
            m.put("distanceMeters", Math.round(distanceMeters));
            return m;
        }
    }

    record AssignmentEnded(Assignment assignment, Instant at) implements DispatchEvent {
        public String type() {
            return assignment.state() == Assignment.State.CLEARED ? "unit.cleared" : "unit.assignment-cancelled";
        }

        public String unitId() {
            return assignment.unitId();
        }

        public Map<String, Object> facts() {
            return assignment.facts();
        }
    }

    /** The unit's GPS has been silent for the configured time: its device needs a check. */
    record UnitWentOffline(String unitId, Instant lastSeen, UnitStatus status, Instant at) implements DispatchEvent {
        public String type() {
            return "unit.offline";
        }

        public Map<String, Object> facts() {
            return DispatchEvent.facts("unit", unitId, "lastSeen", lastSeen, "status", status);
        }
    }

    record UnitBackOnline(String unitId, Duration silentFor, Instant at) implements DispatchEvent {
        public String type() {
            return "unit.online";
        }

        public Map<String, Object> facts() {
            return DispatchEvent.facts("unit", unitId, "silentSeconds", silentFor);
        }
    }
}
