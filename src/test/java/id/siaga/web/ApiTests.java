package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The demo service over real HTTP: who may see what, locate with good and bad input, rollout and presence
 * changes journalled, integration keys, and problem+json for every error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:apitests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/apitests-spool.jsonl", "siaga.telephony.enabled=false"})
class ApiTests {

    static final String PASSWORD = "siaga110";
    static final String AUTH = "Authorization";
    static final String SLEMAN_OPERATOR = Http.basic("operator.sleman1", PASSWORD);
    static final String DIY_SUPERVISOR = Http.basic("supervisor.diy", PASSWORD);
    static final String ADMIN = Http.basic("admin", PASSWORD);

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void anonymousCallersGet401ProblemJsonButHealthIsOpen() {
        Http.Response r = http.get("/api/locate?lat=-7.7926&lon=110.3658");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("status").asInt()).isEqualTo(401);
        assertThat(http.get("/api/stations").status()).isEqualTo(401);
        assertThat(http.get("/actuator/health").status()).isEqualTo(200);
        assertThat(http.get("/api/me", AUTH, Http.basic("operator.sleman1", "wrong")).status()).isEqualTo(401);
    }

    @Test
    void malioboroIsAnsweredByPolresKotaYogyakartaThenPoldaDiyThenMabes() {
        Http.Response r = http.get("/api/locate?lat=-7.7926&lon=110.3658", AUTH, SLEMAN_OPERATOR);
        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.path("decision").asString()).isEqualTo("INSIDE");
        assertThat(names(body.path("chain"))).containsExactly("Polres Kota Yogyakarta", "Polda DIY", "Mabes Polri");
    }

    @Test
    void offshoreAndOpenSeaSayHowTheyWereDecided() {
        JsonNode near = http.get("/api/locate?lat=-8.05&lon=110.33", AUTH, SLEMAN_OPERATOR).json();
        assertThat(near.path("decision").asString()).isEqualTo("NEAREST");
        assertThat(near.path("station").path("name").asString()).isEqualTo("Polres Bantul");
        assertThat(near.path("explanation").asString()).contains("nearest is Polres Bantul").contains("within 20000 m");
        JsonNode far = http.get("/api/locate?lat=-9.5&lon=110.3", AUTH, SLEMAN_OPERATOR).json();
        assertThat(far.path("decision").asString()).isEqualTo("FALLBACK");
        assertThat(names(far.path("chain"))).containsExactly("Mabes Polri");
    }

    @Test
    void badCoordinatesAre400ProblemJson() {
        for (String query : List.of("lat=NaN&lon=110", "lat=-7&lon=Infinity", "lat=91&lon=110", "lat=-7&lon=-181", "lon=110",
                "lat=-7", "lat=abc&lon=110", "lat=&lon=110")) {
            Http.Response r = http.get("/api/locate?" + query, AUTH, SLEMAN_OPERATOR);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.contentType()).as(query).startsWith("application/problem+json");
            assertThat(r.json().path("detail").asString()).as(query).isNotBlank();
            assertThat(r.body()).as(query).doesNotContain("at id.siaga").doesNotContain("Exception");
        }
    }

    @Test
    void aSlemanOperatorCannotSeeBantulButThePoldaSupervisorSeesBoth() {
        assertThat(http.get("/api/stations/POLRES-3404", AUTH, SLEMAN_OPERATOR).status()).isEqualTo(200);
        Http.Response bantul = http.get("/api/stations/POLRES-3402", AUTH, SLEMAN_OPERATOR);
        assertThat(bantul.status()).isEqualTo(403);
        assertThat(bantul.json().path("detail").asString()).contains("outside the scope");
        assertThat(http.get("/api/operators?station=POLRES-3402", AUTH, SLEMAN_OPERATOR).status()).isEqualTo(403);
        assertThat(ids(http.get("/api/operators", AUTH, SLEMAN_OPERATOR).json())).containsExactlyInAnyOrder("OP-3404-1", "OP-3404-2");
        assertThat(ids(http.get("/api/stations", AUTH, SLEMAN_OPERATOR).json())).containsExactly("POLRES-3404");

        assertThat(http.get("/api/stations/POLRES-3402", AUTH, DIY_SUPERVISOR).status()).isEqualTo(200);
        assertThat(http.get("/api/stations/POLRES-3404", AUTH, DIY_SUPERVISOR).status()).isEqualTo(200);
        assertThat(ids(http.get("/api/stations", AUTH, DIY_SUPERVISOR).json())).hasSize(6).contains("POLDA-DIY", "POLRES-3402", "POLRES-3404")
                .doesNotContain("MABES");
        assertThat(http.get("/api/stations/MABES", AUTH, DIY_SUPERVISOR).status()).isEqualTo(403);
        assertThat(http.get("/api/stations/NOWHERE", AUTH, DIY_SUPERVISOR).status()).isEqualTo(404);
    }

    @Test
    void onlyAnAdministratorChangesRolloutStatusAndItIsJournalled() {
        assertThat(http.put("/api/stations/POLRES-3403/status", "{\"status\":\"SUSPENDED\",\"reason\":\"uji\"}", AUTH, DIY_SUPERVISOR).status()).isEqualTo(403);
        Http.Response r = http.put("/api/stations/POLRES-3403/status", "{\"status\":\"SUSPENDED\",\"reason\":\"jaringan putus\"}", AUTH, ADMIN);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("status").asString()).isEqualTo("SUSPENDED");
        JsonNode journal = http.get("/api/journal?kind=STATION&id=POLRES-3403", AUTH, ADMIN).json();
        assertThat(journal.get(0).path("type").asString()).isEqualTo("StationStatusChanged");
        assertThat(journal.get(0).path("actor").asString()).isEqualTo("admin");
        assertThat(journal.get(0).path("payload").path("reason").asString()).isEqualTo("jaringan putus");
        assertThat(http.put("/api/stations/POLRES-3403/status", "{\"status\":\"LIVE\"}", AUTH, ADMIN).status()).as("no reason").isEqualTo(400);
        assertThat(http.put("/api/stations/POLRES-3403/status", "{\"status\":\"LIVE\",\"reason\":\"jaringan pulih\"}", AUTH, ADMIN).status())
                .as("no phone registered, no roster").isEqualTo(409);
        assertThat(http.put("/api/stations/POLRES-3403/status", "{\"status\":\"LIVE\",\"reason\":\"jaringan pulih\",\"override\":true}", AUTH,
                ADMIN).status()).isEqualTo(200);
        assertThat(http.get("/api/journal/verify", AUTH, ADMIN).json().path("intact").asBoolean()).isTrue();
        assertThat(http.get("/api/journal/verify", AUTH, DIY_SUPERVISOR).status()).isEqualTo(403);
    }

    @Test
    void anOperatorSetsTheirOwnPresenceAndASupervisorMaySetAnyInScope() {
        Http.Response own = http.put("/api/operators/OP-3404-1/presence", "{\"presence\":\"READY\"}", AUTH, SLEMAN_OPERATOR);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().path("presence").asString()).isEqualTo("READY");
        assertThat(http.put("/api/operators/OP-3404-2/presence", "{\"presence\":\"READY\"}", AUTH, SLEMAN_OPERATOR).status()).isEqualTo(403);
        assertThat(http.put("/api/operators/OP-3404-2/presence", "{\"presence\":\"AWAY\"}", AUTH, Http.basic("supervisor.sleman", PASSWORD))
                .status()).isEqualTo(200);
        assertThat(http.put("/api/operators/OP-3402-1/presence", "{\"presence\":\"AWAY\"}", AUTH, Http.basic("supervisor.sleman", PASSWORD))
                .status()).isEqualTo(403);
        JsonNode journal = http.get("/api/journal?kind=OPERATOR&id=OP-3404-1", AUTH, DIY_SUPERVISOR).json();
        assertThat(journal.get(0).path("type").asString()).isEqualTo("OperatorPresenceChanged");
        assertThat(journal.get(0).path("payload").path("to").asString()).isEqualTo("READY");
        assertThat(http.get("/api/journal?kind=OPERATOR&id=OP-3404-1", AUTH, Http.basic("supervisor.bantul", PASSWORD)).status()).isEqualTo(403);
    }

    @Test
    void malformedAndOversizedBodiesAreRefusedWithAReason() {
        Http.Response broken = http.put("/api/operators/OP-3404-1/presence", "{\"presence\":", AUTH, SLEMAN_OPERATOR);
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().path("detail").asString()).startsWith("unreadable request body");
        Http.Response unknown = http.put("/api/operators/OP-3404-1/presence", "{\"presence\":\"ASLEEP\"}", AUTH, SLEMAN_OPERATOR);
        assertThat(unknown.status()).isEqualTo(400);
        Http.Response missing = http.put("/api/operators/OP-3404-1/presence", "{}", AUTH, SLEMAN_OPERATOR);
        assertThat(missing.status()).isEqualTo(400);
        Http.Response huge = http.put("/api/operators/OP-3404-1/presence", "{\"presence\":\"READY\",\"pad\":\"" + "x".repeat(2_000_000) + "\"}",
                AUTH, SLEMAN_OPERATOR);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/me", AUTH, SLEMAN_OPERATOR).status()).as("the service keeps serving").isEqualTo(200);
    }

    @Test
    void integrationClientsUseAnApiKeyIssuedByAnAdministrator() {
        Http.Response issued = http.post("/api/admin/api-keys", "{\"name\":\"Polisiku\",\"roles\":[\"INTEGRATION\"],\"station\":\"POLDA-DIY\"}",
                AUTH, ADMIN);
        assertThat(issued.status()).isEqualTo(201);
        String key = issued.json().path("apiKey").asString();
        assertThat(http.get("/api/locate?lat=-7.7926&lon=110.3658", "X-Api-Key", key).status()).isEqualTo(200);
        assertThat(http.get("/api/stations/POLRES-3402", "X-Api-Key", key).status()).isEqualTo(200);
        assertThat(http.get("/api/stations/MABES", "X-Api-Key", key).status()).isEqualTo(403);
        assertThat(http.get("/api/locate?lat=-7.7926&lon=110.3658", "X-Api-Key", key + "x").status()).isEqualTo(401);
        assertThat(http.get("/api/locate?lat=-7.7926&lon=110.3658", "X-Api-Key", "garbage").status()).isEqualTo(401);
        assertThat(http.post("/api/admin/api-keys", "{\"name\":\"x\",\"roles\":[\"ADMIN\"],\"station\":\"MABES\"}", "X-Api-Key", key).status())
                .isEqualTo(403);
    }

    @Test
    void theOpenApiDocumentAndMetricsArePublishedToTheRightPeople() {
        Http.Response docs = http.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").has("/api/locate")).isTrue();
        assertThat(http.get("/actuator/prometheus", AUTH, ADMIN).body()).contains("jvm_memory_used_bytes");
        assertThat(http.get("/actuator/prometheus", AUTH, SLEMAN_OPERATOR).status()).isEqualTo(403);
    }

    static List<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path("name").asString()).toList();
    }

    static List<String> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path("id").asString()).toList();
    }
}
