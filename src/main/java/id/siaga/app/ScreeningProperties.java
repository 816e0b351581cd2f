package id.siaga.app;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
 * @param gate      the gate, never a block ({@code siaga.screening.gate.*}): off unless stations are listed
 * @param warning   the SMS warning to numbers that keep pranking ({@code siaga.screening.warning.*}); off by default
 */
@ConfigurationProperties("siaga.screening")
public record ScreeningProperties(
        @DefaultValue("7d") @DurationUnit(ChronoUnit.DAYS) Duration halfLife,
        @DefaultValue("2.5") double threshold,
        @DefaultValue("90d") @DurationUnit(ChronoUnit.DAYS) Duration retention,
        @DefaultValue GateProperties gate,
        @DefaultValue Warning warning) {

    /**
     * The gate ({@code siaga.screening.gate.*}, issue 16): a flagged caller at one of these stations first hears "Jika
     * ini keadaan darurat, tekan 1" before any phone rings; the call goes on with or without the key, never refused.
     *
     * @param stations where it is on: station ids, each for its whole subtree ({@code POLDA-DIY} for all its Polres,
     *                 {@code MABES} for the country); empty (the default) is off. Needs the media plane
     *                 ({@code siaga.media.rtpengines}): without one it stays off and every flagged call there says so.
     * @param keyWait  from the prompt's start to the call going on without a key: 10 s (the prompt lasts about 4 s);
     *                 5 to 30 s (shorter than the prompt and a key cannot be answered). A plain number is seconds.
     */
    public record GateProperties(@DefaultValue({}) List<String> stations,
                                 @DefaultValue("10s") @DurationUnit(ChronoUnit.SECONDS) Duration keyWait) {
        public GateProperties {
            stations = stations == null ? List.of() : stations.stream().map(String::strip).filter(x -> !x.isEmpty()).toList();
            if (keyWait.compareTo(Duration.ofSeconds(5)) < 0 || keyWait.compareTo(Duration.ofSeconds(30)) > 0) {
                throw new IllegalArgumentException("siaga.screening.gate.key-wait must be between 5 and 30 seconds, got " + keyWait);
            }
        }
    }

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
