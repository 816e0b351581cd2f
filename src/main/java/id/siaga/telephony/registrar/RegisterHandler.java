package id.siaga.telephony.registrar;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A REGISTER from an operator position's phone, start to finish: challenge it, verify its answer, make sure
 * the position it proved is the position it registers (otherwise any operator could divert a colleague's
 * emergency calls to their own phone), then apply it to the registrar. The SIP edge extracts a
 * {@link RegisterRequest} and turns the {@link RegisterReply} into a response; every decision is here.
 */
public final class RegisterHandler {

    private static final String METHOD = "REGISTER";

    /**
     * How long a phone is asked to wait before it tries again when its REGISTER could not be stored: long enough not to
     * hammer a database that is failing over (the server already waited its connection timeout, 3 s by default), short
     * against the minimum expiry of 60 s, so a phone refreshing ahead of its expiry still has several tries before its
     * binding runs out.
     */
    static final java.time.Duration RETRY_AFTER = java.time.Duration.ofSeconds(10);

    private final String realm;
    private final DigestAuthenticator authenticator;
    private final OperatorPhones phones;
    private final Registrar registrar;
    private final Clock clock;

    public RegisterHandler(String realm, DigestAuthenticator authenticator, OperatorPhones phones, Registrar registrar, Clock clock) {
        this.realm = Objects.requireNonNull(realm, "realm");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.phones = Objects.requireNonNull(phones, "phones");
        this.registrar = Objects.requireNonNull(registrar, "registrar");
        this.clock = Objects.requireNonNull(clock, "clock");
        authenticator.challenge(realm); // a bad realm fails at start, not at the first REGISTER
    }

    public RegisterReply handle(RegisterRequest request) {
        if (request.authorization().isEmpty()) {
            return new RegisterReply.Challenge(authenticator.challenge(realm), Optional.empty());
        }
        DigestVerdict verdict = authenticator.verify(request.authorization().get(), METHOD, realm, phones);
        if (verdict instanceof DigestVerdict.Stale) {
            return new RegisterReply.Challenge(authenticator.staleChallenge(realm), Optional.empty());
        }
        if (verdict instanceof DigestVerdict.Failed failed) {
            return new RegisterReply.Challenge(authenticator.challenge(realm), Optional.of(failed));
        }
        String username = ((DigestVerdict.Ok) verdict).username();
        if (!username.equals(request.aor())) {
            return new RegisterReply.Forbidden("authenticated as " + username + " but registering " + DigestHeaderParser.printable(request.aor()));
        }
        // The lookup that accepted the password is this directory, so the position exists.
        var operator = phones.operatorBySipUsername(username).orElseThrow();
        Instant now = clock.instant();
        RegisterOutcome outcome;
        try {
            outcome = request.contacts().isEmpty()
                    ? new RegisterOutcome.Accepted(registrar.activeContacts(username, now), RegisterOutcome.Transition.UNCHANGED)
                    : registrar.register(username, request.contacts(), request.expiresHeaderSeconds(), request.callId(), request.cseq(), now);
        } catch (BindingStore.Unavailable e) {
            return new RegisterReply.Unavailable(RETRY_AFTER, "the registrations' store is away: " + e.getMessage());
        }
        return new RegisterReply.Registration(operator, outcome, now);
    }
}
