package id.siaga.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.location.LocationFix;
import id.siaga.location.LocationFusion;
import id.siaga.location.LocationSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Reports kept for a call not yet offered, with literal times: a handset (or a gateway) that repeats its AML SMS twenty
 * times before its call arrives leaves only its latest few, the call takes the fresh ones, and another number's report
 * older than the minute a report waits is gone.
 */
class LocationReportsTests {

    static final Instant T0 = Instant.parse("2026-12-04T03:00:00Z");

    @Test
    void aNumberRepeatingItsReportKeepsOnlyTheLatestFewAndStaleReportsOfOtherNumbersAreSweptOut() {
        LocationReports reports = new LocationReports(Duration.ofMinutes(2));
        reports.keepEarly("+6281200000001", report(-7.80, T0), T0);
        for (int i = 0; i < 20; i++) {
            reports.keepEarly("+6281299990000", report(-7.70 - i / 1000.0, T0.plusSeconds(50 + i)), T0.plusSeconds(50 + i));
        }

        assertThat(reports.takeEarly("+6281299990000", T0.plusSeconds(70))).hasSize(LocationReports.EARLY_REPORTS_PER_NUMBER)
                .extracting(r -> r.fix().latitude()).as("the latest ones, oldest first").startsWith(-7.712).endsWith(-7.719);
        assertThat(reports.takeEarly("+6281200000001", T0.plusSeconds(70))).as("older than a minute: not for a call now").isEmpty();
    }

    private static LocationFusion.Received report(double latitude, Instant at) {
        return new LocationFusion.Received(new LocationFix(latitude, 110.36, 20, LocationSource.AML, "GPS", Optional.of(at)), at, true);
    }
}
