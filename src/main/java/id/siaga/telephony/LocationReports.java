package id.siaga.telephony;

import id.siaga.location.LocationFusion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Location reports (AML by SMS or HTTPS) that belong to no live call: kept a minute for a call from their number not
 * yet offered (the handset often sends its AML SMS before the network delivers the INVITE), or joined to the story of
 * a call from that number that has just ended. Touched only on the call loop.
 */
final class LocationReports {

    /** A number that called more often than this within the match window is a flood; only its latest calls can take a late report. */
    private static final int RECENT_CALLS_PER_NUMBER = 20;
    /** Numbers remembered at once before the ended calls outside the window are swept out. */
    private static final int NUMBERS_BEFORE_SWEEP = 10_000;

    /** Reports kept for one number's call not yet offered: the latest few. */
    static final int EARLY_REPORTS_PER_NUMBER = 8;

    /** A finished call a late location report may still belong to. */
    record EndedCall(CallId id, Instant offeredAt, Instant endedAt) {
    }

    private final Duration matchWindow;
    private final Map<String, List<LocationFusion.Received>> early = new HashMap<>();
    private final Map<String, ArrayDeque<EndedCall>> recentlyEnded = new HashMap<>();
    private Instant lastSweep;

    LocationReports(Duration matchWindow) {
        this.matchWindow = matchWindow;
    }

    /** The reports for this number that arrived at most {@link LocationPolicy#EARLY_REPORT_WAIT} before its call; forgotten here. */
    List<LocationFusion.Received> takeEarly(String number, Instant now) {
        List<LocationFusion.Received> kept = early.remove(number);
        if (kept == null) {
            return List.of();
        }
        return kept.stream().filter(r -> !stale(r, now)).toList();
    }

    /** Keeps a report for a call from this number that may still come. */
    void keepEarly(String number, LocationFusion.Received report, Instant now) {
        List<LocationFusion.Received> kept = early.computeIfAbsent(number, n -> new ArrayList<>());
        kept.removeIf(e -> stale(e, now));
        kept.add(report);
        if (kept.size() > EARLY_REPORTS_PER_NUMBER) {
            kept.remove(0); // a handset or a gateway repeating itself: its latest reports are what a call wants
        }
        // the other numbers' stale reports are swept out once a second at most, not at every report (each node keeps
        // every report of the cluster that found no call, so there may be many)
        if (lastSweep == null || !now.isBefore(lastSweep.plusSeconds(1))) {
            lastSweep = now;
            early.values().forEach(l -> l.removeIf(e -> stale(e, now)));
            early.values().removeIf(List::isEmpty);
        }
    }

    /** The newest call from this number that ended within the match window, if any. */
    Optional<EndedCall> endedCallOf(String number, Instant now) {
        ArrayDeque<EndedCall> ended = recentlyEnded.get(number);
        if (ended == null) {
            return Optional.empty();
        }
        ended.removeIf(e -> outsideWindow(e, now));
        if (ended.isEmpty()) {
            recentlyEnded.remove(number);
            return Optional.empty();
        }
        return Optional.of(ended.peekLast());
    }

    /** A call from this number ended: for a while, a late report still joins its story. */
    void ended(CallId id, String number, Instant offeredAt, Instant endedAt) {
        ArrayDeque<EndedCall> sameNumber = recentlyEnded.computeIfAbsent(number, n -> new ArrayDeque<>());
        sameNumber.addLast(new EndedCall(id, offeredAt, endedAt));
        // oldest first: drop what has left the window, and keep at most the last few calls of one number
        while (sameNumber.size() > RECENT_CALLS_PER_NUMBER || outsideWindow(sameNumber.peekFirst(), endedAt)) {
            sameNumber.pollFirst();
        }
        if (recentlyEnded.size() > NUMBERS_BEFORE_SWEEP) {
            recentlyEnded.values().forEach(d -> d.removeIf(e -> outsideWindow(e, endedAt)));
            recentlyEnded.values().removeIf(ArrayDeque::isEmpty);
        }
    }

    private static boolean stale(LocationFusion.Received r, Instant now) {
        return Duration.between(r.receivedAt(), now).compareTo(LocationPolicy.EARLY_REPORT_WAIT) > 0;
    }

    private boolean outsideWindow(EndedCall e, Instant now) {
        return e != null && Duration.between(e.offeredAt(), now).compareTo(matchWindow) > 0;
    }
}
