package id.siaga.web;

import id.siaga.journal.Journal;
import id.siaga.telephony.CallId;
import id.siaga.telephony.event.RecordingPlayed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Every listen to a call's recording is journalled ({@code RecordingPlayed}, the user as actor) before a byte of it is
 * sent. A browser's player asks for the file in several Range requests (the start, then wherever the user seeks, and
 * again after a pause), so one listen is one row: a user's request for a call's recording is journalled when that user
 * has not asked for it within the last {@link #SAME_LISTEN}; requests closer together than that continue the same listen.
 * So a row stands for "this user listened from about then", and a user who comes back later gets a new one. Kept per
 * node in memory: a listen that moves to another node (or outlives a restart) is journalled again there, never lost.
 */
@Component
class RecordingListens {

    /** Requests this close to the user's previous one for the same call continue the same listen. */
    static final Duration SAME_LISTEN = Duration.ofMinutes(5);
    private static final int FORGET_ABOVE = 10_000;

    private final Journal journal;
    private final Clock clock;
    private final Map<String, Instant> lastRequest = new ConcurrentHashMap<>();

    RecordingListens(Journal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * {@code user} asks for the recording of {@code call}, from byte {@code fromByte} ({@code ranged}: a Range request).
     * Journals the listen, waiting until the entry is durable, unless it continues one; returns whether it journalled.
     */
    boolean heard(String user, CallId call, boolean ranged, long fromByte) {
        Instant now = clock.instant();
        String key = user + '\n' + call.value();
        Instant previous = lastRequest.get(key);
        boolean continues = previous != null && !now.isAfter(previous.plus(SAME_LISTEN)) && !now.isBefore(previous);
        if (!continues) {
            Journal.awaitDurable(List.of(journal.append(new RecordingPlayed(call, ranged, fromByte), user)));
        }
        lastRequest.put(key, now);
        if (lastRequest.size() > FORGET_ABOVE) {
            Instant stale = now.minus(SAME_LISTEN);
            lastRequest.values().removeIf(t -> t.isBefore(stale));
        }
        return !continues;
    }
}
