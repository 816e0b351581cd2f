package id.siaga.integration;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: {@code firstRetry} after the first failure, twice as long after each further one,
 * never longer than {@code maxRetry}; each wait is then drawn between half and all of that ("equal jitter"), so receivers
 * that come back are not hit by every sender's retries at the same moment.
 */
public record WebhookBackoff(Duration firstRetry, Duration maxRetry, DoubleSupplier random) {

    /** The wait after failed attempt number {@code attempt} (1 for the first). */
    public Duration after(int attempt) {
        long first = firstRetry.toMillis();
        long max = maxRetry.toMillis();
        long full = first << Math.min(Math.max(attempt - 1, 0), 30);
        if (full <= 0 || full > max) {
            full = max;
        }
        double share = 0.5 + 0.5 * Math.min(Math.max(random.getAsDouble(), 0), 1);
        return Duration.ofMillis(Math.max(1, Math.round(full * share)));
    }
}
