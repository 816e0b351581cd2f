package id.siaga.telephony.registrar;

import id.siaga.org.OperatorId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Where the positions' phones are kept (the database every node shares): a registering phone as its SIP username and
 * HA1 only, never a password; a static one as its contact.
 */
public interface PhoneStore {

    /** Every stored phone, by position id. */
    Map<OperatorId, OperatorPhone> all();

    Optional<OperatorPhone> find(OperatorId position);

    /**
     * Sets the position's phone, replacing any it had. A registering phone must carry an HA1 ({@link DigestCredential.Ha1}),
     * never a password.
     */
    void put(OperatorId position, OperatorPhone phone, String by, Instant at);

    /** Removes the position's phone; whether it had one. */
    boolean remove(OperatorId position);

    /** The position whose phone registers as this SIP username. */
    Optional<OperatorId> bySipUser(String sipUser);

    boolean isEmpty();
}
