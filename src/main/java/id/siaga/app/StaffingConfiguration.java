package id.siaga.app;

import id.siaga.org.StationDirectory;
import id.siaga.staffing.StaffingPlans;
import id.siaga.screening.Classification;
import id.siaga.screening.Reputation;
import id.siaga.screening.ScreeningStore;
import id.siaga.staffing.CallClasses;
import id.siaga.staffing.GateModel;
import id.siaga.telephony.CallId;
import java.util.HashMap;
import java.util.Map;
import id.siaga.telephony.CallRecordStore;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The staffing plans: read from the call records, their classifications and the station tree, with the configured
 * wrap-up, and with the gate replayed under screening's reputation rules.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StaffingProperties.class)
class StaffingConfiguration {

    @Bean
    StaffingPlans staffingPlans(StationDirectory stations, CallRecordStore records, StaffingProperties props, ScreeningProperties screening,
                                ScreeningStore words, Clock clock) {
        CallClasses classes = (station, from, until) -> {
            Map<CallId, Classification> out = new HashMap<>();
            words.classifiedAt(station.value(), from, until).forEach((call, cls) -> out.put(new CallId(call), cls));
            return out;
        };
        GateModel gate = new GateModel(new Reputation.Policy(screening.halfLife(), screening.threshold(), screening.retention()),
                props.gateHangUpShare());
        return new StaffingPlans(stations, records, classes, gate, props.wrapUp(), clock);
    }
}
