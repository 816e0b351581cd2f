package id.siaga.drill;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.dispatch.DispatchDesk;
import id.siaga.dispatch.UnitStatus;
import id.siaga.incident.IncidentFilter;
import id.siaga.incident.Incidents;
import id.siaga.org.Station;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.support.SipTestPorts;
import id.siaga.telephony.CallCoordinator;
import id.siaga.telephony.CallUpdate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Drill mode with one flag, on the real SIP edge and the real OsmAnd door: citizens' calls are routed and answered
 * by the drill's phones (some climbing the ladder), reports are written from them, units are sent and their GPS
 * moves them. Run at ten times the pace of people so the story fits in a test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:drilltests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        // the drill runs only on a database it owns (and empties at its start): this test's in-memory one
        "siaga.drill.database-url=jdbc:h2:mem:drilltests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/drilltests-spool.jsonl", "siaga.tracking.osmand-port=0",
        "siaga.drill.enabled=true", "siaga.drill.calls-per-minute=40", "siaga.drill.median-answer=1s",
        "siaga.drill.pace=10", "siaga.routing.polres-ring-time=3s", "siaga.routing.polda-ring-time=3s"})
class DrillTests {

    /** Free ports for the edge and the drill's phones, so two test runs on one host never collide. */
    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) {
        int edge = SipTestPorts.free();
        int phones = SipTestPorts.free();
        registry.add("siaga.telephony.sip-port", () -> edge);
        registry.add("siaga.drill.sip-port", () -> phones);
    }

    @Autowired
    CallCoordinator coordinator;
    @Autowired
    Incidents incidents;
    @Autowired
    DispatchDesk desk;
    @Autowired
    StationDirectory stations;

    @Test
    void oneFlagBringsCallsReportsAndMovingUnits() throws Exception {
        Set<String> answered = ConcurrentHashMap.newKeySet();
        coordinator.addListener((CallUpdate u) -> {
            if (u.event().equals("answered")) {
                answered.add(u.call().id());
            }
        });
        List<StationId> all = stations.tree().all().stream().map(Station::id).toList();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && !(answered.size() >= 3 && sentUnits(all) >= 1)) {
            Thread.sleep(500);
        }
        assertThat(answered.size()).as("calls answered by the drill's phones over SIP").isGreaterThanOrEqualTo(3);
        assertThat(incidents.atStations(all, IncidentFilter.open(), 100)).as("reports written from answered calls").isNotEmpty();
        assertThat(sentUnits(all)).as("units sent to the reports").isGreaterThanOrEqualTo(1);
        assertThat(desk.units(all)).as("units report positions through the OsmAnd door").anyMatch(u -> u.latitude() != null
                && u.status() != UnitStatus.OFFLINE);
    }

    private long sentUnits(List<StationId> all) {
        return desk.units(all).stream().filter(u -> u.assignment() != null).count()
                + incidents.atStations(all, IncidentFilter.open(), 100).stream().filter(i -> i.status() != id.siaga.incident.IncidentStatus.NEW).count();
    }
}
