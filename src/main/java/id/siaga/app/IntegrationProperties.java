package id.siaga.app;

import id.siaga.web.PublicRequestRate;
import java.net.URI;
import java.time.Duration;
import java.util.List;
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
 * @param webhookAttempts        attempts per webhook delivery before it becomes a dead letter (journalled, listed at
 *                               {@code GET /api/admin/webhooks/dead-letters}, replayable). 10: with the backoff below, a
 *                               receiver that is down for about an hour still gets every event. 1 to 50
 * @param webhookFirstRetry      the wait after a failed delivery; each further wait doubles up to {@code webhookMaxRetry},
 *                               and each is drawn between half and all of that (jitter). Production: 10s
 * @param webhookMaxRetry        the longest wait between two attempts. 15 min: a receiver back after a long outage is
 *                               served within a quarter of an hour. Production: 15m
 * @param webhookTimeout         how long one delivery may take to connect and to be answered. 10 s: a receiver that takes
 *                               longer is treated as failing and tried again later. Production: 10s
 * @param webhookPollInterval    how often the delivery worker looks for due rows in the outbox; a change reaches a receiver
 *                               within about this. 1 s: one indexed query a second per node. Production: 1s
 * @param webhookThreads         the delivery worker's sending threads (its own, never a call's or a dispatch's): how many
 *                               receivers are waited on at once. 2: a few subscribers per Polda. 1 to 32
 * @param webhookKeepDelivered   how long a delivered event stays in the outbox (for an administrator's questions) before
 *                               the hourly sweep removes it; dead letters stay until replayed. 7 days: a week's
 *                               deliveries answer "did Binmas get it?"; the journal keeps the changes themselves
 * @param webhookAllowPrivateAddresses whether webhook subscribers may be http addresses and addresses inside the network
 *                               (loopback, link-local, private, multicast). false: a subscriber's address is https and public,
 *                               checked when it is given and again, resolved afresh, before every delivery, so nobody can
 *                               point Siaga 110 at the police's own systems. true only for tests and a demo whose receiver
 *                               runs on the same machine; never in production
 * @param webhookAllowedNetworks inside networks (CIDR, e.g. {@code 10.20.0.0/16}, or single addresses) where webhook
 *                               receivers of the police's own network run (a Polda's Binmas server): https deliveries to
 *                               addresses in them are allowed; every other inside address stays refused. Empty: none
 */
@ConfigurationProperties("siaga.integration")
public record IntegrationProperties(
        @DefaultValue("") String smsWebhookUrl,
        @DefaultValue("5s") Duration smsTimeout,
        @DefaultValue("5") int smsAttempts,
        @DefaultValue("10s") Duration smsFirstRetry,
        @DefaultValue("60") int publicRequestsPerMinute,
        @DefaultValue("10") int webhookAttempts,
        @DefaultValue("10s") Duration webhookFirstRetry,
        @DefaultValue("15m") Duration webhookMaxRetry,
        @DefaultValue("10s") Duration webhookTimeout,
        @DefaultValue("1s") Duration webhookPollInterval,
        @DefaultValue("2") int webhookThreads,
        @DefaultValue("7d") Duration webhookKeepDelivered,
        @DefaultValue("false") boolean webhookAllowPrivateAddresses,
        @DefaultValue List<String> webhookAllowedNetworks) implements PublicRequestRate {

    public IntegrationProperties {
        webhookAllowedNetworks = webhookAllowedNetworks == null ? List.of() : List.copyOf(webhookAllowedNetworks);
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
        if (webhookAttempts < 1 || webhookAttempts > 50) {
            throw new IllegalArgumentException("siaga.integration.webhook-attempts must be 1 to 50, got " + webhookAttempts);
        }
        positive("siaga.integration.webhook-first-retry", webhookFirstRetry);
        positive("siaga.integration.webhook-max-retry", webhookMaxRetry);
        positive("siaga.integration.webhook-timeout", webhookTimeout);
        positive("siaga.integration.webhook-poll-interval", webhookPollInterval);
        positive("siaga.integration.webhook-keep-delivered", webhookKeepDelivered);
        if (webhookMaxRetry.compareTo(webhookFirstRetry) < 0) {
            throw new IllegalArgumentException("siaga.integration.webhook-max-retry (" + webhookMaxRetry + ") must not be shorter than "
                    + "siaga.integration.webhook-first-retry (" + webhookFirstRetry + ")");
        }
        if (webhookThreads < 1 || webhookThreads > 32) {
            throw new IllegalArgumentException("siaga.integration.webhook-threads must be 1 to 32, got " + webhookThreads);
        }
    }

    private static void positive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, got " + value);
        }
    }

    /** Whether SMS are sent at all. */
    public boolean smsEnabled() {
        return !smsWebhookUrl.isBlank();
    }
}
