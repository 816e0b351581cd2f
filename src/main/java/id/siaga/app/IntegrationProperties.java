package id.siaga.app;

import id.siaga.web.PublicRequestRate;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Integration with systems outside the police: the SMS gateway that sends the citizen their status link, and the
 * public status API's protection against guessing.
 *
 * @param smsWebhookUrl          the SMS gateway's webhook: each new incident with a caller number is POSTed there as JSON
 *                               {@code {to, text, link}}. Empty (the default) sends nothing, because the demo has no
 *                               gateway; production: the operator's gateway (https) that turns the POST into an SMS
 * @param smsTimeout             how long one attempt may take (connect and answer). 5 s: a gateway answers at once or
 *                               is in trouble; the retry comes soon. Production: 5s
 * @param smsAttempts            attempts per SMS before giving up (each failure is journalled). 5: with the backoff
 *                               below, a gateway that is down for about 2 minutes still sends the link. 1 to 20
 * @param smsFirstRetry          the wait before the second attempt; each further wait doubles (10 s, 20 s, 40 s, 80 s).
 *                               Production: 10s
 * @param publicRequestsPerMinute requests one client address may make to {@code /api/public/**} per minute before
 *                               getting 429. 60: the status page refreshes every 15 s (4 a minute), so a family
 *                               sharing one address is never refused, while a 128-bit token can never be found by
 *                               trying. Production: 60; behind a reverse proxy make sure the client address is the
 *                               citizen's (server.forward-headers-strategy)
 */
@ConfigurationProperties("siaga.integration")
public record IntegrationProperties(
        @DefaultValue("") String smsWebhookUrl,
        @DefaultValue("5s") Duration smsTimeout,
        @DefaultValue("5") int smsAttempts,
        @DefaultValue("10s") Duration smsFirstRetry,
        @DefaultValue("60") int publicRequestsPerMinute) implements PublicRequestRate {

    public IntegrationProperties {
        if (!smsWebhookUrl.isBlank()) {
            URI uri;
            try {
                uri = URI.create(smsWebhookUrl);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("siaga.integration.sms-webhook-url is not an address: " + smsWebhookUrl, e);
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("siaga.integration.sms-webhook-url must be an http(s) address, got " + smsWebhookUrl);
            }
        }
        if (smsTimeout == null || smsTimeout.isNegative() || smsTimeout.isZero()) {
            throw new IllegalArgumentException("siaga.integration.sms-timeout must be positive, got " + smsTimeout);
        }
        if (smsAttempts < 1 || smsAttempts > 20) {
            throw new IllegalArgumentException("siaga.integration.sms-attempts must be 1 to 20, got " + smsAttempts);
        }
        if (smsFirstRetry == null || smsFirstRetry.isNegative() || smsFirstRetry.isZero()) {
            throw new IllegalArgumentException("siaga.integration.sms-first-retry must be positive, got " + smsFirstRetry);
        }
        if (publicRequestsPerMinute < 1) {
            throw new IllegalArgumentException("siaga.integration.public-requests-per-minute must be at least 1, got " + publicRequestsPerMinute);
        }
    }

    /** Whether SMS are sent at all. */
    public boolean smsEnabled() {
        return !smsWebhookUrl.isBlank();
    }
}
