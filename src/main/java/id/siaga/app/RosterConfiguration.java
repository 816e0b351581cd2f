package id.siaga.app;

import id.siaga.journal.Journal;
import id.siaga.org.OperatorRoster;
import id.siaga.org.Operator;
import id.siaga.org.PositionPhones;
import id.siaga.org.PresenceHistory;
import id.siaga.org.ShiftRules;
import id.siaga.org.ShiftStore;
import id.siaga.org.StationDirectory;
import id.siaga.security.UserAccountStore;
import id.siaga.store.JdbcPresenceHistory;
import id.siaga.store.JdbcShiftStore;
import id.siaga.telephony.registrar.OperatorPhones;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rosters and the presence history in the shared database, and which positions of a station can be rung now (the
 * roster's positions whose phone is registered or static), for the go-live checklist.
 */
@Configuration(proxyBeanMethods = false)
class RosterConfiguration {

    @Bean
    ShiftStore shiftStore(JdbcTemplate jdbc) {
        return new JdbcShiftStore(jdbc);
    }

    @Bean
    PresenceHistory presenceHistory(JdbcTemplate jdbc) {
        return new JdbcPresenceHistory(jdbc);
    }

    @Bean
    RosterService rosterService(ShiftStore shifts, StationDirectory stations, OperatorRoster positions, UserAccountStore users,
                                PresenceHistory presence, Journal journal, Clock clock) {
        return new RosterService(shifts, new ShiftRules(ShiftRules.DEFAULT_LONGEST), stations, positions, users, presence, journal, clock);
    }
}
