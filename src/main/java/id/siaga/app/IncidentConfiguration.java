package id.siaga.app;

import id.siaga.incident.DuplicatePolicy;
import id.siaga.incident.IncidentStore;
import id.siaga.incident.Incidents;
import id.siaga.journal.Journal;
import id.siaga.location.JurisdictionIndex;
import id.siaga.store.JdbcIncidentStore;
import id.siaga.store.OutboxIncidentStore;
import id.siaga.store.WebhookOutboxWriter;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Incidents: the service over the JDBC store (with the webhook outbox written in each change's transaction), the journal
 * told every change (see {@link IncidentJournal}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IncidentProperties.class)
class IncidentConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IncidentConfiguration.class);

    @Bean
    IncidentStore incidentStore(JdbcTemplate jdbc, WebhookOutboxWriter webhooks) {
        return new OutboxIncidentStore(new JdbcIncidentStore(jdbc), webhooks);
    }

    @Bean
    Incidents incidents(IncidentStore store, JurisdictionIndex jurisdictions, IncidentProperties props, Journal journal, Clock clock) {
        Incidents incidents = new Incidents(store, jurisdictions, new DuplicatePolicy(props.duplicateDistance(), props.duplicateWindow()), clock);
        incidents.addListener(new IncidentJournal(journal));
        log.info("incidents: possible duplicates within {} m and {} of each other", props.duplicateDistance(), props.duplicateWindow());
        return incidents;
    }
}
