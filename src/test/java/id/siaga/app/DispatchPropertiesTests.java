package id.siaga.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.dispatch.RecommendationHorizon;
import id.siaga.dispatch.UnitKind;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The recommendation's horizon per unit kind: the defaults unless set, and a wrong setting stops the start naming its key. */
class DispatchPropertiesTests {

    static DispatchProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("siaga.dispatch", DispatchProperties.class);
    }

    @Test
    void theHorizonIsTheDefaultUnlessSet() {
        assertThat(bind(Map.of()).policy().horizon()).isEqualTo(RecommendationHorizon.defaults());
        RecommendationHorizon set = bind(Map.of("siaga.dispatch.foot-horizon", "800", "siaga.dispatch.foot-horizon-eta", "12m",
                "siaga.dispatch.patrol-car-horizon-eta", "30m")).policy().horizon();
        assertThat(set.reach(UnitKind.FOOT)).isEqualTo(new RecommendationHorizon.Reach(Duration.ofMinutes(12), 800));
        assertThat(set.reach(UnitKind.PATROL_CAR)).isEqualTo(new RecommendationHorizon.Reach(Duration.ofMinutes(30), 30_000));
        assertThat(set.reach(UnitKind.MOTORBIKE)).isEqualTo(new RecommendationHorizon.Reach(Duration.ofMinutes(40), 25_000));
    }

    @Test
    void aWrongHorizonNamesItsKey() {
        assertThatThrownBy(() -> bind(Map.of("siaga.dispatch.foot-horizon", "0"))).rootCause()
                .hasMessage("siaga.dispatch.foot-horizon and foot-horizon-eta must be positive, got 0.0 m and PT20M");
        assertThatThrownBy(() -> bind(Map.of("siaga.dispatch.motorbike-horizon-eta", "-1m"))).rootCause()
                .hasMessageStartingWith("siaga.dispatch.motorbike-horizon and motorbike-horizon-eta must be positive");
    }
}
