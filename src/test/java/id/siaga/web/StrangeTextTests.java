package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.incident.Channel;
import id.siaga.incident.IncidentId;
import id.siaga.incident.IncidentLocation;
import id.siaga.incident.IncidentType;
import id.siaga.incident.Incidents;
import id.siaga.incident.NewIncident;
import id.siaga.org.StationId;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Text that no store keeps as given, on H2 (the run command's database): a lone UTF-16 surrogate in a note, NUL in a
 * description. Before, the note was stored and answered 500, and from then on the incident and its journal answered
 * 500 to everyone; the create answered 500 with the incident stored, so a client that retried opened it twice. Now
 * the text is refused at the edge, naming the field, and nothing is written; text that is fine (tabs, new lines, an
 * emoji) passes untouched; and an incident that already holds such text (stored before the rule) reads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:strangetexttests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/strangetexttests-spool.jsonl", "siaga.telephony.enabled=false", "siaga.tracking.osmand-port=0"})
class StrangeTextTests {

    static final String AUTH = "Authorization";
    static final String OPERATOR = Http.basic("operator.sleman1", "siaga110");
    static final String SUPERVISOR = Http.basic("supervisor.diy", "siaga110");
    static final String WALK_IN = "{\"type\":\"INFORMATION_REQUEST\",\"channel\":\"WALK_IN\",\"externalReference\":\"%s\",\"description\":\"%s\"}";

    @LocalServerPort
    int port;
    @Autowired
    Incidents incidents;

    @Test
    void aLoneSurrogateInANoteIsRefusedNamingTheFieldAndTheIncidentStaysReadable() {
        Http http = new Http(port);
        String id = open(http, "note-surrogate", "walk-in at the front desk");

        Http.Response note = http.post("/api/incidents/" + id + "/notes", "{\"text\":\"lone \\udfff note\"}", AUTH, OPERATOR);
        assertThat(note.status()).as(note.body()).isEqualTo(400);
        assertThat(note.contentType()).startsWith("application/problem+json");
        assertThat(note.json().path("detail").asString()).isEqualTo("unreadable request body: text: contains a lone UTF-16 surrogate at character 6");

        Http.Response read = http.get("/api/incidents/" + id, AUTH, OPERATOR);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().path("notes").isEmpty()).as("nothing was written").isTrue();
        assertThat(http.get("/api/journal?kind=INCIDENT&id=" + id, AUTH, SUPERVISOR).status()).isEqualTo(200);
    }

    @Test
    void aCreateThatIsRefusedCreatesNothing() {
        Http http = new Http(port);
        int before = all(http).size();
        for (String description : List.of("\\ud800", "a\\u0000b", "bell\\u0007")) {
            Http.Response created = http.post("/api/incidents", WALK_IN.formatted("refused", description), AUTH, OPERATOR);
            assertThat(created.status()).as(description + ": " + created.body()).isEqualTo(400);
            assertThat(created.json().path("detail").asString()).startsWith("unreadable request body: description: contains ");
        }
        assertThat(all(http)).as("no incident was opened by a refused create").hasSize(before);
    }

    @Test
    void tabsNewLinesAndEmojiAreTextAndPassUntouched() {
        Http http = new Http(port);
        String text = "Baris 1\\n\\tBaris 2\\r\\nmobil 🚓 di lokasi";
        String id = open(http, "fine-text", text);
        Http.Response note = http.post("/api/incidents/" + id + "/notes", "{\"text\":\"" + text + "\"}", AUTH, OPERATOR);
        assertThat(note.status()).as(note.body()).isEqualTo(200);
        String expected = "Baris 1\n\tBaris 2\r\nmobil 🚓 di lokasi";
        JsonNode read = http.get("/api/incidents/" + id, AUTH, OPERATOR).json();
        assertThat(read.path("description").asString()).isEqualTo(expected);
        assertThat(read.path("notes").get(0).path("text").asString()).isEqualTo(expected);
    }

    /**
     * Rows written before the rule (here through the service, which is what the API did then): a description with a lone
     * surrogate and NUL, and such a note. H2 keeps them as given; the incident and its journal read, the text coming back
     * as JSON escapes of what is stored. What failed before was the journal's payload, sent as raw JSON, which no UTF-8
     * writer can write with a lone surrogate in it.
     */
    @Test
    void anIncidentThatAlreadyHoldsSuchTextIsReadByEveryone() {
        Http http = new Http(port);
        IncidentId id = incidents.create(new NewIncident(IncidentType.INFORMATION_REQUEST, null,
                IncidentLocation.of(-7.7156, 110.3558, 10.0, IncidentLocation.Origin.PICKED), null, "before \ud800 the rule\u0000",
                null, null, Channel.external("WALK_IN", "legacy"), null, null), "operator.sleman1", new StationId("POLRES-3404")).incident().id();
        incidents.addNote(id, "operator.sleman1", "lone \udfff note");

        JsonNode read = CallDriver.awaitValue("the incident and its whole story read", () -> {
            Http.Response r = http.get("/api/incidents/" + id.value(), AUTH, OPERATOR);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            return r.json();
        }, d -> d.path("journal").size() >= 2);
        assertThat(read.path("description").asString()).isEqualTo("before \ud800 the rule\u0000");
        assertThat(read.path("notes").get(0).path("text").asString()).isEqualTo("lone \udfff note");
        JsonNode noted = StreamSupport.stream(read.path("journal").spliterator(), false)
                .filter(e -> e.path("type").asString().equals("IncidentNoteAdded")).findFirst().orElseThrow();
        assertThat(noted.path("payload").path("text").asString()).as("the payload as stored").isEqualTo("lone \udfff note");

        Http.Response journal = http.get("/api/journal?kind=INCIDENT&id=" + id.value(), AUTH, SUPERVISOR);
        assertThat(journal.status()).as(journal.body()).isEqualTo(200);
        assertThat(journal.body()).as("sent as a JSON escape").contains("lone \\uDFFF note");
        assertThat(journal.json().size()).isGreaterThanOrEqualTo(2);
        Http.Response list = http.get("/api/incidents", AUTH, OPERATOR);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
    }

    /** The ELS/AML form answers 200 to everything, by its specification: such a message is dropped with the same reason. */
    @Test
    void theAmlDoorDropsSuchAMessageWithTheReasonAndStillAnswers200() throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/aml")).header(AUTH, Http.basic("aml.gateway", "siaga110"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("v=3&device_number=%2B6281%00&location_latitude=-7.7")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode answer = Http.JSON.readTree(r.body());
        assertThat(answer.path("accepted").asBoolean()).isFalse();
        assertThat(answer.path("reason").asString()).isEqualTo("parameter device_number: contains a NUL character at character 6");
    }

    private static String open(Http http, String reference, String description) {
        Http.Response created = http.post("/api/incidents", WALK_IN.formatted(reference, description), AUTH, OPERATOR);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private static List<JsonNode> all(Http http) {
        Http.Response list = http.get("/api/incidents?limit=1000", AUTH, OPERATOR);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return StreamSupport.stream(list.json().spliterator(), false).toList();
    }
}
