package id.siaga.telephony.registrar;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless nonces: base64url(issued-at millis ‖ 8 random bytes ‖ HMAC-SHA256(secret, issued-at ‖ random ‖
 * realm)), 64 characters. Any node holding the secret can tell its own nonces from forged ones and know
 * their age without remembering them, so a phone may be challenged by one node and answer another. The
 * random part keeps two challenges in the same millisecond apart, so nonce counts never collide.
 */
final class DigestNonces {

    private static final int TIME_BYTES = 8;
    private static final int RANDOM_BYTES = 8;
    private static final int MAC_BYTES = 32;
    private static final int NONCE_BYTES = TIME_BYTES + RANDOM_BYTES + MAC_BYTES;
    static final int NONCE_LENGTH = 64; // base64url of 48 bytes, no padding needed

    private final SecretKeySpec key;
    private final Duration lifetime;
    private final SecureRandom random;

    DigestNonces(byte[] secret, Duration lifetime, SecureRandom random) {
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.lifetime = lifetime;
        this.random = random;
    }

    String mint(String realm, Instant now) {
        byte[] salt = new byte[RANDOM_BYTES];
        random.nextBytes(salt);
        long issued = now.toEpochMilli();
        ByteBuffer nonce = ByteBuffer.allocate(NONCE_BYTES).putLong(issued).put(salt).put(mac(issued, salt, realm));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce.array());
    }

    /** Whether the nonce is ours for this realm and how old it is. */
    Check check(String nonce, String realm, Instant now) {
        if (nonce.length() != NONCE_LENGTH) {
            return Check.FORGED;
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return Check.FORGED;
        }
        if (bytes.length != NONCE_BYTES) {
            return Check.FORGED; // padding characters made it shorter
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        long issued = in.getLong();
        byte[] salt = new byte[RANDOM_BYTES];
        in.get(salt);
        byte[] given = new byte[MAC_BYTES];
        in.get(given);
        if (!MessageDigest.isEqual(mac(issued, salt, realm), given)) {
            return Check.FORGED;
        }
        Instant issuedAt = Instant.ofEpochMilli(issued);
        // A nonce from a node whose clock runs ahead is as good as one of the same age from the past.
        Duration age = Duration.between(issuedAt, now).abs();
        return new Check(age.compareTo(lifetime) <= 0 ? Status.FRESH : Status.EXPIRED, issuedAt);
    }

    Duration lifetime() {
        return lifetime;
    }

    private byte[] mac(long issued, byte[] salt, String realm) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(ByteBuffer.allocate(TIME_BYTES).putLong(issued).array());
            mac.update(salt);
            return mac.doFinal(realm.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform must provide HmacSHA256", e);
        }
    }

    enum Status {
        FRESH, EXPIRED, FORGED
    }

    /** The verdict on a nonce and, unless forged, when it was issued. */
    record Check(Status status, Instant issuedAt) {

        static final Check FORGED = new Check(Status.FORGED, Instant.EPOCH);
    }
}
