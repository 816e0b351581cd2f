package id.siaga.cluster.internal;

import io.nats.client.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Something that needs the server: set up once, on the first chance (at once if the bus is connected, else as soon as it
 * is), tried again while it fails.
 */
abstract class Deferred {

    /** Under the bus's own name, as before it had a class of its own: the set-up warnings are the bus's. */
    private static final Logger log = LoggerFactory.getLogger(NatsTables.class);

    private boolean done;
    private boolean failedBefore;
    private boolean cancelled;

    /**
     * Sets it up on {@code connection}; false when what it builds on is not set up yet. Called again after a reconnect
     * (see {@link #again}): then it replaces what it set up before.
     */
    abstract boolean setUp(Connection connection) throws Exception;

    /**
     * Whether it is set up again when the connection comes back: a bucket or stream (the server may have lost it), a
     * watch or subscription (its ordered consumer is gone with a restarted server). Not a core subscription: the client
     * makes it again itself.
     */
    boolean setUpAgainOnReconnect() {
        return true;
    }

    /** The connection came back: what was set up no longer counts as set up (under the lock {@link #ensure} takes). */
    void forgetSetUp() {
    }

    /** The connection came back: it is set up again on the next round, replacing what it set up before. */
    final synchronized void again() {
        if (done && !cancelled && setUpAgainOnReconnect()) {
            done = false;
            failedBefore = false;
            forgetSetUp();
        }
    }

    /** Whether it is set up now. */
    final synchronized boolean isSetUp() {
        return done && !cancelled;
    }

    /** What it is, for the log. */
    abstract String what();

    /** Whether it is set up (or was given up); tries it when not. */
    final synchronized boolean ensure(Connection connection) {
        if (done || cancelled) {
            return true;
        }
        try {
            done = setUp(connection);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // said once as a warning: tried again every second while the bus is connected
            if (!failedBefore) {
                log.warn("cluster bus: cannot set up {} yet ({}); trying again", what(), e.getMessage());
            }
            log.debug("cluster bus: cannot set up {}", what(), e);
            failedBefore = true;
        }
        return done;
    }

    /** Never set up from now on; {@code andThen} runs under the same lock, so it sees whether it was. */
    final synchronized void cancel(Runnable andThen) {
        cancelled = true;
        andThen.run();
    }
}
