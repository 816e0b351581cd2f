package id.siaga.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AML over HTTPS (Android Emergency Location Service): the POSTed form fields, and every way they go wrong. */
class AmlHttpsParserTests {

    static final String SLEMAN = "https-sleman-gps.form";

    static AmlResult parseWith(String field, String value) {
        return AmlHttpsParser.parse(AmlFixture.formWith(SLEMAN, field, value));
    }

    @Test
    void anAndroidPostFromSlemanCarriesAGpsFixAndTheHandset() {
        AmlResult result = AmlHttpsParser.parse(AmlFixture.form(SLEMAN));

        assertThat(result.problem()).isEmpty();
        AmlReport report = result.report().orElseThrow();
        LocationFix fix = report.fix().orElseThrow();
        assertThat(fix.latitude()).isEqualTo(-7.7156012);
        assertThat(fix.longitude()).isEqualTo(110.3558034);
        assertThat(fix.uncertaintyMeters()).isEqualTo(12.5);
        assertThat(fix.source()).isEqualTo(LocationSource.AML);
        assertThat(fix.method()).isEqualTo("GNSS");
        assertThat(fix.timestamp()).contains(Instant.parse("2026-11-28T10:15:27.456Z"));
        assertThat(report.transport()).isEqualTo(AmlTransport.HTTPS);
        assertThat(report.confidencePercent().getAsDouble()).isCloseTo(68.27, within(1e-9));
        assertThat(report.callerNumber()).contains("+6281234567890");
        assertThat(report.handset().imsi()).contains("510101234567890");
        assertThat(report.handset().imei()).contains("356938035643809");
        assertThat(report.handset().model()).contains("samsung SM-A155F");
        assertThat(report.handset().homeNetwork()).contains(new MobileNetworkId("510", "10"));
        assertThat(report.servingNetwork()).contains(new MobileNetworkId("510", "10"));
        assertThat(report.motion().altitudeMeters()).hasValue(160.5);
        assertThat(report.motion().verticalAccuracyMeters()).hasValue(3.5);
        assertThat(report.motion().bearingDegrees()).hasValue(156.7);
        assertThat(report.motion().speedMetersPerSecond()).hasValue(1.2);
        assertThat(report.trigger().emergencyNumber()).contains("110");
        assertThat(report.trigger().activation()).as("CALL, in Android's capitals").contains("call");
        assertThat(report.trigger().callStart()).contains(Instant.parse("2026-11-28T10:15:10Z"));
        assertThat(report.ignored()).isEmpty();
    }

    @Test
    void aPostWithoutAPositionIsKeptAndSaysWhy() {
        AmlReport report = AmlHttpsParser.parse(AmlFixture.form("https-no-position.form")).report().orElseThrow();

        assertThat(report.fix()).isEmpty();
        assertThat(report.noFixReason()).isEqualTo("no location_latitude/location_longitude: the message carries no position");
        assertThat(report.callerNumber()).as("national form, normalised").contains("+6281234567890");
        assertThat(report.servingNetwork()).contains(new MobileNetworkId("510", "89"));
        assertThat(report.positioningMethod()).isEqualTo(PositioningMethod.UNKNOWN);
        assertThat(report.ignored()).isEmpty();
    }

    @Test
    void halfAPositionIsNoPosition() {
        Map<String, List<String>> fields = AmlFixture.form(SLEMAN);
        fields.remove("location_longitude");

        AmlReport report = AmlHttpsParser.parse(fields).report().orElseThrow();

        assertThat(report.fix()).isEmpty();
        assertThat(report.noFixReason()).isEqualTo("location_latitude without location_longitude: no position");
    }

    @Test
    void zeroZeroIsNoPosition() {
        Map<String, List<String>> fields = AmlFixture.formWith(SLEMAN, "location_latitude", "0.0");
        fields.put("location_longitude", List.of("0"));

        assertThat(AmlHttpsParser.parse(fields).report().orElseThrow().noFixReason()).isEqualTo("location 0,0: the handset had no position");
    }

    @Test
    void withoutAccuracyTheUncertaintyIsUnknown() {
        Map<String, List<String>> fields = AmlFixture.form(SLEMAN);
        fields.remove("location_accuracy");
        fields.remove("location_time");

        LocationFix fix = AmlHttpsParser.parse(fields).fix().orElseThrow();

        assertThat(fix.uncertaintyMeters()).isNaN();
        assertThat(fix.timestamp()).isEmpty();
    }

    @Test
    void badNumbersInThePositionRejectTheMessage() {
        assertThat(parseWith("location_latitude", "-7,7156").problem()).isEqualTo("location_latitude '-7,7156' is not a decimal number");
        assertThat(parseWith("location_longitude", "110.35E").problem()).isEqualTo("location_longitude '110.35E' is not a decimal number");
        assertThat(parseWith("location_accuracy", "-5").problem()).startsWith("location_accuracy=-5 is not a radius in metres");
        assertThat(parseWith("location_latitude", "-97.1").problem()).isEqualTo("location_latitude=-97.1 is out of range -90..90");
    }

