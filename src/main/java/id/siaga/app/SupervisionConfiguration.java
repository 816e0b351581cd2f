package id.siaga.app;

import id.siaga.dispatch.DispatchDesk;
import id.siaga.incident.Incidents;
import id.siaga.journal.Journal;
import id.siaga.org.OperatorRoster;
import id.siaga.org.StationDirectory;
import id.siaga.screening.PrankHistory;
import id.siaga.screening.Screening;
import id.siaga.store.JdbcPrankHistory;
import id.siaga.supervision.PrankBoard;
import id.siaga.supervision.SupervisionBoard;
import id.siaga.telephony.CallRecordStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The supervisor board's figures: read from call records, live calls, the journal and the incidents' clocks; no settings of its own. */
@Configuration(proxyBeanMethods = false)
class SupervisionConfiguration {

    @Bean
    SupervisionBoard supervisionBoard(StationDirectory stations, OperatorRoster roster, CallRecordStore records, Journal journal,
                                      Incidents incidents, DispatchDesk desk, Clock clock) {
        return new SupervisionBoard(stations, roster, records, journal, new BoardIncidentTimes(incidents, desk), clock);
    }

    @Bean
    PrankHistory prankHistory(JdbcTemplate jdbc) {
        return new JdbcPrankHistory(jdbc);
    }

    /** The board's prank figures and persistent prank numbers: counted in the database, the reputation from screening. */
    @Bean
    PrankBoard prankBoard(StationDirectory stations, PrankHistory history, Screening screening, Journal journal, Clock clock) {
        return new PrankBoard(stations, history, screening.reputation(), journal, clock);
    }
}
