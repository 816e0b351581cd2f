package id.siaga.app;

import id.siaga.org.StationDirectory;
import id.siaga.staffing.StaffingPlans;
import id.siaga.telephony.CallRecordStore;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The staffing plans: read from the call records and the station tree, with the configured wrap-up. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StaffingProperties.class)
class StaffingConfiguration {

    @Bean
    StaffingPlans staffingPlans(StationDirectory stations, CallRecordStore records, StaffingProperties props, Clock clock) {
        return new StaffingPlans(stations, records, props.wrapUp(), clock);
    }
}
