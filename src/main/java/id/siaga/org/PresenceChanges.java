package id.siaga.org;

import java.util.Optional;

/**
 * Presence changes made by someone (an operator at the console, the registrar, the SIP edge): the
 * {@link PresenceBoard} moved and the change recorded with who made it. The console's API asks through this
 * port; the recording (log, journal, the live event) belongs to whoever implements it.
 */
public interface PresenceChanges {

    /** Moves an operator to a state on behalf of {@code by}; empty when the operator was already in it. */
    Optional<PresenceChanged> change(OperatorId operator, Presence to, String by);
}
