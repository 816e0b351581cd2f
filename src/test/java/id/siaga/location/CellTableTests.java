package id.siaga.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.org.CsvRows;
import id.siaga.org.InvalidStationDataException;
import id.siaga.org.StationId;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cell table: a serving cell becomes a position with the cell's reach as its uncertainty, and bad rows say where they are. */
class CellTableTests {

    static final String HEADER = "radio,mcc,net,area,cell,lon,lat,range\n";
    static final MobileNetworkId TELKOMSEL = new MobileNetworkId("510", "10");
    static final StationId SLEMAN = StationId.of("POLRES-3404");
    static final StationId KOTA_YOGYAKARTA = StationId.of("POLRES-3471");

    static CellTable demo;
    static JurisdictionIndex demoRegion;

    @BeforeAll
    static void load() {
        demo = CellTable.read(DemoRegion.open("demo/cells.csv"), "demo/cells.csv");
        demoRegion = new JurisdictionIndex(DemoRegion.load(), 0);
    }

    static CellTable table(String csv) {
        return CellTable.read(new StringReader(csv), "cells.csv");
    }

    @Test
    void theCallerOfTheSlemanInviteIsPlacedInSlemanByTheirCell() {
        String header = SipFixture.read("invite-sleman-circle.sip").header("P-Access-Network-Info");
        CellIdentity cell = AccessNetworkInfoParser.parse(header).cell().orElseThrow();

        LocationFix fix = demo.locate(cell).orElseThrow();

        assertThat(fix.source()).isEqualTo(LocationSource.CELL_ID);
        assertThat(fix.method()).isEqualTo("Cell");
        assertThat(fix.uncertaintyMeters()).isEqualTo(1500.0);
        assertThat(fix.timestamp()).isEmpty();
        assertThat(fix.latitude()).isEqualTo(-7.7156);
        assertThat(fix.longitude()).isEqualTo(110.3558);
        assertThat(demoRegion.locate(fix.latitude(), fix.longitude()).station()).isEqualTo(SLEMAN);
    }

    @Test
    void anIndosatCellFromTheHeaderMatchesTheTablesNumericMnc() {
        String header = String.format("3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=51001%04X%07X", 2101, 105480449);
        CellIdentity cell = AccessNetworkInfoParser.parse(header).cell().orElseThrow();
        assertThat(cell.network()).isEqualTo(new MobileNetworkId("510", "01"));

        assertThat(demoRegion.locate(demo.locate(cell).orElseThrow().latitude(), demo.locate(cell).orElseThrow().longitude()).station())
                .isEqualTo(KOTA_YOGYAKARTA);
    }

    @Test
    void anUnknownCellOrTheSameNumbersOnAnotherRadioOrNetworkAreNotFound() {
        assertThat(demo.locate(new CellIdentity(RadioType.LTE, TELKOMSEL, 161, 187448655))).isEmpty();
        assertThat(demo.locate(new CellIdentity(RadioType.NR, TELKOMSEL, 161, 187448654))).isEmpty();
        assertThat(demo.locate(new CellIdentity(RadioType.LTE, new MobileNetworkId("510", "11"), 161, 187448654))).isEmpty();
        assertThat(demo.locate(new CellIdentity(RadioType.LTE, TELKOMSEL, 162, 187448654))).isEmpty();
        assertThat(demo.locate(new CellIdentity(RadioType.LTE, TELKOMSEL, 161, 187448654))).isPresent();
    }

    @Test
    void theDemoCellsStandInsideEveryOneOfTheFivePolres() {
        List<CsvRows.Row> rows = CsvRows.read(DemoRegion.open("demo/cells.csv"), "demo/cells.csv", CellTable.COLUMNS);
        Set<StationId> covered = new HashSet<>();
        Set<String> networks = new HashSet<>();
        for (CsvRows.Row row : rows) {
            JurisdictionMatch match = demoRegion.locate(row.requiredDouble("lat"), row.requiredDouble("lon"));
            assertThat(match.decision()).as(row.where()).isEqualTo(LocateDecision.INSIDE);
            assertThat(match.station().value()).as(row.where()).startsWith("POLRES-");
            covered.add(match.station());
            networks.add(row.required("net"));
        }
        assertThat(demo.size()).isEqualTo(rows.size()).isGreaterThanOrEqualTo(30);
        assertThat(covered).containsExactlyInAnyOrder(SLEMAN, KOTA_YOGYAKARTA, StationId.of("POLRES-3402"), StationId.of("POLRES-3401"),
                StationId.of("POLRES-3403"));
        assertThat(networks).as("Telkomsel, Indosat, XL, Tri, Smartfren").containsExactlyInAnyOrder("10", "1", "11", "89", "9");
    }

