package id.siaga.app;

import id.siaga.dispatch.DispatchDesk;
import id.siaga.incident.IncidentCreated;
import id.siaga.incident.Incidents;
import id.siaga.integration.CitizenStatus;
import id.siaga.integration.CitizenStatusLinks;
import id.siaga.integration.SmsMessage;
import id.siaga.integration.SmsOutcomes;
import id.siaga.integration.SmsWebhook;
import id.siaga.integration.StatusLink;
import id.siaga.integration.StatusLinkStore;
import id.siaga.journal.Journal;
import id.siaga.journal.SubjectKind;
import id.siaga.org.StationDirectory;
import id.siaga.store.JdbcStatusLinkStore;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The citizen's status links: issued when an incident with a caller number opens, sent through the SMS gateway's
 * webhook when one is configured, read by the public status API. Every link, delivery and failure is journalled
 * (without the caller's number: the incident has it).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntegrationProperties.class)
class IntegrationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IntegrationConfiguration.class);

    @Bean
    @DependsOnDatabaseInitialization
    StatusLinkStore statusLinkStore(JdbcTemplate jdbc) {
        return new JdbcStatusLinkStore(jdbc);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService smsSender() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sms-webhook");
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    CitizenStatusLinks citizenStatusLinks(StatusLinkStore store, Incidents incidents, IntegrationProperties props, ConsoleProperties console,
                                          ScheduledExecutorService smsSender, Journal journal, JsonMapper json) {
        Optional<SmsWebhook> sms = Optional.empty();
        if (props.smsEnabled()) {
            sms = Optional.of(new SmsWebhook(URI.create(props.smsWebhookUrl()), props.smsTimeout(), props.smsAttempts(), props.smsFirstRetry(),
                    smsSender, new JournalledSms(journal), json));
            log.info("status links go to the SMS gateway at {} ({} attempts, first retry after {})", props.smsWebhookUrl(), props.smsAttempts(),
                    props.smsFirstRetry());
        } else {
            log.info("SMS gateway off (siaga.integration.sms-webhook-url is empty): status links are issued but not sent");
        }
        CitizenStatusLinks links = new CitizenStatusLinks(store, console.statusBaseUrl(), sms, new CitizenStatusLinks.Issued() {
            @Override
            public void issued(StatusLink link, boolean smsQueued) {
                journal.append("integration.status-link.issued", SubjectKind.INCIDENT, link.incident().value(), "system",
                        Map.of("smsQueued", smsQueued));
            }

            @Override
            public void failed(IncidentCreated created, String reason) {
                journal.append("integration.status-link.failed", SubjectKind.INCIDENT, created.incident().id().value(), "system",
                        Map.of("reason", reason));
            }
        });
        incidents.addListener(links);
        return links;
    }

    @Bean
    CitizenStatus citizenStatus(StatusLinkStore store, Incidents incidents, DispatchDesk desk, DispatchProperties dispatch,
                                StationDirectory stations, Clock clock) {
        return new CitizenStatus(store, incidents, desk, dispatch.eta(), stations::tree, clock);
    }

    /** The gateway's answers, journalled on the incident. */
    private record JournalledSms(Journal journal) implements SmsOutcomes {

        @Override
        public void delivered(SmsMessage message, int attempt) {
            journal.append("integration.sms.delivered", SubjectKind.INCIDENT, message.incident().value(), "system", Map.of("attempt", attempt));
        }

        @Override
        public void failed(SmsMessage message, int attempt, String reason, boolean willRetry) {
            journal.append("integration.sms.failed", SubjectKind.INCIDENT, message.incident().value(), "system",
                    Map.of("attempt", attempt, "reason", reason, "willRetry", willRetry));
        }
    }
}
