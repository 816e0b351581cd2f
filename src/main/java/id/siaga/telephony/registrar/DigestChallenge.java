package id.siaga.telephony.registrar;

import java.util.Objects;

/**
 * A digest challenge, to be sent as the value of {@code WWW-Authenticate} in a 401. It offers
 * {@code qop="auth"} and MD5 only. No {@code opaque} is sent: the nonce already carries its own time and
 * signature, so an opaque would add nothing a node could check. {@code stale=true} tells the phone that its
 * password was right and only the nonce had aged, so it retries at once instead of asking its user.
 */
public record DigestChallenge(String realm, String nonce, boolean stale) {

    public DigestChallenge {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(nonce, "nonce");
    }

    /** The header value, e.g. {@code Digest realm="siaga110", nonce="…", algorithm=MD5, qop="auth"}. */
    public String headerValue() {
        return "Digest realm=" + quoted(realm) + ", nonce=" + quoted(nonce) + ", algorithm=MD5, qop=\"auth\""
                + (stale ? ", stale=true" : "");
    }

    static String quoted(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
