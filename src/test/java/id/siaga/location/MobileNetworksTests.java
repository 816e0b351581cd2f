package id.siaga.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.org.InvalidStationDataException;
import id.siaga.support.NationalData;
import java.io.StringReader;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Indonesian mobile networks of the reference data, read in place, and what they are used for. */
class MobileNetworksTests {

    static MobileNetworks indonesia;

    @BeforeAll
    static void load() {
        indonesia = MobileNetworks.load(NationalData.directory().resolve("mcc_mnc_510.csv"));
    }

    @Test
    void theSixteenIndonesianNetworksByTheirBrands() {
        assertThat(indonesia.size()).isEqualTo(16);
        assertThat(indonesia.name(new MobileNetworkId("510", "10"))).contains("Telkomsel");
        assertThat(indonesia.name(new MobileNetworkId("510", "01"))).contains("Indosat Ooredoo Hutchison");
        assertThat(indonesia.name(new MobileNetworkId("510", "89"))).contains("3 (Tri)");
        assertThat(indonesia.name(new MobileNetworkId("510", "11"))).contains("XL");
        assertThat(indonesia.find(new MobileNetworkId("510", "99")).orElseThrow().operational()).as("Esia closed").isFalse();
        assertThat(indonesia.find(new MobileNetworkId("510", "10")).orElseThrow().company()).isEqualTo("PT Telekomunikasi Selular");
        assertThat(indonesia.name(new MobileNetworkId("510", "010"))).as("a three-digit 010 is another network").isEmpty();
        assertThat(indonesia.name(new MobileNetworkId("262", "01"))).isEmpty();
    }

    @Test
    void itKnowsIndonesiasMncsHaveTwoDigitsAndNothingAboutOtherCountries() {
        assertThat(indonesia.mncDigits("510")).hasValue(2);
        assertThat(indonesia.mncDigits("310")).isEmpty();
    }

    @Test
    void itSplitsTheCellStringOfAnIndonesianCell() {
        CellIdentityResult result = AccessNetworkInfoParser.parse("3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=5100900A1B2C3D4E", indonesia);

        assertThat(indonesia.name(result.cell().orElseThrow().network())).contains("Smartfren");
    }

    @Test
    void anMccWithMncsOfBothLengthsLeavesTheLengthToTheString() {
        MobileNetworks mixed = MobileNetworks.read(new StringReader("mcc,mnc,brand\n310,260,T-Mobile\n310,41,AT&T\n"), "mixed.csv");
        assertThat(mixed.mncDigits("310")).isEmpty();
    }

    @Test
    void aBadRowNamesTheFileAndLine() {
        assertThatThrownBy(() -> MobileNetworks.read(new StringReader("mcc,mnc,brand\n510,10,Telkomsel\n510,1,Typo\n"), "networks.csv"))
                .isInstanceOf(InvalidStationDataException.class)
                .hasMessage("networks.csv line 3: '510-1' is not an MCC (3 digits) and MNC (2 or 3 digits)");
        assertThatThrownBy(() -> MobileNetworks.read(new StringReader("mcc,mnc,brand\n510,10,Telkomsel\n510,10,Again\n"), "networks.csv"))
                .hasMessage("networks.csv line 3: network 510-10 is listed twice");
        assertThatThrownBy(() -> MobileNetworks.read(new StringReader("mcc,mnc\n510,10\n"), "networks.csv"))
                .hasMessageStartingWith("networks.csv line 1: header lacks column 'brand'");
        assertThatThrownBy(() -> MobileNetworks.load(Path.of("no/such/mcc_mnc.csv")))
                .hasMessageStartingWith("no/such/mcc_mnc.csv: cannot read");
    }
}
