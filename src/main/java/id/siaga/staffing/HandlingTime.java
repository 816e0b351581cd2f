package id.siaga.staffing;

import id.siaga.telephony.CallRecord;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long a finished call kept an operator: the seam where the plan learns what a call costs. Today every answered
 * call costs its talk time plus one wrap-up; once calls carry the operator's classification at wrap-up (issue 16:
 * PRANK, SILENT, GENUINE …), a function of the record and its class replaces this one, so a prank's seconds and a real
 * report's minutes each weigh what they do, and the plan "with the gate" sizes only the calls the gate lets through.
 */
@FunctionalInterface
public interface HandlingTime {

    /**
     * The operator time the call took; empty for a call nobody answered and for one whose length is not known, which
     * still count as arrivals.
     */
    Optional<Duration> of(CallRecord call);

    /**
     * From the answer to the end of the call, plus {@code wrapUp} (the report, the notes, the next READY) for every
     * answered call, a cut-off one and one the server's restart interrupted included. An answered call with no end kept
     * has no known length (empty); an end before the answer (two nodes' clocks) counts as no talk.
     */
    static HandlingTime talkPlusWrapUp(Duration wrapUp) {
        Objects.requireNonNull(wrapUp, "wrapUp");
        if (wrapUp.isNegative()) {
            throw new IllegalArgumentException("a wrap-up time cannot be negative, got " + wrapUp);
        }
        return call -> {
            if (call.answeredAt() == null || call.endedAt() == null) {
                return Optional.empty();
            }
            Duration talk = Duration.between(call.answeredAt(), call.endedAt());
            return Optional.of((talk.isNegative() ? Duration.ZERO : talk).plus(wrapUp));
        };
    }
}
