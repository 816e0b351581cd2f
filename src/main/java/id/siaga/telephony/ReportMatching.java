package id.siaga.telephony;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Which live call a location report (AML) from a caller's number belongs to: a call from that number, not
 * ended, offered within the window before the report; among several (a caller who rang twice), the one
 * offered nearest the call start the handset reports, else the newest. Runs on the call loop for every
 * report, over every live call.
 */
public final class ReportMatching {

    /** What matching needs to know of a live call. */
    public interface Live {
        String callerNumber();

        Instant offeredAt();

        boolean ended();
    }

    private ReportMatching() {
    }

    /** The call {@code number}'s report at {@code now} belongs to, or null. */
    public static <C extends Live> C match(Iterable<C> calls, String number, Optional<Instant> callStart, Instant now, Duration window) {
        C best = null;
        for (C c : calls) {
            if (!c.callerNumber().equals(number) || c.ended() || Duration.between(c.offeredAt(), now).compareTo(window) > 0) {
                continue;
            }
            if (best == null) {
                best = c;
            } else if (callStart.isPresent()) {
                Instant t = callStart.get();
                if (Duration.between(c.offeredAt(), t).abs().compareTo(Duration.between(best.offeredAt(), t).abs()) < 0) {
                    best = c;
                }
            } else if (c.offeredAt().isAfter(best.offeredAt())) {
                best = c;
            }
        }
        return best;
    }
}