    @Test
    void nanAndInfinityAreNotNumbers() {
        for (String value : new String[] {"NaN", "Infinity", "-Infinity", "0x1.8p1", "1e3d"}) {
            assertThat(parseWith("location_latitude", value).problem()).as(value)
                    .isEqualTo("location_latitude '" + value + "' is not a decimal number");
            assertThat(parseWith("location_accuracy", value).problem()).as(value)
                    .isEqualTo("location_accuracy '" + value + "' is not a decimal number");
        }
    }

    @Test
    void hugeValuesAreRefusedNotRoundedToInfinityOrWrapped() {
        assertThat(parseWith("location_latitude", "1e400").problem()).isEqualTo("location_latitude '1e400' is not a finite number");
        assertThat(parseWith("location_accuracy", "1e300").problem()).startsWith("location_accuracy=1e300 is not a radius in metres");
        assertThat(parseWith("location_time", "99999999999999999999").problem())
                .isEqualTo("location_time '99999999999999999999' is not Unix time in milliseconds");
        assertThat(parseWith("location_time", "1795860927").problem()).as("seconds, not milliseconds")
                .isEqualTo("location_time '1795860927' (1970-01-21T18:51:00.927Z) is not between 2000 and 2100");
        assertThat(parseWith("location_latitude", "1".repeat(2000)).problem())
                .isEqualTo("field location_latitude of 2000 characters exceeds 1024");
    }

    @Test
    void malformedFieldsBesideThePositionAreDroppedWithTheReason() {
        Map<String, List<String>> fields = AmlFixture.form(SLEMAN);
        fields.put("location_speed", List.of("fast"));
        fields.put("location_bearing", List.of("400"));
        fields.put("location_confidence", List.of("68"));
        fields.put("device_imei", List.of("35693803564380X"));
        fields.put("time", List.of("yesterday"));
        fields.put("source", List.of("app"));
        fields.put("location_source", List.of("bluetooth"));

        AmlReport report = AmlHttpsParser.parse(fields).report().orElseThrow();

        assertThat(report.fix()).isPresent();
        assertThat(report.fix().orElseThrow().method()).isEmpty();
        assertThat(report.motion().speedMetersPerSecond()).isEmpty();
        assertThat(report.motion().bearingDegrees()).isEmpty();
        assertThat(report.confidencePercent()).isEmpty();
        assertThat(report.handset().imei()).isEmpty();
        assertThat(report.trigger().callStart()).isEmpty();
        assertThat(report.ignored()).containsExactly(
                "location_source 'bluetooth' is not gps, wifi, cell or unknown",
                "location_bearing=400 is out of range 0..360",
                "location_speed 'fast' is not a decimal number",
                "device_imei '35693803564380X' is not an IMEI",
                "location_confidence=68 is out of range 0..1",
                "source 'app' is not call or sms",
                "time 'yesterday' is not Unix time in milliseconds");
    }

    @Test
    void etsiCertaintyInPercentIsReadWhenThereIsNoConfidence() {
        Map<String, List<String>> fields = AmlFixture.form(SLEMAN);
        fields.remove("location_confidence");
        fields.put("location_certainty", List.of("83"));

        assertThat(AmlHttpsParser.parse(fields).report().orElseThrow().confidencePercent()).hasValue(83.0);
    }

    @Test
    void aFieldGivenTwiceIsRefused() {
        Map<String, List<String>> fields = AmlFixture.form(SLEMAN);
        fields.put("location_latitude", List.of("-7.7156012", "-8.1"));

        assertThat(AmlHttpsParser.parse(fields).problem()).isEqualTo("field location_latitude is given 2 times");
    }

    @Test
    void unknownFieldsAndRepeatsOfThemAreIgnored() {
        Map<String, List<String>> fields = AmlFixture.form(SLEMAN);
        fields.put("aei_medical_conditions", List.of("asthma", "diabetes"));

        assertThat(AmlHttpsParser.parse(fields).fix()).isPresent();
    }

    @Test
    void emptyAndOversizedPostsAreRefused() {
        assertThat(AmlHttpsParser.parse(Map.of()).problem()).isEqualTo("AML HTTPS message without any field");
        assertThat(AmlHttpsParser.parse(null).problem()).isEqualTo("AML HTTPS message without any field");
        Map<String, List<String>> flood = new LinkedHashMap<>();
        for (int i = 0; i < 201; i++) {
            flood.put("f" + i, new ArrayList<>(List.of("1")));
        }
        assertThat(AmlHttpsParser.parse(flood).problem()).isEqualTo("AML HTTPS message with 201 fields exceeds 200");
    }

    @Test
    void blankValuesAreAbsentValues() {
        Map<String, List<String>> fields = AmlFixture.formWith(SLEMAN, "location_accuracy", "  ");
        fields.put("device_imei", List.of(""));

        AmlReport report = AmlHttpsParser.parse(fields).report().orElseThrow();

        assertThat(report.fix().orElseThrow().hasUncertainty()).isFalse();
        assertThat(report.handset().imei()).isEmpty();
        assertThat(report.ignored()).isEmpty();
    }

    @Test
    void controlCharactersInTheModelNeverReachALogLine() {
        AmlReport report = parseWith("device_model", "Evil\r\nINFO forged log line").report().orElseThrow();

        assertThat(report.handset().model()).contains("Evil  INFO forged log line");
    }
}
