package id.siaga.web;

import static id.siaga.web.CallDriver.IN_BANTUL;
import static id.siaga.web.CallDriver.IN_SLEMAN;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.app.PresenceService;
import id.siaga.location.LocationFix;
import id.siaga.location.LocationSource;
import id.siaga.org.OperatorId;
import id.siaga.org.Presence;
import id.siaga.org.PresenceBoard;
import id.siaga.telephony.CallCoordinator;
import id.siaga.telephony.CallId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

/**
 * Incidents over real HTTP, with the SIP edge off and the test playing the phones: a caller in Sleman whose call
 * Polda DIY answers becomes Polres Sleman's incident, linked to the call and placed where the call was; Polres
 * Bantul cannot see it; a second report of the brawl 200 m away five minutes later is flagged and merged; Polisiku
 * reports through the API; nonsense is refused with a reason. The service's clock runs with the wall clock but can
 * be moved on, so "five minutes later" is five minutes in the service's eyes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:incidentapitests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/incidentapitests-spool.jsonl", "siaga.telephony.enabled=false"})
class IncidentApiTests {

    static final String AUTH = "Authorization";
    static final String SLEMAN_OPERATOR = Http.basic("operator.sleman1", "siaga110");
    static final String SLEMAN_OPERATOR_2 = Http.basic("operator.sleman2", "siaga110");
    static final String SLEMAN_DISPATCHER = Http.basic("dispatcher.sleman", "siaga110");
    static final String BANTUL_OPERATOR = Http.basic("operator.bantul1", "siaga110");
    static final String DIY_OPERATOR = Http.basic("operator.diy1", "siaga110");
    static final String DIY_SUPERVISOR = Http.basic("supervisor.diy", "siaga110");
    static final String SLEMAN_OFFICER = Http.basic("officer.sleman", "siaga110");
    static final String AML_GATEWAY = Http.basic("aml.gateway", "siaga110");
    static final String ADMIN = Http.basic("admin", "siaga110");
    /** A second caller about 200 m north of {@link CallDriver#IN_SLEMAN}. */
    static final LocationFix NEAR_SLEMAN = new LocationFix(-7.7138, 110.3558, 10, LocationSource.PIDF_LO, "GPS", Optional.empty());

    /** The wall clock, plus however far the test moved it on. */
    static final class ShiftableClock extends Clock {
        private final AtomicReference<Duration> shift = new AtomicReference<>(Duration.ZERO);

        void advance(Duration d) {
            shift.updateAndGet(s -> s.plus(d));
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(shift.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @TestConfiguration
    static class MovableTime {
        @Bean
        @Primary
        ShiftableClock shiftableClock() {
            return new ShiftableClock();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    CallCoordinator coordinator;
    @Autowired
    PresenceService presence;
    @Autowired
    ShiftableClock clock;
    @Autowired
    PresenceBoard board;

    Http http;
    CallDriver calls;

    @BeforeEach
    void phonesAndOperators() {
        http = new Http(port);
        calls = new CallDriver(coordinator, presence);
        calls.ready("OP-3404-1", "OP-3402-1");
    }

    @Test
    void aSlemanCallAnsweredAtPoldaDiyBecomesPolresSlemansIncidentLinkedToTheCall() {
        presence.change(new OperatorId("OP-3404-1"), Presence.AWAY, "test");
        calls.ready("OP-DIY-1");
        CallId call;
        JsonNode incident;
        try {
            call = calls.dial("+6281200300001", IN_SLEMAN, "OP-DIY-1");
            calls.answer(call, "OP-DIY-1");
            Http.Response created = http.post("/api/incidents", """
                    {"type":"BRAWL","callId":"%s","address":"Jl. Kaliurang km 5, depan minimarket",
                     "description":"dua kelompok pemuda berkelahi, satu orang terluka","callerName":"Bu Sari"}
                    """.formatted(call.value()), AUTH, DIY_OPERATOR);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            incident = created.json();
            assertThat(created.header("Location")).isEqualTo("/api/incidents/" + incident.path("id").asString());
            calls.hangUp(call);
        } finally {
            // the pipeline sets the operator READY again just after the hang-up; take them off only after that
            CallDriver.await("OP-DIY-1 is off the call", () -> board.presenceOf(new OperatorId("OP-DIY-1")) != Presence.BUSY);
            presence.change(new OperatorId("OP-DIY-1"), Presence.OFFLINE, "test");
            calls.ready("OP-3404-1");
        }
        String id = incident.path("id").asString();
        assertThat(incident.path("station").asString()).as("the jurisdiction of the call's location").isEqualTo("POLRES-3404");
        assertThat(incident.path("takingStation").asString()).isEqualTo("POLDA-DIY");
        assertThat(incident.path("callId").asString()).isEqualTo(call.value());
        assertThat(incident.path("callAnsweredAt").asString()).isNotBlank();
        assertThat(incident.path("channel").path("name").asString()).isEqualTo("CALL_110");
        assertThat(incident.path("location").path("origin").asString()).isEqualTo("CALL");
        assertThat(incident.path("location").path("latitude").asDouble()).isEqualTo(-7.7156);
        assertThat(incident.path("location").path("uncertaintyMeters").asDouble()).isEqualTo(12.0);
        assertThat(incident.path("callerNumber").asString()).as("from the call").isEqualTo("+6281200300001");
        assertThat(incident.path("callerName").asString()).isEqualTo("Bu Sari");
        assertThat(incident.path("type").asString()).isEqualTo("BRAWL");
        assertThat(incident.path("typeLabel").asString()).isEqualTo("Perkelahian / tawuran");
        assertThat(incident.path("priority").asInt()).isEqualTo(1);
        assertThat(incident.path("status").asString()).isEqualTo("NEW");
        assertThat(incident.path("createdBy").asString()).isEqualTo("operator.diy1");
        assertThat(incident.path("reachedAt").has("NEW")).isTrue();

        JsonNode told = CallDriver.awaitValue("the incident's journal tells its opening", () -> http.get("/api/incidents/" + id, AUTH,
                SLEMAN_OPERATOR).json(), d -> types(d).contains("IncidentCreated"));
        JsonNode opened = entries(told).stream().filter(e -> e.path("type").asString().equals("IncidentCreated")).findFirst().orElseThrow();
        assertThat(opened.path("actor").asString()).isEqualTo("operator.diy1");
        assertThat(opened.path("payload").path("station").asString()).isEqualTo("POLRES-3404");
        assertThat(opened.path("payload").path("call").asString()).isEqualTo(call.value());
        JsonNode callStory = CallDriver.awaitValue("the call's journal tells what came of it", () -> http.get("/api/calls/" + call.value(), AUTH,
                DIY_SUPERVISOR).json(), d -> types(d).contains("IncidentCreated"));
        assertThat(entries(callStory)).filteredOn(e -> e.path("type").asString().equals("IncidentCreated"))
                .singleElement().satisfies(e -> assertThat(e.path("payload").path("incident").asString()).isEqualTo(id));
        assertThat(entries(callStory)).as("taking the call's location is a read of it").anyMatch(e -> e.path("type").asString()
                .equals("CallerLocationRead") && e.path("payload").path("via").asString().equals("POST /api/incidents"));

        Http.Response foreign = http.get("/api/incidents/" + id, AUTH, BANTUL_OPERATOR);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(http.post("/api/incidents/" + id + "/notes", "{\"text\":\"x\"}", AUTH, BANTUL_OPERATOR).status()).isEqualTo(403);
        assertThat(ids(http.get("/api/incidents", AUTH, BANTUL_OPERATOR).json())).doesNotContain(id);
        assertThat(ids(http.get("/api/incidents", AUTH, SLEMAN_OPERATOR).json())).as("Sleman answers for it").contains(id);
        assertThat(ids(http.get("/api/incidents?callId=" + call.value(), AUTH, DIY_OPERATOR).json())).containsExactly(id);
        assertThat(http.get("/api/incidents/" + id, AUTH, DIY_SUPERVISOR).status()).isEqualTo(200);
        assertThat(http.post("/api/incidents/" + id + "/notes", "{\"text\":\"x\"}", AUTH, DIY_SUPERVISOR).status()).as("supervisors read")
                .isEqualTo(403);
        assertThat(http.get("/api/incidents/" + id, AUTH, SLEMAN_OFFICER).status()).isEqualTo(403);
        assertThat(http.get("/api/incidents/" + id).status()).isEqualTo(401);
    }

    @Test
    void aStationSupervisorReadsTheJournalOfItsOwnCallsAndIncidentsAndNotOfAnotherStations() {
        String slemanSupervisor = Http.basic("supervisor.sleman", "siaga110");
        String bantulSupervisor = Http.basic("supervisor.bantul", "siaga110");
        CallId call = calls.dial("+6281200300031", IN_SLEMAN, "OP-3404-1");
        calls.answer(call, "OP-3404-1");
        String incident = http.post("/api/incidents", "{\"type\":\"BRAWL\",\"callId\":\"" + call.value() + "\"}", AUTH, SLEMAN_OPERATOR)
                .json().path("id").asString();
        Http.Response liveCall = http.get("/api/journal?kind=CALL&id=" + call.value(), AUTH, slemanSupervisor);
        assertThat(liveCall.status()).as(liveCall.body()).isEqualTo(200);
        assertThat(liveCall.body()).contains("CallAnswered");
        calls.hangUp(call);

        Http.Response finishedCall = http.get("/api/journal?kind=CALL&id=" + call.value(), AUTH, slemanSupervisor);
        assertThat(finishedCall.status()).as(finishedCall.body()).isEqualTo(200);
        Http.Response ownIncident = http.get("/api/journal?kind=INCIDENT&id=" + incident, AUTH, slemanSupervisor);
        assertThat(ownIncident.status()).as(ownIncident.body()).isEqualTo(200);
        assertThat(ownIncident.body()).contains("IncidentCreated");

        assertThat(http.get("/api/journal?kind=CALL&id=" + call.value(), AUTH, bantulSupervisor).status()).isEqualTo(403);
        assertThat(http.get("/api/journal?kind=INCIDENT&id=" + incident, AUTH, bantulSupervisor).status()).isEqualTo(403);
        assertThat(http.get("/api/journal?kind=CALL&id=" + call.value(), AUTH, DIY_SUPERVISOR).status()).as("its Polda too").isEqualTo(200);
        assertThat(http.get("/api/journal?kind=CALL&id=no-such-call", AUTH, slemanSupervisor).status())
                .as("a call nobody knows is Mabes's to read").isEqualTo(403);
    }

    @Test
    void aSecondReportOfTheBrawl200MetresAwayFiveMinutesLaterIsFlaggedAndMergedIntoTheFirst() {
        CallId firstCall = calls.dial("+6281200300011", IN_SLEMAN, "OP-3404-1");
        calls.answer(firstCall, "OP-3404-1");
        JsonNode first = http.post("/api/incidents", "{\"type\":\"BRAWL\",\"callId\":\"" + firstCall.value() + "\"}", AUTH, SLEMAN_OPERATOR).json();
        calls.hangUp(firstCall);
        String firstId = first.path("id").asString();

        clock.advance(Duration.ofMinutes(5));
        JsonNode warning = http.get("/api/incidents/duplicates?type=ASSAULT&lat=-7.7138&lon=110.3558", AUTH, SLEMAN_OPERATOR).json();
        assertThat(ids(warning)).as("the form warns while it is filled in").contains(firstId);
        assertThat(ids(http.get("/api/incidents/duplicates?type=ASSAULT&lat=-7.7138&lon=110.3558", AUTH, BANTUL_OPERATOR).json()))
                .as("only within scope").doesNotContain(firstId);
        assertThat(ids(http.get("/api/incidents/duplicates?type=MISSING_PERSON&lat=-7.7138&lon=110.3558", AUTH, SLEMAN_OPERATOR).json()))
                .doesNotContain(firstId);

        CallId secondCall = calls.dial("+6281200300012", NEAR_SLEMAN, "OP-3404-1");
        calls.answer(secondCall, "OP-3404-1");
        Http.Response created = http.post("/api/incidents", "{\"type\":\"BRAWL\",\"callId\":\"" + secondCall.value()
                + "\",\"description\":\"penelepon kedua: ada yang membawa senjata tajam\"}", AUTH, SLEMAN_OPERATOR);
        calls.hangUp(secondCall);
        assertThat(created.status()).as("a possible duplicate is never refused").isEqualTo(201);
        JsonNode second = created.json();
        String secondId = second.path("id").asString();
        JsonNode flagged = find(second.path("possibleDuplicates"), firstId);
        assertThat(flagged.path("distanceMeters").asDouble()).isBetween(190.0, 210.0);
        assertThat(flagged.path("type").asString()).isEqualTo("BRAWL");
        JsonNode secondStory = CallDriver.awaitValue("the flag is journalled", () -> http.get("/api/incidents/" + secondId, AUTH,
                SLEMAN_OPERATOR).json(), d -> types(d).contains("PossibleDuplicatesFlagged"));
        assertThat(entries(secondStory)).filteredOn(e -> e.path("type").asString().equals("PossibleDuplicatesFlagged")).singleElement()
                .satisfies(e -> assertThat(e.path("payload").path("candidates").toString()).contains(firstId));

        Http.Response merged = http.post("/api/incidents/" + secondId + "/merge", "{\"into\":\"" + firstId + "\"}", AUTH, SLEMAN_OPERATOR_2);
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        JsonNode gone = merged.json().path("merged");
        JsonNode kept = merged.json().path("survivor");
        assertThat(gone.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(gone.path("statusReason").asString()).isEqualTo("merged into " + firstId);
        assertThat(gone.path("mergedInto").asString()).isEqualTo(firstId);
        assertThat(gone.path("description").asString()).as("its story stays").startsWith("penelepon kedua");
        assertThat(texts(kept.path("links"))).containsExactly(secondId);
        assertThat(kept.path("notes").get(0).path("text").asString()).startsWith("merged in: incident " + secondId);
        assertThat(kept.path("notes").get(0).path("author").asString()).isEqualTo("operator.sleman2");
        assertThat(ids(kept.path("possibleDuplicates"))).as("the duplicate is no longer open").doesNotContain(secondId);

        Http.Response again = http.post("/api/incidents/" + secondId + "/merge", "{\"into\":\"" + firstId + "\"}", AUTH, SLEMAN_OPERATOR);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(ids(http.get("/api/incidents", AUTH, SLEMAN_OPERATOR).json())).contains(firstId).doesNotContain(secondId);
        JsonNode firstStory = CallDriver.awaitValue("both stories tell the merge", () -> http.get("/api/incidents/" + firstId, AUTH,
                SLEMAN_OPERATOR).json(), d -> types(d).contains("IncidentMerged"));
        assertThat(types(firstStory)).containsSubsequence("IncidentCreated", "IncidentMerged");
    }

    @Test
    void polisikuReportsThroughTheApiWithItsOwnReferenceAndLocation() {
        Http.Response created = http.post("/api/incidents", """
                {"type":"THEFT","channel":"POLISIKU","externalReference":"PLK-2026-000123",
                 "location":{"latitude":-7.8886,"longitude":110.33,"uncertaintyMeters":8},
                 "description":"motor dicuri di parkiran pasar","callerNumber":"+6281200300021","callerName":"Pak Darto"}
                """, AUTH, AML_GATEWAY);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode report = created.json();
        assertThat(report.path("station").asString()).isEqualTo("POLRES-3402");
        assertThat(report.path("takingStation").asString()).isEqualTo("MABES");
        assertThat(report.path("channel").path("name").asString()).isEqualTo("POLISIKU");
        assertThat(report.path("channel").path("externalReference").asString()).isEqualTo("PLK-2026-000123");
        assertThat(report.path("location").path("origin").asString()).isEqualTo("REPORTED");
        assertThat(report.path("priority").asInt()).isEqualTo(3);
        assertThat(report.has("journal")).as("an integration client is not shown the journal").isFalse();

        String key = http.post("/api/admin/api-keys", "{\"name\":\"Polisiku\",\"roles\":[\"INTEGRATION\"],\"station\":\"POLDA-DIY\"}",
                AUTH, ADMIN).json().path("apiKey").asString();
        Http.Response byKey = http.post("/api/incidents", """
                {"type":"PUBLIC_DISORDER","priority":2,"channel":"POLISIKU","externalReference":"PLK-2026-000124",
                 "location":{"latitude":-7.8880,"longitude":110.3310}}
                """, "X-Api-Key", key);
        assertThat(byKey.status()).as(byKey.body()).isEqualTo(201);
        assertThat(byKey.json().path("createdBy").asString()).startsWith("api:");
        assertThat(byKey.json().path("takingStation").asString()).isEqualTo("POLDA-DIY");
        assertThat(byKey.json().path("priority").asInt()).isEqualTo(2);

        assertThat(ids(http.get("/api/incidents", AUTH, BANTUL_OPERATOR).json()))
                .contains(report.path("id").asString(), byKey.json().path("id").asString());
        assertThat(http.get("/api/incidents", AUTH, AML_GATEWAY).status()).as("integration clients report, they do not read").isEqualTo(403);

        for (String[] bad : new String[][] {
                {"{\"type\":\"THEFT\",\"channel\":\"POLISIKU\"}", "must give the location"},
                {"{\"type\":\"THEFT\",\"location\":{\"latitude\":-7.8886,\"longitude\":110.33}}", "must name its channel"},
                {"{\"type\":\"THEFT\",\"channel\":\"CALL_110\",\"location\":{\"latitude\":-7.8886,\"longitude\":110.33}}", "give callId"},
                {"{\"type\":\"THEFT\",\"channel\":\"POLISIKU\",\"callId\":\"c1\",\"location\":{\"latitude\":-7.8886,\"longitude\":110.33}}",
                        "callId is for operators"},
                {"{\"type\":\"THEFT\",\"channel\":\"polisiku app\",\"location\":{\"latitude\":-7.8886,\"longitude\":110.33}}", "capital letters"}}) {
            Http.Response r = http.post("/api/incidents", bad[0], AUTH, AML_GATEWAY);
            assertThat(r.status()).as(bad[0]).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().path("detail").asString()).as(bad[0]).contains(bad[1]);
        }
    }

    @Test
    void nonsenseIsRefusedWithAReason() {
        String[][] bad = {
                {"{\"type\":\"BRAWL\", ", "unreadable request body"},
                {"{\"type\":\"ROBBERY\",\"channel\":\"WALK_IN\"}", "ROBBERY"},
                {"{\"type\":\"BRAWL\",\"priority\":\"high\",\"channel\":\"WALK_IN\"}", "high"},
                {"{\"type\":\"BRAWL\",\"priority\":7,\"channel\":\"WALK_IN\",\"location\":{\"latitude\":-7.7,\"longitude\":110.3}}", "priority"},
                {"{\"type\":\"BRAWL\",\"channel\":\"WALK_IN\",\"location\":{\"latitude\":95,\"longitude\":110.3}}", "location.latitude"},
                {"{\"type\":\"BRAWL\",\"channel\":\"WALK_IN\",\"location\":{\"latitude\":-7.7}}", "location.longitude"},
                {"{\"channel\":\"WALK_IN\",\"location\":{\"latitude\":-7.7,\"longitude\":110.3}}", "type"},
                {"{\"type\":\"BRAWL\",\"channel\":\"WALK_IN\"}", "location is required"},
                {"{\"type\":\"BRAWL\",\"location\":{\"latitude\":-7.7,\"longitude\":110.3}}", "give callId"},
                {"{\"type\":\"THEFT\",\"channel\":\"WALK_IN\",\"location\":{\"latitude\":-7.7,\"longitude\":110.3},\"description\":\""
                        + "x".repeat(4001) + "\"}", "description must be at most 4000"}};
        for (String[] b : bad) {
            Http.Response r = http.post("/api/incidents", b[0], AUTH, SLEMAN_OPERATOR);
            assertThat(r.status()).as(b[0]).isEqualTo(400);
            assertThat(r.contentType()).as(b[0]).startsWith("application/problem+json");
            assertThat(r.json().path("detail").asString()).as(b[0]).contains(b[1]);
        }

        Http.Response unknownCall = http.post("/api/incidents", "{\"type\":\"BRAWL\",\"callId\":\"" + CallId.random() + "\"}", AUTH, SLEMAN_OPERATOR);
        assertThat(unknownCall.status()).isEqualTo(404);
        CallId ringing = calls.dial("+6281200300031", IN_SLEMAN, "OP-3404-1");
        try {
            Http.Response notAnswered = http.post("/api/incidents", "{\"type\":\"BRAWL\",\"callId\":\"" + ringing.value() + "\"}", AUTH,
                    SLEMAN_OPERATOR);
            assertThat(notAnswered.status()).isEqualTo(409);
            assertThat(notAnswered.json().path("detail").asString()).contains("has not been answered");
        } finally {
            calls.callerHangsUp(ringing);
        }
        CallId bantul = calls.dial("+6281200300032", IN_BANTUL, "OP-3402-1");
        calls.answer(bantul, "OP-3402-1");
        try {
            assertThat(http.post("/api/incidents", "{\"type\":\"THEFT\",\"callId\":\"" + bantul.value() + "\"}", AUTH, SLEMAN_OPERATOR).status())
                    .as("another station's call").isEqualTo(403);
        } finally {
            calls.hangUp(bantul);
        }

        for (String query : List.of("limit=0", "limit=1001", "limit=x", "status=FOO", "priority=9", "type=ROBBERY")) {
            Http.Response r = http.get("/api/incidents?" + query, AUTH, SLEMAN_OPERATOR);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.contentType()).as(query).startsWith("application/problem+json");
        }
        for (String query : List.of("type=BRAWL&lat=95&lon=110.3", "type=BRAWL&lat=-7.7&lon=200", "type=FOO&lat=-7.7&lon=110.3",
                "type=BRAWL&lat=x&lon=110.3", "lat=-7.7&lon=110.3")) {
            assertThat(http.get("/api/incidents/duplicates?" + query, AUTH, SLEMAN_OPERATOR).status()).as(query).isEqualTo(400);
        }
        assertThat(http.get("/api/incidents/" + CallId.random(), AUTH, SLEMAN_OPERATOR).status()).isEqualTo(404);
        assertThat(http.get("/api/incidents/types", AUTH, SLEMAN_OPERATOR).json()).as("every type, the silent emergency of issue 16 and the text report too").hasSize(12);
    }

    @Test
    void anIncidentIsResolvedClosedAndOnlyMovesAsItsStatusAllows() {
        JsonNode walkIn = http.post("/api/incidents", """
                {"type":"THEFT","channel":"WALK_IN","location":{"latitude":-7.7160,"longitude":110.3550},
                 "address":"Mapolres Sleman, SPKT","description":"dompet hilang di bus"}
                """, AUTH, SLEMAN_OPERATOR).json();
        String id = walkIn.path("id").asString();
        assertThat(walkIn.path("location").path("origin").asString()).isEqualTo("PICKED");
        JsonNode other = http.post("/api/incidents", """
                {"type":"THEFT","channel":"WALK_IN","location":{"latitude":-7.7160,"longitude":110.3550},"description":"pelapor kedua"}
                """, AUTH, SLEMAN_OPERATOR).json();

        assertThat(status(http.post("/api/incidents/" + id + "/status", "{\"status\":\"CLOSED\"}", AUTH, SLEMAN_OPERATOR))).isEqualTo(409);
        assertThat(status(http.post("/api/incidents/" + id + "/status", "{\"status\":\"EN_ROUTE\"}", AUTH, SLEMAN_OPERATOR))).isEqualTo(400);
        assertThat(status(http.post("/api/incidents/" + id + "/status", "{\"status\":\"CANCELLED\"}", AUTH, SLEMAN_OPERATOR))).isEqualTo(400);
        assertThat(status(http.post("/api/incidents/" + id + "/status", "{\"status\":\"GONE\"}", AUTH, SLEMAN_OPERATOR))).isEqualTo(400);
        assertThat(status(http.post("/api/incidents/" + id + "/priority", "{\"priority\":0}", AUTH, SLEMAN_OPERATOR))).isEqualTo(400);
        assertThat(status(http.post("/api/incidents/" + id + "/notes", "{\"text\":\" \"}", AUTH, SLEMAN_OPERATOR))).isEqualTo(400);

        JsonNode prioritised = http.post("/api/incidents/" + id + "/priority", "{\"priority\":4}", AUTH, SLEMAN_DISPATCHER).json();
        assertThat(prioritised.path("priority").asInt()).isEqualTo(4);
        JsonNode linked = http.post("/api/incidents/" + id + "/links", "{\"incident\":\"" + other.path("id").asString() + "\"}", AUTH,
                SLEMAN_OPERATOR).json();
        assertThat(texts(linked.path("links"))).containsExactly(other.path("id").asString());
        JsonNode resolved = http.post("/api/incidents/" + id + "/status", "{\"status\":\"RESOLVED\",\"reason\":\"dompet ditemukan\"}", AUTH,
                SLEMAN_OPERATOR).json();
        assertThat(resolved.path("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.path("reachedAt").has("RESOLVED")).isTrue();
        JsonNode reopened = http.post("/api/incidents/" + id + "/status", "{\"status\":\"NEW\",\"reason\":\"pelapor kembali\"}", AUTH,
                SLEMAN_OPERATOR).json();
        assertThat(reopened.path("status").asString()).isEqualTo("NEW");
        http.post("/api/incidents/" + id + "/status", "{\"status\":\"RESOLVED\"}", AUTH, SLEMAN_OPERATOR);
        JsonNode closed = http.post("/api/incidents/" + id + "/status", "{\"status\":\"CLOSED\"}", AUTH, SLEMAN_DISPATCHER).json();
        assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
        assertThat(texts(closed.path("history"), "status")).containsExactly("NEW", "RESOLVED", "NEW", "RESOLVED", "CLOSED");

        Http.Response late = http.post("/api/incidents/" + id + "/status", "{\"status\":\"NEW\",\"reason\":\"x\"}", AUTH, SLEMAN_OPERATOR);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("detail").asString()).contains("is CLOSED");
        assertThat(status(http.post("/api/incidents/" + id + "/priority", "{\"priority\":1}", AUTH, SLEMAN_OPERATOR))).isEqualTo(409);
        JsonNode noted = http.post("/api/incidents/" + id + "/notes", "{\"text\":\"pelapor mengambil dompet\"}", AUTH, SLEMAN_OPERATOR).json();
        assertThat(noted.path("notes").get(0).path("text").asString()).isEqualTo("pelapor mengambil dompet");
        assertThat(ids(http.get("/api/incidents", AUTH, SLEMAN_OPERATOR).json())).doesNotContain(id);
        assertThat(ids(http.get("/api/incidents?status=CLOSED&status=RESOLVED", AUTH, SLEMAN_OPERATOR).json())).contains(id);
        assertThat(ids(http.get("/api/incidents?status=CLOSED&priority=4&type=THEFT&limit=5", AUTH, SLEMAN_OPERATOR).json())).containsExactly(id);
    }

    @Test
    void aCallersEarlierReportsAreListedByTheirNumberHoweverItIsWrittenWithinTheUsersScope() {
        JsonNode walkIn = http.post("/api/incidents", """
                {"type":"THEFT","channel":"WALK_IN","location":{"latitude":-7.7160,"longitude":110.3550},"callerNumber":"0812-0030-0041"}
                """, AUTH, SLEMAN_OPERATOR).json();
        assertThat(walkIn.path("callerNumber").asString()).as("kept as calls key it").isEqualTo("+6281200300041");
        String first = walkIn.path("id").asString();
        http.post("/api/incidents/" + first + "/status", "{\"status\":\"UNFOUNDED\",\"reason\":\"salah paham\"}", AUTH, SLEMAN_OPERATOR);
        CallId call = calls.dial("+6281200300041", IN_SLEMAN, "OP-3404-1");
        calls.answer(call, "OP-3404-1");
        String second;
        try {
            second = http.post("/api/incidents", "{\"type\":\"BRAWL\",\"callId\":\"" + call.value() + "\"}", AUTH, SLEMAN_OPERATOR).json()
                    .path("id").asString();
        } finally {
            calls.hangUp(call);
        }
        http.post("/api/incidents", """
                {"type":"THEFT","channel":"WALK_IN","location":{"latitude":-7.7160,"longitude":110.3550},"callerNumber":"081200300042"}
                """, AUTH, SLEMAN_OPERATOR);

        for (String written : List.of("081200300041", "%2B6281200300041", "6281200300041", "tel:%2B6281200300041")) {
            assertThat(ids(http.get("/api/incidents?caller=" + written, AUTH, SLEMAN_DISPATCHER).json())).as(written)
                    .as("every status, newest first").containsExactly(second, first);
        }
        assertThat(ids(http.get("/api/incidents?caller=081200300041&status=NEW", AUTH, SLEMAN_OPERATOR).json())).containsExactly(second);
        assertThat(ids(http.get("/api/incidents?caller=081200300041&limit=1", AUTH, SLEMAN_OPERATOR).json())).containsExactly(second);
        assertThat(ids(http.get("/api/incidents?caller=081200300041", AUTH, BANTUL_OPERATOR).json())).as("another Polres").isEmpty();
        assertThat(ids(http.get("/api/incidents?caller=081200300041", AUTH, DIY_SUPERVISOR).json())).as("the Polda above").hasSize(2);
        assertThat(http.get("/api/incidents?caller=anonymous", AUTH, SLEMAN_OPERATOR).json()).as("a withheld number has no history").isEmpty();
        assertThat(status(http.get("/api/incidents?caller=0812&limit=0", AUTH, SLEMAN_OPERATOR))).isEqualTo(400);
    }

    @Test
    void aChangeMadeOverAnOlderViewOfTheIncidentIsRefusedWithTheReason() {
        JsonNode walkIn = http.post("/api/incidents", """
                {"type":"THEFT","channel":"WALK_IN","location":{"latitude":-7.7160,"longitude":110.3550}}
                """, AUTH, SLEMAN_OPERATOR).json();
        String id = walkIn.path("id").asString();
        long seen = walkIn.path("version").asLong();
        JsonNode byOther = http.post("/api/incidents/" + id + "/priority", "{\"priority\":2,\"version\":" + seen + "}", AUTH,
                SLEMAN_OPERATOR_2).json();
        assertThat(byOther.path("version").asLong()).isEqualTo(seen + 1);

        Http.Response stalePriority = http.post("/api/incidents/" + id + "/priority", "{\"priority\":5,\"version\":" + seen + "}", AUTH,
                SLEMAN_DISPATCHER);
        assertThat(status(stalePriority)).isEqualTo(409);
        assertThat(stalePriority.json().path("detail").asString()).contains("changed by someone else since version " + seen)
                .contains("priority 2");
        Http.Response staleMove = http.post("/api/incidents/" + id + "/status",
                "{\"status\":\"RESOLVED\",\"reason\":\"beres\",\"version\":" + seen + "}", AUTH, SLEMAN_DISPATCHER);
        assertThat(status(staleMove)).isEqualTo(409);
        assertThat(status(http.post("/api/incidents/" + id + "/priority", "{\"priority\":5,\"version\":0}", AUTH, SLEMAN_DISPATCHER)))
                .isEqualTo(400);
        JsonNode now = http.get("/api/incidents/" + id, AUTH, SLEMAN_DISPATCHER).json();
        assertThat(now.path("priority").asInt()).as("nothing was overruled").isEqualTo(2);
        assertThat(now.path("status").asString()).isEqualTo("NEW");

        JsonNode resolved = http.post("/api/incidents/" + id + "/status",
                "{\"status\":\"RESOLVED\",\"reason\":\"beres\",\"version\":" + now.path("version").asLong() + "}", AUTH, SLEMAN_DISPATCHER)
                .json();
        assertThat(resolved.path("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.path("statusReason").asString()).isEqualTo("beres");
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    static int status(Http.Response r) {
        assertThat(r.contentType()).as(r.body()).startsWith("application/problem+json");
        return r.status();
    }

    static List<String> ids(JsonNode array) {
        return texts(array, "id");
    }

    static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }

    static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asString()).toList();
    }

    static JsonNode find(JsonNode array, String id) {
        return StreamSupport.stream(array.spliterator(), false).filter(n -> n.path("id").asString().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + id + " in " + array));
    }

    static List<JsonNode> entries(JsonNode detail) {
        return StreamSupport.stream(detail.path("journal").spliterator(), false).toList();
    }

    static List<String> types(JsonNode detail) {
        return entries(detail).stream().map(e -> e.path("type").asString()).toList();
    }
}
