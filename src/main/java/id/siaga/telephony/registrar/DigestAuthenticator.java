package id.siaga.telephony.registrar;

import id.siaga.telephony.registrar.DigestVerdict.Failed;
import id.siaga.telephony.registrar.DigestVerdict.Reason;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The server side of SIP digest authentication (RFC 3261 §22, RFC 2617, RFC 7616) with MD5, for
 * {@code qop=auth} and for legacy phones that answer without qop. Nonces are stateless and signed (see
 * {@link DigestNonces}), so every node holding the same secret accepts them. With {@code qop=auth} a nonce
 * count can be used once (see {@link NonceCounts} for the bound and its limit); without qop there is no
 * count, so such a request can be replayed for as long as its nonce is fresh, which is what RFC 2069
 * phones have always allowed. Never throws on what a phone sent: every defect is a {@link Failed} verdict.
 * Thread-safe.
 */
public final class DigestAuthenticator {

    /** Long enough for a phone to answer a challenge and reuse the nonce for a few refreshes, short enough to bound replays. */
    public static final Duration DEFAULT_NONCE_LIFETIME = Duration.ofMinutes(5);
    /** Nonces in use at once, across all positions; a Polda has a few hundred phones. About 3 MB when full. */
    public static final int DEFAULT_TRACKED_NONCES = 10_000;
    /** HMAC-SHA256 keys shorter than this are guessable; 32 random bytes is what production should use. */
    public static final int MIN_SECRET_BYTES = 16;

    private final Clock clock;
    private final DigestNonces nonces;
    private final NonceCounts counts;

    public DigestAuthenticator(byte[] serverSecret, Clock clock) {
        this(serverSecret, clock, DEFAULT_NONCE_LIFETIME, DEFAULT_TRACKED_NONCES);
    }

