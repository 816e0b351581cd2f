package id.siaga.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.org.GeoPoint;
import id.siaga.org.RolloutStatus;
import id.siaga.org.Station;
import id.siaga.org.StationId;
import id.siaga.org.StationKind;
import id.siaga.org.StationTimeZone;
import id.siaga.org.StationTree;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The nightly reports: off unless a directory is set, the root's unless stations are named, and a wrong name stops the start. */
class ReportPropertiesTests {

    static final StationTree TREE = StationTree.builder()
            .add(new Station(StationId.of("MABES"), "Mabes Polri", StationKind.MABES, null, RolloutStatus.LIVE, new GeoPoint(-6.2, 106.8),
                    StationTimeZone.WIB), "t")
            .add(new Station(StationId.of("POLDA-DIY"), "Polda DIY", StationKind.POLDA, StationId.of("MABES"), RolloutStatus.LIVE,
                    new GeoPoint(-7.7, 110.4), StationTimeZone.WIB), "t").build();

    static ReportProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("siaga.reports", ReportProperties.class);
    }

    @Test
    void offUnlessADirectoryIsSetAndThenTheRootsUnlessStationsAreNamed() {
        ReportProperties none = bind(Map.of());
        assertThat(none.nightly()).isFalse();
        assertThat(none.checkEvery()).isEqualTo(Duration.ofMinutes(1));
        assertThat(none.fontDirectory()).isEqualTo("/usr/share/fonts/truetype/dejavu");
        assertThat(ReportConfiguration.nightlyStations(none, TREE)).containsExactly(StationId.of("MABES"));

        ReportProperties diy = bind(Map.of("siaga.reports.directory", "/var/lib/siaga110/reports", "siaga.reports.stations", "POLDA-DIY"));
        assertThat(diy.nightly()).isTrue();
        assertThat(ReportConfiguration.nightlyStations(diy, TREE)).containsExactly(StationId.of("POLDA-DIY"));
    }

    @Test
    void aWrongSettingNamesItsKey() {
        assertThatThrownBy(() -> ReportConfiguration.nightlyStations(bind(Map.of("siaga.reports.stations", "POLDA-JATENG")), TREE))
                .hasMessage("siaga.reports.stations: POLDA-JATENG is not in the station tree");
        assertThatThrownBy(() -> bind(Map.of("siaga.reports.check-every", "1h"))).rootCause()
                .hasMessage("siaga.reports.check-every must be 1 s to 10 minutes, got PT1H");
    }
}
