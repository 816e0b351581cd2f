package id.siaga.telephony.registrar;

import id.siaga.telephony.registrar.RegisterOutcome.Accepted;
import id.siaga.telephony.registrar.RegisterOutcome.Transition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The location service of RFC 3261 §10: which contacts each address-of-record (an operator position's SIP
 * username, e.g. {@code op-3404-1}) can be reached at, until when. A REGISTER is applied whole or not at all.
 * Contact URIs are compared as exact strings: phones repeat their Contact byte for byte on every refresh, and
 * full §19.1.4 URI equality belongs to the SIP stack if ever needed.
 *
 * <p>Time is always a parameter. Reads never remove anything: a binding whose time is up stops being
 * listed at once, but the position counts as registered until {@link #expireUntil} reports it or a REGISTER
 * replaces it, so every came-online is matched by exactly one went-offline for presence.
 *
 * <p>The bindings live in a {@link BindingStore}; in a cluster every node's registrar shares one (the database), so a
 * phone that registers through one node is rung by any node, and each REGISTER is applied atomically per
 * address-of-record across all of them. The rules here are the same whatever the store. When the store is away,
 * {@link #register}, {@link #activeContacts} and {@link #expireUntil} throw {@link BindingStore.Unavailable} (a REGISTER
 * cannot be confirmed, so nothing is answered 200), while {@link #contactsToRing} answers from the bindings this node
 * last read (see {@link RingingBindings}), so a brief outage does not stop calls from ringing registered phones.
 * Thread-safe.
 */
public final class Registrar implements AutoCloseable {

    private final ExpiryPolicy policy;
    private final BindingStore store;
    private final RingingBindings ringing;

    /** Ringing reads the store on every call, on the caller's thread: for a store in memory. */
    public Registrar(ExpiryPolicy policy, BindingStore store) {
        this(policy, store, new RingingBindings(store));
    }

    /**
     * Ringing reads the store at most once per {@code freshFor} per position and waits at most {@code readWait} for it
     * (see {@link RingingBindings}): for a store in a database.
     */
    public Registrar(ExpiryPolicy policy, BindingStore store, java.time.Duration freshFor, java.time.Duration readWait) {
        this(policy, store, new RingingBindings(store, freshFor, readWait));
    }

    private Registrar(ExpiryPolicy policy, BindingStore store, RingingBindings ringing) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.store = Objects.requireNonNull(store, "store");
        this.ringing = ringing;
    }

    /**
     * A REGISTER with one Contact. {@code contactUri} may be {@code *}, which with expiry 0 removes every
     * binding of the AOR.
     *
     * @param requestedExpiresSeconds the Contact's {@code expires} parameter, else the Expires header, else empty
     */
    public RegisterOutcome register(String aor, String contactUri, OptionalLong requestedExpiresSeconds, String callId, long cseq,
            Instant now) {
        return register(aor, List.of(new RequestedContact(contactUri, requestedExpiresSeconds)), OptionalLong.empty(), callId, cseq, now);
    }

    /**
     * A REGISTER with all its Contacts, applied atomically (RFC 3261 §10.3 steps 6-8). A REGISTER without
     * Contact is a query: call {@link #activeContacts} instead.
     *
     * @param expiresHeaderSeconds the Expires header, used for a contact without its own {@code expires}
     */
    public RegisterOutcome register(String aor, List<RequestedContact> contacts, OptionalLong expiresHeaderSeconds, String callId,
            long cseq, Instant now) {
        Objects.requireNonNull(aor, "aor");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(now, "now");
        List<Duration> expiries = new ArrayList<>();
        for (RequestedContact c : contacts) {
            OptionalLong asked = c.expiresSeconds().isPresent() ? c.expiresSeconds() : expiresHeaderSeconds;
            if (c.uri().isBlank()) {
                return new RegisterOutcome.Invalid("empty Contact URI");
            }
            if (asked.isPresent() && asked.getAsLong() < 0) {
                return new RegisterOutcome.Invalid("negative expiry " + asked.getAsLong() + " for " + c.uri());
            }
            if (c.isWildcard() && (contacts.size() != 1 || asked.orElse(-1) != 0)) {
                return new RegisterOutcome.Invalid("Contact: * must be the only contact and come with Expires: 0");
            }
            if (asked.orElse(0) > 0 && asked.getAsLong() < policy.minExpires().toSeconds()) {
                return new RegisterOutcome.IntervalTooBrief(policy.minExpires());
            }
            expiries.add(granted(asked));
        }
        RegisterOutcome outcome = stored(() -> store.change(aor, stored -> decide(aor, stored, contacts, expiries, callId, cseq, now)));
        if (outcome instanceof Accepted accepted) {
            ringing.wrote(aor, accepted.bindings(), now);
        }
        return outcome;
    }

    /** §10.3 steps 6-8 over the stored bindings: what to store instead, and the outcome. */
    private BindingStore.Update<RegisterOutcome> decide(String aor, List<Binding> before, List<RequestedContact> contacts,
            List<Duration> expiries, String callId, long cseq, Instant now) {
        List<Binding> next = new ArrayList<>(before);
        next.removeIf(b -> !b.activeAt(now));
        Set<String> touched = new HashSet<>();
        for (int k = 0; k < contacts.size(); k++) {
            RequestedContact c = contacts.get(k);
            String rejected = c.isWildcard() ? removeAll(next, callId, cseq)
                    : apply(next, aor, c.uri(), expiries.get(k), callId, cseq, now, touched.add(c.uri()));
            if (rejected != null) {
                return BindingStore.Update.keep(new RegisterOutcome.OutOfOrder(rejected));
            }
        }
        if (next.size() > policy.maxContactsPerAor() && next.size() > activeCount(before, now)) {
            return BindingStore.Update.keep(new RegisterOutcome.TooManyContacts(policy.maxContactsPerAor()));
        }
        Transition t = before.isEmpty() == next.isEmpty() ? Transition.UNCHANGED
                : next.isEmpty() ? Transition.UNREGISTERED : Transition.REGISTERED;
        return BindingStore.Update.replace(next, new Accepted(next, t));
    }

    /** The bindings in force at {@code now}, oldest first, as the store holds them now. */
    public List<Binding> activeContacts(String aor, Instant now) {
        List<Binding> stored = stored(() -> store.bindingsOf(aor));
        ringing.wrote(aor, stored, now);
        return stored.stream().filter(b -> b.activeAt(now)).toList();
    }

    public boolean isRegistered(String aor, Instant now) {
        return !activeContacts(aor, now).isEmpty();
    }

    /**
     * How a position's phone stands at the registrar now: registered at its bindings in force, registered once and no
     * more (since when), or never registered. Throws {@link BindingStore.Unavailable} when the store is away.
     */
    public Registration registrationOf(String aor, Instant now) {
        List<Binding> active = activeContacts(aor, now);
        if (!active.isEmpty()) {
            return new Registration(Registration.State.REGISTERED, active, java.util.Optional.empty());
        }
        java.util.Optional<Instant> until = stored(() -> store.lastBoundUntil(aor));
        return until.map(t -> new Registration(Registration.State.EXPIRED, List.of(), java.util.Optional.of(t)))
                .orElseGet(() -> new Registration(Registration.State.NEVER_REGISTERED, List.of(), java.util.Optional.empty()));
    }

    /**
     * Removes every binding of {@code aor} at once (its credentials were replaced or taken away: the phone that holds the
     * old ones must not be rung any more); whether any was in force. Throws {@link BindingStore.Unavailable} when the store
     * is away, removing nothing.
     */
    public boolean forget(String aor, Instant now) {
        boolean had = stored(() -> store.change(aor, stored -> stored.isEmpty() ? BindingStore.Update.keep(false)
                : BindingStore.Update.replace(List.of(), stored.stream().anyMatch(b -> b.activeAt(now)))));
        ringing.wrote(aor, List.of(), now);
        return had;
    }

    /**
     * The bindings to ring at {@code now}, oldest first: read from the store, or, within the freshness this registrar
     * was built with or while the store is away, the bindings this node last read or wrote (only those still in force
     * at {@code now}). Never throws for want of the store.
     */
    public List<Binding> contactsToRing(String aor, Instant now) {
        return ringing.activeAt(aor, now);
    }

    /**
     * Drops every binding whose time is up at {@code now} and reports the positions that thereby lost their
     * last one, in the order they lapsed, each exactly once, also across registrars sharing the store. Call it every
     * few seconds; it asks the store for the positions with a lapsed binding, then changes each in its own step. When
     * the store goes away part-way, the positions already removed are reported and the rest wait for the next call;
     * when it is away from the start, {@link BindingStore.Unavailable} is thrown.
     */
    public List<RegistrationExpired> expireUntil(Instant now) {
        List<RegistrationExpired> lapsed = new ArrayList<>();
        for (String aor : stored(() -> store.withLapsedBindings(now))) {
            // Another node may sweep the same position at once: the store's change is atomic per position, so
            // only the one that still finds the lapsed bindings reports them.
            RegistrationExpired gone;
            try {
                gone = stored(() -> store.change(aor, stored -> {
                    List<Binding> active = stored.stream().filter(b -> b.activeAt(now)).toList();
                    if (active.size() == stored.size()) {
                        return BindingStore.Update.keep(null);
                    }
                    if (active.isEmpty()) {
                        Instant last = stored.stream().map(Binding::expiresAt).max(Comparator.naturalOrder()).orElse(now);
                        return BindingStore.Update.replace(List.of(), new RegistrationExpired(aor, last));
                    }
                    return BindingStore.Update.replace(active, null);
                }));
            } catch (BindingStore.Unavailable e) {
                // what was removed before the store went away is reported now, or never: the rest waits for the next sweep
                break;
            }
            if (gone != null) {
                lapsed.add(gone);
            }
        }
        lapsed.sort(Comparator.comparing(RegistrationExpired::at).thenComparing(RegistrationExpired::aor));
        return lapsed;
    }

    /** Stops the thread that reads bindings for ringing, if this registrar has one. */
    @Override
    public void close() {
        ringing.close();
    }

    /** Runs one call to the store, telling ringing whether the store answered (it reads again) or not (it falls back). */
    private <T> T stored(java.util.function.Supplier<T> call) {
        T result;
        try {
            result = call.get();
        } catch (BindingStore.Unavailable e) {
            ringing.storeFailed(e);
            throw e;
        }
        ringing.storeAnswered();
        return result;
    }

    private Duration granted(OptionalLong askedSeconds) {
        if (askedSeconds.isEmpty()) {
            return policy.defaultExpires();
        }
        Duration asked = Duration.ofSeconds(askedSeconds.getAsLong());
        return asked.compareTo(policy.maxExpires()) > 0 ? policy.maxExpires() : asked;
    }

    /**
     * §10.3 step 7 for one contact; the reason to abort, or null when applied. A CSeq equal to the stored
     * one fails too (RFC 3261 asks for a higher one), unless this very request set it: a Contact listed twice.
     */
    private static String apply(List<Binding> next, String aor, String uri, Duration expires, String callId, long cseq, Instant now,
            boolean firstInRequest) {
        for (int k = 0; k < next.size(); k++) {
            Binding b = next.get(k);
            if (!b.contactUri().equals(uri)) {
                continue;
            }
            if (firstInRequest && b.callId().equals(callId) && cseq <= b.cseq()) {
                return "CSeq " + cseq + " is not above " + b.cseq() + " for Call-ID " + callId;
            }
            if (expires.isZero()) {
                next.remove(k);
            } else {
                next.set(k, new Binding(aor, uri, now.plus(expires), callId, cseq));
            }
            return null;
        }
        if (!expires.isZero()) {
            next.add(new Binding(aor, uri, now.plus(expires), callId, cseq));
        }
        return null;
    }

    /** §10.3 step 6: {@code Contact: *} removes every binding unless one was set by a later request of this Call-ID. */
    private static String removeAll(List<Binding> next, String callId, long cseq) {
        for (Binding b : next) {
            if (b.callId().equals(callId) && cseq <= b.cseq()) {
                return "CSeq " + cseq + " is not above " + b.cseq() + " for Call-ID " + callId;
            }
        }
        next.clear();
        return null;
    }

    private static long activeCount(List<Binding> list, Instant now) {
        return list.stream().filter(b -> b.activeAt(now)).count();
    }
}
