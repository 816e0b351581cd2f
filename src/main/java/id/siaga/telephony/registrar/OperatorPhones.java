package id.siaga.telephony.registrar;

import id.siaga.org.OperatorId;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The phone of every operator position, and where to ring it now: a static contact always, a registering
 * phone at its live bindings. It is also the {@link CredentialLookup} for REGISTER, so only configured
 * registering positions can authenticate, and it maps a SIP username back to its operator for presence.
 * Immutable apart from the registrar it reads; configuration errors fail at construction, naming the
 * operator.
 */
public final class OperatorPhones implements CredentialLookup {

    private final Map<OperatorId, OperatorPhone> phones;
    private final Map<String, OperatorId> bySipUsername;
    private final Registrar registrar;

    public OperatorPhones(Map<OperatorId, ? extends OperatorPhone> phones, Registrar registrar) {
        this.registrar = Objects.requireNonNull(registrar, "registrar");
        Map<OperatorId, OperatorPhone> copy = new LinkedHashMap<>();
        Map<String, OperatorId> names = new HashMap<>();
        phones.forEach((operator, phone) -> {
            Objects.requireNonNull(operator, "operator id");
            Objects.requireNonNull(phone, () -> "phone of operator " + operator);
            if (phone instanceof OperatorPhone.Registering r) {
                OperatorId other = names.putIfAbsent(r.sipUsername(), operator);
                if (other != null) {
                    throw new IllegalArgumentException("operators " + other + " and " + operator + " share the SIP username "
                            + r.sipUsername() + "; each position needs its own");
                }
            }
            copy.put(operator, phone);
        });
        this.phones = java.util.Collections.unmodifiableMap(copy);
        this.bySipUsername = Map.copyOf(names);
    }

    public Optional<OperatorPhone> phoneOf(OperatorId operator) {
        return Optional.ofNullable(phones.get(operator));
    }

    /** The position that registers as this SIP username (the user part of the REGISTER's To URI). */
    public Optional<OperatorId> operatorBySipUsername(String sipUsername) {
        return Optional.ofNullable(bySipUsername.get(sipUsername));
    }

    /** Only registering positions have credentials; a static phone cannot REGISTER. */
    @Override
    public Optional<DigestCredential> credentialFor(String username) {
        return operatorBySipUsername(username).map(id -> ((OperatorPhone.Registering) phones.get(id)).credential());
    }

    /**
     * The contact URIs to send an INVITE to for this operator now: the static contact, or the active
     * bindings (empty when the phone is not registered or the operator has no phone). The bindings come from
     * {@link Registrar#contactsToRing}: shared by every node, and still answered from what this node last read
     * while the database is briefly away.
     */
    public List<String> contactsFor(OperatorId operator, Instant now) {
        OperatorPhone phone = phones.get(operator);
        if (phone instanceof OperatorPhone.Static s) {
            return List.of(s.contactUri());
        }
        if (phone instanceof OperatorPhone.Registering r) {
            return registrar.contactsToRing(r.sipUsername(), now).stream().map(Binding::contactUri).toList();
        }
        return List.of();
    }

    /** Whether this operator's phone can be rung now. */
    public boolean reachable(OperatorId operator, Instant now) {
        return !contactsFor(operator, now).isEmpty();
    }
}
