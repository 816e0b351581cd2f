package id.siaga.telephony;

import id.siaga.journal.Journal;
import id.siaga.support.SipTestPorts;
import static id.siaga.telephony.CallStories.payload;
import static id.siaga.telephony.CallStories.types;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.app.PresenceService;
import id.siaga.journal.JournalEntry;
import id.siaga.journal.JournalStore;
import id.siaga.org.OperatorId;
import id.siaga.org.OperatorRoster;
import id.siaga.org.Presence;
import id.siaga.support.Sipp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Calls whose location is not in a PIDF-LO: the serving cell from the network, and an AML SMS from the handset
 * that arrives seconds later, through the real SMS gateway endpoint, and moves the call to the right Polres.
 */
@SipEdgeTest
class SipLocationScenarioTests {

    /** An LTE cell of the demo table whose antenna stands in Bantul (demo/cells.csv: TAC 162, ECI 187469057). */
    static final String BANTUL_CELL = "3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=51010" + "00A2" + "B2C8D01;network-provided";

    @LocalServerPort
    int httpPort;
    @Autowired
    PresenceService presence;
    @Autowired
    OperatorRoster roster;
    @Autowired
    JournalStore journal;

    @BeforeAll
    static void sippInstalled() {
        Sipp.requireInstalled();
    }

    @BeforeEach
    void everyoneOffline() {
        roster.all().forEach(o -> presence.change(o.id(), Presence.OFFLINE, "test"));
    }

    @Test
    void aCallRoutedOnItsCellToBantulIsMovedToSlemanWhenTheHandsetsAmlArrives() throws Exception {
        for (String op : List.of("OP-3402-1", "OP-3404-1")) {
            presence.change(new OperatorId(op), Presence.READY, "test");
        }
        String caller = "081200000020";
        try (Sipp bantul = Sipp.phone("phone-never.xml", SipTestPorts.OP_3402_1, 1, 0);
             Sipp sleman = Sipp.phone("phone-answer.xml", SipTestPorts.OP_3404_1, 1, 500);
             Sipp call = Sipp.caller("caller-cell.xml", SipTestPorts.free(), SipCallScenarioTests.EDGE_ADDRESS, "110",
                     Map.of("caller", caller, "pani", BANTUL_CELL), 1000, 1)) {
            // the call waits its route-wait (2 s) on the cell alone, then Bantul's phone rings; AML comes a second later
            awaitStory("+62" + caller.substring(1), "LegRang");
            Thread.sleep(1000);
            HttpResponse<String> aml = postSms("+62" + caller.substring(1), amlSms(-7.71560, 110.35580));
            assertThat(aml.statusCode()).as(aml.body()).isEqualTo(200);

            assertThat(call.await(40)).as(call.output()).isZero();
            assertThat(bantul.await(40)).as("Bantul's phone is cancelled: " + bantul.output()).isZero();
            assertThat(sleman.await(40)).as(sleman.output()).isZero();
        }
        List<JournalEntry> story = awaitStory("+6281200000020", "CallEnded");
        assertThat(types(story)).containsSubsequence("CallOffered", "CallLocated", "CallRouted", "RoutingWaits", "LegRang",
                "CallLocated", "CallRerouted", "LegRang", "CallAnswered", "CallEnded");
        assertThat(payload(story, "CallLocated")).contains("\"source\":\"CELL_ID\"");
        assertThat(payload(story, "CallRouted")).contains("\"station\":\"POLRES-3402\"");
        assertThat(payload(story, "CallRerouted")).contains("\"from\":\"POLRES-3402\"").contains("\"to\":\"POLRES-3404\"")
                .contains("re-routed by AML from Polres Bantul to Polres Sleman");
        assertThat(payload(story, "CallAnswered")).contains("\"operator\":\"OP-3404-1\"").contains("\"responsibleStation\":\"POLRES-3404\"");
    }

