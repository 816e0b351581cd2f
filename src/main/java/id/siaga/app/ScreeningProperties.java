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
 * @param warning   the SMS warning to numbers that keep pranking ({@code siaga.screening.warning.*}); off by default
 */
@ConfigurationProperties("siaga.screening")
public record ScreeningProperties(
        @DefaultValue("7d") @DurationUnit(ChronoUnit.DAYS) Duration halfLife,
        @DefaultValue("2.5") double threshold,
        @DefaultValue("90d") @DurationUnit(ChronoUnit.DAYS) Duration retention,
        @DefaultValue Warning warning) {

    /**
     * An SMS through the SMS gateway ({@code siaga.integration.sms-webhook-url}) to a number with {@code after} calls
     * classified as pranks within {@code window}: never to a number a supervisor marked trusted, never to one that made a
     * genuine emergency call within the window, at most once per window; each warning is journalled
     * ({@code PrankWarningSent}).
     *
     * @param enabled off by default: a warning speaks to a citizen in the police's name, which each Polda decides
     *                (the text states the count and why pranks harm others, nothing more). Needs the SMS gateway.
     * @param after   prank classifications within the window that earn a warning: 5, clearly a habit rather than a
     *                mistaken key at wrap-up (Polda Sumut blocked after 3 in 2021; a warning should be surer). 1 to 100
     * @param window  how far back pranks and genuine calls count, and how long one warning lasts: 30 days. A plain
     *                number is days; at most the retention (older marks are gone)
     */
    public record Warning(@DefaultValue("false") boolean enabled, @DefaultValue("5") int after,
                          @DefaultValue("30d") @DurationUnit(ChronoUnit.DAYS) Duration window) {

        public Warning {
            if (after < 1 || after > 100) {
                throw new IllegalArgumentException("siaga.screening.warning.after must be 1 to 100, got " + after);
            }
            if (window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("siaga.screening.warning.window must be positive, got " + window);
            }
        }
    }

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
        if (warning.window().compareTo(retention) > 0) {
            throw new IllegalArgumentException("siaga.screening.warning.window must be at most the retention (" + retention + "), got "
                    + warning.window());
        }
    }
}
