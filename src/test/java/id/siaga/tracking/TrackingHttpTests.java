package id.siaga.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.journal.Journal;
import id.siaga.journal.JournalEntry;
import id.siaga.journal.SubjectKind;
import id.siaga.tracking.internal.OsmAndHttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The OsmAnd door of the running service on a real socket, fed the captured device requests of
 * {@code src/test/resources/osmand/}: good positions move the live index and reach the history, bad ones get 400 with
 * a reason and are journalled, a 1 MB body gets 413 and the door keeps serving.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.datasource.url=jdbc:h2:mem:trackinghttptests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/trackinghttptests-spool.jsonl", "siaga.telephony.enabled=false",
        "siaga.tracking.osmand-port=0"})
class TrackingHttpTests {

    @Autowired
    OsmAndHttpServer server;
    @Autowired
    LivePositions live;
    @Autowired
    TrackStore history;
    @Autowired
    Journal journal;

    static final Instant DAY = Instant.parse("2026-11-28T00:00:00Z");

    RawHttp.Answer send(String fixture) {
        try (RawHttp http = new RawHttp(server.port())) {
            return http.send(OsmAndFixture.load(fixture).bytes());
        }
    }

    @Test
    void theOsmAndAppsGetMovesTheUnitAndReachesTheHistory() {
        RawHttp.Answer a = send("osmand-get-epoch-millis.http");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).isEmpty();
        Position p = live.last("SLM-R4-01").orElseThrow();
        assertThat(p.fixTime()).isEqualTo(Instant.parse("2026-11-28T16:47:12Z"));
        assertThat(p.latitude()).isEqualTo(-7.7156);
        assertThat(live.lastSeen("SLM-R4-01")).isPresent();
        List<Position> track = eventually(() -> history.track("SLM-R4-01", DAY, DAY.plusSeconds(86_400), 100),
                t -> t.stream().anyMatch(x -> x.deviceId().equals("860001040000101")));
        assertThat(track).extracting(Position::source).contains(PositionSource.OSMAND_HTTP);
    }

    @Test
    void postsOfQueryFormAndJsonOnOneKeptAliveConnection() {
        try (RawHttp http = new RawHttp(server.port())) {
            assertThat(http.send(OsmAndFixture.load("form-body-deviceid-spaced-time.http").bytes()).status()).isEqualTo(200);
            assertThat(http.send(OsmAndFixture.load("traccar-post-query-epoch-seconds.http").bytes()).status()).isEqualTo(200);
            assertThat(http.send(OsmAndFixture.load("traccar-json.http").bytes()).status()).isEqualTo(200);
            assertThat(http.send(OsmAndFixture.load("get-location-iso-offset.http").bytes()).status()).isEqualTo(200);
        }
        assertThat(live.last("YK-R4-01").orElseThrow().bearingDegrees()).isEqualTo(271.5);
        assertThat(live.last("BTL-R4-01").orElseThrow().fixTime()).isEqualTo(Instant.parse("2026-11-28T10:07:12Z"));
    }

    @Test
    void aHeartbeatRefreshesLastSeenWithoutAPosition() {
        assertThat(send("get-heartbeat-zero.http").status()).isEqualTo(200);
        assertThat(live.lastSeen("SLM-R4-02")).isPresent();
        assertThat(live.last("SLM-R4-02")).isEmpty();
    }

    @Test
    void unknownDevicesAndGarbageGet400WithAReasonAndAreJournalled() {
        RawHttp.Answer unknown = send("get-unknown-device.http");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.header("content-type")).startsWith("text/plain");
        assertThat(unknown.body()).contains("UNKNOWN_DEVICE").contains("999999999999999");
        assertThat(send("get-garbage-lat.http").body()).contains("MALFORMED: lat is not a number: 'minus-seven'");
        assertThat(send("get-nan.http").body()).contains("INVALID_COORDINATES");
        assertThat(send("traccar-json-wrong-types.http").body()).contains("coords.latitude must be a number");
        assertThat(send("get-no-id.http").status()).isEqualTo(400);

        List<JournalEntry> system = eventually(() -> journal.bySubject(SubjectKind.SYSTEM, "tracking", 100),
                l -> l.stream().anyMatch(e -> e.payload().contains("999999999999999")));
        assertThat(system).filteredOn(e -> e.payload().contains("999999999999999")).first()
                .satisfies(e -> assertThat(e.type()).isEqualTo("PositionRejected"))
                .satisfies(e -> assertThat(e.payload()).contains("\"reason\":\"UNKNOWN_DEVICE\"").contains("\"count\":1")
                        .contains("\"source\":\"OSMAND_HTTP\""));
        List<JournalEntry> unit = eventually(() -> journal.bySubject(SubjectKind.UNIT, "SLM-R4-01", 100),
                l -> l.stream().filter(e -> e.type().equals("PositionRejected")).count() >= 2);
        assertThat(unit).extracting(JournalEntry::payload).anySatisfy(p -> assertThat(p).contains("MALFORMED").contains("minus-seven"))
                .anySatisfy(p -> assertThat(p).contains("INVALID_COORDINATES"));
    }

    @Test
    void aRepeatedRefusalIsJournalledOncePerMinute() {
        String device = "flood-" + System.nanoTime();
        try (RawHttp http = new RawHttp(server.port())) {
            for (int i = 0; i < 20; i++) {
                byte[] request = ("GET /?id=" + device + "&lat=-7.7&lon=110.3 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                assertThat(http.send(request).status()).isEqualTo(400);
            }
        }
        List<JournalEntry> after = eventually(() -> journal.bySubject(SubjectKind.SYSTEM, "tracking", 1000),
                l -> l.stream().anyMatch(e -> e.payload().contains(device)));
        assertThat(after.stream().filter(e -> e.payload().contains(device)).count()).as("the other 19 wait for the next entry").isEqualTo(1);
    }

    @Test
    void aBatchAnswersPerElementAndKeepsTheGoodOnes() {
        RawHttp.Answer a = send("batch-array.http");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.header("content-type")).isEqualTo("application/json");
        assertThat(a.body()).startsWith("{\"accepted\":4,\"rejected\":1,")
                .contains("{\"index\":2,\"outcome\":\"REJECTED\",\"reason\":\"MALFORMED\",\"detail\":\"coords.latitude must be a number, got \\\"north\\\"\"}")
                .contains("{\"index\":4,\"outcome\":\"OUT_OF_ORDER\"}");
        assertThat(live.last("SLM-R2-01").orElseThrow().fixTime()).isEqualTo(Instant.parse("2026-11-28T09:01:30Z"));
        assertThat(eventually(() -> history.track("SLM-R2-01", DAY, DAY.plusSeconds(86_400), 100), t -> t.size() >= 4))
                .extracting(Position::fixTime).contains(Instant.parse("2026-11-28T08:59:30Z"), Instant.parse("2026-11-28T09:01:30Z"));
        assertThat(http("GET", "/batch", new byte[0]).statusCode()).isEqualTo(405);
    }

    @Test
    void aMegabyteGets413AndTheDoorKeepsServing() {
        byte[] huge = new byte[1 << 20];
        java.util.Arrays.fill(huge, (byte) 'a');
        assertThat(http("POST", "/", huge).statusCode()).isEqualTo(413);
        assertThat(http("POST", "/batch", huge).statusCode()).isEqualTo(413);
        HttpResponse<String> put = http("PUT", "/?id=860001710000102&lat=-7.8&lon=110.36", new byte[0]);
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow")).contains("GET, POST");
        HttpResponse<String> good = http("GET", "/?id=860001710000102&lat=-7.80119&lon=110.36474&speed=0", new byte[0]);
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(live.last("YK-R4-02").orElseThrow().latitude()).isEqualTo(-7.80119);
    }

    HttpResponse<String> http(String method, String path, byte[] body) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What {@code read} returns once {@code done} holds (the writer and the journal work on their own threads). */
    static <T> T eventually(Supplier<T> read, java.util.function.Predicate<T> done) {
        long until = System.nanoTime() + 20_000_000_000L;
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < until) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            value = read.get();
        }
        return value;
    }
}
