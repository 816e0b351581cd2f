package id.siaga.tracking;

import id.siaga.journal.Journal;
import id.siaga.journal.SubjectKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Journals refused positions ({@code PositionRejected}) without letting a flood of garbage drown the journal:
 * at most one entry per device and reason per {@code window}, carrying {@code count}, the number of refusals it
 * stands for. The first refusal of a device and reason is journalled at once; those that follow within the
 * window are counted and journalled with the next one after it, or by {@link #flush()} (called every few
 * seconds by the app) once the window is over. The log follows the same rhythm. At most {@code maxKeys}
 * devices are followed one by one; beyond that (random device ids), refusals share one key per reason.
 * Subject: the unit when known, else SYSTEM {@code tracking}.
 */
public final class RejectionJournal {

    private static final Logger log = LoggerFactory.getLogger(RejectionJournal.class);
    static final String TYPE = "PositionRejected";
    static final String OVERFLOW_DEVICE = "*";

    private record Key(String deviceId, RejectReason reason) {
    }

    private static final class Window {
        final Instant start;
        long suppressed;
        Rejection latest;

        Window(Instant start) {
            this.start = start;
        }
    }

    private final Consumer<Entry> sink;
    private final Clock clock;
    private final Duration window;
    private final int maxKeys;
    private final ConcurrentHashMap<Key, Window> windows = new ConcurrentHashMap<>();

    /** What is journalled. */
    record Entry(SubjectKind kind, String subjectId, Map<String, Object> payload) {
    }

    public RejectionJournal(Journal journal, Clock clock, Duration window, int maxKeys) {
        this(e -> journal.append(TYPE, e.kind(), e.subjectId(), "tracking", e.payload()), clock, window, maxKeys);
    }

    RejectionJournal(Consumer<Entry> sink, Clock clock, Duration window, int maxKeys) {
        this.sink = sink;
        this.clock = clock;
        this.window = window;
        this.maxKeys = maxKeys;
    }

    public void rejected(Rejection r) {
        Instant now = clock.instant();
        String device = r.deviceId() == null ? "" : r.deviceId();
        Key key = new Key(device, r.reason());
        if (windows.size() >= maxKeys && !windows.containsKey(key)) {
            key = new Key(OVERFLOW_DEVICE, r.reason());
        }
        long[] emit = {0};
        windows.compute(key, (k, w) -> {
            if (w == null || !now.isBefore(w.start.plus(window))) {
                emit[0] = 1 + (w == null ? 0 : w.suppressed);
                return new Window(now);
            }
            w.suppressed++;
            w.latest = r;
            return w;
        });
        if (emit[0] > 0) {
            emit(r, emit[0], key.deviceId().equals(OVERFLOW_DEVICE));
        }
    }

    /** Journals the counts of windows that are over, and forgets quiet devices. */
    public void flush() {
        Instant now = clock.instant();
        List<Rejection> due = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        List<Boolean> overflow = new ArrayList<>();
        for (Key key : windows.keySet()) {
            windows.computeIfPresent(key, (k, w) -> {
                if (now.isBefore(w.start.plus(window))) {
                    return w;
                }
                if (w.suppressed > 0) {
                    due.add(w.latest);
                    counts.add(w.suppressed);
                    overflow.add(k.deviceId().equals(OVERFLOW_DEVICE));
                }
                return null;
            });
        }
        for (int i = 0; i < due.size(); i++) {
            emit(due.get(i), counts.get(i), overflow.get(i));
        }
    }

    private void emit(Rejection r, long count, boolean overflow) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("reason", r.reason().name());
        payload.put("detail", r.detail());
        payload.put("device", overflow ? OVERFLOW_DEVICE : r.deviceId());
        if (r.unitId() != null) {
            payload.put("unit", r.unitId());
        }
        payload.put("source", r.source().name());
        payload.put("values", r.values());
        payload.put("count", count);
        payload.put("windowSeconds", window.toSeconds());
        payload.values().removeIf(v -> v == null);
        boolean unit = r.unitId() != null && !overflow;
        log.warn("position rejected ({} in the last {} s) from device {} unit {} via {}: {} {} {}", count, window.toSeconds(),
                overflow ? "(many)" : r.deviceId(), r.unitId(), r.source(), r.reason(), r.detail(), r.values());
        sink.accept(new Entry(unit ? SubjectKind.UNIT : SubjectKind.SYSTEM, unit ? r.unitId() : "tracking", payload));
    }
}
