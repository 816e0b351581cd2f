package id.siaga.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Live events every node of the cluster hears (NATS JetStream: a stream per topic, kept for a while so a node or a
 * console that reconnects can replay what it missed; {@code cluster.internal.NatsTables}). Publishing never waits: it is
 * called from threads that must not (the call loop, the GPS pipeline); a message published while the bus is away is
 * dropped (counted and logged), and what it carried is read again from the database by whoever needs it.
 */
public interface SharedTopic {

    /** One event as delivered: its subject (under the topic), its JSON, its sequence in the stream, and when it was stored. */
    record Message(String subject, String data, long sequence, Instant at) {
    }

    /**
     * Publishes {@code json} on {@code subject} (a dot-separated name inside the topic, e.g. {@code call.POLRES-3404}).
     * Returns whether it was handed to the bus: false when it was dropped because the bus is away.
     */
    boolean publish(String subject, String json);

    /**
     * Delivers every message of the topic whose subject matches {@code filter} ({@code >} for all, NATS wildcards), this
     * node's own included, in order, on a thread of the topic's: first those stored within {@code replay} before now
     * (zero: none), then each new one; when the bus comes back after it was away it resumes at once after the last message
     * it delivered (none is delivered twice). Closing the returned handle stops it. It starts at once, or as soon as the bus
     * is reached when it has not been yet (then "now" is that moment); it never throws.
     */
    AutoCloseable subscribe(String filter, Duration replay, Consumer<Message> handler);
}
