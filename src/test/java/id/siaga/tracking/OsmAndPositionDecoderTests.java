package id.siaga.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Captured OsmAnd / Traccar requests, read as Traccar reads them. */
class OsmAndPositionDecoderTests {

    static final double KNOT = 0.514444;

    @Test
    void theOsmAndAppSendsEpochMillisecondsAndKnots() {
        PositionReport r = OsmAndFixture.load("osmand-get-epoch-millis.http").decodeOne().report();
        assertThat(r.deviceId()).isEqualTo("860001040000101");
        assertThat(r.fixTime()).isEqualTo(Instant.parse("2026-11-28T16:47:12Z"));
        assertThat(r.latitude()).isEqualTo(-7.7156);
        assertThat(r.longitude()).isEqualTo(110.3558);
        assertThat(r.speedMetersPerSecond()).as("19.438 kn is 10 m/s").isCloseTo(10.0, within(0.001));
        assertThat(r.bearingDegrees()).isEqualTo(90.0);
        assertThat(r.altitudeMeters()).isEqualTo(110.0);
        assertThat(r.accuracyMeters()).isEqualTo(5.0);
        assertThat(r.batteryPercent()).isEqualTo(87.0);
        assertThat(r.source()).isEqualTo(PositionSource.OSMAND_HTTP);
        assertThat(r.unitId()).as("the device tells who it is").isNull();
        assertThat(r.isHeartbeat()).isFalse();
    }

    @Test
    void traccarClientPostsTheQueryWithEpochSeconds() {
        OsmAndFixture f = OsmAndFixture.load("traccar-post-query-epoch-seconds.http");
        assertThat(f.method()).isEqualTo("POST");
        PositionReport r = f.decodeOne().report();
        assertThat(r.deviceId()).isEqualTo("sleman-r4-01");
        assertThat(r.fixTime()).isEqualTo(Instant.parse("2026-11-28T16:47:12Z"));
        assertThat(r.speedMetersPerSecond()).isZero();
        assertThat(r.accuracyMeters()).isEqualTo(12.0);
        assertThat(r.batteryPercent()).isEqualTo(64.0);
    }

    @Test
    void aFormBodyWithDeviceidHeadingAndASpacedUtcTime() {
        PositionReport r = OsmAndFixture.load("form-body-deviceid-spaced-time.http").decodeOne().report();
        assertThat(r.deviceId()).isEqualTo("860001710000101");
        assertThat(r.fixTime()).isEqualTo(Instant.parse("2026-11-28T10:07:12Z"));
        assertThat(r.latitude()).isEqualTo(-7.79263);
        assertThat(r.longitude()).isEqualTo(110.36584);
        assertThat(r.speedMetersPerSecond()).isCloseTo(10 * KNOT, within(0.0001));
        assertThat(r.bearingDegrees()).as("heading stands for bearing").isEqualTo(271.5);
    }

    @Test
    void locationParameterAndIsoTimeWithOffset() {
        PositionReport r = OsmAndFixture.load("get-location-iso-offset.http").decodeOne().report();
        assertThat(r.latitude()).isEqualTo(-7.8877);
        assertThat(r.longitude()).isEqualTo(110.3297);
        assertThat(r.fixTime()).as("17:07:12+07:00 (WIB)").isEqualTo(Instant.parse("2026-11-28T10:07:12Z"));
        assertThat(r.speedMetersPerSecond()).isCloseTo(5.4 * KNOT, within(0.0001));
        assertThat(r.bearingDegrees()).isNull();
        assertThat(r.batteryPercent()).isNull();
    }

    @Test
    void isoUtcWithFractionAndAMissingTimestamp() {
        assertThat(OsmAndFixture.load("get-iso-utc.http").decodeOne().report().fixTime()).isEqualTo(Instant.parse("2026-11-28T10:07:12.250Z"));
        PositionReport untimed = OsmAndFixture.load("get-no-timestamp.http").decodeOne().report();
        assertThat(untimed.fixTime()).as("the pipeline stamps it with the server's time").isNull();
        assertThat(untimed.speedMetersPerSecond()).isNull();
    }

