package id.siaga.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.tracking.PositionValidator.Verdict.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Which fixes are believed, with literal times: the server's clock reads 10:00:00 UTC on 28 November 2026. */
class PositionValidatorTests {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    final PositionValidator validator = new PositionValidator(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5), Duration.ofDays(90), 300);

    static Position fix(String time, double lat, double lon) {
        return fix("860001040000101", time, lat, lon, null);
    }

    static Position fix(String device, String time, double lat, double lon, Double accuracy) {
        return new Position("SLM-R4-01", device, Instant.parse(time), lat, lon, null, null, null, accuracy, null, PositionSource.OSMAND_HTTP, NOW);
    }

    @Test
    void aUnitsFirstFixIsTaken() {
        assertThat(validator.check(fix("2026-11-28T09:59:58Z", -7.7156, 110.3558), null).kind()).isEqualTo(Kind.ADVANCE);
    }

    @Test
    void coordinatesThatAreNoCoordinates() {
        for (double[] ll : new double[][] {{Double.NaN, 110}, {-7, Double.NaN}, {Double.POSITIVE_INFINITY, 110}, {-90.0001, 110},
                {90.5, 110}, {-7, 180.01}, {-7, -181}}) {
            PositionValidator.Verdict v = validator.check(fix("2026-11-28T09:59:58Z", ll[0], ll[1]), null);
            assertThat(v.kind()).as("%s,%s", ll[0], ll[1]).isEqualTo(Kind.REJECT);
            assertThat(v.reason()).isEqualTo(RejectReason.INVALID_COORDINATES);
        }
        assertThat(validator.check(fix("2026-11-28T09:59:58Z", -90, 180), null).kind()).isEqualTo(Kind.ADVANCE);
    }

    @Test
    void moreThanFiveMinutesAheadIsAWrongClock() {
        assertThat(validator.check(fix("2026-11-28T10:05:00Z", -7.7, 110.3), null).kind()).isEqualTo(Kind.ADVANCE);
        PositionValidator.Verdict v = validator.check(fix("2026-11-28T10:05:01Z", -7.7, 110.3), null);
        assertThat(v.reason()).isEqualTo(RejectReason.FUTURE_TIME);
        assertThat(v.detail()).contains("301 s ahead");
    }

    @Test
    void aJumpImplyingMoreThan300KilometresAnHourIsRefused() {
        Position last = fix("2026-11-28T09:50:00Z", -7.7156, 110.3558);
        // 0.1° of latitude is 11.1 km: in 120 s that is 333 km/h, in 140 s 286 km/h
        PositionValidator.Verdict jump = validator.check(fix("2026-11-28T09:52:00Z", -7.8156, 110.3558), last);
        assertThat(jump.reason()).isEqualTo(RejectReason.IMPOSSIBLE_SPEED);
        assertThat(jump.detail()).contains("11120 m").contains("in 120.0 s").contains("334 km/h");
        assertThat(validator.check(fix("2026-11-28T09:52:20Z", -7.8156, 110.3558), last).kind()).isEqualTo(Kind.ADVANCE);
        assertThat(validator.check(fix("2026-11-28T09:50:00Z", -7.8156, 110.3558), last).reason())
                .as("the same second, elsewhere").isEqualTo(RejectReason.IMPOSSIBLE_SPEED);
    }

    @Test
    void gpsJitterWithinTheReportedAccuracyIsNoJump() {
        Position last = fix("860001040000101", "2026-11-28T09:59:58Z", -7.7156, 110.3558, 60.0);
        // 150 m in one second would be 540 km/h, but both fixes claim ±60 m
        assertThat(validator.check(fix("860001040000101", "2026-11-28T09:59:59Z", -7.71695, 110.3558, 60.0), last).kind())
                .isEqualTo(Kind.ADVANCE);
        assertThat(validator.check(fix("860001040000101", "2026-11-28T09:59:59Z", -7.71695, 110.3558, 30.0), last).kind())
                .as("±60 m and ±30 m leave 60 m in a second: 216 km/h").isEqualTo(Kind.ADVANCE);
        assertThat(validator.check(fix("860001040000101", "2026-11-28T09:59:59Z", -7.71695, 110.3558, null), last).reason())
                .as("±60 m alone leaves 90 m in a second: 324 km/h").isEqualTo(RejectReason.IMPOSSIBLE_SPEED);
        assertThat(validator.check(fix("860001040000101", "2026-11-28T09:59:59Z", -7.7186, 110.3558, 60.0), last).reason())
                .as("330 m in a second is more than the accuracies explain").isEqualTo(RejectReason.IMPOSSIBLE_SPEED);
    }

    @Test
    void anOlderFixIsOutOfOrderAndTheSameDevicesSameSecondIsADuplicate() {
        Position last = fix("2026-11-28T09:59:00Z", -7.7156, 110.3558);
        assertThat(validator.check(fix("2026-11-28T09:58:30Z", -7.7150, 110.3550), last).kind()).isEqualTo(Kind.OUT_OF_ORDER);
        assertThat(validator.check(fix("2026-11-28T09:59:00Z", -7.7156, 110.3558), last).kind()).isEqualTo(Kind.DUPLICATE);
        assertThat(validator.check(fix("sleman-r4-01", "2026-11-28T09:59:00Z", -7.7156, 110.3558, null), last).kind())
                .as("another device of the unit at the same second").isEqualTo(Kind.OUT_OF_ORDER);
        assertThat(validator.check(fix("2026-11-28T08:00:00Z", -20.0, 110.3558), last).reason())
                .as("an old fix far away is still a jump").isEqualTo(RejectReason.IMPOSSIBLE_SPEED);
    }

    @Test
    void distanceIsTheGreatCircle() {
        assertThat(PositionValidator.distanceMeters(-7.7156, 110.3558, -7.8156, 110.3558)).isBetween(11_110.0, 11_130.0);
        assertThat(PositionValidator.distanceMeters(0, 0, 0, 0)).isZero();
    }

    @Test
    void aFixFrom1970OrFromSecondsReadAsMillisecondsIsRefusedAsTooOld() {
        PositionValidator.Verdict zero = validator.check(fix("1970-01-01T00:00:00Z", -7.7156, 110.3558), null);
        assertThat(zero.kind()).isEqualTo(Kind.REJECT);
        assertThat(zero.reason()).isEqualTo(RejectReason.TOO_OLD);
        assertThat(zero.detail()).contains("1970-01-01T00:00:00Z", "90 days");
        // a timestamp 100 years ahead, in seconds, is more than FixTimes takes for seconds: read as milliseconds, 1970
        long hundredYearsAheadSeconds = NOW.getEpochSecond() + 100L * 365 * 24 * 3600;
        Instant misread = FixTimes.parse(Long.toString(hundredYearsAheadSeconds));
        assertThat(misread).isBefore(Instant.parse("1971-01-01T00:00:00Z"));
        assertThat(validator.check(fix(misread.toString(), -7.7156, 110.3558), null).reason()).isEqualTo(RejectReason.TOO_OLD);
        assertThat(validator.check(fix("2026-09-01T00:00:00Z", -7.7156, 110.3558), null).kind())
                .as("a fix buffered on the phone for three months is still within the history's 90 days").isEqualTo(Kind.ADVANCE);
    }

    @Test
    void readingsNoDeviceCanHaveMeasuredAreLeftOutAndThePositionKept() {
        Position garbage = new Position("SLM-R4-01", "860001040000101", NOW, -7.7156, 110.3558, -1.0 * 0.514444, 9999.0, 1e9, -3.0, 1000.0,
                PositionSource.OSMAND_HTTP, NOW);
        PositionValidator.Sanitized kept = validator.sanitize(garbage);
        assertThat(kept.dropped()).containsExactly("speed", "bearing", "altitude", "accuracy", "battery");
        assertThat(kept.position().latitude()).isEqualTo(-7.7156);
        assertThat(kept.position().speedMetersPerSecond()).isNull();
        assertThat(kept.position().bearingDegrees()).isNull();
        assertThat(kept.position().batteryPercent()).isNull();

        Position huge = new Position("SLM-R4-01", "860001040000101", NOW, -7.7156, 110.3558, 1e308 * 0.514444, Double.NaN, null, null, -5.0,
                PositionSource.OSMAND_HTTP, NOW);
        assertThat(validator.sanitize(huge).dropped()).containsExactly("speed", "bearing", "battery");

        Position fine = new Position("SLM-R4-01", "860001040000101", NOW, -7.7156, 110.3558, 13.9, 360.0, 120.0, 8.0, 0.0,
                PositionSource.OSMAND_HTTP, NOW);
        assertThat(validator.sanitize(fine).dropped()).isEmpty();
        assertThat(validator.sanitize(fine).position()).isSameAs(fine);
    }
}
