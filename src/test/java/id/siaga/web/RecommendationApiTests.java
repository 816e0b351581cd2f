package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.dispatch.DispatchDesk;
import id.siaga.tracking.Position;
import id.siaga.tracking.PositionSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The recommendation's horizon through the API, with the demo's units: Polres Sleman's dispatcher asks for units for
 * a brawl on Jl. Kaliurang before any unit has reported and is told that no free unit has a fresh fix; Sleman's car
 * 1.5 km away reports, is proposed as the station's own and sent. Pos Malioboro, Kota Yogyakarta's foot post 8.6 km
 * away, reports and is no candidate (the drill once proposed it from 48 km with an ETA of 13 h 32 min): nothing
 * suitable is free and the answer says so, naming the foot post, the limit it is beyond and the station's busy car.
 * Kota's car 3 km away is proposed, marked as a neighbour's unit with its station's name, to be asked for by radio:
 * Sleman's dispatcher may not send it, Polda's operator may.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:recommendationapitests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/recommendationapitests-spool.jsonl", "siaga.telephony.enabled=false",
        "siaga.tracking.osmand-port=0", "siaga.tracking.mqtt.enabled=false"})
class RecommendationApiTests {

    static final String AUTH = "Authorization";
    static final String DISPATCHER = Http.basic("dispatcher.sleman", "siaga110");

    @LocalServerPort
    int port;
    @Autowired
    DispatchDesk desk;

    void gps(String unit, String device, double lat, double lon) {
        Instant now = Instant.now();
        desk.positionAccepted(new Position(unit, device, now, lat, lon, 0.0, null, null, 5.0, null, PositionSource.MQTT, now));
    }

    static List<String> ids(JsonNode units) {
        List<String> ids = new ArrayList<>();
        units.forEach(u -> ids.add(u.path("unitId").asString()));
        return ids;
    }

    @Test
    void aFarFootPostIsNoCandidateANeighboursCarIsMarkedAndNothingSuitableIsSaidPlainly() {
        Http http = new Http(port);
        Http.Response created = http.post("/api/incidents", """
                {"type":"BRAWL","channel":"WALK_IN","location":{"latitude":-7.7156,"longitude":110.3558},"address":"Jl. Kaliurang km 7"}
                """, AUTH, DISPATCHER);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String incident = created.json().path("id").asString();
        String path = "/api/incidents/" + incident + "/recommendation";

        JsonNode unheard = http.get(path, AUTH, DISPATCHER).json();
        assertThat(unheard.path("units").isEmpty()).isTrue();
        assertThat(unheard.path("station").asString()).isEqualTo("POLRES-3404");
        assertThat(unheard.path("reason").asString()).startsWith("no free unit with a fresh GPS fix within 50.0 km")
                .contains("5 of the station's units without a fresh fix");
        assertThat(unheard.path("nearestBeyondHorizon").isValueNode()).as("no unit to name").isFalse();

        gps("SLM-R4-01", "sleman-r4-01", -7.7250, 110.3650);      // Sleman's car, 1.5 km
        JsonNode own = http.get(path, AUTH, DISPATCHER).json();
        assertThat(ids(own.path("units"))).containsExactly("SLM-R4-01");
        assertThat(own.path("units").get(0).path("ownStation").asBoolean()).isTrue();
        assertThat(own.path("reason").isString()).as("no reason when units are proposed").isFalse();
        Http.Response sent = http.post("/api/incidents/" + incident + "/assignments", "{\"unit\":\"SLM-R4-01\"}", AUTH, DISPATCHER);
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);

        gps("YK-PJK-01", "860001710000301", -7.7926, 110.3658);   // Pos Malioboro, 8.6 km
        JsonNode nothing = http.get(path, AUTH, DISPATCHER).json();
        assertThat(nothing.path("units").isEmpty()).as("a foot post 8.6 km away is not a candidate").isTrue();
        assertThat(nothing.path("beyondHorizon").asInt()).isEqualTo(1);
        assertThat(nothing.path("busyAtStation").asInt()).isEqualTo(1);
        assertThat(nothing.path("nearestBeyondHorizon").path("unit").path("callSign").asString()).isEqualTo("Pos Malioboro");
        assertThat(nothing.path("nearestBeyondHorizon").path("exceeded").asString()).isEqualTo("DISTANCE");
        assertThat(nothing.path("nearestBeyondHorizon").path("maxDistanceMeters").asDouble()).isEqualTo(1_500);
        assertThat(nothing.path("reason").asString()).startsWith("no free unit within the horizon; nearest free: Pos Malioboro (FOOT) at 8.6 km")
                .contains("beyond the horizon of 1.5 km for FOOT").contains("1 of the station's units busy");
        assertThat(nothing.path("stationNames").path("POLRES-3471").asString()).isEqualTo("Polres Kota Yogyakarta");

        gps("YK-R4-01", "860001710000101", -7.7420, 110.3600);    // Kota's car, 3 km
        JsonNode neighbour = http.get(path, AUTH, DISPATCHER).json();
        assertThat(ids(neighbour.path("units"))).containsExactly("YK-R4-01");
        assertThat(neighbour.path("units").get(0).path("ownStation").asBoolean()).as("Kota's car is a neighbour's").isFalse();
        assertThat(neighbour.path("stationNames").path("POLRES-3471").asString()).isEqualTo("Polres Kota Yogyakarta");
        assertThat(neighbour.path("stationNames").path("POLRES-3404").asString()).isEqualTo("Polres Sleman");
        assertThat(neighbour.path("askByRadio").toString()).as("Sleman's dispatcher asks Kota for it").isEqualTo("[\"YK-R4-01\"]");
        assertThat(http.post("/api/incidents/" + incident + "/assignments", "{\"unit\":\"YK-R4-01\"}", AUTH, DISPATCHER).status())
                .as("and cannot send it").isEqualTo(403);
        JsonNode forPolda = http.get(path, AUTH, Http.basic("operator.diy1", "siaga110")).json();
        assertThat(forPolda.path("askByRadio").isEmpty()).as("Polda's operator may send any Polres' unit").isTrue();
    }
}
