package id.siaga.telephony.registrar;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Replay protection for {@code qop=auth}: per (username, nonce), the highest nonce count seen and which of
 * the 64 counts below it were used, as IPsec's anti-replay window does, so two requests that overtake each
 * other on UDP are both accepted but neither can be replayed.
 *
 * <p>Memory is bounded by {@code capacity} entries (about 300 bytes each). When full, the entry first seen
 * longest ago is forgotten and {@code forgottenUpTo} rises to its nonce's issue time; from then on any nonce
 * issued at or before that instant that is not remembered is answered {@link Outcome#FORGOTTEN}, which the
 * authenticator turns into a stale challenge: the phone simply re-authenticates with a new nonce, and a
 * forgotten count can never be replayed. A node starts with {@code forgottenUpTo} at its start time for the
 * same reason. The limit: each node remembers only what it saw, so a request accepted by one node can be
 * replayed once to another node while its nonce is still fresh (at most the nonce lifetime).
 */
final class NonceCounts {

    private static final int WINDOW = 64;

    private final int capacity;
    private final Map<Key, Window> windows = new LinkedHashMap<>();
    private Instant forgottenUpTo;

    NonceCounts(int capacity, Instant startedAt) {
        if (capacity < 1) {
            throw new IllegalArgumentException("nonce count capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        // Nonces carry milliseconds: everything issued before this node's first millisecond is unknown to it.
        this.forgottenUpTo = startedAt.truncatedTo(ChronoUnit.MILLIS).minusMillis(1);
    }

    enum Outcome {
        ACCEPTED, REPLAYED, FORGOTTEN
    }

    synchronized Outcome record(String username, String nonce, Instant issuedAt, long nc, Instant now, Duration lifetime) {
        dropExpiredEldest(now, lifetime);
        Key key = new Key(username, nonce);
        Window w = windows.get(key);
        if (w == null) {
            if (!issuedAt.isAfter(forgottenUpTo)) {
                return Outcome.FORGOTTEN;
            }
            w = new Window(issuedAt);
            windows.put(key, w);
            if (windows.size() > capacity) {
                forgetEldest();
            }
        }
        return w.accept(nc) ? Outcome.ACCEPTED : Outcome.REPLAYED;
    }

    synchronized int size() {
        return windows.size();
    }

    private void forgetEldest() {
        Iterator<Window> it = windows.values().iterator();
        Window eldest = it.next();
        it.remove();
        if (eldest.issuedAt.isAfter(forgottenUpTo)) {
            forgottenUpTo = eldest.issuedAt;
        }
    }

    /** Entries are mostly in issue order, so expired ones gather at the head; a stale nonce needs no memory. */
    private void dropExpiredEldest(Instant now, Duration lifetime) {
        Iterator<Window> it = windows.values().iterator();
        while (it.hasNext()) {
            Window w = it.next();
            if (Duration.between(w.issuedAt, now).compareTo(lifetime) <= 0) {
                return;
            }
            it.remove();
        }
    }

    private record Key(String username, String nonce) {
    }

    private static final class Window {

        final Instant issuedAt;
        long highest;
        long seen; // bit k set: count (highest - k) was used

        Window(Instant issuedAt) {
            this.issuedAt = issuedAt;
        }

        boolean accept(long nc) {
            if (nc > highest) {
                long shift = nc - highest;
                seen = shift >= WINDOW ? 0 : seen << shift;
                seen |= 1;
                highest = nc;
                return true;
            }
            long offset = highest - nc;
            if (offset >= WINDOW || (seen >>> offset & 1) != 0) {
                return false;
            }
            seen |= 1L << offset;
            return true;
        }
    }
}
