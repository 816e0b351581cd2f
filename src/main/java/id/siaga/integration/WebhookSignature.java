package id.siaga.integration;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a webhook delivery is signed and how a receiver checks it. Siaga 110 sends
 * {@code X-Siaga-Timestamp: <unix seconds>} and {@code X-Siaga-Signature: sha256=<hex>}, the hex HMAC-SHA256, keyed with the
 * subscriber's secret (its UTF-8 bytes), of {@code <timestamp> + "." + <body>}. A receiver recomputes it over the bytes it
 * received, compares in constant time, and refuses a timestamp more than {@link #TOLERANCE} away from its own clock, so a
 * captured delivery cannot be replayed later. This class is the reference for receivers (README, "Webhooks to other police
 * apps").
 */
public final class WebhookSignature {

    /** How far a delivery's timestamp may be from the receiver's clock: 5 minutes. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    public static final String EVENT_ID = "X-Siaga-Event-Id";
    public static final String TIMESTAMP = "X-Siaga-Timestamp";
    public static final String SIGNATURE = "X-Siaga-Signature";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new secret: 32 random bytes, base64url without padding (43 characters). */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The {@code X-Siaga-Signature} value: {@code sha256=<hex HMAC-SHA256 of timestamp + "." + body>}. */
    public static String sign(String secret, long timestampSeconds, String body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret, timestampSeconds + "." + body));
    }

    /**
     * The receiver's check: the signature is the one {@code secret} gives for this timestamp and body, and the timestamp is
     * within {@link #TOLERANCE} of {@code now}. Any missing or malformed header is a refusal.
     */
    public static boolean verify(String secret, String timestampHeader, String signatureHeader, String body, Instant now) {
        if (secret == null || timestampHeader == null || signatureHeader == null || body == null) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signatureHeader.trim().getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
