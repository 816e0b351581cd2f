package id.siaga.location;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** AML over SMS (ETSI TS 103 625): messages as the SMS gateway hands them over, and every way they go wrong. */
class AmlSmsParserTests {

    static final String TELKOMSEL_CALLER = "081234567890";

    static AmlResult parseFixture(String name) {
        return AmlSmsParser.parse(AmlFixture.sms(name), TELKOMSEL_CALLER);
    }

    @Test
    void aGnssFixInSlemanBecomesAnAmlLocationWithItsRadiusAndTime() {
        AmlResult result = parseFixture("sms-sleman-gnss.txt");

        assertThat(result.problem()).isEmpty();
        AmlReport report = result.report().orElseThrow();
        LocationFix fix = report.fix().orElseThrow();
        assertThat(fix.latitude()).isEqualTo(-7.71560);
        assertThat(fix.longitude()).isEqualTo(110.35580);
        assertThat(fix.uncertaintyMeters()).isEqualTo(14.0);
        assertThat(fix.source()).isEqualTo(LocationSource.AML);
        assertThat(fix.method()).isEqualTo("GNSS");
        assertThat(fix.timestamp()).contains(Instant.parse("2026-11-28T10:15:30Z"));
        assertThat(report.transport()).isEqualTo(AmlTransport.SMS);
        assertThat(report.positioningMethod()).isEqualTo(PositioningMethod.GNSS);
        assertThat(report.confidencePercent()).hasValue(68.0);
        assertThat(report.callerNumber()).contains("+6281234567890");
        assertThat(report.handset().imsi()).contains("510100000000000");
        assertThat(report.handset().imei()).contains("356938035643809");
        assertThat(report.servingNetwork()).contains(new MobileNetworkId("510", "10"));
        assertThat(report.noFixReason()).isEmpty();
        assertThat(report.ignored()).isEmpty();
    }

    @Test
    void theLengthCountsTheWholeMessageButNotTheLineBreakAGatewayAppends() {
        String text = AmlFixture.sms("sms-kota-wifi-crlf.txt");
        assertThat(text).endsWith(";ml=128\r\n").hasSize(130);

        AmlReport report = AmlSmsParser.parse(text, "+62 812-3456-7890").report().orElseThrow();

        assertThat(report.fix().orElseThrow().method()).isEqualTo("Wi-Fi");
        assertThat(report.servingNetwork()).contains(new MobileNetworkId("510", "01"));
        assertThat(report.callerNumber()).contains("+6281234567890");
    }

    @Test
    void aMessageWithoutAPositionIsKeptAndSaysWhy() {
        AmlReport report = parseFixture("sms-no-position.txt").report().orElseThrow();

        assertThat(report.fix()).isEmpty();
        assertThat(report.located()).isFalse();
        assertThat(report.noFixReason()).isEqualTo("lt/lg are +00.00000/+000.00000: the handset had no position");
        assertThat(report.positioningMethod()).isEqualTo(PositioningMethod.NONE);
        assertThat(report.confidencePercent()).as("lc=0 is none").isEmpty();
        assertThat(report.callerNumber()).contains("+6281234567890");
        assertThat(report.ignored()).isEmpty();
    }

    @Test
    void androidsReferenceMessageWithoutLocationIsRead() {
        AmlReport report = parseFixture("sms-android-reference-no-location.txt").report().orElseThrow();

        assertThat(report.fix()).isEmpty();
        assertThat(report.servingNetwork()).contains(new MobileNetworkId("234", "15"));
    }

    /**
     * Android's own "location computed" example says ml=126 but has 127 characters. The length check is
     * exact, so it is rejected; this test pins that down, as real handsets may be as sloppy as the example.
     */
    @Test
    void androidsReferenceLocatedExampleIsOneCharacterLongerThanItsMlSaysAndIsRejected() {
        assertThat(parseFixture("sms-android-reference-located.txt").problem()).isEqualTo("ml=126 but the message is 127 characters");
    }

    @Test
    void aMessageLongerThanItsMlIsRejectedWithBothLengths() {
        AmlResult result = parseFixture("sms-wrong-ml.txt");

        assertThat(result.accepted()).isFalse();
        assertThat(result.report()).isEmpty();
        assertThat(result.problem()).isEqualTo("ml=128 but the message is 131 characters");
    }

    @Test
    void aTruncatedMessageHasLostItsMlAndIsRejected() {
        assertThat(parseFixture("sms-truncated.txt").problem())
                .isEqualTo("no ml= field: the message may be truncated (100 characters)");
    }

