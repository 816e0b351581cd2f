package id.siaga.telephony.registrar;

import id.siaga.org.OperatorId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What to answer a REGISTER, decided by {@link RegisterHandler}. */
public sealed interface RegisterReply {

    /**
     * Answer 401 with {@code WWW-Authenticate: }{@link DigestChallenge#headerValue}. {@code refused} says why
     * the phone's credentials failed, for the log; empty when it sent none or its nonce was only stale.
     */
    record Challenge(DigestChallenge challenge, Optional<DigestVerdict.Failed> refused) implements RegisterReply {
    }

    /** Answer 403: the phone proved one position's password but tried to register another's address. */
    record Forbidden(String reason) implements RegisterReply {
    }

    /**
     * The operator's phone is authenticated; answer as {@link RegisterOutcome} says (200 listing the bindings,
     * 423, 400 or 403). An {@link RegisterOutcome.Accepted} with a transition is a presence change at {@code at}.
     */
    record Registration(OperatorId operator, RegisterOutcome outcome, Instant at) implements RegisterReply {
    }

    /**
     * The registrations' store is away, so the REGISTER can be neither applied nor confirmed: answer 500 Server
     * Internal Error with {@code Retry-After}, never a 200 for a binding that was not kept. RFC 3261 §10.3 step 7 asks
     * for exactly this when "the back-end database commit failed". The phone's bindings are untouched, so it stays
     * registered until they run out and has no reason to sign off (§10.2.8 gives a registering phone a special
     * reaction to 423 only); §21.5.1 lets it retry after several seconds. Not 503 (§21.5.4): that tells the phone or a proxy
     * in front of the node (the cluster's Kamailio) to try another server and send this one nothing for the
     * Retry-After time, as if the node were out of service, while it still takes and rings calls; and a proxy turns a
     * lone 503 into 500 anyway (§16.7 step 6).
     */
    record Unavailable(Duration retryAfter, String reason) implements RegisterReply {
    }
}
