package id.siaga.app;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The escalation ladder.
 *
 * @param polsekRingTime how long a Polsek's phones ring before the call climbs. 8 s leaves the Polres two
 *                       seconds of Polri's 10-second answer target.
 * @param polresRingTime how long a Polres rings: 10 s, Polri's 2026 answer target.
 * @param poldaRingTime  how long a Polda rings before Mabes is added: 10 s.
 * @param mode           WIDEN (lower tiers keep ringing, first answer anywhere wins: the fastest answer) or
 *                       MOVE (lower tiers are cancelled as the call climbs).
 */
@ConfigurationProperties("siaga.routing")
public record RoutingProperties(
        @DefaultValue("8s") Duration polsekRingTime,
        @DefaultValue("10s") Duration polresRingTime,
        @DefaultValue("10s") Duration poldaRingTime,
        @DefaultValue("WIDEN") id.siaga.routing.EscalationMode mode) {

    public RoutingProperties {
        check("siaga.routing.polsek-ring-time", polsekRingTime);
        check("siaga.routing.polres-ring-time", polresRingTime);
        check("siaga.routing.polda-ring-time", poldaRingTime);
    }

    private static void check(String key, Duration d) {
        if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException(key + " must be between 1 ms and 5 minutes, got " + d);
        }
    }
}
