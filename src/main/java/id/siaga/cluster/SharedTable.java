package id.siaga.cluster;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * A small table of keys and text values that every node of the cluster reads and writes, each change seen by every node
 * (NATS JetStream key-value: {@code cluster.internal.NatsTables}). Each value has a revision, so a write can be made
 * conditional on nobody having written since (compare and set). Methods throw {@link Unavailable} when the bus cannot be
 * reached; callers decide what a call does then (ring anyway: a 110 call is never held up for the cluster's bookkeeping).
 */
public interface SharedTable {

    /** One key's value as of a revision; {@code value} is empty when the key was deleted. */
    record Entry(String key, Optional<String> value, long revision) {
    }

    /** The bus cannot be reached, or did not answer in time. */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Calls {@code changes} with the latest value of every key, then with every change from any node (this one's too), in
     * order, on a thread of the table's; when the bus comes back after it was away it resumes at once after the last change
     * it delivered (none is delivered twice; a table the bus lost meanwhile is read again from its start). It starts at
     * once, or as soon as the bus is reached when it has not been yet (a node starts without it); it never throws.
     */
    void watch(Consumer<Entry> changes);

    /**
     * Runs {@code action} each time the table is reached: at once if it is now (else once it is), and again each time the
     * bus comes back after it was away, once the watches are made again. For what a node could not write while the bus was
     * away: it writes it then. An action that throws {@link Unavailable} is run again a second later; it never runs on the
     * caller's thread except at once here.
     */
    void onReconnected(Runnable action);

    /** Sets the value, whatever it was; the new revision. */
    long put(String key, String value);

    /** Sets the value only if the key has none; the new revision, or empty when the key holds a value. */
    OptionalLong create(String key, String value);

    /** Sets the value only if the key is still at {@code revision}; false when somebody wrote it since. */
    boolean update(String key, String value, long revision);

    /** Deletes the key only if it is still at {@code revision}; false when somebody wrote it since. */
    boolean delete(String key, long revision);

    /** The key's current value, if it has one. */
    Optional<Entry> get(String key);
}
