package id.siaga.app;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * Screening ({@code siaga.screening.*}): how a caller's number earns and loses a reputation.
 *
 * @param halfLife  a mark (a prank, an abusive or silent call, a hang-up right after the answer) weighs half as much
 *                  after this long; 7 days: last week's pranks still show, last month's barely. A plain number is days.
 * @param threshold the score that flags a number in the call pop (a prank weighs 1, a genuine call -3): 2.5, three
 *                  pranks within about two days (the count after which Polda Sumut blocked numbers in 2021), or more
 *                  spread over weeks. A flag never blocks.
 * @param retention how long marks are kept (only the number and what its calls were); then the daily sweep deletes
 *                  them (the classification of each call is kept with its call record, as the call history is).
 *                  90 days; at least one half-life.
 */
@ConfigurationProperties("siaga.screening")
public record ScreeningProperties(
        @DefaultValue("7d") @DurationUnit(ChronoUnit.DAYS) Duration halfLife,
        @DefaultValue("2.5") double threshold,
        @DefaultValue("90d") @DurationUnit(ChronoUnit.DAYS) Duration retention) {

    public ScreeningProperties {
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("siaga.screening.half-life must be positive, got " + halfLife);
        }
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("siaga.screening.threshold must be positive, got " + threshold);
        }
        if (retention.compareTo(halfLife) < 0) {
            throw new IllegalArgumentException("siaga.screening.retention must be at least the half-life (" + halfLife + "), got " + retention);
        }
    }
}
