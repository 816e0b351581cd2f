package id.siaga.app;

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
import id.siaga.screening.Reputation;
import id.siaga.screening.Screening;
import id.siaga.screening.ScreeningStore;
import id.siaga.store.JdbcScreeningStore;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Screening: the store of classifications and marks, the reputation in memory (loaded at start), its daily retention
 * sweep; each change is journalled and waited for before the person who made it is answered.
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
    Screening screening(ScreeningProperties props, ScreeningStore store, Journal journal, Clock clock) {
        Screening screening = new Screening(store, new Reputation(new Reputation.Policy(props.halfLife(), props.threshold(), props.retention())),
                noted -> Journal.awaitDurable(List.of(journal.append(noted.type(),
                        noted.about() == Screening.Noted.About.CALL ? SubjectKind.CALL : SubjectKind.CALLER, noted.subject(), noted.actor(),
                        noted.facts()))), clock);
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

    /** The retention sweep, once a day (and an hour after the start, so a server restarted daily still sweeps). */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService screeningSweep(Screening screening) {
        ScheduledExecutorService sweep = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "screening-sweep");
            t.setDaemon(true);
            return t;
        });
        sweep.scheduleWithFixedDelay(() -> {
            try {
                screening.sweep();
            } catch (RuntimeException e) {
                log.warn("screening: the retention sweep failed (it runs again tomorrow): {}", e.toString());
            }
        }, 1, 24, TimeUnit.HOURS);
        return sweep;
    }
}
