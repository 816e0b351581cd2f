package id.siaga.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The station file is the organisation: a bad one must stop the service at start, saying where. */
class StationTreeTests {

    static final String HEADER = "id,name,kind,parent,status,hq_lat,hq_lon,time_zone\n";
    static final String GOOD = HEADER
            + "MABES,Mabes Polri,MABES,,LIVE,-6.24,106.79,WIB\n"
            + "POLDA-DIY,Polda DIY,POLDA,MABES,LIVE,-7.75,110.39,WIB\n"
            + "POLRES-3404,Polres Sleman,POLRES,POLDA-DIY,LIVE,-7.71,110.35,WIB\n"
            + "POLSEK-DEPOK,Polsek Depok Sleman,POLSEK,POLRES-3404,PLANNED,-7.76,110.40,WIB\n";

    static StationTree read(String csv) {
        return StationsCsvReader.read(new StringReader(csv), "stations.csv");
    }

    @Test
    void aFourLevelTreeHasChainsToMabesAndScopes() {
        StationTree tree = read(GOOD);
        StationId polsek = StationId.of("POLSEK-DEPOK");
        assertThat(tree.size()).isEqualTo(4);
        assertThat(tree.root().id()).isEqualTo(StationId.of("MABES"));
        assertThat(tree.chainToRoot(polsek)).extracting(Station::name)
                .containsExactly("Polsek Depok Sleman", "Polres Sleman", "Polda DIY", "Mabes Polri");
        assertThat(tree.depth(polsek)).isEqualTo(3);
        assertThat(tree.get(polsek).status()).isEqualTo(RolloutStatus.PLANNED);
        assertThat(tree.isWithin(polsek, StationId.of("POLDA-DIY"))).isTrue();
        assertThat(tree.isWithin(StationId.of("POLDA-DIY"), polsek)).isFalse();
        assertThat(tree.subtree(StationId.of("POLRES-3404"))).extracting(s -> s.id().value())
                .containsExactly("POLRES-3404", "POLSEK-DEPOK");
    }

    @Test
    void aStatusChangeGivesANewTree() {
        StationTree tree = read(GOOD);
        StationTree live = tree.withStatus(StationId.of("POLSEK-DEPOK"), RolloutStatus.LIVE);
        assertThat(live.get(StationId.of("POLSEK-DEPOK")).isLive()).isTrue();
        assertThat(tree.get(StationId.of("POLSEK-DEPOK")).isLive()).isFalse();
    }

    @Test
    void unknownParentIsNamedWithItsLine() {
        assertThatThrownBy(() -> read(HEADER + "MABES,Mabes Polri,MABES,,LIVE,-6.24,106.79,WIB\n"
                + "POLRES-3404,Polres Sleman,POLRES,POLDA-XX,LIVE,-7.71,110.35,WIB\n"))
                .isInstanceOf(InvalidStationDataException.class)
                .hasMessageContaining("stations.csv line 3").hasMessageContaining("unknown parent POLDA-XX");
    }

    @Test
    void duplicateIdNamesBothLines() {
        assertThatThrownBy(() -> read(GOOD + "POLRES-3404,Polres Sleman lagi,POLRES,POLDA-DIY,LIVE,-7.71,110.35,WIB\n"))
                .isInstanceOf(InvalidStationDataException.class)
                .hasMessageContaining("stations.csv line 6").hasMessageContaining("duplicate station id POLRES-3404")
                .hasMessageContaining("line 4");
    }

    @Test
    void aParentCycleIsRefused() {
        assertThatThrownBy(() -> read(HEADER + "MABES,Mabes Polri,MABES,,LIVE,-6.24,106.79,WIB\n"
                + "A,Polda A,POLDA,B,LIVE,-7,110,WIB\n"
                + "B,Polres B,POLRES,A,LIVE,-7,110,WIB\n"))
                .isInstanceOf(InvalidStationDataException.class).hasMessageContaining("cycle");
    }

    @Test
    void twoRootsAreRefused() {
        assertThatThrownBy(() -> read(GOOD + "MABES-2,Mabes Kedua,MABES,,LIVE,-6.24,106.79,WIB\n"))
                .isInstanceOf(InvalidStationDataException.class).hasMessageContaining("exactly one root");
    }

    @Test
    void badValuesNameColumnAndLine() {
        for (String[] bad : List.of(
                new String[] {"POLRES-1,Polres X,POLRESTA,POLDA-DIY,LIVE,-7,110,WIB", "column 'kind'"},
                new String[] {"POLRES-1,Polres X,POLRES,POLDA-DIY,OPEN,-7,110,WIB", "column 'status'"},
                new String[] {"POLRES-1,Polres X,POLRES,POLDA-DIY,LIVE,minus seven,110,WIB", "column 'hq_lat'"},
                new String[] {"POLRES-1,Polres X,POLRES,POLDA-DIY,LIVE,-97,110,WIB", "latitude"},
                new String[] {"POLRES-1,Polres X,POLRES,POLDA-DIY,LIVE,-7,110,CET", "column 'time_zone'"},
                new String[] {"POLRES 1,Polres X,POLRES,POLDA-DIY,LIVE,-7,110,WIB", "station id"},
                new String[] {"POLRES-1,,POLRES,POLDA-DIY,LIVE,-7,110,WIB", "column 'name'"})) {
            assertThatThrownBy(() -> read(GOOD + bad[0] + "\n"))
                    .isInstanceOf(InvalidStationDataException.class)
                    .hasMessageContaining("stations.csv line 6").hasMessageContaining(bad[1]);
        }
    }

    @Test
    void aMissingColumnIsNamed() {
        assertThatThrownBy(() -> read("id,name,kind,parent,status,hq_lat,hq_lon\nMABES,Mabes,MABES,,LIVE,-6,106\n"))
                .isInstanceOf(InvalidStationDataException.class).hasMessageContaining("time_zone");
    }
}
