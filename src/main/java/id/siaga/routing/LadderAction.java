package id.siaga.routing;

import id.siaga.org.OperatorId;
import id.siaga.org.StationId;
import java.util.List;

/** What the ladder decided; telephony carries each action out and the journal records it. */
public sealed interface LadderAction {

    /** Ring this operator's phone. */
    record Ring(Leg leg) implements LadderAction {
    }

    /** Stop ringing this phone: the call moved on (MOVE mode) or was answered elsewhere. */
    record Cancel(Leg leg) implements LadderAction {
    }

    /** The call climbed from one station to its parent; {@code missed} are the operators who let it ring there. */
    record Escalated(StationId from, StationId to, int toTier, EscalationReason reason, List<OperatorId> missed) implements LadderAction {
    }

    /** The call reached the top with nobody to ring: it waits, and rings as soon as a top operator is READY. */
    record Queued(StationId top) implements LadderAction {
    }
}
