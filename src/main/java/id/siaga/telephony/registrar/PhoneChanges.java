package id.siaga.telephony.registrar;

import id.siaga.org.OperatorId;
import java.util.Optional;

/**
 * Changes to the positions' phones made by an administrator: each stored, journalled with who made it (never a
 * password) and in force on every node at once. Unknown positions throw {@link java.util.NoSuchElementException},
 * contradictions {@link id.siaga.org.PositionConflictException}, bad values {@link IllegalArgumentException}.
 */
public interface PhoneChanges {

    /** A registering phone's new credentials as shown once: the SIP username, the password and the realm they are for. */
    record NewCredentials(String sipUser, String password, String realm) {

        @Override
        public String toString() {
            return "NewCredentials[" + sipUser + "@" + realm + ", password redacted]";
        }
    }

    /**
     * Gives the position a registering phone with freshly generated credentials, or new credentials to the one it has
     * (keeping its SIP username; the phone that held the old ones is no longer rung). Only HA1 is stored: the password
     * is in the answer and nowhere else. {@code sipUser} names a new phone's SIP username (default: from the position id).
     */
    NewCredentials generate(OperatorId position, Optional<String> sipUser, String by);

    /** The position's phone is rung at this {@code sip:} or {@code sips:} URI and never registers. */
    OperatorPhone.Static setStatic(OperatorId position, String contactUri, String by);

    /** The position has no phone any more. */
    void remove(OperatorId position, String by);

    /** Whether the position's phone is set in the configuration, out of this port's reach (changing it is refused). */
    boolean configured(OperatorId position);
}
