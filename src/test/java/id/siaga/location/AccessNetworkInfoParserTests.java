package id.siaga.location;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** P-Access-Network-Info (RFC 7315, 3GPP TS 24.229): the caller's serving cell on every radio, and every way it goes wrong. */
class AccessNetworkInfoParserTests {

    static CellIdentity cell(String header) {
        CellIdentityResult result = AccessNetworkInfoParser.parse(header);
        assertThat(result.problem()).as(header).isEmpty();
        return result.cell().orElseThrow();
    }

    static String problem(String header) {
        CellIdentityResult result = AccessNetworkInfoParser.parse(header);
        assertThat(result.cell()).as(header).isEmpty();
        return result.problem();
    }

    @Test
    void theLteCellOfACapturedInviteFromSleman() {
        String header = SipFixture.read("invite-sleman-circle.sip").header("P-Access-Network-Info");
        assertThat(header).isEqualTo("3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=5101000A1B2C3D4E");

        CellIdentityResult result = AccessNetworkInfoParser.parse(header);

        assertThat(result.cell()).contains(new CellIdentity(RadioType.LTE, new MobileNetworkId("510", "10"), 0x00A1, 0xB2C3D4EL));
        assertThat(result.networkProvided()).isFalse();
        assertThat(result.cell().orElseThrow()).hasToString("LTE 510-10 TAC 161 ECI 187448654");
    }

    @Test
    void lteTddInLowerCaseHex() {
        assertThat(cell("3GPP-E-UTRAN-TDD;utran-cell-id-3gpp=5101100b3c1d2e3f"))
                .isEqualTo(new CellIdentity(RadioType.LTE, new MobileNetworkId("510", "11"), 0xB3, 0xC1D2E3FL));
    }

    @Test
    void lteOnAFiveGCoreHasASixDigitTrackingArea() {
        assertThat(cell("3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=510100100A1B2C3D4E"))
                .isEqualTo(new CellIdentity(RadioType.LTE, new MobileNetworkId("510", "10"), 0x0100A1, 0xB2C3D4EL));
    }

    @Test
    void nrUsesTheSameParameterWithSixHexTacAndNineHexNci() {
        assertThat(cell("3GPP-NR-FDD; utran-cell-id-3gpp=5108900A1F301F4A3C05"))
                .isEqualTo(new CellIdentity(RadioType.NR, new MobileNetworkId("510", "89"), 0x00A1F3, 0x01F4A3C05L));
        assertThat(cell("3GPP-NR-TDD;utran-cell-id-3gpp=510100000A1FFFFFFFFF").cellId()).as("the full 36 bits")
                .isEqualTo(0xFFFFFFFFFL);
    }

    @Test
    void nrAsCapturedFromATestNetworkRegister() {
        // MCC 001 is not Indonesian: the length (20 = 3 + 2 + 6 + 9) decides the MNC
        assertThat(cell("3GPP-NR-TDD;utran-cell-id-3gpp=0010100313200001c001"))
                .isEqualTo(new CellIdentity(RadioType.NR, new MobileNetworkId("001", "01"), 0x003132, 0x00001C001L));
    }

    @Test
    void utranHasALocationAreaAndASevenDigitCellId() {
        assertThat(cell("3GPP-UTRAN-FDD; utran-cell-id-3gpp=510110D4F0012ABC"))
                .isEqualTo(new CellIdentity(RadioType.UMTS, new MobileNetworkId("510", "11"), 0x0D4F, 0x0012ABCL));
        assertThat(cell("3GPP-UTRAN-TDD; utran-cell-id-3gpp=510110D4F0012ABC").radio()).isEqualTo(RadioType.UMTS);
    }

    @Test
    void geranUsesCgiWithFourHexDigitsEach() {
        assertThat(cell("3GPP-GERAN; cgi-3gpp=5101000A13F2A"))
                .isEqualTo(new CellIdentity(RadioType.GSM, new MobileNetworkId("510", "10"), 0x00A1, 0x3F2AL));
    }

    @Test
    void theNetworksEntryIsPreferredToThePhones() {
        CellIdentityResult result = AccessNetworkInfoParser.parse("3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=5101000A1B2C3D4E, "
                + "3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=5101000A2B2C3D4F; network-provided");

        assertThat(result.networkProvided()).isTrue();
        assertThat(result.cell().orElseThrow().areaCode()).isEqualTo(0xA2);
    }

