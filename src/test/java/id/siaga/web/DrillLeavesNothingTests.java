package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.ServerProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18: a newcomer ran the drill, stopped it, and the normal start showed 17 open "Latihan" incidents, every unit
 * EN_ROUTE and a drill assignment in officer.sleman's app. Here, in a folder of the test's as in a fresh checkout (the
 * shipped relative paths, no database setting given): the drill profile runs until it has written reports and sent a
 * unit, it is stopped, and the normal start in the same folder has no incident, no unit at work, no assignment for the
 * officer and no call-back task, while the drill's files sit apart under data/drill.
 */
class DrillLeavesNothingTests {

    static final String MABES = Http.basic("supervisor.mabes", "siaga110");
    static final String OFFICER = Http.basic("officer.sleman", "siaga110");

    @TempDir
    Path checkout;

    @Test
    void aNormalStartAfterADrillSeesNoneOfIt() {
        int http = ServerProcess.freePort();
        List<String> drill = new ArrayList<>(common());
        drill.addAll(List.of("--spring.profiles.active=drill", "--siaga.drill.sip-port=" + ServerProcess.freePort(),
                "--siaga.drill.calls-per-minute=40", "--siaga.drill.median-answer=1s", "--siaga.drill.pace=10",
                "--siaga.routing.polres-ring-time=3s", "--siaga.routing.polda-ring-time=3s"));
        try (ServerProcess server = ServerProcess.start("drill-own-database", http, drill, checkout)) {
            Http api = new Http(http);
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (System.nanoTime() < deadline && !(size(api.get("/api/incidents", "Authorization", MABES).json()) > 0 && unitsAtWork(api) > 0)) {
                sleep(500);
            }
            assertThat(size(api.get("/api/incidents", "Authorization", MABES).json())).as("the drill wrote reports\n" + server.output()).isPositive();
            assertThat(unitsAtWork(api)).as("the drill sent units\n" + server.output()).isPositive();
            assertThat(server.logLines("drill: database jdbc:h2:file:./data/drill/siaga110 (its own")).as(server.output()).isNotEmpty();
            server.terminate();
        }
        assertThat(checkout.resolve("data/drill/siaga110.mv.db")).as("the drill's own database").exists();
        assertThat(checkout.resolve("data/siaga110.mv.db")).as("the drill never opened the normal database").doesNotExist();

        try (ServerProcess server = ServerProcess.start("normal-after-drill", http, common(), checkout)) {
            Http api = new Http(http);
            assertThat(ids(api.get("/api/incidents", "Authorization", MABES).json())).as("open incidents after the drill").isEmpty();
            assertThat(unitsAtWork(api)).as("units at work after the drill").isZero();
            assertThat(ids(api.get("/api/officer/assignments", "Authorization", OFFICER).json())).as("officer.sleman's assignments").isEmpty();
            assertThat(ids(api.get("/api/callbacks", "Authorization", MABES).json())).as("call-back tasks").isEmpty();
            assertThat(checkout.resolve("data/siaga110.mv.db")).exists();
        }
    }

    private static List<String> common() {
        return List.of("--siaga.telephony.sip-port=" + ServerProcess.freePort(), "--siaga.tracking.osmand-port=0",
                "--siaga.tracking.mqtt.enabled=false",
                "--siaga.location.mobile-networks-file=file:" + Path.of("../shared/data/indonesia/mcc_mnc_510.csv").toAbsolutePath().normalize());
    }

    private static long unitsAtWork(Http api) {
        return StreamSupport.stream(api.get("/api/units", "Authorization", MABES).json().spliterator(), false)
                .filter(u -> !u.path("assignment").isMissingNode() && !u.path("assignment").isNull()
                        || List.of("DISPATCHED", "EN_ROUTE", "ON_SCENE").contains(u.path("status").asString()))
                .count();
    }

    private static int size(JsonNode array) {
        return array.size();
    }

    private static List<String> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::toString).toList();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
