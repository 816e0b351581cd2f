package id.siaga.app;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Text to 110 (issue 18): SMS or chat from callers who cannot speak or hear. The gateway POSTs each message it receives
 * to {@code POST /api/texts/inbound} with an INTEGRATION API key; replies go back to it from the outbox in the database.
 *
 * @param gatewayUrl        where replies are POSTed as JSON {@code {to, text, messageId, conversation}}. Empty (the default)
 *                          uses {@code siaga.integration.sms-webhook-url}, the gateway that sends the status links; when both
 *                          are empty replies stay queued ("menunggu") until one is configured. Production: the operator's
 *                          gateway, https
 * @param locationWait      a text from a number with no recent handset fix waits this long for the AML SMS the handset
 *                          sends with it before its incident is opened without a location (the conversation itself alerts
 *                          at once, at the default station). 10 s: AML SMS follow the emergency SMS within seconds.
 *                          0 to 2 minutes
 * @param escalateAfter     a conversation nobody takes within this is offered to the parent station too (Polsek → Polres →
 *                          Polda → Mabes), and again after as long, up to the root. 30 s: reading and answering a text takes
 *                          longer than picking up a ringing phone (calls climb after 10 s), yet a texter in danger must not
 *                          wait long. 5 s to 10 min
 * @param sweepInterval     how often waiting conversations are looked at (escalation, incidents waiting for a location).
 *                          1 s: one indexed query a second per node
 * @param autoReply         the first reply each conversation gets at once, in Bahasa Indonesia: received, police are reading,
 *                          what to write. At most 160 characters (one SMS). Empty sends none
 * @param replyAttempts     attempts per reply before it is shown as failed ("gagal") and journalled. 8: with the backoff
 *                          below, a gateway that is down for about ten minutes still delivers every reply. 1 to 50
 * @param replyFirstRetry   the wait after a failed attempt; each further wait doubles up to {@code replyMaxRetry}, drawn
 *                          between half and all of it. 5 s: a texter waits for the answer. Production: 5s
 * @param replyMaxRetry     the longest wait between two attempts. 2 min. Production: 2m
 * @param replyTimeout      how long one attempt may take to connect and be answered. 5 s: a gateway answers at once or is
 *                          in trouble
 * @param replyPollInterval how often the outbox is looked at for due replies; a reply reaches the gateway within about this.
 *                          500 ms: one indexed query twice a second per node
 */
@ConfigurationProperties("siaga.texts")
public record TextProperties(
        @DefaultValue("") String gatewayUrl,
        @DefaultValue("10s") Duration locationWait,
        @DefaultValue("30s") Duration escalateAfter,
        @DefaultValue("1s") Duration sweepInterval,
        @DefaultValue("110 POLRI: Pesan Anda diterima dan sedang dibaca petugas. Tulis: apa yang terjadi, di mana (alamat/patokan), ada korban? Tetap di tempat aman.")
        String autoReply,
        @DefaultValue("8") int replyAttempts,
        @DefaultValue("5s") Duration replyFirstRetry,
        @DefaultValue("2m") Duration replyMaxRetry,
        @DefaultValue("5s") Duration replyTimeout,
        @DefaultValue("500ms") Duration replyPollInterval) {

    public TextProperties {
        if (!gatewayUrl.isBlank()) {
            URI uri;
            try {
                uri = URI.create(gatewayUrl);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("siaga.texts.gateway-url is not an address: " + gatewayUrl, e);
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("siaga.texts.gateway-url must be an http(s) address, got " + gatewayUrl);
            }
        }
        if (locationWait == null || locationWait.isNegative() || locationWait.compareTo(Duration.ofMinutes(2)) > 0) {
            throw new IllegalArgumentException("siaga.texts.location-wait must be 0 to 2 minutes, got " + locationWait);
        }
        if (escalateAfter == null || escalateAfter.compareTo(Duration.ofMillis(100)) < 0 || escalateAfter.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("siaga.texts.escalate-after must be 100 ms to 10 minutes, got " + escalateAfter);
        }
        positive("siaga.texts.sweep-interval", sweepInterval);
        if (autoReply.length() > 160) {
            throw new IllegalArgumentException("siaga.texts.auto-reply must be at most 160 characters (one SMS), got " + autoReply.length());
        }
        if (replyAttempts < 1 || replyAttempts > 50) {
            throw new IllegalArgumentException("siaga.texts.reply-attempts must be 1 to 50, got " + replyAttempts);
        }
        positive("siaga.texts.reply-first-retry", replyFirstRetry);
        positive("siaga.texts.reply-max-retry", replyMaxRetry);
        positive("siaga.texts.reply-timeout", replyTimeout);
        positive("siaga.texts.reply-poll-interval", replyPollInterval);
        if (replyMaxRetry.compareTo(replyFirstRetry) < 0) {
            throw new IllegalArgumentException("siaga.texts.reply-max-retry (" + replyMaxRetry + ") must not be shorter than siaga.texts.reply-first-retry ("
                    + replyFirstRetry + ")");
        }
    }

    private static void positive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, got " + value);
        }
    }
}