    @Test
    void aWifiCallerHasNoCellUnlessTheNetworkAddsOne() {
        assertThat(problem("IEEE-802.11; i-wlan-node-id=ffeeddccbbaa")).isEqualTo("'IEEE-802.11' carries no cell identity");

        CellIdentityResult both = AccessNetworkInfoParser.parse(
                "IEEE-802.11; i-wlan-node-id=ffeeddccbbaa, 3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=\"5101000A1B2C3D4E\"; network-provided");
        assertThat(both.found()).isTrue();
        assertThat(both.networkProvided()).isTrue();
    }

    @Test
    void aThreeDigitMncIsRefusedUnderAnMccThatUsesTwo() {
        assertThat(problem("3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=51001000A1B2C3D4E")).isEqualTo(
                "utran-cell-id-3gpp '51001000A1B2C3D4E' is 17 characters, which fits a 3-digit MNC, but MCC 510 uses 2-digit MNCs");
    }

    @Test
    void elsewhereTheLengthDecidesTheMnc() {
        assertThat(cell("3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=31026000A1B2C3D4E").network()).isEqualTo(new MobileNetworkId("310", "260"));
        assertThat(cell("3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=2620100A1B2C3D4E").network()).isEqualTo(new MobileNetworkId("262", "01"));
    }

    @Test
    void aGivenMncListDecides() {
        MncLengths usThreeDigits = mcc -> "310".equals(mcc) ? OptionalInt.of(3) : OptionalInt.empty();
        CellIdentityResult result = AccessNetworkInfoParser.parse("3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=3102600A1B2C3D4E", usThreeDigits);

        assertThat(result.problem()).isEqualTo(
                "utran-cell-id-3gpp '3102600A1B2C3D4E' is 16 characters, which fits a 2-digit MNC, but MCC 310 uses 3-digit MNCs");
    }

    @Test
    void garbageIsRefusedWithTheReason() {
        assertThat(problem(null)).isEqualTo("no P-Access-Network-Info header");
        assertThat(problem("  ")).isEqualTo("no P-Access-Network-Info header");
        assertThat(problem("hello world")).isEqualTo("'hello world' carries no cell identity");
        assertThat(problem("3GPP-E-UTRAN-FDD")).isEqualTo("3GPP-E-UTRAN-FDD without utran-cell-id-3gpp");
        assertThat(problem("3GPP-GERAN; utran-cell-id-3gpp=5101000A13F2A")).isEqualTo("3GPP-GERAN without cgi-3gpp");
        assertThat(problem("3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=5101000A1B")).isEqualTo(
                "utran-cell-id-3gpp '5101000A1B' is 10 characters; LTE needs MCC (3) + MNC (2) + TAC (4 or 6 hex) + ECI (7 hex)");
        assertThat(problem("3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=5101000A1BZC3D4E"))
                .isEqualTo("utran-cell-id-3gpp '5101000A1BZC3D4E': TAC and ECI are not hexadecimal digits");
        assertThat(problem("3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=510100-A1B2C3D4E"))
                .isEqualTo("utran-cell-id-3gpp '510100-A1B2C3D4E': TAC and ECI are not hexadecimal digits");
        assertThat(problem("3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=XYZ1000A1B2C3D4E"))
                .isEqualTo("utran-cell-id-3gpp 'XYZ1000A1B2C3D4E' does not start with a three-digit MCC");
        assertThat(problem("3GPP-NR-FDD; utran-cell-id-3gpp=51010000A1000B2C3D4E; utran-cell-id-3gpp=51010000A1000B2C3D4F"))
                .isEqualTo("3GPP-NR-FDD has utran-cell-id-3gpp twice");
    }

    @Test
    void anAccessTypeWithAControlCharacterIsNotEchoedAsItIs() {
        // the problem goes into the call's log line and the journal
        assertThat(problem("3GPP-E-UTRAN-FDD\u0085forged")).isEqualTo("'3GPP-E-UTRAN-FDD?forged' carries no cell identity");
        assertThat(problem("3GPP-E-UTRAN\u001b[2J; utran-cell-id-3gpp=1; utran-cell-id-3gpp=2")).doesNotContain("\u001b");
    }

    @Test
    void everyEntrysProblemIsReportedWhenNoneHasACell() {
        assertThat(problem("IEEE-802.11, 3GPP-E-UTRAN-FDD, ")).isEqualTo(
                "'IEEE-802.11' carries no cell identity; 3GPP-E-UTRAN-FDD without utran-cell-id-3gpp; access-info entry without an access type: ''");
    }

    @Test
    void oversizedHeadersAreRefused() {
        assertThat(problem("3GPP-E-UTRAN-FDD; x=" + "a".repeat(3000))).isEqualTo("P-Access-Network-Info of 3020 characters exceeds 2048");
        assertThat(problem("IEEE-802.11,".repeat(9))).isEqualTo("P-Access-Network-Info has more than 8 entries");
    }
}
