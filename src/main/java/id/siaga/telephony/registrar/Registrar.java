package id.siaga.telephony.registrar;

import id.siaga.telephony.registrar.RegisterOutcome.Accepted;
import id.siaga.telephony.registrar.RegisterOutcome.Transition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The location service of RFC 3261 §10: which contacts each address-of-record (an operator position's SIP
 * username, e.g. {@code op-3404-1}) can be reached at, until when. A REGISTER is applied whole or not at all.
 * Contact URIs are compared as exact strings: phones repeat their Contact byte for byte on every refresh, and
 * full §19.1.4 URI equality belongs to the SIP stack if ever needed.
 *
 * <p>Time is always a parameter. Reads never remove anything: a binding whose time is up stops being
 * listed at once, but the position counts as registered until {@link #expireUntil} reports it or a REGISTER
 * replaces it, so every came-online is matched by exactly one went-offline for presence. Thread-safe: each
 * address-of-record is updated atomically.
 */
public final class Registrar {

    private final ExpiryPolicy policy;
    private final Map<String, List<Binding>> bindings = new ConcurrentHashMap<>();

    public Registrar(ExpiryPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
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
        RegisterOutcome[] outcome = new RegisterOutcome[1];
        bindings.compute(aor, (key, stored) -> {
            List<Binding> before = stored == null ? List.of() : stored;
            List<Binding> next = new ArrayList<>(before);
            next.removeIf(b -> !b.activeAt(now));
            Set<String> touched = new HashSet<>();
            for (int k = 0; k < contacts.size(); k++) {
                RequestedContact c = contacts.get(k);
                String rejected = c.isWildcard() ? removeAll(next, callId, cseq)
                        : apply(next, aor, c.uri(), expiries.get(k), callId, cseq, now, touched.add(c.uri()));
                if (rejected != null) {
                    outcome[0] = new RegisterOutcome.OutOfOrder(rejected);
                    return stored;
                }
            }
            if (next.size() > policy.maxContactsPerAor() && next.size() > activeCount(before, now)) {
                outcome[0] = new RegisterOutcome.TooManyContacts(policy.maxContactsPerAor());
                return stored;
            }
            Transition t = before.isEmpty() == next.isEmpty() ? Transition.UNCHANGED
                    : next.isEmpty() ? Transition.UNREGISTERED : Transition.REGISTERED;
            outcome[0] = new Accepted(next, t);
            return next.isEmpty() ? null : List.copyOf(next);
        });
        return outcome[0];
    }

    /** The bindings in force at {@code now}, oldest first. */
    public List<Binding> activeContacts(String aor, Instant now) {
        List<Binding> stored = bindings.getOrDefault(aor, List.of());
        return stored.stream().filter(b -> b.activeAt(now)).toList();
    }

    public boolean isRegistered(String aor, Instant now) {
        return bindings.getOrDefault(aor, List.of()).stream().anyMatch(b -> b.activeAt(now));
    }

    /**
     * Drops every binding whose time is up at {@code now} and reports the positions that thereby lost their
     * last one, in the order they lapsed, each exactly once. Call it every few seconds; it scans all
     * positions, which is cheap for the thousands a node serves.
     */
    public List<RegistrationExpired> expireUntil(Instant now) {
        List<RegistrationExpired> lapsed = new ArrayList<>();
        for (String aor : bindings.keySet()) {
            bindings.computeIfPresent(aor, (key, stored) -> {
                List<Binding> active = stored.stream().filter(b -> b.activeAt(now)).toList();
                if (active.isEmpty()) {
                    Instant last = stored.stream().map(Binding::expiresAt).max(Comparator.naturalOrder()).orElse(now);
                    lapsed.add(new RegistrationExpired(key, last));
                    return null;
                }
                return active.size() == stored.size() ? stored : active;
            });
        }
        lapsed.sort(Comparator.comparing(RegistrationExpired::at).thenComparing(RegistrationExpired::aor));
        return lapsed;
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
