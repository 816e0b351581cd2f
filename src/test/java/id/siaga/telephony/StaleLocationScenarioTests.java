package id.siaga.telephony;

import static id.siaga.telephony.CallPathFixture.POLDA_DIY;
import static id.siaga.telephony.CallPathFixture.SLEMAN;
import static id.siaga.telephony.CallPathFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.location.LocationFix;
import id.siaga.location.LocationSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How old a caller's position may be and still pick the station (issue 18: the README's SIPp caller sent a PIDF-LO
 * measured days before, and the call was routed on it as if it were fresh). A fix younger than the freshness (2 min)
 * routes as it is; an older one routes only a call with nothing fresher, and the routing says its age; one older than
 * {@code siaga.location.max-age} (1 h) is never routed on: the call waits for a better fix as a call without one does,
 * then goes where a call without a location goes, and the journal says why.
 */
class StaleLocationScenarioTests {

    @TempDir
    Path dir;
    CallPathFixture region;

    @AfterEach
    void closeTheRegion() {
        if (region != null) {
            region.close();
        }
    }

    @Test
    void aHandsetPositionFromFourDaysAgoDoesNotPickTheStation() {
        region = CallPathFixture.start(dir);
        region.ready("OP-3404-1", "OP-DIY-1");

        CallId call = region.dials("call-old-fix", "+6281200000011", gpsInSlemanMeasured(T0.minus(Duration.ofDays(4)).minus(Duration.ofHours(14))));

        assertThat(region.payload(call, "CallRouted")).containsEntry("station", POLDA_DIY.value())
                .containsEntry("why", "PIDF_LO measured 4 d 14 h ago, older than 1 h, not routed on: default station");
        assertThat(region.journalTypes(call)).as("it waits for a better fix, as a call without one does").contains("RoutingWaits");
        assertThat(region.rang(call)).as("nothing rings while it waits").isEmpty();
        region.advance(Duration.ofSeconds(3));
        assertThat(region.rang(call)).as("Sleman's operator is not rung on a position from another day").doesNotContain("OP-3404-1")
                .contains("OP-DIY-1");
    }

    @Test
    void aTenMinuteOldPositionStillRoutesACallWithNothingFresherAndSaysItIsStale() {
        region = CallPathFixture.start(dir);
        region.ready("OP-3404-1");

        CallId call = region.dials("call-stale-fix", "+6281200000012", gpsInSlemanMeasured(T0.minus(Duration.ofMinutes(10))));

        assertThat(region.payload(call, "CallRouted")).containsEntry("station", SLEMAN.value())
                .containsEntry("why", "PIDF_LO (±12 m, measured 10 min ago: stale), inside the jurisdiction");
        assertThat(region.rang(call)).containsExactly("OP-3404-1");
    }

    @Test
    void aFreshPositionRoutesWithoutAWord() {
        region = CallPathFixture.start(dir);
        region.ready("OP-3404-1");

        CallId call = region.dials("call-fresh-fix", "+6281200000013", gpsInSlemanMeasured(T0.minusSeconds(20)));

        assertThat(region.payload(call, "CallRouted")).containsEntry("station", SLEMAN.value())
                .containsEntry("why", "PIDF_LO (±12 m), inside the jurisdiction");
    }

    @Test
    void agesReadAsPeopleSayThem() {
        assertThat(RouteStage.ago(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(RouteStage.ago(Duration.ofMinutes(12).plusSeconds(30))).isEqualTo("12 min");
        assertThat(RouteStage.ago(Duration.ofHours(3))).isEqualTo("3 h");
        assertThat(RouteStage.ago(Duration.ofHours(3).plusMinutes(20))).isEqualTo("3 h 20 min");
        assertThat(RouteStage.ago(Duration.ofDays(4).plusHours(14).plusMinutes(5))).isEqualTo("4 d 14 h");
    }

    private static LocationFix gpsInSlemanMeasured(Instant at) {
        return new LocationFix(-7.7156, 110.3558, 12, LocationSource.PIDF_LO, "GPS", Optional.of(at));
    }
}
