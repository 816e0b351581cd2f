package id.siaga.org;

import java.util.List;

/**
 * Which positions of a station can be rung now: their phone is registered (a binding in force at the registrar every
 * node shares) or sits at a static contact. The rollout checklist asks it ("at least one position with a registered
 * phone"); the telephony wiring answers it from the registrar. Disabled positions never count.
 */
public interface PositionPhones {

    /** The enabled positions of exactly this station (not its subtree) whose phone can be rung now, in roster order. */
    List<OperatorId> registeredAt(StationId station);

    /** Whether this position's phone can be rung now (registered, or at a static contact). */
    boolean reachable(OperatorId position);

    /** Whether at least one position of this station has a phone that can be rung now. */
    default boolean anyRegisteredAt(StationId station) {
        return !registeredAt(station).isEmpty();
    }
}
