package id.siaga.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.org.GeoPoint;
import id.siaga.org.RolloutStatus;
import id.siaga.org.Station;
import id.siaga.org.StationId;
import id.siaga.org.StationKind;
import id.siaga.org.StationTimeZone;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan as CSV: a header, then one row per station and hour; a figure that does not exist is an empty field. */
class StaffingCsvTests {

    @Test
    void oneRowPerStationAndHourWithTheHeaderFirst() {
        StaffingPlanner planner = new StaffingPlanner(HandlingTime.talkPlusWrapUp(Duration.ofSeconds(30)));
        StaffingPlan sleman = planner.plan(StaffingPlannerTests.station("POLRES-3404", "Polres Sleman", StationTimeZone.WIB),
                StaffingPlannerTests.FIRST, StaffingPlannerTests.UNTIL, StaffingPlannerTests.CALLS, false);
        Station odd = new Station(StationId.of("POLSEK-X"), "=Polsek \"Kota\", Baru", StationKind.POLSEK, StationId.of("POLRES-3404"),
                RolloutStatus.LIVE, new GeoPoint(-7.7, 110.4), StationTimeZone.WITA);
        StaffingPlan empty = planner.plan(odd, StaffingPlannerTests.FIRST, StaffingPlannerTests.UNTIL, List.of(), false);

        String[] lines = StaffingCsv.of(List.of(sleman, empty)).split("\r\n");

        assertThat(lines).hasSize(1 + 48);
        assertThat(lines[0]).isEqualTo("station,station_name,zone,hour,calls,arrivals_per_hour,mean_handling_s,load_erlangs,operators_10s,"
                + "operators_20s,operators_plan,service_level_10s_percent,service_level_20s_percent,occupancy_percent,basis,gate_arrivals_per_hour,"
                + "gate_operators_10s,gate_operators_20s,gate_operators_plan");
        assertThat(lines[1 + 8]).isEqualTo("POLRES-3404,Polres Sleman,WIB,8,4,2,170,0.094,1,2,2,99.6,99.6,4.7,MEASURED,,,,");
        assertThat(lines[1 + 9]).isEqualTo("POLRES-3404,Polres Sleman,WIB,9,1,0.5,135.8,0.019,1,1,1,98.2,98.3,1.9,WINDOW_MEAN,,,,");
        assertThat(lines[1 + 10]).as("no calls: nothing invented").isEqualTo("POLRES-3404,Polres Sleman,WIB,10,0,0,,0,0,0,0,,,,NO_CALLS,,,,");
        assertThat(lines[1 + 24]).as("quoted, and not a formula")
                .isEqualTo("POLSEK-X,\"'=Polsek \"\"Kota\"\", Baru\",WITA,0,0,0,,0,0,0,0,,,,NO_CALLS,,,,");
        StaffingPlan gated = new StaffingPlanner(HandlingTime.talkPlusWrapUp(Duration.ofSeconds(30)),
                new GateModel(id.siaga.screening.Reputation.Policy.DEFAULT, 0.5)).plan(
                StaffingPlannerTests.station("POLRES-3404", "Polres Sleman", StationTimeZone.WIB), StaffingPlannerTests.FIRST,
                StaffingPlannerTests.UNTIL, StaffingPlannerTests.CALLS, java.util.Map.of(), false);
        assertThat(StaffingCsv.of(List.of(gated)).split("\r\n")[1 + 8]).as("nobody flagged in these calls: the same figures with the gate")
                .isEqualTo("POLRES-3404,Polres Sleman,WIB,8,4,2,170,0.094,1,2,2,99.6,99.6,4.7,MEASURED,2,1,2,2");
    }
}
