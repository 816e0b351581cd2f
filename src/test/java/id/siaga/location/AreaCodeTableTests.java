package id.siaga.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.org.InvalidStationDataException;
import id.siaga.org.StationId;
import id.siaga.org.StationTree;
import id.siaga.org.StationsCsvReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** Fixed-line area codes: the last-resort station for a landline caller, never for a mobile one. */
class AreaCodeTableTests {

    static final StationId POLDA_DIY = StationId.of("POLDA-DIY");

    /** Java, beyond the demo region: Jakarta with Tangerang's exchanges under 021, Bandung, Yogyakarta. */
    static final StationTree JAVA = StationsCsvReader.read(new StringReader("""
            id,name,kind,parent,status,hq_lat,hq_lon,time_zone
            MABES,Mabes Polri,MABES,,LIVE,-6.2409,106.7983,WIB
            POLDA-METRO,Polda Metro Jaya,POLDA,MABES,LIVE,-6.2247,106.8093,WIB
            POLRES-3671,Polres Metro Tangerang Kota,POLRES,POLDA-METRO,LIVE,-6.1783,106.6319,WIB
            POLDA-JABAR,Polda Jawa Barat,POLDA,MABES,LIVE,-6.9192,107.6366,WIB
            POLDA-DIY,Polda DIY,POLDA,MABES,LIVE,-7.7590,110.3980,WIB
            """), "java-stations.csv");

    static final AreaCodeTable JAVA_CODES = AreaCodeTable.read(new StringReader("""
            area_code,station,area
            021,POLDA-METRO,Jakarta
            0215,POLRES-3671,Tangerang exchanges
            022,POLDA-JABAR,Bandung
            0274,POLDA-DIY,Daerah Istimewa Yogyakarta
            """), "area-codes.csv", JAVA);

    static StationId stationOf(String number) {
        return JAVA_CODES.lookup(number).orElseThrow(() -> new AssertionError("no match for " + number)).station();
    }

    @Test
    void aYogyakartaLandlineGoesToPoldaDiyInEveryWritingOfTheNumber() {
        assertThat(stationOf("+62274512345")).isEqualTo(POLDA_DIY);
        assertThat(stationOf("0274512345")).isEqualTo(POLDA_DIY);
        assertThat(stationOf("(0274) 512-345")).isEqualTo(POLDA_DIY);
        assertThat(stationOf("tel:+62274512345;phone-context=+62")).isEqualTo(POLDA_DIY);
        assertThat(JAVA_CODES.lookup("0274512345").orElseThrow()).isEqualTo(new AreaCodeMatch("0274", POLDA_DIY, "Daerah Istimewa Yogyakarta"));
    }

    @Test
    void theLongestPrefixWins() {
        assertThat(stationOf("+62215551234")).as("021-5…: Tangerang").isEqualTo(StationId.of("POLRES-3671"));
        assertThat(stationOf("+62213901234")).as("021-3…: Jakarta").isEqualTo(StationId.of("POLDA-METRO"));
        assertThat(stationOf("0224201234")).isEqualTo(StationId.of("POLDA-JABAR"));
    }

    @Test
    void mobileForeignShortAndUnknownNumbersNeverMatch() {
        assertThat(JAVA_CODES.lookup("+6281234567890")).as("mobile").isEmpty();
        assertThat(JAVA_CODES.lookup("081234567890")).as("mobile, national").isEmpty();
        assertThat(JAVA_CODES.lookup("+61274512345")).as("Australia, same digits").isEmpty();
        assertThat(JAVA_CODES.lookup("110")).as("a short code").isEmpty();
        assertThat(JAVA_CODES.lookup("0274")).as("the code without a number").isEmpty();
        assertThat(JAVA_CODES.lookup("+62361234567")).as("Bali is not in this table").isEmpty();
        assertThat(JAVA_CODES.lookup("anonymous")).isEmpty();
        assertThat(JAVA_CODES.lookup(null)).isEmpty();
    }

    @Test
    void theDemoTableSendsYogyakartaToPoldaDiy() {
        StationTree demoTree = DemoRegion.load().tree();
        AreaCodeTable demo = AreaCodeTable.read(DemoRegion.open("demo/area-codes.csv"), "demo/area-codes.csv", demoTree);

        assertThat(demo.size()).isEqualTo(1);
        assertThat(demo.lookup("+62274587654").orElseThrow().station()).isEqualTo(POLDA_DIY);
        assertThat(demo.lookup("+6221500110")).isEmpty();
    }

    @Test
    void aBadRowNamesTheFileAndLine() {
        assertThatThrownBy(() -> read("021,POLDA-METRO\n0274,POLDA-XX\n"))
                .isInstanceOf(InvalidStationDataException.class)
                .hasMessage("area-codes.csv line 3: area code 0274 names unknown station POLDA-XX");
        assertThatThrownBy(() -> read("0812,POLDA-METRO\n"))
                .hasMessage("area-codes.csv line 2: '0812' is a mobile prefix, not an area code: mobile numbers say nothing about where the caller is");
        assertThatThrownBy(() -> read("274,POLDA-DIY\n"))
                .hasMessage("area-codes.csv line 2: area code '274' is not 0 followed by 1 to 4 digits (as dialled nationally: 0274)");
        assertThatThrownBy(() -> read("+62274,POLDA-DIY\n"))
                .hasMessageContaining("area code '+62274' is not 0 followed by 1 to 4 digits");
        assertThatThrownBy(() -> read("0062,POLDA-DIY\n")).hasMessage("area-codes.csv line 2: '0062' is an international prefix, not an area code");
        assertThatThrownBy(() -> read("0274,POLDA-DIY\n# again\n0274,POLDA-METRO\n"))
                .hasMessage("area-codes.csv line 4: area code 0274 is listed twice (first at area-codes.csv line 2)");
        assertThatThrownBy(() -> AreaCodeTable.read(new StringReader("code,station\n0274,POLDA-DIY\n"), "area-codes.csv", JAVA))
                .hasMessageStartingWith("area-codes.csv line 1: header lacks column 'area_code'");
    }

    static AreaCodeTable read(String rows) {
        return AreaCodeTable.read(new StringReader("area_code,station\n" + rows), "area-codes.csv", JAVA);
    }
}
