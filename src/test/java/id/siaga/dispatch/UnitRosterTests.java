package id.siaga.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.org.InvalidStationDataException;
import id.siaga.org.StationId;
import id.siaga.org.StationTree;
import id.siaga.org.StationsCsvReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitRosterTests {

    static final String HEADER = "id,call_sign,kind,station,devices,members\n";

    static StationTree demoStations() throws Exception {
        try (Reader r = new InputStreamReader(UnitRosterTests.class.getResourceAsStream("/demo/stations.csv"), StandardCharsets.UTF_8)) {
            return StationsCsvReader.read(r, "stations.csv");
        }
    }

    @Test
    void theDemoUnitsAreReadWithTheirDevicesAndMembers() throws Exception {
        List<Unit> units;
        try (Reader r = new InputStreamReader(getClass().getResourceAsStream("/demo/units.csv"), StandardCharsets.UTF_8)) {
            units = UnitsCsvReader.read(r, "units.csv", demoStations());
        }
        UnitRoster roster = new UnitRoster(units);
        assertThat(roster.size()).isEqualTo(14);
        Unit sleman1 = roster.find("SLM-R4-01").orElseThrow();
        assertThat(sleman1.kind()).isEqualTo(UnitKind.PATROL_CAR);
        assertThat(sleman1.station()).isEqualTo(StationId.of("POLRES-3404"));
        assertThat(sleman1.members()).containsExactly("officer.sleman");
        assertThat(roster.unitOfDevice("sleman-r4-01")).contains("SLM-R4-01");
        assertThat(roster.unitOfDevice("860001040000101")).contains("SLM-R4-01");
        assertThat(roster.unitOfDevice("nobody")).isEmpty();
        assertThat(roster.isUnit("GK-R2-01")).isTrue();
        assertThat(roster.atStation(StationId.of("POLRES-3402"))).extracting(Unit::id).containsExactly("BTL-R4-01", "BTL-R2-01");
    }

    @Test
    void aDeviceCarriedByTwoUnitsFailsNamingBoth() throws Exception {
        String csv = HEADER + "A,Alpha,PATROL_CAR,POLRES-3404,dev1,\nB,Bravo,MOTORBIKE,POLRES-3404,dev2 dev1,\n";
        assertThatThrownBy(() -> UnitsCsvReader.read(new StringReader(csv), "units.csv", demoStations()))
                .hasMessageContaining("units.csv").hasMessageContaining("dev1").hasMessageContaining("A").hasMessageContaining("B");
    }

    @Test
    void aUnitOfAnUnknownStationOrKindFailsNamingTheLine() throws Exception {
        assertThatThrownBy(() -> UnitsCsvReader.read(new StringReader(HEADER + "A,Alpha,PATROL_CAR,POLRES-9999,d,\n"), "units.csv",
                demoStations())).isInstanceOf(InvalidStationDataException.class).hasMessageContaining("line 2").hasMessageContaining("POLRES-9999");
        assertThatThrownBy(() -> UnitsCsvReader.read(new StringReader(HEADER + "A,Alpha,TANK,POLRES-3404,d,\n"), "units.csv",
                demoStations())).isInstanceOf(InvalidStationDataException.class).hasMessageContaining("TANK");
    }
}