    @Test
    void oneDemoCellStraddlesTheSlemanCityBoundary() {
        LocationFix fix = demo.locate(new CellIdentity(RadioType.LTE, TELKOMSEL, 161, 187450881)).orElseThrow();
        double metresPerDegree = Geodesy.METERS_PER_DEGREE;

        assertThat(demoRegion.locate(fix.latitude(), fix.longitude()).station()).isEqualTo(SLEMAN);
        double southEdge = fix.latitude() - fix.uncertaintyMeters() / metresPerDegree;
        assertThat(demoRegion.locate(southEdge, fix.longitude()).station()).as("where its coverage ends").isEqualTo(KOTA_YOGYAKARTA);
    }

    @Test
    void anOpenCellIdExportLoadsWithItsExtraColumns() {
        CellTable table = table("""
                radio,mcc,net,area,cell,unit,lon,lat,range,samples,changeable,created,updated,averageSignal
                LTE,510,10,161,187448654,0,110.3558,-7.7156,1500,12,1,1459694445,1700000000,0
                GSM,510,1,10753,31201,0,110.3700,-7.6300,5000,3,1,1459694445,1700000000,-85
                """);

        assertThat(table.size()).isEqualTo(2);
        assertThat(table.locate(new CellIdentity(RadioType.GSM, new MobileNetworkId("510", "01"), 10753, 31201))).isPresent();
    }

    @Test
    void aBadRowNamesTheFileAndItsLineCountingComments() {
        String twoGoodRows = HEADER + "# comment\nLTE,510,10,161,187448654,110.3558,-7.7156,1500\n# another\nLTE,510,10,161,187448655,110.36,-7.72,1500\n";

        assertThatThrownBy(() -> table(twoGoodRows + "CDMA,510,99,1,1,110.36,-7.72,1500\n"))
                .isInstanceOf(InvalidStationDataException.class)
                .hasMessage("cells.csv line 6: radio 'CDMA' is not GSM, UMTS, LTE or NR");
        assertThatThrownBy(() -> table(twoGoodRows + "LTE,510,10,161,268435456,110.36,-7.72,1500\n"))
                .hasMessage("cells.csv line 6: column 'cell' is '268435456', not a whole number within 0..268435455");
        assertThatThrownBy(() -> table(twoGoodRows + "GSM,510,10,70000,1,110.36,-7.72,1500\n"))
                .hasMessage("cells.csv line 6: column 'area' is '70000', not a whole number within 0..65535");
        assertThatThrownBy(() -> table(twoGoodRows + "LTE,510,ten,161,1,110.36,-7.72,1500\n"))
                .hasMessage("cells.csv line 6: column 'net' is 'ten', not a whole number within 0..999");
        assertThatThrownBy(() -> table(twoGoodRows + "LTE,510,10,161,1,110.36,-95.0,1500\n"))
                .hasMessage("cells.csv line 6: lat/lon -95.0, 110.36 is not a WGS84 position");
        assertThatThrownBy(() -> table(twoGoodRows + "LTE,510,10,161,1,110.36,-7.72,0\n"))
                .hasMessage("cells.csv line 6: range 0 is not a cell's reach in metres (above 0, at most 100000)");
        assertThatThrownBy(() -> table(twoGoodRows + "LTE,510,10,161,1,110.36,-7.72,NaN\n"))
                .hasMessage("cells.csv line 6: column 'range' is not a finite number: 'NaN'");
        assertThatThrownBy(() -> table(twoGoodRows + "LTE,510,10,161,187448654,110.40,-7.80,900\n"))
                .hasMessage("cells.csv line 6: LTE cell 510-10 TAC 161 ECI 187448654 is listed twice (first at cells.csv line 3)");
        assertThatThrownBy(() -> table(twoGoodRows + "LTE,510,10,161,1,110.36,,1500\n"))
                .hasMessage("cells.csv line 6: column 'lat' is missing or empty");
    }

    @Test
    void aHeaderWithoutAColumnOrAMissingFileIsNamed() {
        assertThatThrownBy(() -> table("radio,mcc,mnc,area,cell,lon,lat,range\nLTE,510,10,161,1,110.36,-7.72,1500\n"))
                .hasMessageStartingWith("cells.csv line 1: header lacks column 'net'");
        assertThatThrownBy(() -> CellTable.load(Path.of("no/such/cells.csv"))).hasMessageStartingWith("no/such/cells.csv: cannot read");
    }
}
