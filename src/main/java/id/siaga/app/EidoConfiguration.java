package id.siaga.app;

import id.siaga.dispatch.DispatchDesk;
import id.siaga.incident.Incidents;
import id.siaga.integration.eido.EidoExport;
import id.siaga.integration.eido.EidoIdentifiers;
import id.siaga.integration.eido.EidoSubscriptions;
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
 * the user accounts. A setting that is not a domain name stops the start, naming the key ({@link EidoProperties}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EidoProperties.class)
class EidoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EidoConfiguration.class);

    @Bean
    EidoIdentifiers eidoIdentifiers(EidoProperties props) {
        log.info("EIDO export: stations are agencies under {}, EIDOs issued by {}", props.agencyDomain(), props.elementId());
        return new EidoIdentifiers(props.agencyDomain(), props.elementId());
    }

    @Bean
    EidoSubscriptions.Limits eidoSubscriptionLimits(EidoProperties props) {
        return new EidoSubscriptions.Limits(props.subscriptionExpires());
    }

    @Bean
    EidoExport eidoExport(EidoIdentifiers ids, Incidents incidents, DispatchDesk desk, StationDirectory stations, UserAccountStore users) {
        return new EidoExport(ids, incidents, desk, stations::tree, username -> users.find(username)
                .map(u -> new EidoExport.Staff(u.station(), u.roles().contains(Role.DISPATCHER))));
    }
}
