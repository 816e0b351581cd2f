package id.siaga.app;

import id.siaga.integration.WebhookAddresses;
import id.siaga.integration.WebhookBackoff;
import id.siaga.integration.WebhookChanges;
import id.siaga.integration.WebhookOutbox;
import id.siaga.integration.WebhookOutcomes;
import id.siaga.integration.WebhookSender;
import id.siaga.integration.WebhookSubscriberStore;
import id.siaga.journal.Journal;
import id.siaga.journal.SubjectKind;
import id.siaga.org.StationDirectory;
import id.siaga.store.JdbcWebhookOutbox;
import id.siaga.store.JdbcWebhookSubscriberStore;
import id.siaga.store.WebhookOutboxWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks to other police apps (issue 18): the subscribers, the outbox the incident and dispatch stores write in each
 * change's transaction ({@link WebhookOutboxWriter}), and the delivery worker on its own threads. A dead letter is
 * journalled on the system's story with its event, subscriber and reason.
 */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebhookConfiguration.class);

    @Bean
    @DependsOnDatabaseInitialization
    WebhookSubscriberStore webhookSubscriberStore(JdbcTemplate jdbc) {
        return new JdbcWebhookSubscriberStore(jdbc);
    }

    @Bean
    @DependsOnDatabaseInitialization
    JdbcWebhookOutbox webhookOutbox(JdbcTemplate jdbc) {
        return new JdbcWebhookOutbox(jdbc);
    }

    @Bean
    WebhookAddresses webhookAddresses(IntegrationProperties props) {
        if (props.webhookAllowPrivateAddresses()) {
            log.warn("webhooks: siaga.integration.webhook-allow-private-addresses is on: subscribers may be http and inside this network "
                    + "(tests and demos only)");
        }
        List<IpAddressMatcher> networks = new ArrayList<>();
        for (String network : props.webhookAllowedNetworks()) {
            try {
                networks.add(new IpAddressMatcher(network.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("siaga.integration.webhook-allowed-networks: " + network
                        + " is not a network (CIDR such as 10.20.0.0/16) or an address", e);
            }
        }
        if (!networks.isEmpty()) {
            log.info("webhooks: receivers inside {} are allowed (https only)", props.webhookAllowedNetworks());
        }
        return WebhookAddresses.resolving(props.webhookAllowPrivateAddresses(),
                address -> networks.stream().anyMatch(n -> n.matches(address.getHostAddress())));
    }

    @Bean
    WebhookChanges webhookChanges(StationDirectory stations, JsonMapper json, Clock clock) {
        return new WebhookChanges(stations::tree, json, clock);
    }

    @Bean
    WebhookOutboxWriter webhookOutboxWriter(JdbcTemplate jdbc, WebhookSubscriberStore subscribers, WebhookChanges changes, JdbcWebhookOutbox outbox,
                                            Clock clock) {
        return new WebhookOutboxWriter(jdbc, subscribers, changes, outbox, clock);
    }

    @Bean(destroyMethod = "close")
    WebhookSender webhookSender(WebhookOutbox outbox, WebhookSubscriberStore subscribers, IntegrationProperties props, WebhookAddresses addresses,
                                Journal journal, Clock clock) {
        WebhookOutcomes outcomes = (delivery, attempts, reason) -> {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("event", delivery.eventId());
            facts.put("eventType", delivery.eventType());
            facts.put("subscriber", delivery.subscriberId());
            facts.put("attempts", attempts);
            facts.put("reason", reason);
            journal.append("WebhookDeadLettered", SubjectKind.SYSTEM, "webhook:" + delivery.subscriberId(), "system", facts);
        };
        WebhookSender sender = new WebhookSender(outbox, subscribers, new WebhookBackoff(props.webhookFirstRetry(), props.webhookMaxRetry(),
                () -> ThreadLocalRandom.current().nextDouble()), props.webhookAttempts(), props.webhookTimeout(), props.webhookPollInterval(),
                props.webhookThreads(), props.webhookKeepDelivered(), outcomes, addresses, clock);
        sender.start();
        log.info("webhooks: the outbox is polled every {} ({} attempts per delivery, first retry after {}, at most {} apart)",
                props.webhookPollInterval(), props.webhookAttempts(), props.webhookFirstRetry(), props.webhookMaxRetry());
        return sender;
    }
}
