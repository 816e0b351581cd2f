package id.siaga.location;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.location.LocationFusion.Received;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocationFusionTests {

    static final Instant T0 = Instant.parse("2026-11-28T03:00:00Z");
    final LocationFusion fusion = new LocationFusion(Duration.ofMinutes(2), Duration.ofHours(1));

    static Received fix(LocationSource source, String method, double meters, Instant measured, Instant received) {
        return new Received(new LocationFix(-7.7, 110.36, meters, source, method, Optional.ofNullable(measured)), received);
    }

    @Test
    void gnssBeatsWifiBeatsCellBeatsAreaCodeWhateverTheirStatedRadius() {
        Received prefix = fix(LocationSource.NUMBER_PREFIX, "", 20_000, null, T0);
        Received cell = fix(LocationSource.CELL_ID, "Cell", 10, null, T0);         // a cell table that claims 10 m
        Received wifi = fix(LocationSource.AML, "Wi-Fi", 40, T0, T0.plusSeconds(2));
        Received gnss = fix(LocationSource.AML, "GNSS", 60, T0, T0.plusSeconds(3));
        assertThat(fusion.best(List.of(prefix, cell), T0.plusSeconds(5))).contains(cell);
        assertThat(fusion.best(List.of(prefix, cell, wifi), T0.plusSeconds(5))).contains(wifi);
        assertThat(fusion.best(List.of(prefix, cell, wifi, gnss), T0.plusSeconds(5))).contains(gnss);
        assertThat(fusion.improves(gnss, Optional.of(cell), T0.plusSeconds(5))).isTrue();
        assertThat(fusion.improves(cell, Optional.of(gnss), T0.plusSeconds(5))).isFalse();
        assertThat(fusion.improves(cell, Optional.empty(), T0)).isTrue();
    }

    @Test
    void withinAKindTheSmallerUncertaintyWinsThenTheNewerFix() {
        Received wide = fix(LocationSource.AML, "GNSS", 80, T0, T0);
        Received tight = fix(LocationSource.PIDF_LO, "GPS", 12, T0, T0);
        Received tightLater = fix(LocationSource.AML, "GNSS", 12, T0.plusSeconds(10), T0.plusSeconds(10));
        assertThat(fusion.best(List.of(wide, tight), T0.plusSeconds(20))).contains(tight);
        assertThat(fusion.best(List.of(wide, tight, tightLater), T0.plusSeconds(20))).contains(tightLater);
        assertThat(fusion.improves(tight, Optional.of(tight), T0)).as("a fix does not improve on itself").isFalse();
    }

    @Test
    void aStaleFixCountsOnlyWhenNothingFreshIsLeft() {
        Received oldGnss = fix(LocationSource.AML, "GNSS", 10, T0, T0);
        Received newCell = fix(LocationSource.CELL_ID, "Cell", 800, null, T0.plusSeconds(200));
        assertThat(fusion.best(List.of(oldGnss, newCell), T0.plusSeconds(201))).contains(newCell);
        assertThat(fusion.best(List.of(oldGnss), T0.plusSeconds(201))).contains(oldGnss);
        assertThat(fusion.best(List.of(), T0)).isEmpty();
        // age runs from the measurement when the source gives one, never from a time in the future
        assertThat(oldGnss.age(T0.plusSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        Received claimsFuture = fix(LocationSource.AML, "GNSS", 10, T0.plusSeconds(60), T0);
        assertThat(claimsFuture.measuredAt()).isEqualTo(T0);
    }

    @Test
    void aFixOlderThanTheMaximumAgeIsNeverRoutedOnAndOneItsSenderDoesNotWantRoutedNeither() {
        Received lastHour = fix(LocationSource.PIDF_LO, "GPS", 15, T0.minus(Duration.ofMinutes(59)), T0);
        Received fourDaysAgo = fix(LocationSource.PIDF_LO, "GPS", 15, T0.minus(Duration.ofDays(4)), T0);
        Received shownOnly = new Received(lastHour.fix(), T0, false);
        assertThat(fusion.routable(lastHour, T0)).as("stale, but within the hour").isTrue();
        assertThat(fusion.isFresh(lastHour, T0)).isFalse();
        assertThat(fusion.routable(fourDaysAgo, T0)).isFalse();
        assertThat(fusion.routable(shownOnly, T0)).as("Geolocation-Routing: no").isFalse();
        assertThat(fusion.routable(lastHour, T0.plus(Duration.ofMinutes(2)))).as("it ages while the call waits").isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LocationFusion(Duration.ofMinutes(2), Duration.ofMinutes(1)))
                .hasMessageContaining("maxAge must be at least the freshness");
    }

    @Test
    void aPidfLoWithoutAMethodWordIsJudgedByItsUncertainty() {
        assertThat(FixQuality.of(fix(LocationSource.PIDF_LO, "", 15, null, T0).fix())).isEqualTo(FixQuality.GNSS);
        assertThat(FixQuality.of(fix(LocationSource.PIDF_LO, "", 150, null, T0).fix())).isEqualTo(FixQuality.WIFI);
        assertThat(FixQuality.of(fix(LocationSource.PIDF_LO, "", 1500, null, T0).fix())).isEqualTo(FixQuality.CELL);
        assertThat(FixQuality.of(fix(LocationSource.PIDF_LO, "", Double.NaN, null, T0).fix())).isEqualTo(FixQuality.CELL);
        assertThat(FixQuality.of(fix(LocationSource.PIDF_LO, "A-GPS", 300, null, T0).fix())).isEqualTo(FixQuality.GNSS);
        assertThat(FixQuality.of(fix(LocationSource.PIDF_LO, "Wiremap", Double.NaN, null, T0).fix())).isEqualTo(FixQuality.WIFI);
        assertThat(FixQuality.of(fix(LocationSource.DEFAULT, "", Double.NaN, null, T0).fix())).isEqualTo(FixQuality.DEFAULT);
    }
}
