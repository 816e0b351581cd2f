package id.siaga.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The check the README gives Binmas and Polisiku: a delivery signed with their secret passes; the same delivery with one
 * character of the body changed, signed with another secret, with its timestamp changed, or replayed more than five
 * minutes later is refused. The signature is
 * checked against what openssl computes for the same bytes, so any receiver's library agrees.
 */
class WebhookSignatureTests {

    static final Instant SENT = Instant.parse("2026-12-04T03:15:00Z");
    static final String SECRET = "Jefe";
    static final String BODY = "{\"id\":\"7f3a\",\"type\":\"incident.created\"}";

    @Test
    void theSignatureIsTheHmacSha256OfTimestampDotBody() {
        // what openssl computes: printf '%s' '1796354100.{"id":"7f3a","type":"incident.created"}' | openssl dgst -sha256 -hmac Jefe
        assertThat(SENT.getEpochSecond()).isEqualTo(1796354100L);
        assertThat(WebhookSignature.sign(SECRET, SENT.getEpochSecond(), BODY))
                .isEqualTo("sha256=4eba6d66fc1384a4658ef439083b9eefe270081eed78764f3fa2426c438642bc");
    }

    @Test
    void aDeliveryAsSentPasses() {
        String signature = WebhookSignature.sign(SECRET, SENT.getEpochSecond(), BODY);
        assertThat(WebhookSignature.verify(SECRET, Long.toString(SENT.getEpochSecond()), signature, BODY, SENT.plusSeconds(2))).isTrue();
        assertThat(WebhookSignature.verify(SECRET, Long.toString(SENT.getEpochSecond()), signature, BODY, SENT.plus(Duration.ofMinutes(5)))).isTrue();
    }

    @Test
    void aBadSignatureIsRefused() {
        String ts = Long.toString(SENT.getEpochSecond());
        String signature = WebhookSignature.sign(SECRET, SENT.getEpochSecond(), BODY);
        assertThat(WebhookSignature.verify(SECRET, ts, signature, BODY.replace("created", "Created"), SENT)).as("a body changed").isFalse();
        assertThat(WebhookSignature.verify("another secret", ts, signature, BODY, SENT)).as("another subscriber's secret").isFalse();
        assertThat(WebhookSignature.verify(SECRET, Long.toString(SENT.getEpochSecond() + 1), signature, BODY, SENT)).as("the timestamp changed").isFalse();
        assertThat(WebhookSignature.verify(SECRET, ts, signature.replace("sha256=", "sha1="), BODY, SENT)).as("another scheme").isFalse();
        assertThat(WebhookSignature.verify(SECRET, ts, null, BODY, SENT)).as("no signature").isFalse();
        assertThat(WebhookSignature.verify(SECRET, "yesterday", signature, BODY, SENT)).as("no timestamp").isFalse();
    }

    @Test
    void aReplayedDeliveryIsRefusedAfterFiveMinutes() {
        String signature = WebhookSignature.sign(SECRET, SENT.getEpochSecond(), BODY);
        String ts = Long.toString(SENT.getEpochSecond());
        assertThat(WebhookSignature.verify(SECRET, ts, signature, BODY, SENT.plus(Duration.ofMinutes(5)).plusSeconds(1))).isFalse();
        assertThat(WebhookSignature.verify(SECRET, ts, signature, BODY, SENT.minus(Duration.ofMinutes(5)).minusSeconds(1))).as("from the future").isFalse();
    }

    @Test
    void aNewSecretIs256RandomBits() {
        assertThat(WebhookSignature.newSecret()).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(WebhookSignature.newSecret());
    }
}
