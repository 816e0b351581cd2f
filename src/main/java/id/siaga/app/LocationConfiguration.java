package id.siaga.app;

import id.siaga.location.JurisdictionIndex;
import id.siaga.location.Jurisdictions;
import id.siaga.location.Locator;
import id.siaga.org.StationDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LocationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LocationConfiguration.class);

    @Bean
    JurisdictionIndex jurisdictionIndex(Jurisdictions jurisdictions, LocationProperties props) {
        long started = System.nanoTime();
        JurisdictionIndex index = new JurisdictionIndex(jurisdictions, props.nearestWithinMeters());
        log.info("jurisdiction index built: {} polygons in {} ms, nearest polygon within {} m", index.polygonCount(),
                (System.nanoTime() - started) / 1_000_000, props.nearestWithinMeters());
        return index;
    }

    @Bean
    Locator locator(JurisdictionIndex index, StationDirectory stations) {
        return new Locator(index, stations);
    }
}
