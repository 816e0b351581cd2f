package id.siaga.security;

import java.time.Duration;

/**
 * How far one key (a username, or the address logins come from) may go on failing to log in: the first
 * {@code delayAfter} failures cost nothing, each one after that makes the next attempt wait (first {@code firstDelay},
 * doubling up to {@code maxDelay}), and the {@code lockAfter}-th locks the key for {@code lockFor}. Failures are
 * forgotten one per {@code forgiveOneEvery}, so occasional typos over a shift never add up to a lock.
 */
public record LoginLimits(int delayAfter, Duration firstDelay, Duration maxDelay, int lockAfter, Duration lockFor,
                          Duration forgiveOneEvery) {

    public LoginLimits {
        if (delayAfter < 1) {
            throw new IllegalArgumentException("failures before a delay must be at least 1, got " + delayAfter);
        }
        if (lockAfter <= delayAfter) {
            throw new IllegalArgumentException("failures before a lock (" + lockAfter + ") must be more than failures before a delay ("
                    + delayAfter + ")");
        }
        positive("first delay", firstDelay);
        positive("longest delay", maxDelay);
        positive("lock time", lockFor);
        positive("time to forgive one failure", forgiveOneEvery);
        if (maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("the longest delay (" + maxDelay + ") is shorter than the first (" + firstDelay + ")");
        }
    }

    /** How long the next attempt waits after {@code failures} failures: nothing below {@link #delayAfter}, then doubling. */
    public Duration delayAfterFailures(int failures) {
        if (failures < delayAfter) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - delayAfter, 30);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private static void positive(String what, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("the " + what + " must be positive, got " + d);
        }
    }
}
