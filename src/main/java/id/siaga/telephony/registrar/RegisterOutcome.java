package id.siaga.telephony.registrar;

import java.time.Duration;
import java.util.List;

/** What a REGISTER did, and so what to answer (RFC 3261 §10.3). */
public sealed interface RegisterOutcome {

    /**
     * Applied. Answer 200 listing every binding as {@code Contact: <uri>;expires=N} with
     * {@link Binding#expiresSecondsAt}; an empty list means the position is no longer registered.
     */
    record Accepted(List<Binding> bindings, Transition transition) implements RegisterOutcome {

        public Accepted {
            bindings = List.copyOf(bindings);
        }
    }

    /** A non-zero expiry below the minimum; nothing changed. Answer 423 with {@code Min-Expires}. */
    record IntervalTooBrief(Duration minExpires) implements RegisterOutcome {
    }

    /**
     * A CSeq not higher than the one that set a binding, under the same Call-ID: a late or reordered
     * request. Nothing changed (§10.3 step 7: the update is aborted and the request fails). Answer 400
     * "Invalid CSeq", as Kamailio and OpenSIPS do; the phone has normally moved on already.
     */
    record OutOfOrder(String detail) implements RegisterOutcome {
    }

    /** The request is not a valid REGISTER (wildcard misuse, negative expiry); nothing changed. Answer 400. */
    record Invalid(String reason) implements RegisterOutcome {
    }

    /** The position would hold more than {@link ExpiryPolicy#maxContactsPerAor} bindings; nothing changed. Answer 403. */
    record TooManyContacts(int max) implements RegisterOutcome {
    }

    /** How the position's registration changed, for presence. */
    enum Transition {
        /** It had no binding and now has one: the phone came online. */
        REGISTERED,
        /** It had bindings and now has none: the phone signed off. */
        UNREGISTERED,
        /** Registered before and after, or unregistered before and after. */
        UNCHANGED
    }
}
