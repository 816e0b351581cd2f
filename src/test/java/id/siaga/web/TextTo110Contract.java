package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.integration.WebhookBackoff;
import id.siaga.integration.text.TextEvents;
import id.siaga.integration.text.TextReplySender;
import id.siaga.integration.text.TextStore;
import id.siaga.screening.Classification;
import id.siaga.screening.Screening;
import id.siaga.support.TextGateway;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Text to 110 end to end through the gateway's webhook, with a real HTTP server as the SMS gateway. A texter in Sleman
 * whose handset sent its AML SMS writes to 110: the conversation and a TEXT_REPORT incident open at Polres Sleman, the
 * texter gets the automatic first reply, the gateway's resend of the message is one message; a Sleman operator takes it and
 * replies, and the gateway receives the reply. A gateway that fails twice delivers a reply once; a reply queued while the
 * gateway is down is delivered by a worker started afresh from the database alone (a restart). A text from a number with
 * no fix waits at Polda DIY ("lokasi tidak diketahui") until its AML places it in Sleman. A conversation nobody takes
 * climbs to Polda DIY and stays on every list until someone takes it. A number flagged for pranks still gets through,
 * marked. Without a key: 401; a bad body: 400 with the reason.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class TextTo110Contract {

    static final String AUTH = "Authorization";
    static final String ADMIN = Http.basic("admin", "siaga110");
    static final String SLEMAN = Http.basic("operator.sleman1", "siaga110");
    static final String SLEMAN_2 = Http.basic("operator.sleman2", "siaga110");
    static final String DIY = Http.basic("operator.diy1", "siaga110");
    static final String BANTUL = Http.basic("operator.bantul1", "siaga110");
    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final double SLEMAN_LAT = -7.7156;
    static final double SLEMAN_LON = 110.3558;

    static TextGateway gateway;
    static String key;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    /** The settings both databases' runs share; each names its own database and spool. */
    static void settings(DynamicPropertyRegistry registry) {
        gateway = TextGateway.start();
        registry.add("siaga.telephony.enabled", () -> "false");
        registry.add("siaga.tracking.osmand-port", () -> "0");
        registry.add("siaga.tracking.mqtt.enabled", () -> "false");
        registry.add("siaga.texts.gateway-url", gateway::url);
        registry.add("siaga.texts.escalate-after", () -> "1s");
        registry.add("siaga.texts.sweep-interval", () -> "100ms");
        registry.add("siaga.texts.location-wait", () -> "2m");
        registry.add("siaga.texts.reply-first-retry", () -> "20ms");
        registry.add("siaga.texts.reply-max-retry", () -> "200ms");
        registry.add("siaga.texts.reply-poll-interval", () -> "20ms");
        registry.add("siaga.texts.reply-attempts", () -> "50");
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
        // the key lives in this class's database only: the other database's run (same JVM, same static) issues its own
        key = null;
    }

    String key(Http http) {
        if (key == null) {
            Http.Response issued = http.post("/api/admin/api-keys", "{\"name\":\"SMS gateway\",\"roles\":[\"INTEGRATION\"],\"station\":\"MABES\"}", AUTH, ADMIN);
            assertThat(issued.status()).as(issued.body()).isEqualTo(201);
            key = issued.json().path("apiKey").asString();
        }
        return key;
    }

    Http.Response inbound(Http http, String from, String text, String messageId) {
        String body = "{\"from\":\"" + from + "\",\"to\":\"110\",\"text\":\"" + text.replace("\"", "\\\"") + "\",\"messageId\":\"" + messageId
                + "\",\"receivedAt\":\"" + Instant.now() + "\"}";
        return http.post("/api/texts/inbound", body, "X-Api-Key", key(http));
    }

    /** The handset's AML SMS from {@code from}, placing it in Sleman, through the same door as the texts. */
    Http.Response amlInSleman(Http http, String from, String messageId) {
        return http.post("/api/texts/inbound", "{\"from\":\"" + from + "\",\"to\":\"110\",\"text\":\"" + TextGateway.amlSms(SLEMAN_LAT, SLEMAN_LON)
                .replace("\"", "\\\"") + "\",\"messageId\":\"" + messageId + "\"}", "X-Api-Key", key(http));
    }

    JsonNode thread(Http http, String conversation, String who) {
        Http.Response r = http.get("/api/texts/" + conversation, AUTH, who);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    JsonNode await(String what, Supplier<JsonNode> read, Predicate<JsonNode> until) throws InterruptedException {
        Instant end = Instant.now().plus(PATIENCE);
        JsonNode last = read.get();
        while (!until.test(last)) {
            assertThat(Instant.now()).as(what + "; last seen: " + last).isBefore(end);
            Thread.sleep(50);
            last = read.get();
        }
        return last;
    }

    static JsonNode reply(JsonNode thread, String id) {
        for (JsonNode m : thread.path("messages")) {
            if (m.path("id").asString().equals(id)) {
                return m;
            }
        }
        return null;
    }

    int journalled(String type, String conversation) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM journal_event WHERE type = ? AND payload LIKE ?", Integer.class, type, "%" + conversation + "%");
    }

    @Test
    @Order(1)
    void theGatewayWithoutAKeyIsRefusedAndABadBodyIsToldWhy() {
        Http http = new Http(port);
        String text = "{\"from\":\"+6281200000001\",\"to\":\"110\",\"text\":\"tolong\",\"messageId\":\"x-1\"}";
        Http.Response wrongKey = http.post("/api/texts/inbound", text, "X-Api-Key", "not-a-key");
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(wrongKey.contentType()).startsWith("application/problem+json");
        Http.Response wrongPassword = http.post("/api/texts/inbound", text, AUTH, Http.basic("admin", "wrong"));
        assertThat(wrongPassword.status()).isEqualTo(401);
        Http.Response anonymous = http.post("/api/texts/inbound", text);
        assertThat(anonymous.status()).as("no credentials at all: refused before anything (by the CSRF rule, as every anonymous change)")
                .isIn(401, 403);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        Http.Response operator = http.post("/api/texts/inbound", "{\"from\":\"+6281200000001\",\"to\":\"110\",\"text\":\"tolong\",\"messageId\":\"x-1\"}",
                AUTH, SLEMAN);
        assertThat(operator.status()).as("an operator is not a gateway").isEqualTo(403);
        Http.Response administrator = http.post("/api/texts/inbound", "{\"from\":\"+6281200000001\",\"to\":\"110\",\"text\":\"tolong\",\"messageId\":\"x-1\"}",
                AUTH, ADMIN);
        assertThat(administrator.status()).as("nor is an administrator: only the gateway's key places texts").isEqualTo(403);
        String poldaKey = http.post("/api/admin/api-keys", "{\"name\":\"Polda DIY app\",\"roles\":[\"INTEGRATION\"],\"station\":\"POLDA-DIY\"}",
                AUTH, ADMIN).json().path("apiKey").asString();
        Http.Response polda = http.post("/api/texts/inbound", "{\"from\":\"+6281200000001\",\"to\":\"110\",\"text\":\"tolong\",\"messageId\":\"x-1\"}",
                "X-Api-Key", poldaKey);
        assertThat(polda.status()).as("a Polda's key could move any number's conversation into its scope").isEqualTo(403);
        String[][] bad = {
                {"not JSON", "{\"from\":", "not JSON"},
                {"no messageId", "{\"from\":\"+6281200000001\",\"to\":\"110\",\"text\":\"tolong\"}", "messageId is required"},
                {"a number that is not one", "{\"from\":\"polisi\",\"to\":\"110\",\"text\":\"tolong\",\"messageId\":\"x-2\"}", "not a phone number"},
                {"an empty text", "{\"from\":\"+6281200000001\",\"to\":\"110\",\"text\":\"  \",\"messageId\":\"x-3\"}", "text is empty"},
                {"a bad time", "{\"from\":\"+6281200000001\",\"to\":\"110\",\"text\":\"a\",\"messageId\":\"x-4\",\"receivedAt\":\"kemarin\"}", "receivedAt"},
                {"an unknown field", "{\"from\":\"+6281200000001\",\"to\":\"110\",\"text\":\"a\",\"messageId\":\"x-5\",\"sender\":\"x\"}", "unknown field"},
        };
        for (String[] b : bad) {
            Http.Response r = http.post("/api/texts/inbound", b[1], "X-Api-Key", key(http));
            assertThat(r.status()).as(b[0] + ": " + r.body()).isEqualTo(400);
            assertThat(r.contentType()).as(b[0]).startsWith("application/problem+json");
            assertThat(r.json().path("detail").asString()).as(b[0]).contains(b[2]);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM text_message", Integer.class)).as("nothing stored").isZero();
    }

    @Test
    @Order(2)
    void aTexterInSlemanIsAnsweredByASlemanOperatorThroughTheGateway() throws Exception {
        Http http = new Http(port);
        String number = "+6281234500001";
        Http.Response aml = amlInSleman(http, "081234500001", "gw-aml-1");
        assertThat(aml.status()).as(aml.body()).isEqualTo(200);
        assertThat(aml.json().path("kind").asString()).isEqualTo("aml");
        assertThat(aml.json().path("located").asBoolean()).isTrue();

        Http.Response first = inbound(http, number, "Tolong, ada perampokan di rumah tetangga, Jl. Kaliurang km 7", "gw-1001");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String conversation = first.json().path("conversation").asString();
        String incident = first.json().path("incident").asString();
        assertThat(first.json().path("station").asString()).as("placed by the handset's AML").isEqualTo("POLRES-3404");
        assertThat(incident).isNotBlank();
        Http.Response opened = http.get("/api/incidents/" + incident, AUTH, SLEMAN);
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        assertThat(opened.json().path("type").asString()).isEqualTo("TEXT_REPORT");
        assertThat(opened.json().path("station").asString()).isEqualTo("POLRES-3404");

        Http.Response again = inbound(http, number, "Tolong, ada perampokan di rumah tetangga, Jl. Kaliurang km 7", "gw-1001");
        assertThat(again.status()).as("the gateway's resend: " + again.body()).isEqualTo(200);
        assertThat(again.json().path("repeat").asBoolean()).isTrue();
        assertThat(again.json().path("message").asString()).isEqualTo(first.json().path("message").asString());

        TextGateway.Request automatic = gateway.awaitTaken(b -> b.contains(number) && b.contains("110 POLRI"), PATIENCE);
        assertThat(automatic).as("the automatic first reply reached the gateway").isNotNull();
        assertThat(automatic.body()).contains("\"to\":\"" + number + "\"").contains("\"conversation\":\"" + conversation + "\"");

        Http.Response list = http.get("/api/texts", AUTH, SLEMAN);
        assertThat(list.status()).isEqualTo(200);
        JsonNode mine = null;
        for (JsonNode c : list.json()) {
            if (c.path("id").asString().equals(conversation)) {
                mine = c;
            }
        }
        assertThat(mine).as("Sleman's operator sees it").isNotNull();
        assertThat(mine.path("alerting").asBoolean()).isTrue();
        assertThat(mine.path("locatedBy").asString()).isEqualTo("AML");
        assertThat(http.get("/api/texts", AUTH, BANTUL).body()).as("Bantul's does not").doesNotContain(conversation);
        assertThat(http.get("/api/texts/" + conversation, AUTH, BANTUL).status()).isEqualTo(403);

        Http.Response take = http.post("/api/texts/" + conversation + "/take", "", AUTH, SLEMAN);
        assertThat(take.status()).as(take.body()).isEqualTo(200);
        assertThat(take.json().path("conversation").path("takenBy").asString()).isEqualTo("operator.sleman1");
        Http.Response stolen = http.post("/api/texts/" + conversation + "/take", "", AUTH, SLEMAN_2);
        assertThat(stolen.status()).as("taken already").isEqualTo(409);

        Http.Response sent = http.post("/api/texts/" + conversation + "/replies", "{\"text\":\"Petugas Polres Sleman menuju lokasi. Kunci pintu.\"}", AUTH, SLEMAN);
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        String replyId = sent.json().path("id").asString();
        TextGateway.Request delivered = gateway.awaitTaken(b -> b.contains(replyId), PATIENCE);
        assertThat(delivered).as("the operator's reply reached the gateway").isNotNull();
        assertThat(delivered.body()).contains("Petugas Polres Sleman menuju lokasi").contains(number);
        JsonNode thread = await("the reply shown as sent", () -> thread(http, conversation, SLEMAN), t -> "SENT".equals(reply(t, replyId).path("status").asString()));
        assertThat(thread.path("messages")).as("one text in, the automatic reply and the operator's").hasSize(3);
        assertThat(thread.path("messages").get(0).path("direction").asString()).isEqualTo("IN");
        assertThat(thread.path("messages").get(0).path("body").asString()).contains("perampokan");

        for (String type : new String[] {"TextConversationOpened", "TextReceived", "TextReceivedAgain", "TextIncidentAttached", "TextTaken",
                "TextReplyQueued", "TextReplySent"}) {
            assertThat(journalled(type, conversation)).as(type + " journalled").isPositive();
        }
    }

    @Test
    @Order(3)
    void aGatewayThatFailsThenRecoversDeliversTheReplyOnce() throws Exception {
        Http http = new Http(port);
        String number = "+6281234500002";
        amlInSleman(http, number, "gw-aml-2");
        String conversation = inbound(http, number, "Motor saya dicuri", "gw-2001").json().path("conversation").asString();
        assertThat(gateway.awaitTaken(b -> b.contains(number) && b.contains("110 POLRI"), PATIENCE)).isNotNull();
        gateway.failNext(2);
        Http.Response sent = http.post("/api/texts/" + conversation + "/replies", "{\"text\":\"Laporan dicatat, petugas datang.\"}", AUTH, SLEMAN_2);
        assertThat(sent.status()).as("replying takes it: " + sent.body()).isEqualTo(202);
        String replyId = sent.json().path("id").asString();
        JsonNode thread = await("the reply sent after the gateway recovered", () -> thread(http, conversation, SLEMAN_2),
                t -> "SENT".equals(reply(t, replyId).path("status").asString()));
        assertThat(reply(thread, replyId).path("attempts").asInt()).isEqualTo(3);
        assertThat(gateway.requests().stream().filter(r -> r.body().contains(replyId))).as("two refused, one taken")
                .extracting(TextGateway.Request::answered).containsExactly(503, 503, 202);
    }

    @Test
    @Order(4)
    void aTextWithoutLocationWaitsAtPoldaUntilItsAmlPlacesIt() throws Exception {
        Http http = new Http(port);
        String number = "+6281234500003";
        Http.Response first = inbound(http, number, "Saya tuli. Ada orang pingsan di jalan", "gw-3001");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String conversation = first.json().path("conversation").asString();
        assertThat(first.json().path("station").asString()).as("lokasi tidak diketahui: the default station").isEqualTo("POLDA-DIY");
        assertThat(first.json().hasNonNull("incident")).as("the incident waits for the AML").isFalse();
        JsonNode waiting = thread(http, conversation, DIY).path("conversation");
        assertThat(waiting.path("locatedBy").asString()).isEqualTo("UNKNOWN");
        assertThat(waiting.path("alerting").asBoolean()).isTrue();

        Http.Response aml = amlInSleman(http, number, "gw-aml-3");
        assertThat(aml.status()).as(aml.body()).isEqualTo(200);
        JsonNode placed = thread(http, conversation, SLEMAN).path("conversation");
        assertThat(placed.path("station").asString()).isEqualTo("POLRES-3404");
        assertThat(placed.path("locatedBy").asString()).isEqualTo("AML");
        String incident = placed.path("incident").asString();
        assertThat(incident).as("the incident opened with the AML's location").isNotBlank();
        assertThat(http.get("/api/incidents/" + incident, AUTH, SLEMAN).json().path("station").asString()).isEqualTo("POLRES-3404");
        assertThat(journalled("TextLocated", conversation)).isEqualTo(1);
    }

    @Test
    @Order(5)
    void aConversationNobodyTakesClimbsToPoldaAndStaysUntilTaken() throws Exception {
        Http http = new Http(port);
        String number = "+6281234500004";
        amlInSleman(http, number, "gw-aml-4");
        String conversation = inbound(http, number, "Ada tawuran pelajar", "gw-4001").json().path("conversation").asString();
        JsonNode climbed = await("offered to Polda DIY", () -> thread(http, conversation, DIY).path("conversation"),
                c -> c.path("offeredStation").asString().equals("POLDA-DIY"));
        assertThat(climbed.path("alerting").asBoolean()).as("Polda's console alerts").isTrue();
        assertThat(thread(http, conversation, SLEMAN).path("conversation").path("alerting").asBoolean()).as("and Sleman's still does").isTrue();
        await("offered to Mabes", () -> thread(http, conversation, DIY).path("conversation"), c -> c.path("offeredStation").asString().equals("MABES"));
        assertThat(journalled("TextEscalated", conversation)).isEqualTo(2);
        Thread.sleep(1_500); // the root is as high as it goes: it stays there, waiting
        assertThat(thread(http, conversation, DIY).path("conversation").path("waiting").asBoolean()).isTrue();
        assertThat(journalled("TextEscalated", conversation)).isEqualTo(2);
        Http.Response board = http.get("/api/texts", AUTH, Http.basic("supervisor.sleman", "siaga110"));
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.body()).as("on Sleman's supervisor board while it waits").contains(conversation);

        assertThat(http.post("/api/texts/" + conversation + "/take", "", AUTH, DIY).status()).isEqualTo(200);
        JsonNode taken = thread(http, conversation, DIY).path("conversation");
        assertThat(taken.path("waiting").asBoolean()).isFalse();
        assertThat(taken.path("alerting").asBoolean()).isFalse();
    }

    @Test
    @Order(6)
    void aNumberFlaggedForPranksStillGetsThroughMarked() {
        Http http = new Http(port);
        String number = "+6281234500006";
        Screening screening = context.getBean(Screening.class);
        for (int i = 1; i <= 4; i++) {
            screening.classify("prank-call-" + i, number, "POLRES-3404", Classification.PRANK, "operator.sleman2", false, null);
        }
        amlInSleman(http, number, "gw-aml-6");
        Http.Response in = inbound(http, number, "Tolong, kali ini sungguhan: rumah saya kebakaran", "gw-6001");
        assertThat(in.status()).as(in.body()).isEqualTo(201);
        JsonNode c = thread(http, in.json().path("conversation").asString(), SLEMAN).path("conversation");
        assertThat(c.path("flagged").asBoolean()).isTrue();
        assertThat(c.path("alerting").asBoolean()).as("it alerts like any other").isTrue();
        assertThat(http.get("/api/incidents/" + c.path("incident").asString(), AUTH, SLEMAN).json().path("description").asString())
                .contains("ditandai sering iseng");
    }

    @Test
    @Order(7)
    void aReplyQueuedWhileTheGatewayIsDownIsDeliveredAfterARestart() throws Exception {
        Http http = new Http(port);
        String number = "+6281234500005";
        amlInSleman(http, number, "gw-aml-5");
        String conversation = inbound(http, number, "KDRT di rumah sebelah", "gw-5001").json().path("conversation").asString();
        assertThat(gateway.awaitTaken(b -> b.contains(number) && b.contains("110 POLRI"), PATIENCE)).isNotNull();
        gateway.down(true);
        String replyId = http.post("/api/texts/" + conversation + "/replies", "{\"text\":\"Tetap di kamar, petugas datang.\"}", AUTH, SLEMAN)
                .json().path("id").asString();
        await("refused at least once", () -> thread(http, conversation, SLEMAN), t -> reply(t, replyId).path("attempts").asInt() >= 1);
        ((AutoCloseable) context.getBean("textReplies")).close(); // the node stops: only the database remembers the reply
        assertThat(reply(thread(http, conversation, SLEMAN), replyId).path("status").asString()).isEqualTo("PENDING");
        gateway.down(false);

        TextStore store = context.getBean(TextStore.class);
        TextEvents events = context.getBean(TextEvents.class);
        try (TextReplySender restarted = new TextReplySender(store, URI.create(gateway.url()), new WebhookBackoff(Duration.ofMillis(20),
                Duration.ofMillis(50), () -> 0.5), 5, Duration.ofSeconds(5), Duration.ofMillis(20), events, Clock.systemUTC(), JsonMapper.builder().build())) {
            restarted.start();
            await("delivered by the new worker", () -> thread(http, conversation, SLEMAN), t -> "SENT".equals(reply(t, replyId).path("status").asString()));
        }
        assertThat(gateway.requests().stream().filter(r -> r.body().contains(replyId) && r.answered() == 202)).as("delivered once").hasSize(1);
    }
}
