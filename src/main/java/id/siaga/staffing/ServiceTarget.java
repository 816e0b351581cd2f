package id.siaga.staffing;

import java.time.Duration;
import java.util.Objects;

/**
 * A service-level target: this share of calls answered within this long.
 *
 * @param share        0 < share < 1; Erlang C's service level only approaches 1, so 100 % is never met by any count
 * @param answerWithin the answer-time target, longer than zero
 */
public record ServiceTarget(double share, Duration answerWithin) {

    /** Polri's 2026 answer target: 90 % of calls within 10 s. */
    public static final ServiceTarget WITHIN_10_S = new ServiceTarget(0.90, Duration.ofSeconds(10));
    /** Polri's 2026 second target, NENA-STA-020's too: 95 % of calls within 20 s. */
    public static final ServiceTarget WITHIN_20_S = new ServiceTarget(0.95, Duration.ofSeconds(20));

    public ServiceTarget {
        Objects.requireNonNull(answerWithin, "answerWithin");
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException("a service-level share must be above 0 and below 1, got " + share);
        }
        if (answerWithin.isNegative() || answerWithin.isZero()) {
            throw new IllegalArgumentException("an answer-time target must be longer than zero, got " + answerWithin);
        }
    }

    public double answerWithinSeconds() {
        return answerWithin.toMillis() / 1000.0;
    }
}
