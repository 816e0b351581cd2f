package id.siaga.telephony.registrar;

import id.siaga.org.OperatorId;
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
}
