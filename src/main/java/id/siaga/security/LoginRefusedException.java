package id.siaga.security;

import org.springframework.security.core.AuthenticationException;

/** A password login refused before its password was checked: too many failures for its user or its address. */
public final class LoginRefusedException extends AuthenticationException {

    private final transient LoginThrottle.Refused refusal;

    public LoginRefusedException(LoginThrottle.Refused refusal) {
        super(reason(refusal));
        this.refusal = refusal;
    }

    public LoginThrottle.Refused refusal() {
        return refusal;
    }

    private static String reason(LoginThrottle.Refused r) {
        long s = r.retryAfterSeconds();
        if (r.locked() && r.kind() == LoginThrottle.Kind.USER) {
            return "this user is locked after too many failed logins; try again in " + s + " s, or ask a supervisor to unlock it";
        }
        if (r.locked()) {
            return "logins from this address are locked after too many failures; try again in " + s + " s";
        }
        return "too many failed logins" + (r.kind() == LoginThrottle.Kind.USER ? " for this user" : " from this address")
                + "; wait " + s + " s before trying again";
    }
}
