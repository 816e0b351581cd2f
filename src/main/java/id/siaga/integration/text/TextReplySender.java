package id.siaga.integration.text;

import id.siaga.integration.WebhookBackoff;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The replies' delivery worker, on a thread of its own: every {@code pollInterval} it takes the due replies from the
 * outbox in the database ({@link TextStore#due}), claims each attempt ({@link TextStore#claim}, so a worker that dies
 * mid-attempt leaves the reply to be tried again after the claim, on this node or another) and POSTs it to the SMS
 * gateway as JSON {@code {"to": "+6281…", "text": "…", "messageId": "<reply id>", "conversation": "<id>"}}. A 2xx answer
 * sends it; anything else is tried again after {@link WebhookBackoff}, and after {@code attempts} attempts the reply has
 * failed (the console shows "gagal"). The gateway may see a reply twice (its 2xx lost on the way back): it dedupes by
 * {@code messageId}. What became of each reply is told to {@link TextEvents}.
 */
public final class TextReplySender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TextReplySender.class);
    private static final int BATCH = 20;

    private final TextStore store;
    private final URI gateway;
    private final WebhookBackoff backoff;
    private final int attempts;
    private final Duration timeout;
    private final Duration pollInterval;
    private final Function<String, TextConversation> conversations;
    private final TextEvents events;
    private final Clock clock;
    private final JsonMapper json;
    private final HttpClient client;
    private final ScheduledExecutorService worker;

    public TextReplySender(TextStore store, URI gateway, WebhookBackoff backoff, int attempts, Duration timeout, Duration pollInterval,
                           TextEvents events, Clock clock, JsonMapper json) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
        this.store = store;
        this.gateway = gateway;
        this.backoff = backoff;
        this.attempts = attempts;
        this.timeout = timeout;
        this.pollInterval = pollInterval;
        this.conversations = id -> store.find(id).orElse(null);
        this.events = events;
        this.clock = clock;
        this.json = json;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "text-replies");
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        worker.scheduleWithFixedDelay(this::poll, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            Instant now = clock.instant();
            // an attempt may take the connect and the answer's timeouts; the claim outlasts both
            Instant claimedUntil = now.plus(timeout.multipliedBy(3));
            for (TextStore.Outgoing o : store.due(now, BATCH)) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                if (store.claim(o.message(), now, claimedUntil)) {
                    attempt(o);
                }
            }
        } catch (RuntimeException e) {
            log.warn("text replies: the outbox could not be read ({}); trying again in {}", e.getMessage(), pollInterval);
        }
    }

    private void attempt(TextStore.Outgoing o) {
        TextMessage reply = o.message();
        int attempt = reply.attempts() + 1;
        String error;
        try {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("to", o.to());
            body.put("text", reply.body());
            body.put("messageId", reply.id());
            body.put("conversation", reply.conversationId());
            HttpRequest request = HttpRequest.newBuilder(gateway).timeout(timeout).header("Content-Type", "application/json")
                    .header("Idempotency-Key", reply.id()).POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                Instant at = clock.instant();
                store.sent(reply, attempt, at);
                tell("TextReplySent", reply, Map.of("message", reply.id(), "attempts", attempt, "automatic", reply.automatic()));
                return;
            }
            error = "the SMS gateway answered " + response.statusCode();
        } catch (IOException | RuntimeException e) {
            error = "the SMS gateway could not be reached: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // closing: the claim runs out and the reply is tried again
        }
        try {
            if (attempt >= attempts) {
                store.gaveUp(reply, attempt, error, clock.instant());
                log.warn("text reply {} in conversation {} failed after {} attempt(s): {}", reply.id(), reply.conversationId(), attempt, error);
                tell("TextReplyFailed", reply, Map.of("message", reply.id(), "attempts", attempt, "reason", error));
            } else {
                Duration wait = backoff.after(attempt);
                log.info("text reply {}: attempt {}/{} failed ({}); next in {}", reply.id(), attempt, attempts, error, wait);
                store.failed(reply, attempt, error, clock.instant().plus(wait));
            }
        } catch (RuntimeException e) {
            log.warn("text reply {}: the failed attempt could not be recorded ({}); it is tried again after its claim", reply.id(), e.getMessage());
        }
    }

    private void tell(String type, TextMessage reply, Map<String, Object> facts) {
        try {
            TextConversation c = conversations.apply(reply.conversationId());
            if (c != null) {
                events.noted(type, c, "system", facts);
            }
        } catch (RuntimeException e) {
            log.warn("text reply {}: {} not told ({})", reply.id(), type, e.getMessage());
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
