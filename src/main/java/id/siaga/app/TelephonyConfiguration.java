package id.siaga.app;

import id.siaga.journal.Journal;
import id.siaga.location.Locator;
import id.siaga.location.PidfLoParser;
import id.siaga.location.PidfLoResult;
import id.siaga.org.InvalidStationDataException;
import id.siaga.org.OperatorId;
import id.siaga.org.OperatorRoster;
import id.siaga.org.PresenceBoard;
import id.siaga.org.PresenceChanged;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.org.StationKind;
import id.siaga.routing.EscalationLadder;
import id.siaga.routing.RingPolicy;
import id.siaga.telephony.CallCoordinator;
import id.siaga.telephony.CallRecordStore;
import id.siaga.telephony.CallbackTasks;
import id.siaga.telephony.CallerPosition;
import id.siaga.telephony.sip.CallerLocationReader;
import id.siaga.telephony.sip.PhoneContacts;
import id.siaga.telephony.sip.SipEdge;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RoutingProperties.class, TelephonyProperties.class})
class TelephonyConfiguration {

    @Bean
    CallbackTasks callbackTasks(org.springframework.jdbc.core.JdbcTemplate jdbc, Journal journal, Clock clock) {
        return new CallbackTasks(new id.siaga.store.JdbcCallbackTaskStore(jdbc), journal, clock);
    }

    @Bean
    CallRecordStore callRecordStore(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        return new id.siaga.store.JdbcCallRecordStore(jdbc);
    }

    @Bean
    EscalationLadder escalationLadder(RoutingProperties props) {
        return new EscalationLadder(new RingPolicy(Map.of(StationKind.POLSEK, props.polsekRingTime(),
                StationKind.POLRES, props.polresRingTime(), StationKind.POLDA, props.poldaRingTime()), props.mode()));
    }

    @Bean(destroyMethod = "close")
    CallCoordinator callCoordinator(Locator locator, StationDirectory stations, PresenceBoard board, PresenceService presence,
                                    EscalationLadder ladder, Journal journal, Clock clock, TelephonyProperties props,
                                    CallbackTasks callbacks, CallRecordStore records) {
        StationId fallback = StationId.of(props.defaultStation());
        if (!stations.tree().contains(fallback)) {
            throw new InvalidStationDataException("siaga.telephony.default-station names unknown station " + fallback);
        }
        CallCoordinator coordinator = new CallCoordinator(locator, stations, board, change -> presence.change(change.operator(), change.to(), "sip"),
                ladder, journal, clock, fallback, props.shortCall(), callbacks::open);
        coordinator.recordInto(records::save);
        return coordinator;
    }

    /** Presence changes reach the call pipeline, so a newly READY operator at the top is offered waiting calls. */
    @Bean
    CallPresenceBridge callPresenceBridge(CallCoordinator coordinator) {
        return new CallPresenceBridge(coordinator);
    }

    static final class CallPresenceBridge {
        private final CallCoordinator coordinator;

        CallPresenceBridge(CallCoordinator coordinator) {
            this.coordinator = coordinator;
        }

        @EventListener
        void onPresenceChanged(PresenceChanged change) {
            coordinator.presenceChanged(change);
        }
    }

    @Bean
    PhoneContacts phoneContacts(TelephonyProperties props, OperatorRoster roster) {
        Map<OperatorId, String> statics = props.phones().entrySet().stream()
                .collect(Collectors.toMap(e -> new OperatorId(e.getKey()), Map.Entry::getValue));
        for (OperatorId op : new HashSet<>(statics.keySet())) {
            if (roster.find(op).isEmpty()) {
                throw new InvalidStationDataException("siaga.telephony.phones names unknown operator " + op);
            }
        }
        return op -> statics.containsKey(op) ? List.of(statics.get(op)) : List.of();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(prefix = "siaga.telephony", name = "enabled", havingValue = "true", matchIfMissing = true)
    SipEdge sipEdge(TelephonyProperties props, CallCoordinator coordinator, PhoneContacts phones) throws Exception {
        CallerLocationReader pidfLo = (header, type, body) -> {
            PidfLoResult r = PidfLoParser.fromInvite(header, type, body);
            return r.fix().map(f -> new CallerLocationReader.Result(new CallerPosition(f.latitude(), f.longitude(),
                            f.uncertaintyMeters(), f.source().name(), f.method()), null))
                    .orElseGet(() -> new CallerLocationReader.Result(null, r.problem()));
        };
        return new SipEdge(new SipEdge.Settings(props.sipAddress(), props.sipPort(), new HashSet<>(props.emergencyNumbers()),
                props.maxMessageBytes()), coordinator, pidfLo, phones);
    }
}