    @Test
    void aTruncatedMessageThatStillEndsInAnMlDigitIsCaughtByTheCount() {
        String brief = AmlFixture.sms("sms-sleman-gnss.txt");
        assertThat(AmlSmsParser.parse(brief.substring(0, brief.length() - 1), TELKOMSEL_CALLER).problem())
                .isEqualTo("ml=12 but the message is 127 characters");
    }

    @Test
    void aLatitudeBeyondThePoleIsRejected() {
        assertThat(parseFixture("sms-latitude-out-of-range.txt").problem()).isEqualTo("lt=+95.00000 is out of range -90..90");
    }

    @Test
    void aLongitudeBeyondTheAntimeridianIsRejected() {
        assertThat(AmlSmsParser.parse(withMl("A\"ML=1;lt=-7.71560;lg=+190.35580;rd=14;top=20261128101530"), null).problem())
                .isEqualTo("lg=+190.35580 is out of range -180..180");
    }

    @Test
    void aTimeOfPositioningInAnotherFormatIsRejected() {
        assertThat(parseFixture("sms-bad-time.txt").problem()).isEqualTo("top '2026-11-28' is not yyyyMMddHHmmss");
    }

    @Test
    void aTimeOfPositioningThatIsNoDateIsRejected() {
        assertThat(AmlSmsParser.parse(withMl("A\"ML=1;lt=-7.71560;lg=+110.35580;rd=14;top=20261131101530"), null).problem())
                .isEqualTo("top '20261131101530' is not a date and time (yyyyMMddHHmmss)");
    }

    @Test
    void aZeroLatitudeWithALongitudeIsTheEquatorNotNone() {
        AmlReport pontianak = AmlSmsParser.parse(withMl("A\"ML=1;lt=+00.00000;lg=+109.32250;rd=50;top=20261128101530;pm=C"), null)
                .report().orElseThrow();

        assertThat(pontianak.fix().orElseThrow().latitude()).isZero();
        assertThat(pontianak.fix().orElseThrow().method()).isEqualTo("Cell");
    }

    @Test
    void noRadiusIsAnUnknownUncertaintyAndAMissingTopIsAnUntimedFix() {
        LocationFix fix = AmlSmsParser.parse(withMl("A\"ML=1;lt=-7.71560;lg=+110.35580;rd=N;pm=U"), null).fix().orElseThrow();

        assertThat(fix.hasUncertainty()).isFalse();
        assertThat(fix.timestamp()).isEmpty();
        assertThat(fix.method()).as("pm=U says nothing").isEmpty();
    }

    @Test
    void aDecimalRadiusIsRead() {
        assertThat(AmlSmsParser.parse(withMl("A\"ML=1;lt=-7.71560;lg=+110.35580;rd=20.5"), null).fix().orElseThrow()
                .uncertaintyMeters()).isEqualTo(20.5);
    }

    @Test
    void aNegativeRadiusIsRejected() {
        assertThat(AmlSmsParser.parse(withMl("A\"ML=1;lt=-7.71560;lg=+110.35580;rd=-14"), null).problem())
                .startsWith("rd=-14 is not a radius in metres");
    }

    @Test
    void unknownKeysAreSkippedButARepeatedKeyIsRefused() {
        AmlResult withExtra = AmlSmsParser.parse(withMl("A\"ML=1;lt=-7.71560;lg=+110.35580;rd=14;xx=whatever;fl=2"), null);
        assertThat(withExtra.fix()).isPresent();

        assertThat(AmlSmsParser.parse(withMl("A\"ML=1;lt=-7.71560;lg=+110.35580;lt=-7.90000"), null).problem())
                .isEqualTo("key lt appears twice");
        assertThat(AmlSmsParser.parse(withMl("A\"ML=1;lt=-7.71560;lg=+110.35580;xx=1;xx=2"), null).problem())
                .isEqualTo("key 'xx' appears twice");
    }

    @Test
    void notANumberIsRefusedEvenWhereJavaWouldParseIt() {
        for (String lt : new String[] {"NaN", "Infinity", "0x1p3", "7.5d", "-7,71560", ""}) {
            assertThat(AmlSmsParser.parse(withMl("A\"ML=1;lt=" + lt + ";lg=+110.35580"), null).problem())
                    .as(lt).isEqualTo("lt '" + lt + "' is not a decimal number");
        }
    }

