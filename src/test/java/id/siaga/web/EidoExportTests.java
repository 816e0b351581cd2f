package id.siaga.web;

import static id.siaga.web.CallDriver.IN_SLEMAN;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.app.PresenceService;
import id.siaga.integration.eido.EidoSchema;
import id.siaga.org.OperatorId;
import id.siaga.org.Presence;
import id.siaga.org.PresenceBoard;
import id.siaga.telephony.CallCoordinator;
import id.siaga.telephony.CallId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Polres Sleman hands a 110 incident to another agency system as a NENA EIDO: a brawl reported at the front desk, with
 * two notes and a patrol car sent, and a caller's 110 call answered by Bripka Rina that became an incident. Each EIDO
 * passes NENA's published schema ({@link EidoSchema}), every reference in it points at a component in it, and it says
 * what happened in the registries' words: FIGHT at priority 10 of 10, the call and the caller to call back, the
 * description and notes with their authors, Polres Sleman by name, the unit with its ETA. Polres Bantul cannot read Sleman's EIDO.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EidoExportTests {

    static final String AUTH = "Authorization";
    static final String DISPATCHER = Http.basic("dispatcher.sleman", "siaga110");
    static final String OPERATOR = Http.basic("operator.sleman1", "siaga110");
    static final String BANTUL_OPERATOR = Http.basic("operator.bantul1", "siaga110");
    static final String OFFICER = Http.basic("officer.sleman", "siaga110");
    static final String SLEMAN = "polres-3404.polri.go.id";

    @LocalServerPort
    int port;
    @Autowired
    CallCoordinator coordinator;
    @Autowired
    PresenceService presence;
    @Autowired
    PresenceBoard board;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:eidoexporttests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        registry.add("siaga.journal.spool-file", () -> "target/fork-" + System.getProperty("siaga.test.fork", "1") + "/eidoexporttests-spool.jsonl");
        registry.add("siaga.telephony.enabled", () -> "false");
        registry.add("siaga.tracking.osmand-port", () -> "0");
        registry.add("siaga.tracking.mqtt.enabled", () -> "false");
        registry.add("siaga.tracking.max-speed-kmh", () -> "100000");
    }

    @Test
    void aWalkInBrawlWithNotesAndAPatrolCarIsAValidEido() {
        Http http = new Http(port);
        assertThat(http.post("/api/officer/position", "{\"latitude\":-7.7400,\"longitude\":110.3558,\"accuracy\":10}", AUTH, OFFICER).status())
                .isEqualTo(200);
        Http.Response created = http.post("/api/incidents", """
                {"type":"BRAWL","channel":"WALK_IN","location":{"latitude":-7.7156,"longitude":110.3558},"callerNumber":"081234567890",
                 "callerName":"Bu Sari","address":"Jl. Kaliurang km 7, depan SMA","description":"dua kelompok pelajar berkelahi"}
                """, AUTH, DISPATCHER);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        note(http, id, "Pelapor: satu orang luka di kepala <berdarah> & dibawa warga", OPERATOR);
        note(http, id, "Minta R4 terdekat", DISPATCHER);
        Http.Response sent = http.post("/api/incidents/" + id + "/assignments", "{\"unit\":\"SLM-R4-01\"}", AUTH, DISPATCHER);
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);

        JsonNode eido = eido(http, id, OPERATOR);

        String tracking = "urn:emergency:uid:incidentid:" + id.replace("-", "") + ":" + SLEMAN;
        assertThat(eido.path("$id").asString()).isEqualTo(tracking);
        assertThat(eido.path("eidoVersion").asString()).isEqualTo("1.0");
        assertThat(eido.path("issuingElementIdentification").asString()).isEqualTo("siaga110.polri.go.id");
        JsonNode incident = eido.path("incidentComponent");
        assertThat(incident.path("incidentTypeCommonRegistryText").asString()).isEqualTo("FIGHT");
        assertThat(incident.path("incidentTypeInternalCode").asString()).isEqualTo("BRAWL");
        assertThat(incident.path("incidentTypeInternalText").asString()).isEqualTo("Perkelahian / tawuran");
        assertThat(incident.path("incidentCommonPriorityNumber").asInt()).as("our priority 1 is the top of EIDO's 0-10").isEqualTo(10);
        assertThat(incident.path("incidentPriorityInternalText").asString()).isEqualTo("P1");
        assertThat(texts(incident.path("incidentStatusCommonRegistryText"))).contains("Active");
        assertThat(incident.path("internalIncidentId").asString()).isEqualTo(id);
        assertThat(eido.has("callComponent")).as("a walk-in has no call").isFalse();

        JsonNode location = eido.path("locationComponent").path(0);
        assertThat(location.path("locationTypeDescriptionRegistryText").asString()).isEqualTo("CurrentIncident");
        assertThat(location.path("locationByValue").asString()).startsWith("<?xml").contains("urn:ietf:params:xml:ns:pidf")
                .contains("<gml:pos>-7.715600 110.355800</gml:pos>");
        assertThat(location.path("locationDescriptionText").asString()).isEqualTo("Jl. Kaliurang km 7, depan SMA");

        JsonNode notes = eido.path("notesComponent");
        assertThat(notes.size()).as("the description, then the two notes").isEqualTo(3);
        assertThat(notes.path(0).path("notesActionComments").asString()).isEqualTo("dua kelompok pelajar berkelahi");
        assertThat(notes.path(1).path("notesActionComments").asString()).as("HTML5 text")
                .isEqualTo("Pelapor: satu orang luka di kepala &lt;berdarah&gt; &amp; dibawa warga");
        assertThat(notes.path(1).path("agentReference").path("$ref").asString()).isEqualTo("operator.sleman1@" + SLEMAN);
        assertThat(notes.path(2).path("updatedByAgentReference").path("$ref").asString()).isEqualTo("dispatcher.sleman@" + SLEMAN);

        JsonNode reporter = eido.path("personComponent").path(0);
        assertThat(texts(reporter.path("personIncidentRoleRegistryText"))).containsExactly("ReportingParty");
        assertThat(reporter.path("ncPersonComponent").path("name").path(0).path("personFullName").path(0).path("value").asString())
                .isEqualTo("Bu Sari");
        assertThat(texts(byId(eido.path("callbackComponent"), reporter.path("callBackReference").path("$ref").asString())
                .path("callBackInformationUri"))).containsExactly("tel:+6281234567890");

        JsonNode sleman = byId(eido.path("agencyComponent"), SLEMAN);
        assertThat(sleman.path("agencyJcard").asString()).contains("Polres Sleman");
        assertThat(texts(sleman.path("agencyRoleDescriptionRegistryText"))).contains("Dispatching", "CallReceiving", "Dispatched");
        assertThat(sleman.path("incidentOwningAgencyIndicator").asBoolean()).isTrue();
        assertThat(texts(byId(eido.path("agentComponent"), "dispatcher.sleman@" + SLEMAN).path("agentRoleRegistryText")))
                .contains("Call Taking", "Dispatching");

        JsonNode unit = eido.path("emergencyResourceComponent").path(0);
        assertThat(unit.path("emergencyResourceTypeCommonRegistryText").asString()).isEqualTo("PatrolUnit");
        assertThat(unit.path("emergencyResourceTypeInternalText").asString()).isEqualTo("PATROL_CAR");
        assertThat(texts(unit.path("secondaryUnitStatusRegistryText"))).containsExactly("Dispatched");
        assertThat(unit.path("primaryUnitStatusRegistryText").asString()).isEqualTo("NotAvailable");
        assertThat(unit.path("eta").asString()).as("assigned at + ETA, in WIB").endsWith("+07:00");
        assertThat(unit.path("activeOnIncidentId").asString()).isEqualTo(tracking);
        JsonNode dispatch = eido.path("dispatchComponent").path(0);
        assertThat(dispatch.path("emergencyResourceReference").path(0).path("$ref").asString()).isEqualTo(unit.path("$id").asString());
        assertThat(dispatch.path("agentReference").path("$ref").asString()).isEqualTo("dispatcher.sleman@" + SLEMAN);

        assertThat(eido(http, id, DISPATCHER)).as("the same incident, the same EIDO, whoever asks").isEqualTo(eido);
        assertThat(http.get("/api/incidents/" + id + "/eido", AUTH, BANTUL_OPERATOR).status()).as("another Polres").isEqualTo(403);
        assertThat(http.get("/api/incidents/" + java.util.UUID.randomUUID() + "/eido", AUTH, OPERATOR).status()).isEqualTo(404);
    }

    @Test
    void anIncidentFromA110CallCarriesTheCallAndItsCallBack() {
        Http http = new Http(port);
        CallDriver calls = new CallDriver(coordinator, presence);
        calls.ready("OP-3404-1");
        CallId call;
        String id;
        try {
            call = calls.dial("+6281200300077", IN_SLEMAN, "OP-3404-1");
            calls.answer(call, "OP-3404-1");
            Http.Response created = http.post("/api/incidents", """
                    {"type":"TRAFFIC_ACCIDENT","callId":"%s","address":"Jl. Magelang km 9","description":"motor menabrak pejalan kaki"}
                    """.formatted(call.value()), AUTH, OPERATOR);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            id = created.json().path("id").asString();
            calls.hangUp(call);
        } finally {
            CallDriver.await("OP-3404-1 is off the call", () -> board.presenceOf(new OperatorId("OP-3404-1")) != Presence.BUSY);
            presence.change(new OperatorId("OP-3404-1"), Presence.OFFLINE, "test");
        }

        JsonNode eido = eido(http, id, OPERATOR);

        JsonNode c = eido.path("callComponent").path(0);
        assertThat(c.path("$id").asString()).isEqualTo("urn:emergency:uid:callid:" + call.value().replace("-", "") + ":siaga110.polri.go.id");
        assertThat(c.path("direction").asString()).isEqualTo("incoming");
        assertThat(c.path("standardPrimaryCallType").asString()).isEqualTo("emergency");
        assertThat(c.path("callStartTimestamp").asString()).isNotBlank();
        assertThat(c.path("answerDate").asString()).isNotBlank();
        assertThat(c.path("callStateRegistryText").asString()).as("the caller was let go").isEqualTo("callEnd");
        assertThat(c.path("agentReference").path(0).path("$ref").asString()).isEqualTo("operator.sleman1@" + SLEMAN);
        JsonNode callback = byId(eido.path("callbackComponent"), c.path("callBackReference").path("$ref").asString());
        assertThat(texts(callback.path("callBackInformationUri"))).containsExactly("tel:+6281200300077");
        JsonNode caller = byId(eido.path("personComponent"), c.path("personReference").path(0).path("$ref").asString());
        assertThat(texts(caller.path("personIncidentRoleRegistryText"))).containsExactly("Caller");
        assertThat(texts(caller.path("callIdentifier"))).containsExactly(c.path("$id").asString());
        assertThat(eido.path("incidentComponent").path("incidentTypeCommonRegistryText").asString()).isEqualTo("MVAUNK");
        assertThat(eido.path("incidentComponent").path("incidentCommonPriorityNumber").asInt()).as("priority 2").isEqualTo(8);
        assertThat(eido.path("locationComponent").path(0).path("locationByValue").asString()).as("the call's fix with its uncertainty")
                .contains("<gs:Circle").contains("<gs:radius uom=\"urn:ogc:def:uom:EPSG::9001\">12.0</gs:radius>");
    }

    private static void note(Http http, String id, String text, String who) {
        Http.Response r = http.post("/api/incidents/" + id + "/notes", "{\"text\":" + Http.JSON.writeValueAsString(text) + "}", AUTH, who);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** The EIDO as another system gets it: JSON, valid against NENA's schema, every reference resolvable inside it. */
    private static JsonNode eido(Http http, String id, String who) {
        Http.Response r = http.get("/api/incidents/" + id + "/eido", AUTH, who);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode eido = r.json();
        assertThat(EidoSchema.problems(eido)).as(eido.toPrettyString()).isEmpty();
        Set<String> ids = new HashSet<>();
        Set<String> refs = new HashSet<>();
        collect(eido, ids, refs);
        assertThat(ids).as("every component is identified").hasSizeGreaterThan(5);
        assertThat(ids).as("every reference names a component of this EIDO").containsAll(refs);
        return eido;
    }

    private static void collect(JsonNode node, Set<String> ids, Set<String> refs) {
        if (node.isObject()) {
            if (node.has("$id")) {
                assertThat(ids.add(node.path("$id").asString())).as("one component per identifier: " + node.path("$id")).isTrue();
            }
            if (node.has("$ref")) {
                refs.add(node.path("$ref").asString());
            }
        }
        node.forEach(child -> collect(child, ids, refs));
    }

    private static JsonNode byId(JsonNode list, String id) {
        return StreamSupport.stream(list.spliterator(), false).filter(n -> id.equals(n.path("$id").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("no component " + id + " in " + list));
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }
}
