package id.siaga.app;

import id.siaga.dispatch.DispatchDesk;
import id.siaga.incident.Incidents;
import id.siaga.integration.eido.EidoExport;
import id.siaga.integration.eido.EidoIdentifiers;
import id.siaga.org.StationDirectory;
import id.siaga.security.Role;
import id.siaga.security.UserAccountStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The EIDO export: incidents as NENA Emergency Incident Data Objects, with people placed at their home stations from
 * the user accounts. A wrong domain in the settings stops the start, naming the key.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EidoProperties.class)
class EidoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EidoConfiguration.class);

    @Bean
    EidoIdentifiers eidoIdentifiers(EidoProperties props) {
        try {
            EidoIdentifiers ids = new EidoIdentifiers(props.agencyDomain(), props.elementId());
            log.info("EIDO export: agencies under {}, issued by {}", props.agencyDomain(), ids.element());
            return ids;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("siaga.integration.eido.agency-domain / element-id: " + e.getMessage(), e);
        }
    }

    @Bean
    EidoExport eidoExport(EidoIdentifiers ids, Incidents incidents, DispatchDesk desk, StationDirectory stations, UserAccountStore users) {
        return new EidoExport(ids, incidents, desk, stations::tree, username -> users.find(username)
                .map(u -> new EidoExport.Staff(u.station(), u.roles().contains(Role.DISPATCHER))));
    }
}