    @Test
    void plainDecimalsAreTheOnlyNumbers() {
        for (String yes : new String[] {"7", "-7.71560", "+110.35580", "7.", ".5", "1e3", "-1.5E-3", "+00.00000"}) {
            assertThat(AmlValues.isPlainDecimal(yes)).as(yes).isTrue();
        }
        for (String no : new String[] {"", "+", "-", ".", "e3", "1e", "1e1234", "1e+", "1.2.3", "--1", "1 ", " 1", "１", "NaN", "1_000"}) {
            assertThat(AmlValues.isPlainDecimal(no)).as(no).isFalse();
        }
    }

    @Test
    void theUndecodedPayloadOfADataSmsIsRefusedAsBinary() {
        AmlResult result = parseFixture("sms-data-sms-packed.bin");

        assertThat(result.accepted()).isFalse();
        assertThat(result.problem()).startsWith("character U+0093 at position 3 is not printable ASCII");
    }

    @Test
    void nonAsciiTextIsRefused() {
        assertThat(AmlSmsParser.parse(withMl("A\"ML=1;lt=−7.71560;lg=+110.35580"), null).problem())
                .startsWith("character U+2212 at position 11 is not printable ASCII");
    }

    @Test
    void emptyAndForeignMessagesAreRefused() {
        assertThat(AmlSmsParser.parse("", TELKOMSEL_CALLER).problem()).isEqualTo("empty AML SMS");
        assertThat(AmlSmsParser.parse(null, TELKOMSEL_CALLER).problem()).isEqualTo("empty AML SMS");
        assertThat(AmlSmsParser.parse("\r\n", TELKOMSEL_CALLER).problem()).startsWith("not an AML message");
        assertThat(AmlSmsParser.parse("Tolong, ada maling di rumah saya", TELKOMSEL_CALLER).problem())
                .isEqualTo("not an AML message: it does not start with A\"ML= but 'Tolong, ada maling d…'");
    }

    @Test
    void anotherVersionIsRefused() {
        assertThat(AmlSmsParser.parse("A\"ML=2;en=+15555555555;et=1593187189;lo=-37.42175,-122.08461,2000.1;ml=70", null).problem())
                .isEqualTo("AML version '2' is not supported (this reads version 1)");
    }

    @Test
    void anOverlongMessageIsRefusedBeforeItIsRead() {
        String huge = "A\"ML=1;" + "xx=1;".repeat(300);
        assertThat(AmlSmsParser.parse(huge, null).problem()).isEqualTo("AML SMS of " + huge.length() + " characters exceeds 1024");
    }

    @Test
    void aFieldWithoutValueSeparatorIsRefused() {
        assertThat(AmlSmsParser.parse(withMl("A\"ML=1;lt=-7.71560;garbage;lg=+110.35580"), null).problem())
                .isEqualTo("field 'garbage' is not key=value");
        assertThat(AmlSmsParser.parse(withMl("A\"ML=1;;lt=-7.71560"), null).problem()).isEqualTo("empty field at character 8 (';;')");
    }

    @Test
    void malformedHandsetFieldsAreDroppedWithTheReasonAndThePositionKept() {
        AmlReport report = AmlSmsParser.parse(
                withMl("A\"ML=1;lt=-7.71560;lg=+110.35580;rd=14;lc=150;pm=X;si=51010ABC;ei=12;mcc=51;mnc=10"), "tidak ada").report()
                .orElseThrow();

        assertThat(report.fix()).isPresent();
        assertThat(report.positioningMethod()).isEqualTo(PositioningMethod.UNKNOWN);
        assertThat(report.handset().imsi()).isEmpty();
        assertThat(report.servingNetwork()).isEmpty();
        assertThat(report.callerNumber()).isEmpty();
        assertThat(report.ignored()).containsExactly(
                "pm 'X' is not G, W, C, N or U",
                "lc '150' is not a percentage",
                "caller number 'tidak ada' is not a phone number",
                "si '51010ABC' is not an IMSI",
                "ei '12' is not an IMEI",
                "mcc/mnc '51'/'10' is not a network code");
    }

    @Test
    void onlyOneCoordinateIsNoPosition() {
        AmlReport report = AmlSmsParser.parse(withMl("A\"ML=1;lt=-7.71560;rd=14"), null).report().orElseThrow();
        assertThat(report.fix()).isEmpty();
        assertThat(report.noFixReason()).isEqualTo("lt without lg: no position");
    }

    /** The message with the right {@code ;ml=} appended. */
    static String withMl(String body) {
        for (int n = 1; n < 2000; n++) {
            String message = body + ";ml=" + n;
            if (message.length() == n) {
                return message;
            }
        }
        throw new IllegalArgumentException(body);
    }
}
