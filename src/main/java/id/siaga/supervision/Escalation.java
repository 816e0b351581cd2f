package id.siaga.supervision;

import java.time.Instant;
import java.util.List;

/**
 * One step of a call up the ladder, as the journal's {@code CallEscalated} entry tells it: the station it left
 * ({@code from}), where it went, why ({@code TIMEOUT}, {@code ALL_DECLINED}, {@code NOBODY_READY}, {@code NOT_LIVE})
 * and the operator positions whose phones rang at {@code from} without an answer (empty when the station was skipped).
 */
public record Escalation(String call, Instant at, String from, String to, int toTier, String reason, List<String> missed) {

    public Escalation {
        missed = List.copyOf(missed);
    }
}