    public DigestAuthenticator(byte[] serverSecret, Clock clock, Duration nonceLifetime, int trackedNonces) {
        Objects.requireNonNull(serverSecret, "serverSecret");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (serverSecret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the digest nonce secret must be at least " + MIN_SECRET_BYTES
                    + " bytes, got " + serverSecret.length);
        }
        if (nonceLifetime.isNegative() || nonceLifetime.isZero()) {
            throw new IllegalArgumentException("the nonce lifetime must be positive, got " + nonceLifetime);
        }
        this.nonces = new DigestNonces(serverSecret, nonceLifetime, new SecureRandom());
        this.counts = new NonceCounts(trackedNonces, clock.instant());
    }

    /** A fresh challenge for a 401. */
    public DigestChallenge challenge(String realm) {
        return new DigestChallenge(checkedRealm(realm), nonces.mint(realm, clock.instant()), false);
    }

    /** A fresh challenge saying {@code stale=true}, for a {@link DigestVerdict.Stale} verdict. */
    public DigestChallenge staleChallenge(String realm) {
        return new DigestChallenge(checkedRealm(realm), nonces.mint(realm, clock.instant()), true);
    }

    /**
     * Checks an {@code Authorization} header value.
     *
     * @param authorization the header value as received, starting with {@code Digest}
     * @param method the request method, e.g. {@code REGISTER} (it is part of what the phone signed)
     * @param realm the realm this server challenges with; an answer for another realm fails
     * @param credentials the credential of each known username
     */
    public DigestVerdict verify(String authorization, String method, String realm, CredentialLookup credentials) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(credentials, "credentials");
        Map<String, String> p;
        try {
            p = DigestHeaderParser.parse(authorization);
        } catch (DigestHeaderParser.Malformed e) {
            return new Failed(Reason.MALFORMED, e.getMessage());
        }
        for (String required : new String[] {"username", "realm", "nonce", "uri", "response"}) {
            if (!p.containsKey(required)) {
                return new Failed(Reason.MISSING_FIELD, "no " + required + " parameter");
            }
        }
        String username = p.get("username");
        String algorithm = p.getOrDefault("algorithm", "MD5");
        if (!algorithm.equalsIgnoreCase("MD5")) {
            return new Failed(Reason.UNSUPPORTED_ALGORITHM, "algorithm " + DigestHeaderParser.printable(algorithm) + ", only MD5 is offered");
        }
        if (p.getOrDefault("userhash", "false").equalsIgnoreCase("true")) {
            return new Failed(Reason.UNSUPPORTED_ALGORITHM, "userhash=true is not offered");
        }
        Optional<String> qop = Optional.ofNullable(p.get("qop")).map(q -> q.toLowerCase(Locale.ROOT));
        long nc = 0;
        if (qop.isPresent()) {
            if (!qop.get().equals("auth")) {
                return new Failed(Reason.UNSUPPORTED_QOP, "qop " + DigestHeaderParser.printable(qop.get()) + ", only auth is offered");
            }
            if (!p.containsKey("nc") || !p.containsKey("cnonce")) {
                return new Failed(Reason.MISSING_FIELD, "qop=auth without " + (p.containsKey("nc") ? "cnonce" : "nc"));
            }
            nc = nonceCount(p.get("nc"));
            if (nc < 1) {
                return new Failed(Reason.MALFORMED, "nc must be 8 hex digits from 00000001, got " + DigestHeaderParser.printable(p.get("nc")));
            }
        }
        if (!DigestArithmetic.isMd5Hex(p.get("response"))) {
            return new Failed(Reason.MALFORMED, "response is not 32 hex digits");
        }
        if (!p.get("realm").equals(realm)) {
            return new Failed(Reason.REALM_MISMATCH, "realm " + DigestHeaderParser.printable(p.get("realm")) + " answered for "
                    + DigestHeaderParser.printable(realm));
        }
        Instant now = clock.instant();
        DigestNonces.Check nonce = nonces.check(p.get("nonce"), realm, now);
        if (nonce.status() == DigestNonces.Status.FORGED) {
            return new Failed(Reason.NONCE_FORGED, "nonce " + DigestHeaderParser.printable(p.get("nonce")) + " was not issued here");
        }
        Optional<DigestCredential> credential = credentials.credentialFor(username);
        String expected = expectedResponse(credential.map(c -> c.ha1(username, realm)).orElse(UNKNOWN_USER_HA1), p, method, qop);
        if (credential.isEmpty()) {
            return new Failed(Reason.UNKNOWN_USER, "no credential for username " + DigestHeaderParser.printable(username));
        }
        if (!DigestArithmetic.sameDigest(expected, p.get("response"))) {
            return new Failed(Reason.WRONG_RESPONSE, "wrong response for username " + DigestHeaderParser.printable(username));
        }
        if (nonce.status() == DigestNonces.Status.EXPIRED) {
            return new DigestVerdict.Stale(username);
        }
        if (qop.isPresent()) {
            NonceCounts.Outcome count = counts.record(username, p.get("nonce"), nonce.issuedAt(), nc, now, nonces.lifetime());
            if (count == NonceCounts.Outcome.REPLAYED) {
                return new Failed(Reason.NONCE_COUNT_REPLAYED, "nc " + p.get("nc") + " already used by " + DigestHeaderParser.printable(username));
            }
            if (count == NonceCounts.Outcome.FORGOTTEN) {
                return new DigestVerdict.Stale(username); // this node no longer knows the counts: start a new nonce
            }
        }
        return new DigestVerdict.Ok(username);
    }

    /** Computed for unknown usernames too, so timing does not tell which usernames exist. */
    private static final String UNKNOWN_USER_HA1 = "00000000000000000000000000000000";

    private static String expectedResponse(String ha1, Map<String, String> p, String method, Optional<String> qop) {
        return qop.isPresent()
                ? DigestArithmetic.response(ha1, p.get("nonce"), p.get("nc"), p.get("cnonce"), p.get("qop"), method, p.get("uri"))
                : DigestArithmetic.legacyResponse(ha1, p.get("nonce"), method, p.get("uri"));
    }

    /** nc is exactly 8 hex digits (RFC 2617 §3.2.2); -1 when it is not. */
    private static long nonceCount(String nc) {
        if (nc.length() != 8) {
            return -1;
        }
        long value = 0;
        for (int k = 0; k < 8; k++) {
            char c = nc.charAt(k);
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) {
                return -1;
            }
            value = value * 16 + d;
        }
        return value;
    }

    private static String checkedRealm(String realm) {
        if (realm == null || realm.isEmpty() || realm.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("a digest realm must be non-empty printable text, got '" + realm + "'");
        }
        return realm;
    }
}
