package id.siaga.location;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.org.Station;
import id.siaga.org.StationId;
import id.siaga.org.StationKind;
import id.siaga.org.StationTimeZone;
import id.siaga.org.StationTree;
import id.siaga.support.NationalData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The national organisation built from ../shared/data/indonesia, and lookups of real places on it.
 * In CI the data is present and these tests must run.
 */
class NationalDatasetTests {

    static Path dir;
    static Jurisdictions national;
    static JurisdictionIndex index;

    @BeforeAll
    static void load() {
        dir = NationalData.directory();
        national = NationalDataset.read(dir);
        index = new JurisdictionIndex(national, 20_000);
    }

    @Test
    void mabesThirtySixPoldaAndFiveHundredFourteenPolres() {
        StationTree tree = national.tree();
        assertThat(tree.root().id()).isEqualTo(NationalDataset.MABES);
        assertThat(tree.all().stream().filter(s -> s.kind() == StationKind.POLDA)).hasSize(36)
                .allSatisfy(s -> assertThat(s.parent()).contains(NationalDataset.MABES));
        assertThat(tree.all().stream().filter(s -> s.kind() == StationKind.POLRES)).hasSize(514);
        assertThat(tree.size()).isEqualTo(1 + 36 + 514);
        assertThat(national.areas()).hasSize(36 + 514);
    }

    @Test
    void everyPolresIsUnderThePoldaTheMappingNames() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("kabkota_to_polda.csv"));
        assertThat(lines).hasSize(515);
        for (String line : lines.subList(1, lines.size())) {
            String[] cols = line.split(",");
            String kode = cols[0];
            String polda = cols[cols.length - 1];
            Station polres = national.tree().get(NationalDataset.polresId(kode));
            assertThat(polres.parent()).as(kode).contains(NationalDataset.poldaId(polda));
        }
    }

    @Test
    void metroJayaCoversJakartaBekasiDepokAndTangerangCity() {
        assertThat(parentOf("32.75")).as("Kota Bekasi").isEqualTo("POLDA-METRO");
        assertThat(parentOf("32.76")).as("Kota Depok").isEqualTo("POLDA-METRO");
        assertThat(parentOf("36.71")).as("Kota Tangerang").isEqualTo("POLDA-METRO");
        assertThat(parentOf("36.03")).as("Kabupaten Tangerang").isEqualTo("POLDA-BANTEN");
    }

    @Test
    void timeZonesFollowTheProvince() {
        assertThat(national.tree().get(NationalDataset.polresId("34.71")).timeZone()).isEqualTo(StationTimeZone.WIB);
        assertThat(national.tree().get(NationalDataset.polresId("51.71")).timeZone()).isEqualTo(StationTimeZone.WITA);
        assertThat(national.tree().get(NationalDataset.polresId("91.71")).timeZone()).isEqualTo(StationTimeZone.WIT);
    }

    @Test
    void monasIsAPolresOfPoldaMetroJaya() {
        assertThat(index.locate(-6.1754, 106.8272).station()).isEqualTo(NationalDataset.polresId("31.71"));
        assertThat(chain(-6.1754, 106.8272)).startsWith("Polres Kota Administrasi Jakarta Pusat").endsWith("Polda Metro Jaya", "Mabes Polri");
    }

    @Test
    void gedungSateIsKotaBandungUnderPoldaJawaBarat() {
        assertThat(chain(-6.9025, 107.6188)).containsExactly("Polres Kota Bandung", "Polda Jawa Barat", "Mabes Polri");
    }

    @Test
    void malioboroIsKotaYogyakartaUnderPoldaDiy() {
        assertThat(chain(-7.7926, 110.3658)).containsExactly("Polres Kota Yogyakarta", "Polda Daerah Istimewa Yogyakarta", "Mabes Polri");
    }

    @Test
    void jayapuraIsKotaJayapuraUnderPoldaPapua() {
        JurisdictionMatch m = index.locate(-2.5337, 140.7181);
        assertThat(m.station()).isEqualTo(NationalDataset.polresId("91.71"));
        assertThat(chain(-2.5337, 140.7181)).containsExactly("Polres Kota Jayapura", "Polda Papua", "Mabes Polri");
    }

    @Test
    void aBoatJustOffTheBantulCoastGoesToTheNearestPolres() {
        JurisdictionMatch m = index.locate(-8.035, 110.26); // about 3.5 km off the Bantul coast
        assertThat(m.decision()).isEqualTo(LocateDecision.NEAREST);
        assertThat(m.station()).isEqualTo(NationalDataset.polresId("34.02"));
        assertThat(m.distanceMeters()).isPositive().isLessThan(20_000);
    }

    @Test
    void theMiddleOfTheIndianOceanIsMabes() {
        JurisdictionMatch m = index.locate(-20.0, 80.0);
        assertThat(m.station()).isEqualTo(NationalDataset.MABES);
        assertThat(m.decision()).isEqualTo(LocateDecision.FALLBACK);
    }

    @Test
    void everyPolresCentroidThatLiesInItsOwnPolygonIsFoundThere() {
        long inside = national.tree().all().stream().filter(s -> s.kind() == StationKind.POLRES)
                .filter(s -> national.areas().get(s.id()).contains(JurisdictionGeoJson.FACTORY.createPoint(
                        new org.locationtech.jts.geom.Coordinate(s.headquarters().longitude(), s.headquarters().latitude()))))
                .peek(s -> assertThat(index.locate(s.headquarters().latitude(), s.headquarters().longitude()).station())
                        .as(s.name()).isIn(s.id(), overlapWinner(s)))
                .count();
        assertThat(inside).as("the data README says 35 of 514 centroids lie outside their polygon").isGreaterThan(450);
    }

    /** Where simplified polygons overlap, a deeper-ranked neighbour may legitimately win; allow it, but only if it contains the point too. */
    private static StationId overlapWinner(Station s) {
        StationId winner = index.locate(s.headquarters().latitude(), s.headquarters().longitude()).station();
        boolean containsToo = national.areas().get(winner).intersects(JurisdictionGeoJson.FACTORY.createPoint(
                new org.locationtech.jts.geom.Coordinate(s.headquarters().longitude(), s.headquarters().latitude())));
        return containsToo && national.tree().get(winner).kind() == StationKind.POLRES ? winner : s.id();
    }

    private static String parentOf(String kode) {
        return national.tree().get(NationalDataset.polresId(kode)).parent().map(StationId::value).orElseThrow();
    }

    private static List<String> chain(double lat, double lon) {
        return national.tree().chainToRoot(index.locate(lat, lon).station()).stream().map(Station::name).toList();
    }
}
