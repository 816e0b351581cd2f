package id.siaga.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The wrap-up charged per answered call: 30 s unless set, and a wrong setting stops the start naming its key. */
class StaffingPropertiesTests {

    static StaffingProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("siaga.staffing", StaffingProperties.class);
    }

    @Test
    void thirtySecondsUnlessSet() {
        assertThat(bind(Map.of()).wrapUp()).isEqualTo(Duration.ofSeconds(30));
        assertThat(bind(Map.of("siaga.staffing.wrap-up", "0s")).wrapUp()).isZero();
        assertThat(bind(Map.of("siaga.staffing.wrap-up", "2m")).wrapUp()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aWrongSettingNamesItsKey() {
        assertThatThrownBy(() -> bind(Map.of("siaga.staffing.wrap-up", "-5s"))).rootCause()
                .hasMessage("siaga.staffing.wrap-up must be 0 to 10 minutes, got PT-5S");
        assertThatThrownBy(() -> bind(Map.of("siaga.staffing.wrap-up", "1h"))).rootCause()
                .hasMessage("siaga.staffing.wrap-up must be 0 to 10 minutes, got PT1H");
    }
}
