package id.siaga.integration;

import id.siaga.incident.IncidentId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The citizen's unguessable link to one report, as kept: the SHA-256 of its token (64 lowercase hex digits), the
 * incident and when it was issued. The token itself (128 random bits, base64url without padding, 22 characters) is
 * known only when it is issued ({@link Issued}) and then lives only in the citizen's SMS and link: a copy of the
 * database opens no report's page. It carries nothing about the report; whoever holds the token sees the report's
 * progress and nothing personal.
 */
public record StatusLink(String tokenHash, IncidentId incident, Instant createdAt) {

    /** A link just issued: the token to send to the citizen, and what is kept of it. */
    public record Issued(String token, StatusLink link) {
        public Issued {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(link, "link");
        }
    }

    /** Random bytes in a token: 128 bits, beyond any brute force the public rate limit lets through. */
    public static final int TOKEN_BYTES = 16;
    /** Characters of a token as sent: base64url of {@link #TOKEN_BYTES} bytes without padding. */
    public static final int TOKEN_LENGTH = 22;

    private static final SecureRandom RANDOM = new SecureRandom();

    public StatusLink {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A new link for the incident with a fresh random token. */
    public static Issued issue(IncidentId incident, Instant at) {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(token, new StatusLink(hash(token), incident, at));
    }

    /** The SHA-256 of a presented token's UTF-8 bytes, 64 lowercase hex digits: what a lookup compares. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
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
