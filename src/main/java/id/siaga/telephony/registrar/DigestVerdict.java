package id.siaga.telephony.registrar;

/**
 * What {@link DigestAuthenticator#verify} decided. {@link Ok}: the request may proceed as that username.
 * {@link Stale}: the password was right but the nonce had aged; answer 401 with
 * {@link DigestAuthenticator#staleChallenge}. {@link Failed}: answer 401 with a fresh
 * {@link DigestAuthenticator#challenge} and log the reason; the phone is never told which check failed.
 */
public sealed interface DigestVerdict {

    /** The credentials are proven for this username. */
    record Ok(String username) implements DigestVerdict {
    }

    /** Right password, expired nonce: re-challenge with {@code stale=true}. */
    record Stale(String username) implements DigestVerdict {
    }

    /**
     * Not authenticated. The detail is for logs: it quotes at most a short, printable prefix of what the
     * phone sent, never a password, HA1 or expected response.
     */
    record Failed(Reason reason, String detail) implements DigestVerdict {
    }

    /** Why authentication failed. */
    enum Reason {
        /** Empty, not the Digest scheme, unbalanced quotes, duplicate or garbage parameters, too long. */
        MALFORMED,
        /** A required parameter (username, realm, nonce, uri, response; nc and cnonce with qop) is absent. */
        MISSING_FIELD,
        /** An algorithm other than MD5 (MD5-sess, SHA-256, …) or {@code userhash=true}. */
        UNSUPPORTED_ALGORITHM,
        /** A qop other than {@code auth} (e.g. {@code auth-int}). */
        UNSUPPORTED_QOP,
        /** The realm answered is not the realm this server challenges with. */
        REALM_MISMATCH,
        /** The nonce was not issued by a node holding the secret for this realm. */
        NONCE_FORGED,
        /** No credential for that username. */
        UNKNOWN_USER,
        /** The response does not match the credential: wrong password, or a request altered in transit. */
        WRONG_RESPONSE,
        /** A nonce count already used with this nonce: a replayed request. */
        NONCE_COUNT_REPLAYED
    }
}
