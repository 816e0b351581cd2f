package id.siaga.supervision;

import id.siaga.journal.JournalEntry;
import id.siaga.telephony.event.CallEvents;
import id.siaga.telephony.event.MediaUnavailable;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The calls the media plane could not take: each one's first {@code MediaUnavailable} (the cause; what failed after it
 * follows from it). Such a call went on end to end, so the caller was heard, but it is not recorded (or not whole) and
 * its waiting caller heard no announcement: a supervisor needs to see these the day they happen.
 */
final class MediaGaps {

    /** A call the media plane lost: where it was responsible, when, at which step and why. No caller data. */
    record Gap(String call, String station, Instant at, String step, String reason) {
    }

    private MediaGaps() {
    }

    /** The first media failure among a call's entries, if any. */
    static List<Gap> of(List<JournalEntry> story, String station) {
        return story.stream().sorted(JournalEntry.IN_ORDER)
                .filter(e -> CallEvents.read(e).orElse(null) instanceof MediaUnavailable)
                .findFirst()
                .map(e -> {
                    MediaUnavailable m = (MediaUnavailable) CallEvents.read(e).orElseThrow();
                    return List.of(new Gap(m.call().value(), station, e.at(), m.step(), m.reason()));
                })
                .orElse(List.of());
    }
}
