package id.siaga.telephony;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** One timer per live call, set to when the pipeline next needs to look at it (a fix wait, a ladder deadline). Loop only. */
final class CallTimers {

    private record Wake(Instant at, CallLoop.Timer timer) {
    }

    private final CallLoop loop;
    private final Clock clock;
    private final Map<CallId, Wake> wakes = new HashMap<>();

    CallTimers(CallLoop loop, Clock clock) {
        this.loop = loop;
        this.clock = clock;
    }

    /** Sets, moves or (with an empty time) drops the call's timer; {@code onTime} runs on the loop when it fires. */
    void set(CallId id, Optional<Instant> at, Runnable onTime) {
        Wake current = wakes.get(id);
        if (current != null && at.isPresent() && current.at().equals(at.get())) {
            return;
        }
        cancel(id);
        at.ifPresent(t -> wakes.put(id, new Wake(t, loop.schedule(() -> {
            wakes.remove(id);
            onTime.run();
        }, Duration.between(clock.instant(), t)))));
    }

    void cancel(CallId id) {
        Optional.ofNullable(wakes.remove(id)).ifPresent(w -> w.timer().cancel());
    }
}
