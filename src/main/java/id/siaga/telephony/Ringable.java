package id.siaga.telephony;

import id.siaga.org.OperatorId;
import id.siaga.org.PresenceBoard;
import id.siaga.org.StationId;
import id.siaga.routing.Availability;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Who the ladder may ring for one call, given every live call: the two {@link Availability} answers a stage is given. */
final class Ringable {

    private Ringable() {
    }

    /**
     * READY operators of a station; at the root, minus those already ringing for another waiting call there. In a cluster,
     * minus the phones another node rings ({@code elsewhere}: {@link PhoneClaims#ringingElsewhere()}).
     */
    static Availability forCall(CallId id, Collection<Call> calls, PresenceBoard presence, StationId root, Set<OperatorId> elsewhere) {
        return station -> {
            List<OperatorId> ready = presence.readyAt(station).stream().map(o -> o.id()).filter(op -> !elsewhere.contains(op)).toList();
            if (!station.equals(root)) {
                return ready;
            }
            Set<OperatorId> taken = ringingForOthers(id, calls, station);
            return ready.stream().filter(op -> !taken.contains(op)).toList();
        };
    }

    /** READY operators of a station not ringing for any other unanswered call: each is offered one waiting call. */
    static Availability forWaitingCall(CallId id, Collection<Call> calls, PresenceBoard presence, Set<OperatorId> elsewhere) {
        return station -> {
            Set<OperatorId> taken = ringingForOthers(id, calls, null);
            return presence.readyAt(station).stream().map(o -> o.id()).filter(op -> !taken.contains(op) && !elsewhere.contains(op)).toList();
        };
    }

    /** Operators ringing here for any unanswered call: the phones this node holds claims on. */
    static Set<OperatorId> ringingHere(Collection<Call> calls) {
        Set<OperatorId> ringing = new LinkedHashSet<>();
        for (Call call : calls) {
            if (call.unanswered() && call.ladder() != null) {
                call.ladder().ringing().forEach(l -> ringing.add(l.operator()));
            }
        }
        return ringing;
    }

    /** Operators ringing for unanswered calls other than {@code id}, at {@code station} (any station when null). */
    private static Set<OperatorId> ringingForOthers(CallId id, Collection<Call> calls, StationId station) {
        Set<OperatorId> taken = new LinkedHashSet<>();
        for (Call other : calls) {
            if (!other.id().equals(id) && other.unanswered() && other.ladder() != null) {
                other.ladder().ringing().stream().filter(l -> station == null || l.station().equals(station)).forEach(l -> taken.add(l.operator()));
            }
        }
        return taken;
    }
}
