package id.siaga.app;

import id.siaga.dispatch.UnitRoster;
import id.siaga.dispatch.UnitsCsvReader;
import id.siaga.location.Jurisdictions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** Field units and dispatch: the unit register from {@link DispatchProperties#unitsFile()}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DispatchProperties.class)
class DispatchConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DispatchConfiguration.class);

    @Bean
    UnitRoster unitRoster(DispatchProperties props, Jurisdictions jurisdictions, ResourceLoader resources) {
        UnitRoster roster = OrgConfiguration.read(resources, props.unitsFile(),
                (r, source) -> new UnitRoster(UnitsCsvReader.read(r, source, jurisdictions.tree())));
        log.info("field units loaded from {}: {}", props.unitsFile(), roster.size());
        return roster;
    }
}
