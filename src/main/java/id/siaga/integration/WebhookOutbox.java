package id.siaga.integration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox as the delivery worker sees it: rows written with the changes they tell of, taken one attempt at a time.
 * {@link #claim} makes an attempt this worker's own (on any node) by moving the row's next attempt past the time the
 * attempt may take, so a worker that dies mid-attempt leaves the row to be tried again, never lost.
 */
public interface WebhookOutbox {

    /** A row waiting for its next attempt, or dead. */
    record Delivery(String eventId, String subscriberId, String eventType, String station, String body, Instant createdAt, int attempts,
                    Integer lastStatus, String lastError, Instant finishedAt) {
    }

    /** Pending rows whose next attempt is due at {@code now}, oldest first, at most {@code limit}. */
    List<Delivery> due(Instant now, int limit);

    /** Takes the attempt: true when this caller got it (the row was still pending and due), moving its next attempt to {@code until}. */
    boolean claim(Delivery d, Instant now, Instant until);

    void delivered(Delivery d, int attempts, int status, Instant at);

    /** A failed attempt with another to come at {@code next}. */
    void failed(Delivery d, int attempts, Integer status, String error, Instant next);

    /** A failed last attempt: the row is a dead letter. */
    void dead(Delivery d, int attempts, Integer status, String error, Instant at);

    /** The dead letters, newest first. */
    List<Delivery> deadLetters();

    Optional<Delivery> find(String eventId, String subscriberId);

    /** Deletes the rows delivered before {@code before} (dead letters stay until replayed); returns how many. */
    int forgetDelivered(Instant before);

    /** Makes a dead letter pending again, due at {@code now}, its attempts counted afresh. False when it is not a dead letter. */
    boolean replay(String eventId, String subscriberId, Instant now);
}
