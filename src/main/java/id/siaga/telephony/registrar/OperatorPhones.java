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
 * registering positions can authenticate, and it maps a SIP username back to its operator for presence. The set of phones is live ({@link #replace}: phones set in the console at run time); thread-safe.
 */
public final class OperatorPhones implements CredentialLookup {

    /** Every phone and the SIP usernames that register, never changed once built. */
    private record Snapshot(Map<OperatorId, OperatorPhone> phones, Map<String, OperatorId> bySipUsername) {

        static Snapshot of(Map<OperatorId, ? extends OperatorPhone> phones) {
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
            return new Snapshot(java.util.Collections.unmodifiableMap(copy), Map.copyOf(names));
        }
    }

    private volatile Snapshot snapshot;
    private final Registrar registrar;

    public OperatorPhones(Map<OperatorId, ? extends OperatorPhone> phones, Registrar registrar) {
        this.registrar = Objects.requireNonNull(registrar, "registrar");
        this.snapshot = Snapshot.of(phones);
    }

    /**
     * From now on the phones are these (a phone set, changed or removed at run time): every read sees the old set or the
     * new one, never a mix. Throws, changing nothing, when two positions share a SIP username.
     */
    public void replace(Map<OperatorId, ? extends OperatorPhone> phones) {
        snapshot = Snapshot.of(phones);
    }

    /** Every position's phone, in the order they were given. */
    public Map<OperatorId, OperatorPhone> all() {
        return snapshot.phones();
    }

    /** The registrar the registering phones are rung through. */
    public Registrar registrar() {
        return registrar;
    }

    public Optional<OperatorPhone> phoneOf(OperatorId operator) {
        return Optional.ofNullable(snapshot.phones().get(operator));
    }

    /** The position that registers as this SIP username (the user part of the REGISTER's To URI). */
    public Optional<OperatorId> operatorBySipUsername(String sipUsername) {
        return Optional.ofNullable(snapshot.bySipUsername().get(sipUsername));
    }

    /** Only registering positions have credentials; a static phone cannot REGISTER. */
    @Override
    public Optional<DigestCredential> credentialFor(String username) {
        Snapshot now = snapshot;
        return Optional.ofNullable(now.bySipUsername().get(username)).map(now.phones()::get)
                .filter(OperatorPhone.Registering.class::isInstance).map(p -> ((OperatorPhone.Registering) p).credential());
    }

    /**
     * The contact URIs to send an INVITE to for this operator now: the static contact, or the active
     * bindings (empty when the phone is not registered or the operator has no phone). The bindings come from
     * {@link Registrar#contactsToRing}: shared by every node, and still answered from what this node last read
     * while the database is briefly away.
     */
    public List<String> contactsFor(OperatorId operator, Instant now) {
        OperatorPhone phone = snapshot.phones().get(operator);
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