    @Test
    void zeroZeroIsAHeartbeatThatKeepsTheLastKnownPosition() {
        PositionReport r = OsmAndFixture.load("get-heartbeat-zero.http").decodeOne().report();
        assertThat(r.isHeartbeat()).isTrue();
        assertThat(r.deviceId()).isEqualTo("860001040000102");
        assertThat(r.batteryPercent()).isEqualTo(41.0);
    }

    @Test
    void garbageIsRefusedWithAReasonNamingTheField() {
        DecodedFix lat = OsmAndFixture.load("get-garbage-lat.http").decodeOne();
        assertThat(lat.isMalformed()).isTrue();
        assertThat(lat.problem()).contains("lat is not a number").contains("minus-seven");
        assertThat(lat.deviceId()).as("still journalled against its device").isEqualTo("860001040000101");
        assertThat(lat.values()).containsEntry("lat", "minus-seven");

        assertThat(OsmAndFixture.load("get-no-id.http").decodeOne().problem()).contains("no device id");
        assertThat(OsmAndFixture.load("get-bad-timestamp.http").decodeOne().problem()).contains("unreadable timestamp 'yesterday'");
        DecodedFix speed = OsmAndFixture.load("get-bad-speed.http").decodeOne();
        assertThat(speed.problem()).contains("speed is not a finite number");
        assertThat(speed.values()).containsEntry("speed", "fast");
    }

    @Test
    void notANumberIsReadAndLeftToTheValidator() {
        PositionReport r = OsmAndFixture.load("get-nan.http").decodeOne().report();
        assertThat(r.latitude()).isNaN();
    }

    @Test
    void traccarClientsJsonBodyIsMetersPerSecondAndABatteryFraction() {
        PositionReport r = OsmAndFixture.load("traccar-json.http").decodeOne().report();
        assertThat(r.deviceId()).isEqualTo("860001040000101");
        assertThat(r.fixTime()).isEqualTo(Instant.parse("2026-11-28T10:07:12.345Z"));
        assertThat(r.speedMetersPerSecond()).isEqualTo(8.33);
        assertThat(r.bearingDegrees()).isEqualTo(182.5);
        assertThat(r.altitudeMeters()).isEqualTo(121.0);
        assertThat(r.accuracyMeters()).isEqualTo(4.5);
        assertThat(r.batteryPercent()).isCloseTo(87.0, within(1e-9));
        assertThat(r.source()).isEqualTo(PositionSource.OSMAND_HTTP);
    }

    @Test
    void jsonOfTheWrongTypesOrCutShortIsRefusedWithAReason() {
        DecodedFix wrong = OsmAndFixture.load("traccar-json-wrong-types.http").decodeOne();
        assertThat(wrong.problem()).isEqualTo("coords.latitude must be a number, got \"-7.7156\"");
        assertThat(wrong.deviceId()).isEqualTo("860001040000101");
        assertThat(OsmAndFixture.load("traccar-json-truncated.http").decodeOne().problem()).startsWith("not JSON");
    }

    @Test
    void timestampFormsAsTraccarReadsThem() {
        assertThat(FixTimes.parse("1795884432")).isEqualTo(Instant.parse("2026-11-28T16:47:12Z"));
        assertThat(FixTimes.parse("1795884432000")).isEqualTo(Instant.parse("2026-11-28T16:47:12Z"));
        assertThat(FixTimes.parse("1795884432.5")).isEqualTo(Instant.parse("2026-11-28T16:47:12.500Z"));
        assertThat(FixTimes.parse("2026-11-28T10:07:12")).as("ISO without offset is UTC").isEqualTo(Instant.parse("2026-11-28T10:07:12Z"));
        assertThat(FixTimes.parse("2026-11-28T03:07:12-07:00")).isEqualTo(Instant.parse("2026-11-28T10:07:12Z"));
        assertThat(FixTimes.parse("2026-11-28 10:07:12")).isEqualTo(Instant.parse("2026-11-28T10:07:12Z"));
        assertThat(FixTimes.fromNumber(1795884432000.0)).isEqualTo(Instant.parse("2026-11-28T16:47:12Z"));
    }
}
