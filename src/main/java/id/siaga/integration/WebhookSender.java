package id.siaga.integration;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's delivery worker, on threads of its own (never a call's or a dispatch's): every {@code pollInterval} it takes
 * the due rows, claims each attempt ({@link WebhookOutbox#claim}) and POSTs the row's body to its subscriber, signed
 * ({@link WebhookSignature}) with the event id as idempotency key. A 2xx answer delivers the row; anything else (another
 * status, no answer, a timeout) is retried after {@link WebhookBackoff}, and after {@code attempts} attempts the row is a
 * dead letter, until an administrator replays it. A receiver may thus see an event more than once (a 2xx lost on the way
 * back); it dedupes by {@code X-Siaga-Event-Id}. Before each attempt the subscriber's address is resolved and checked again
 * ({@link WebhookAddresses#refusal}): an address re-pointed inside the network is a failed attempt, never a request.
 */
public final class WebhookSender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final WebhookOutbox outbox;
    private final WebhookSubscriberStore subscribers;
    private final WebhookBackoff backoff;
    private final int attempts;
    private final Duration timeout;
    private final Duration pollInterval;
    private final Duration keepDelivered;
    private final WebhookOutcomes outcomes;
    private final WebhookAddresses addresses;
    private final Clock clock;
    private final HttpClient client;
    private final ScheduledExecutorService poller;
    private final ExecutorService senders;
    /** One per sending thread: a poll claims only as many rows as there are threads free, so no claim runs out in a queue. */
    private final Semaphore free;

    public WebhookSender(WebhookOutbox outbox, WebhookSubscriberStore subscribers, WebhookBackoff backoff, int attempts, Duration timeout,
                         Duration pollInterval, int threads, Duration keepDelivered, WebhookOutcomes outcomes, WebhookAddresses addresses,
                         Clock clock) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
        this.outbox = outbox;
        this.subscribers = subscribers;
        this.backoff = backoff;
        this.attempts = attempts;
        this.timeout = timeout;
        this.pollInterval = pollInterval;
        this.keepDelivered = keepDelivered;
        this.outcomes = outcomes;
        this.addresses = addresses;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.poller = Executors.newSingleThreadScheduledExecutor(named("webhook-poll"));
        this.senders = Executors.newFixedThreadPool(threads, named("webhook-send"));
        this.free = new Semaphore(threads);
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Starts polling the outbox, and sweeping it of rows delivered longer than {@code keepDelivered} ago once an hour. */
    public void start() {
        poller.scheduleWithFixedDelay(this::poll, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        poller.scheduleWithFixedDelay(this::sweep, 1, 60, TimeUnit.MINUTES);
    }

    private void sweep() {
        try {
            int forgotten = outbox.forgetDelivered(clock.instant().minus(keepDelivered));
            if (forgotten > 0) {
                log.info("webhooks: {} delivered event(s) older than {} removed from the outbox", forgotten, keepDelivered);
            }
        } catch (RuntimeException e) {
            log.warn("webhooks: the outbox could not be swept ({}); trying again in an hour", e.getMessage());
        }
    }

    private void poll() {
        try {
            Instant now = clock.instant();
            // an attempt may take the connect and the answer's timeouts; the claim outlasts both
            Instant claimedUntil = now.plus(timeout.multipliedBy(3));
            int threads = free.availablePermits();
            if (threads == 0) {
                return;
            }
            for (WebhookOutbox.Delivery d : outbox.due(now, threads)) {
                if (!free.tryAcquire()) {
                    return;
                }
                boolean handed = false;
                try {
                    if (outbox.claim(d, now, claimedUntil)) {
                        senders.execute(() -> {
                            try {
                                attempt(d);
                            } finally {
                                free.release();
                            }
                        });
                        handed = true;
                    }
                } finally {
                    if (!handed) {
                        free.release();
                    }
                }
            }
        } catch (RejectedExecutionException e) {
            // closing: the claimed row is tried again after its claim runs out
        } catch (RuntimeException e) {
            log.warn("webhooks: the outbox could not be read ({}); trying again in {}", e.getMessage(), pollInterval);
        }
    }

    private void attempt(WebhookOutbox.Delivery d) {
        int attempt = d.attempts() + 1;
        Optional<WebhookSubscriber> subscriber = subscribers.find(d.subscriberId());
        if (subscriber.isEmpty() || !subscriber.get().enabled()) {
            dead(d, attempt, null, "the subscriber is disabled");
            return;
        }
        WebhookSubscriber s = subscriber.get();
        Integer status = null;
        String error;
        try {
            Optional<String> refused = addresses.refusal(s.url());
            if (refused.isPresent()) {
                throw new RefusedAddress(refused.get());
            }
            long timestamp = clock.instant().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(s.url()).timeout(timeout).header("Content-Type", "application/json")
                    .header(WebhookSignature.EVENT_ID, d.eventId()).header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE, WebhookSignature.sign(s.secret(), timestamp, d.body()))
                    .header("X-Siaga-Event-Type", d.eventType()).POST(HttpRequest.BodyPublishers.ofString(d.body())).build();
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status / 100 == 2) {
                outbox.delivered(d, attempt, status, clock.instant());
                log.debug("webhook {} {} delivered to {} (attempt {})", d.eventType(), d.eventId(), s.name(), attempt);
                return;
            }
            error = "the receiver answered " + status;
        } catch (RefusedAddress e) {
            error = "not sent: " + e.getMessage();
        } catch (IOException | RuntimeException e) {
            error = "the receiver could not be reached: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // closing: the claim runs out and the row is tried again
        }
        try {
            if (attempt >= attempts) {
                dead(d, attempt, status, error);
            } else {
                Duration wait = backoff.after(attempt);
                log.info("webhook {} {} to {}: attempt {}/{} failed ({}); next in {}", d.eventType(), d.eventId(), s.name(), attempt, attempts, error, wait);
                outbox.failed(d, attempt, status, error, clock.instant().plus(wait));
            }
        } catch (RuntimeException e) {
            log.warn("webhook {} {}: the failed attempt could not be recorded ({}); it is tried again after its claim", d.eventType(), d.eventId(),
                    e.getMessage());
        }
    }

    /** The subscriber's address resolves inside the network now: the attempt fails without a request. */
    private static final class RefusedAddress extends IOException {
        RefusedAddress(String reason) {
            super(reason);
        }
    }

    private void dead(WebhookOutbox.Delivery d, int attempt, Integer status, String error) {
        outbox.dead(d, attempt, status, error, clock.instant());
        log.warn("webhook {} {} to subscriber {} is a dead letter after {} attempt(s): {}", d.eventType(), d.eventId(), d.subscriberId(), attempt, error);
        outcomes.deadLettered(d, attempt, error);
    }

    @Override
    public void close() {
        poller.shutdownNow();
        senders.shutdownNow();
        try {
            poller.awaitTermination(5, TimeUnit.SECONDS);
            senders.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