    @Test
    void anAmlThatArrivesWhileTheCallWaitsOnItsCellRoutesItStraightToTheRightPolres() throws Exception {
        presence.change(new OperatorId("OP-3404-1"), Presence.READY, "test");
        presence.change(new OperatorId("OP-3402-1"), Presence.READY, "test");
        String caller = "081200000021";
        try (Sipp sleman = Sipp.phone("phone-answer.xml", SipTestPorts.OP_3404_1, 1, 200);
             Sipp call = Sipp.caller("caller-cell.xml", SipTestPorts.free(), SipCallScenarioTests.EDGE_ADDRESS, "110",
                     Map.of("caller", caller, "pani", BANTUL_CELL), 500, 1)) {
            awaitStory("+62" + caller.substring(1), "RoutingWaits");
            String sms = amlSms(-7.71560, 110.35580);
            HttpResponse<String> aml = postSms("+62" + caller.substring(1), sms);
            assertThat(aml.statusCode()).as(aml.body()).isEqualTo(200);
            // the gateway sends the same SMS again (its first answer lost on the way): taken, not joined to the call twice
            HttpResponse<String> again = postSms("+62" + caller.substring(1), sms);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            assertThat(again.body()).contains("\"accepted\":true");
            assertThat(call.await(40)).as(call.output()).isZero();
            assertThat(sleman.await(40)).as(sleman.output()).isZero();
        }
        List<JournalEntry> story = awaitStory("+6281200000021", "CallEnded");
        assertThat(types(story)).containsSubsequence("CallRouted", "RoutingWaits", "CallLocated", "CallRerouted", "LegRang", "CallAnswered");
        assertThat(types(story).stream().filter("LegRang"::equals)).as("Bantul's phone never rang").hasSize(1);
        assertThat(CallStories.all(story, e -> e.type().equals("CallLocated"))).extracting(JournalEntry::payload)
                .as("the cell, then the AML once though sent twice").hasSize(2);
    }

    @Test
    void theSmsGatewayGetsTheReasonForTextThatIsNotAmlAndTheJournalKeepsIt() throws Exception {
        HttpResponse<String> wrongLength = postSms("+6281200000022", amlSms(-7.7156, 110.3558).replaceFirst("ml=\\d+", "ml=99"));
        assertThat(wrongLength.statusCode()).isEqualTo(422);
        assertThat(wrongLength.body()).contains("\"accepted\":false").contains("ml");
        HttpResponse<String> notJson = post("/api/aml/sms", "application/json", "{\"sender\": 12, \"text\": [");
        assertThat(notJson.statusCode()).isEqualTo(400);
        HttpResponse<String> https = post("/api/aml", "application/x-www-form-urlencoded", "v=3&location_latitude=north&location_longitude=110.35580&device_number=%2B6281200000022");
        assertThat(https.statusCode()).as("ELS over HTTPS is always answered 200").isEqualTo(200);
        assertThat(https.body()).contains("\"accepted\":false");
        List<JournalEntry> dropped = new ArrayList<>();
        journal.scan(Journal.DEFAULT_NODE, 1, e -> {
            if (e.type().equals("AmlDropped")) {
                dropped.add(e);
            }
        });
        assertThat(dropped).hasSizeGreaterThanOrEqualTo(2);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** An AML SMS positioned now, with its {@code ml} (the length of the whole text, itself included) right. */
    static String amlSms(double lat, double lon) {
        String top = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        String body = String.format(java.util.Locale.ROOT, "A\"ML=1;lt=%+.5f;lg=%+.5f;rd=14;top=%s;lc=68;pm=G;si=510100000000000;"
                + "ei=356938035643809;mcc=510;mnc=10;ml=", lat, lon, top);
        int length = body.length() + 3;
        return body + length;
    }

    HttpResponse<String> postSms(String sender, String text) throws Exception {
        String json = "{\"sender\":\"" + sender + "\",\"text\":\"" + text.replace("\"", "\\\"") + "\"}";
        return post("/api/aml/sms", "application/json", json);
    }

    HttpResponse<String> post(String path, String type, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .header("Content-Type", type)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("aml.gateway:siaga110".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    List<JournalEntry> awaitStory(String caller, String type) {
        List<JournalEntry> story = CallStories.story(journal, caller, type);
        assertThat(types(story)).as("story of " + caller).contains(type);
        return story;
    }
}
