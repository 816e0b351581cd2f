package id.siaga.app;

import id.siaga.dispatch.DispatchDesk;
import id.siaga.incident.Incidents;
import id.siaga.journal.Journal;
import id.siaga.org.OperatorRoster;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.org.StationTree;
import id.siaga.reporting.NightlyReports;
import id.siaga.reporting.ReportFonts;
import id.siaga.reporting.StationReports;
import id.siaga.telephony.CallRecordStore;
import id.siaga.telephony.CallbackTasks;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The commanders' reports: read from the call records, call-back tasks, journal and incidents' clocks (the board's
 * port); the nightly PDFs on a thread of their own when {@code siaga.reports.directory} is set.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportProperties.class)
class ReportConfiguration {

    @Bean
    StationReports stationReports(StationDirectory stations, OperatorRoster roster, CallRecordStore records, CallbackTasks callbacks,
                                  Journal journal, Incidents incidents, DispatchDesk desk, Clock clock) {
        return new StationReports(stations, roster, records, callbacks.store(), journal, new BoardIncidentTimes(incidents, desk), clock);
    }

    /** The font directory the reports embed from (also the download's), as the settings name it. */
    @Bean
    ReportFonts reportFonts(ReportProperties props) {
        return new ReportFonts(props.fontDirectory().isBlank() ? null : Path.of(props.fontDirectory()));
    }

    /**
     * The nightly PDFs on a thread of their own, when {@code siaga.reports.directory} is set; the stations named are
     * checked at start.
     */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService nightlyReportSchedule(ReportProperties props, StationDirectory stations, StationReports reports, Journal journal,
                                                   ReportFonts fonts, Clock clock) {
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nightly-reports");
            t.setDaemon(true);
            return t;
        });
        if (props.nightly()) {
            NightlyReports nightly = new NightlyReports(stations, nightlyStations(props, stations.tree()), reports, journal,
                    Path.of(props.directory()), fonts.directory(), clock);
            schedule.scheduleWithFixedDelay(nightly::runDue, props.checkEvery().toMillis(), props.checkEvery().toMillis(), TimeUnit.MILLISECONDS);
        }
        return schedule;
    }

    /** The configured stations, each in the tree; none configured: the root. */
    static List<StationId> nightlyStations(ReportProperties props, StationTree tree) {
        List<StationId> ids = new ArrayList<>();
        for (String s : props.stations()) {
            StationId id;
            try {
                id = StationId.of(s.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("siaga.reports.stations: \"" + s + "\" is not a station id");
            }
            if (!tree.contains(id)) {
                throw new IllegalArgumentException("siaga.reports.stations: " + id.value() + " is not in the station tree");
            }
            ids.add(id);
        }
        if (ids.isEmpty()) {
            ids.add(tree.root().id());
        }
        return ids;
    }
}
