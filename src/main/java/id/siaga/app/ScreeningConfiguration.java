package id.siaga.app;

import id.siaga.integration.SmsMessage;
import id.siaga.integration.SmsOutcomes;
import id.siaga.integration.SmsWebhook;
import id.siaga.journal.Journal;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.incident.Incidents;
import id.siaga.telephony.CallCoordinator;
import id.siaga.telephony.Gate;
import org.springframework.beans.factory.ObjectProvider;
import java.util.LinkedHashSet;
import java.util.Set;
import id.siaga.journal.SubjectKind;
import id.siaga.screening.Classification;
import id.siaga.screening.PrankWarningRule;
import id.siaga.screening.PrankWarningStore;
import id.siaga.screening.PrankWarnings;
import id.siaga.screening.Reputation;
import id.siaga.screening.Screening;
import id.siaga.screening.ScreeningStore;
import id.siaga.store.JdbcPrankWarningStore;
import id.siaga.store.JdbcScreeningStore;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Screening: the store of classifications and marks, the reputation in memory (loaded at start), its daily retention
 * sweep; each change is journalled and waited for before the person who made it is answered. After a call is
 * classified a prank, the SMS warning to its number is considered on a thread of its own (never the operator's), when
 * {@code siaga.screening.warning.enabled}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScreeningProperties.class)
class ScreeningConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ScreeningConfiguration.class);

    @Bean
    ScreeningStore screeningStore(JdbcTemplate jdbc) {
        return new JdbcScreeningStore(jdbc);
    }

    @Bean
    PrankWarningStore prankWarningStore(JdbcTemplate jdbc) {
        return new JdbcPrankWarningStore(jdbc);
    }

    /** Where the SMS warnings are considered and handed over: one thread, so two pranks at once cannot warn twice. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService prankWarningThread() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "prank-warnings");
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    Screening screening(ScreeningProperties props, IntegrationProperties integration, ScreeningStore store, PrankWarningStore warned,
                        Journal journal, @Qualifier("smsSender") ScheduledExecutorService smsSender,
                        @Qualifier("prankWarningThread") ExecutorService prankWarningThread, JsonMapper json, Clock clock) {
        Reputation reputation = new Reputation(new Reputation.Policy(props.halfLife(), props.threshold(), props.retention()));
        Consumer<Screening.Noted> journalled = noted -> Journal.awaitDurable(List.of(journal.append(noted.type(),
                noted.about() == Screening.Noted.About.CALL ? SubjectKind.CALL : SubjectKind.CALLER, noted.subject(), noted.actor(),
                noted.facts())));
        PrankWarnings warnings = prankWarnings(props.warning(), integration, reputation, warned, journalled, journal, smsSender, json, clock);
        Consumer<Screening.Noted> noted = journalled;
        if (warnings != null) {
            noted = n -> {
                journalled.accept(n);
                if ("CallClassified".equals(n.type()) && Classification.PRANK.name().equals(n.facts().get("classification"))) {
                    prankWarningThread.execute(() -> {
                        try {
                            store.classification(n.subject()).ifPresent(warnings::afterClassified);
                        } catch (RuntimeException e) {
                            log.warn("screening: the prank warning after call {} could not be considered: {}", n.subject(), e.toString());
                        }
                    });
                }
            };
        }
        Screening screening = new Screening(store, reputation, noted, clock);
        screening.load();
        return screening;
    }

    /**
     * The gate as configured ({@code siaga.screening.gate.*}), before the media plane is known: the media plane's
     * wiring turns it on where stations are listed. A station that does not exist stops the start.
     */
    @Bean
    Gate screeningGate(ScreeningProperties props, StationDirectory stations) {
        Set<StationId> where = new LinkedHashSet<>();
        for (String id : props.gate().stations()) {
            StationId station = StationId.of(id);
            if (!stations.tree().contains(station)) {
                throw new IllegalArgumentException("siaga.screening.gate.stations names unknown station " + id);
            }
            where.add(station);
        }
        return new Gate(where, props.gate().keyWait(), false);
    }

    /** A silent caller's 5 5 opens an incident for the dispatchers, at the call's location. */
    @Bean(destroyMethod = "close")
    SilentEmergencies silentEmergencies(ObjectProvider<CallCoordinator> calls, Incidents incidents, Screening screening) {
        SilentEmergencies silent = new SilentEmergencies(incidents, screening);
        calls.ifAvailable(c -> c.addListener(silent));
        return silent;
    }

    /** The SMS warnings, or null when they are off; on without an SMS gateway is a mistake the start refuses. */
    private static PrankWarnings prankWarnings(ScreeningProperties.Warning w, IntegrationProperties integration, Reputation reputation,
                                               PrankWarningStore warned, Consumer<Screening.Noted> journalled, Journal journal,
                                               ScheduledExecutorService smsSender, JsonMapper json, Clock clock) {
        if (!w.enabled()) {
            log.info("prank warnings off (siaga.screening.warning.enabled is false): no SMS goes to numbers that prank");
            return null;
        }
        if (!integration.smsEnabled()) {
            throw new IllegalStateException("siaga.screening.warning.enabled needs the SMS gateway: set siaga.integration.sms-webhook-url, "
                    + "or switch the warnings off");
        }
        SmsWebhook sms = new SmsWebhook(URI.create(integration.smsWebhookUrl()), integration.smsTimeout(), integration.smsAttempts(),
                integration.smsFirstRetry(), smsSender, new JournalledWarningSms(journal), json);
        log.info("prank warnings on: an SMS after {} pranks within {} days, at most one per number per window, never to a trusted number "
                + "or one with a genuine call in the window", w.after(), w.window().toDays());
        return new PrankWarnings(new PrankWarningRule(new PrankWarningRule.Policy(true, w.after(), w.window())), reputation, warned, journalled,
                warning -> sms.send(new SmsMessage(warning.number(), warning.text(), null, null)), clock);
    }

    /** The gateway's answers to a warning, journalled on the number. */
    private record JournalledWarningSms(Journal journal) implements SmsOutcomes {

        @Override
        public void delivered(SmsMessage message, int attempt) {
            journal.append("PrankWarningDelivered", SubjectKind.CALLER, message.to(), "system", Map.of("attempt", attempt));
        }

        @Override
        public void failed(SmsMessage message, int attempt, String reason, boolean willRetry) {
            journal.append("PrankWarningFailed", SubjectKind.CALLER, message.to(), "system",
                    Map.of("attempt", attempt, "reason", reason, "willRetry", willRetry));
        }
    }

    /** The retention sweep, once a day (and an hour after the start, so a server restarted daily still sweeps). */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService screeningSweep(Screening screening, PrankWarningStore warned, ScreeningProperties props, Clock clock) {
        ScheduledExecutorService sweep = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "screening-sweep");
            t.setDaemon(true);
            return t;
        });
        sweep.scheduleWithFixedDelay(() -> {
            try {
                screening.sweep();
                warned.forgetBefore(clock.instant().minus(props.retention()));
            } catch (RuntimeException e) {
                log.warn("screening: the retention sweep failed (it runs again tomorrow): {}", e.toString());
            }
        }, 1, 24, TimeUnit.HOURS);
        return sweep;
    }
}
