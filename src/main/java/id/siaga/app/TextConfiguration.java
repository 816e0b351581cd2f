package id.siaga.app;

import id.siaga.incident.IncidentStatusChanged;
import id.siaga.incident.Incidents;
import id.siaga.integration.WebhookBackoff;
import id.siaga.integration.text.TextDesk;
import id.siaga.integration.text.TextEvents;
import id.siaga.integration.text.TextReplySender;
import id.siaga.integration.text.TextStore;
import id.siaga.journal.Journal;
import id.siaga.journal.SubjectKind;
import id.siaga.location.JurisdictionIndex;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.screening.Screening;
import id.siaga.store.JdbcTextStore;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Text to 110 (issue 18): the conversations' store, the desk that takes the gateway's messages, its sweep (escalation,
 * incidents that waited for a location) and the replies' delivery worker. Everything the desk and the worker tell is
 * journalled on the conversation's incident (before it has one, on the system's story as {@code text:<conversation>}),
 * with the conversation's id and never the texts themselves (they are in the database, read through the API). An incident
 * that ends closes its conversations.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TextProperties.class)
class TextConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TextConfiguration.class);

    @Bean
    @DependsOnDatabaseInitialization
    TextStore textStore(JdbcTemplate jdbc) {
        return new JdbcTextStore(jdbc);
    }

    @Bean
    TextEvents textEvents(Journal journal) {
        return (type, c, actor, facts) -> {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("conversation", c.id());
            payload.putAll(facts);
            if (c.incidentId() != null) {
                journal.append(type, SubjectKind.INCIDENT, c.incidentId(), actor, payload);
            } else {
                journal.append(type, SubjectKind.SYSTEM, "text:" + c.id(), actor, payload);
            }
        };
    }

    @Bean
    TextDesk textDesk(TextStore store, StationDirectory stations, JurisdictionIndex jurisdictions, Incidents incidents, Screening screening,
                      TelephonyProperties telephony, LocationProperties location, TextProperties props, TextEvents events, Clock clock) {
        StationId fallback = StationId.of(telephony.defaultStation());
        TextDesk desk = new TextDesk(store, stations::tree, jurisdictions, incidents,
                number -> screening.reputation().of(number, clock.instant()).flagged(),
                new TextDesk.Policy(fallback, location.maxAge(), props.locationWait(), props.escalateAfter(), props.autoReply()), events, clock);
        incidents.addListener(event -> {
            if (event instanceof IncidentStatusChanged changed && !changed.to().isOpen()) {
                try {
                    desk.incidentEnded(changed.incident().id().value());
                } catch (RuntimeException e) {
                    log.warn("incident {} ended, but its text conversations could not be closed: {}", changed.incident().id(), e.toString());
                }
            }
        });
        return desk;
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService textSweep(TextDesk desk, TextProperties props) {
        ScheduledExecutorService sweep = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "text-sweep");
            t.setDaemon(true);
            return t;
        });
        sweep.scheduleWithFixedDelay(() -> {
            try {
                desk.sweep();
            } catch (RuntimeException e) {
                log.warn("text conversations: the sweep failed ({}); trying again in {}", e.toString(), props.sweepInterval());
            }
        }, props.sweepInterval().toMillis(), props.sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
        log.info("Text to 110: conversations nobody takes climb after {}; an unplaced text waits {} for its AML", props.escalateAfter(),
                props.locationWait());
        return sweep;
    }

    /** The replies' worker ({@link TextReplySender}); nothing (replies stay queued) while no gateway is configured. */
    @Bean(destroyMethod = "close")
    AutoCloseable textReplies(TextStore store, TextProperties props, IntegrationProperties integration, TextEvents events, Clock clock,
                                              JsonMapper json) {
        String url = !props.gatewayUrl().isBlank() ? props.gatewayUrl() : integration.smsWebhookUrl();
        if (url.isBlank()) {
            log.warn("Text to 110: no SMS gateway (siaga.texts.gateway-url and siaga.integration.sms-webhook-url are empty): replies are queued, not sent");
            return () -> { };
        }
        TextReplySender sender = new TextReplySender(store, URI.create(url), new WebhookBackoff(props.replyFirstRetry(), props.replyMaxRetry(),
                () -> ThreadLocalRandom.current().nextDouble()), props.replyAttempts(), props.replyTimeout(), props.replyPollInterval(), events, clock, json);
        sender.start();
        log.info("Text to 110: replies go to the SMS gateway at {} ({} attempts, first retry after {})", url, props.replyAttempts(),
                props.replyFirstRetry());
        return sender;
    }
}
