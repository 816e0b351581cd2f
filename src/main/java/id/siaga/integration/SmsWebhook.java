package id.siaga.integration;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands SMS to the operator's SMS gateway through its webhook: {@code POST} JSON {@code {to, text, link}}. Sending
 * never happens on the caller's thread: {@link #send} queues the message and returns. A failed attempt (no
 * answer, timeout, a status other than 2xx) is retried after {@code firstRetry}, then twice as long each time,
 * up to {@code attempts} in all; every failure and the delivery are reported to {@link SmsOutcomes}.
 */
public final class SmsWebhook {

    private static final Logger log = LoggerFactory.getLogger(SmsWebhook.class);

    private final URI url;
    private final Duration timeout;
    private final int attempts;
    private final Duration firstRetry;
    private final ScheduledExecutorService executor;
    private final SmsOutcomes outcomes;
    private final JsonMapper json;
    private final HttpClient client;

    public SmsWebhook(URI url, Duration timeout, int attempts, Duration firstRetry, ScheduledExecutorService executor, SmsOutcomes outcomes,
                      JsonMapper json) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
        this.url = url;
        this.timeout = timeout;
        this.attempts = attempts;
        this.firstRetry = firstRetry;
        this.executor = executor;
        this.outcomes = outcomes;
        this.json = json;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Queues the message; returns at once. */
    public void send(SmsMessage message) {
        schedule(message, 1, Duration.ZERO);
    }

    private void schedule(SmsMessage message, int attempt, Duration delay) {
        try {
            executor.schedule(() -> attempt(message, attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            outcomes.failed(message, attempt, "shutting down: the SMS was not sent", false);
        }
    }

    private void attempt(SmsMessage message, int attempt) {
        String reason;
        try {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("to", message.to());
            body.put("text", message.text());
            body.put("link", message.link());
            HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                outcomes.delivered(message, attempt);
                return;
            }
            reason = "the SMS gateway answered " + response.statusCode();
        } catch (IOException | RuntimeException e) {
            reason = "the SMS gateway could not be reached: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcomes.failed(message, attempt, "interrupted: the SMS was not sent", false);
            return;
        }
        boolean retry = attempt < attempts;
        log.warn("SMS {} attempt {}/{} failed: {}", message.incident() == null ? "(no incident)" : "for incident " + message.incident(), attempt,
                attempts, reason);
        outcomes.failed(message, attempt, reason, retry);
        if (retry) {
            schedule(message, attempt + 1, firstRetry.multipliedBy(1L << Math.min(attempt - 1, 20)));
        }
    }
}
