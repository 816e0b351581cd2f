package id.siaga.app;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Jurisdiction lookup.
 *
 * @param nearestWithinMeters a point inside no polygon (a boat off the coast, a small island the simplified
 *                            boundaries missed) goes to the nearest polygon within this distance; farther
 *                            out, Mabes takes the call. 20 km covers Indonesia's coastal waters around
 *                            simplified coastlines without handing open-sea calls to an arbitrary Polres.
 */
@ConfigurationProperties("siaga.location")
public record LocationProperties(@DefaultValue("20000") double nearestWithinMeters) {

    public LocationProperties {
        if (!(nearestWithinMeters >= 0 && nearestWithinMeters <= 500_000)) {
            throw new IllegalArgumentException("siaga.location.nearest-within-meters must be between 0 and 500000, got " + nearestWithinMeters);
        }
    }
}
