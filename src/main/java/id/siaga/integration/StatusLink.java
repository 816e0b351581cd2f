package id.siaga.integration;

import id.siaga.incident.IncidentId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * The citizen's unguessable link to one report: 128 random bits, base64url without padding (22 characters).
 * It carries nothing about the report; whoever holds it sees the report's progress and nothing personal.
 */
public record StatusLink(String token, IncidentId incident, Instant createdAt) {

    /** Random bytes in a token: 128 bits, beyond any brute force the public rate limit lets through. */
    public static final int TOKEN_BYTES = 16;
    /** Characters of a token as sent: base64url of {@link #TOKEN_BYTES} bytes without padding. */
    public static final int TOKEN_LENGTH = 22;

    private static final SecureRandom RANDOM = new SecureRandom();

    public StatusLink {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A new link for the incident with a fresh random token. */
    public static StatusLink issue(IncidentId incident, Instant at) {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return new StatusLink(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), incident, at);
    }

    /** Whether the text has a token's shape (length and alphabet); says nothing about whether it exists. */
    public static boolean looksLikeToken(String text) {
        if (text == null || text.length() != TOKEN_LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
