package id.siaga.web;

import static id.siaga.web.CallDriver.IN_BANTUL;
import static id.siaga.web.CallDriver.IN_SLEMAN;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.telephony.CallId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 110 calls through the API over real HTTP, with the SIP edge off and the test playing the phones: who sees
 * which live call, the live stream, the history once calls end, and one call's story from the journal.
 */
class CallApiTests extends CallApiTestBase {

    @Test
    void aSlemanOperatorSeesTheLiveSlemanCallButNotBantulsAndThePoldaSupervisorSeesBoth() {
        CallId sleman = calls.dial("+6281200100001", IN_SLEMAN, "OP-3404-1");
        CallId bantul = calls.dial("+6281200100002", IN_BANTUL, "OP-3402-1");
        try {
            Http.Response own = http.get("/api/calls", AUTH, SLEMAN_OPERATOR);
            assertThat(own.status()).isEqualTo(200);
            assertThat(ids(own.json())).contains(sleman.value()).doesNotContain(bantul.value());
            JsonNode call = find(own.json(), sleman.value());
            assertThat(call.path("state").asString()).isEqualTo("RINGING");
            assertThat(call.path("station").asString()).isEqualTo("POLRES-3404");
            assertThat(call.path("callerNumber").asString()).isEqualTo("+6281200100001");
            assertThat(call.path("locationSource").asString()).isEqualTo("PIDF_LO");

            assertThat(ids(http.get("/api/calls", AUTH, BANTUL_OPERATOR).json())).contains(bantul.value()).doesNotContain(sleman.value());
            assertThat(ids(http.get("/api/calls", AUTH, DIY_SUPERVISOR).json())).contains(sleman.value(), bantul.value());

            Http.Response live = http.get("/api/calls/" + sleman.value(), AUTH, SLEMAN_OPERATOR);
            assertThat(live.status()).isEqualTo(200);
            assertThat(live.json().path("live").path("id").asString()).isEqualTo(sleman.value());
            assertThat(live.json().has("record")).as("no record while the call is live").isFalse();
            Http.Response other = http.get("/api/calls/" + bantul.value(), AUTH, SLEMAN_OPERATOR);
            assertThat(other.status()).isEqualTo(403);
            assertThat(other.contentType()).startsWith("application/problem+json");

            assertThat(http.get("/api/calls", AUTH, SLEMAN_OFFICER).status()).as("field officers get no caller data").isEqualTo(403);
        } finally {
            calls.answerAndHangUp(sleman, "OP-3404-1");
            calls.answerAndHangUp(bantul, "OP-3402-1");
        }
    }

    @Test
    void finishedCallsAreInTheHistoryOfTheirStationWithTheirStoryFromTheJournal() {
        CallId sleman = calls.dial("+6281200100011", IN_SLEMAN, "OP-3404-1");
        calls.answerAndHangUp(sleman, "OP-3404-1");
        CallId bantul = calls.dial("+6281200100012", IN_BANTUL, "OP-3402-1");
        calls.answerAndHangUp(bantul, "OP-3402-1");

        List<String> both = CallDriver.awaitValue("both calls are in the Polda's history",
                () -> ids(http.get("/api/calls/history", AUTH, DIY_SUPERVISOR).json()), h -> h.contains(bantul.value()) && h.contains(sleman.value()));
        assertThat(both.indexOf(bantul.value())).as("newest first").isLessThan(both.indexOf(sleman.value()));

        JsonNode own = http.get("/api/calls/history", AUTH, SLEMAN_OPERATOR).json();
        assertThat(ids(own)).contains(sleman.value()).doesNotContain(bantul.value());
        JsonNode record = find(own, sleman.value());
        assertThat(record.path("outcome").asString()).isEqualTo("ANSWERED");
        assertThat(record.path("station").asString()).isEqualTo("POLRES-3404");
        assertThat(record.path("answeredBy").asString()).isEqualTo("OP-3404-1");
        assertThat(record.path("answeredAtStation").asString()).isEqualTo("POLRES-3404");
        assertThat(record.path("answeredTier").asInt()).isZero();
        assertThat(record.path("endedBy").asString()).isEqualTo("operator");
        assertThat(record.path("latitude").asDouble()).isEqualTo(-7.7156);
        assertThat(record.path("dialled").asString()).isEqualTo("110");

        JsonNode detail = CallDriver.awaitValue("the journal holds the end of the call",
                () -> http.get("/api/calls/" + sleman.value(), AUTH, SLEMAN_OPERATOR).json(), d -> types(d).contains("CallEnded"));
        assertThat(detail.path("record").path("outcome").asString()).isEqualTo("ANSWERED");
        assertThat(detail.has("live")).isFalse();
        assertThat(types(detail)).containsSubsequence("CallOffered", "CallLocated", "CallRouted", "LegRang", "CallAnswered", "CallEnded");
        JsonNode routed = entries(detail).stream().filter(e -> e.path("type").asString().equals("CallRouted")).findFirst().orElseThrow();
        assertThat(routed.path("payload").path("station").asString()).as("payload is JSON, not a string").isEqualTo("POLRES-3404");

        assertThat(http.get("/api/calls/" + bantul.value(), AUTH, SLEMAN_OPERATOR).status()).isEqualTo(403);
        assertThat(http.get("/api/calls/" + bantul.value(), AUTH, DIY_SUPERVISOR).status()).isEqualTo(200);
        Http.Response unknown = http.get("/api/calls/" + CallId.random().value(), AUTH, SLEMAN_OPERATOR);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aCallThatHasJustEndedIsFoundWhileItsRecordIsStillOnItsWayToTheHistory() throws Exception {
        // hold the thread that keeps call records on the first call's "ended": the second call's record then
        // waits behind it, out of the live calls and not yet in the history
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        CallId first = calls.dial("+6281200100021", IN_SLEMAN, "OP-3404-1");
        java.util.function.Consumer<id.siaga.telephony.CallUpdate> blocker = u -> {
            if (u.event().equals("ended") && u.call().id().equals(first.value())) {
                held.countDown();
                try {
                    release.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        coordinator.addListener(blocker);
        try {
            calls.answerAndHangUp(first, "OP-3404-1");
            assertThat(held.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            CallId second = calls.dial("+6281200100022", IN_SLEMAN, "OP-3404-1");
            calls.answerAndHangUp(second, "OP-3404-1");
            assertThat(coordinator.live()).noneMatch(c -> c.id().equals(second.value()));
            assertThat(coordinator.justEnded(second)).as("the second call's record waits behind the held thread").isPresent();

            Http.Response detail = http.get("/api/calls/" + second.value(), AUTH, SLEMAN_OPERATOR);
            assertThat(detail.status()).isEqualTo(200);
            assertThat(detail.json().path("record").path("outcome").asString()).isEqualTo("ANSWERED");
            assertThat(detail.json().path("record").path("answeredBy").asString()).isEqualTo("OP-3404-1");
            assertThat(http.get("/api/calls/" + second.value(), AUTH, BANTUL_OPERATOR).status()).as("still scoped").isEqualTo(403);
        } finally {
            release.countDown();
            coordinator.removeListener(blocker);
        }
    }

    @Test
    void whenTheCallLoopIsStalledTheLiveListAnswers503WithRetryAfterAndTheServiceKeepsServing() throws Exception {
        java.util.concurrent.CountDownLatch stalled = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        // "offered" is told on the call loop: a listener that does not return stalls it
        java.util.function.Consumer<id.siaga.telephony.CallUpdate> staller = u -> {
            if (u.event().equals("offered") && u.call().callerNumber().equals("+6281200100031")) {
                stalled.countDown();
                try {
                    release.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        coordinator.addListener(staller);
        CallId stalledCall = CallId.random();
        try {
            coordinator.offer(new id.siaga.telephony.IncomingCall(stalledCall, "+6281200100031", "110", IN_SLEMAN, null));
            assertThat(stalled.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            Http.Response busy = http.get("/api/calls", AUTH, SLEMAN_OPERATOR);
            assertThat(busy.status()).isEqualTo(503);
            assertThat(busy.contentType()).startsWith("application/problem+json");
            assertThat(busy.header("Retry-After")).isNotBlank();
            assertThat(http.get("/api/me", AUTH, SLEMAN_OPERATOR).status()).as("the rest of the service still answers").isEqualTo(200);
        } finally {
            release.countDown();
            coordinator.removeListener(staller);
            coordinator.callerHungUp(stalledCall);
        }
        assertThat(CallDriver.awaitValue("the live list answers again", () -> http.get("/api/calls", AUTH, SLEMAN_OPERATOR).status(),
                s -> s == 200)).isEqualTo(200);
    }

    @Test
    void everyReadOfACallersLocationIsJournalledWithWhoReadItAndHow() {
        CallId call = calls.dial("+6281200100041", IN_SLEMAN, "OP-3404-1");
        assertThat(ids(http.get("/api/calls", AUTH, SLEMAN_OPERATOR).json())).contains(call.value());
        calls.answerAndHangUp(call, "OP-3404-1");
        CallDriver.awaitValue("the call is in the history", () -> ids(http.get("/api/calls/history", AUTH, DIY_SUPERVISOR).json()),
                h -> h.contains(call.value()));
        http.get("/api/calls/" + call.value(), AUTH, SLEMAN_OPERATOR);

        JsonNode detail = CallDriver.awaitValue("the reads are journalled", () -> http.get("/api/calls/" + call.value(), AUTH, DIY_SUPERVISOR).json(),
                d -> reads(d).size() >= 3);
        List<String> reads = reads(detail);
        assertThat(reads).contains("operator.sleman1 GET /api/calls", "supervisor.diy GET /api/calls/history",
                "operator.sleman1 GET /api/calls/{id}");
        // the reads are part of this call's own story
        assertThat(entries(detail)).filteredOn(e -> e.path("type").asString().equals("CallerLocationRead"))
                .allSatisfy(e -> assertThat(e.path("subjectId").asString()).isEqualTo(call.value()));
    }

    @Test
    void aReportBeforeTheCallJoinsItWhenItComesAndALateOneJoinsTheEndedCall() {
        id.siaga.location.LocationFix bantul = new id.siaga.location.LocationFix(-7.8886, 110.33, 9, id.siaga.location.LocationSource.AML,
                "GNSS", java.util.Optional.empty());
        // an AML SMS that overtook its INVITE: kept for the call, which then rings in Bantul although it carries no location
        coordinator.locationReport("+6281200100051", bantul, true, java.util.Optional.empty(), "AML over SMS");
        CallId early = calls.dial("+6281200100051", null, "OP-3402-1");
        calls.answerAndHangUp(early, "OP-3402-1");
        JsonNode story = CallDriver.awaitValue("the early report is in the call's story",
                () -> http.get("/api/calls/" + early.value(), AUTH, BANTUL_OPERATOR).json(), d -> types(d).contains("CallEnded"));
        JsonNode located = entries(story).stream().filter(e -> e.path("type").asString().equals("CallLocated")).findFirst().orElseThrow();
        assertThat(located.path("payload").path("via").asString()).isEqualTo("report before the call");
        assertThat(story.path("record").path("station").asString()).isEqualTo("POLRES-3402");

        // a report after the call ended still joins that call's story, for the call-back and the record
        coordinator.locationReport("+6281200100051", bantul, true, java.util.Optional.empty(), "AML over HTTPS");
        JsonNode after = CallDriver.awaitValue("the late report is in the ended call's story",
                () -> http.get("/api/calls/" + early.value(), AUTH, BANTUL_OPERATOR).json(),
                d -> entries(d).stream().anyMatch(e -> e.path("payload").path("afterEnd").asBoolean(false)));
        assertThat(types(after)).containsSubsequence("CallAnswered", "CallEnded", "CallLocated");
    }

    static List<String> reads(JsonNode detail) {
        return entries(detail).stream().filter(e -> e.path("type").asString().equals("CallerLocationRead"))
                .map(e -> e.path("actor").asString() + " " + e.path("payload").path("via").asString()).toList();
    }

    @Test
    void aCallersEarlierCallsAreFoundByTheirNumberWrittenAnyWay() {
        CallId earlier = calls.dial("+6281200100061", IN_SLEMAN, "OP-3404-1");
        calls.answerAndHangUp(earlier, "OP-3404-1");
        CallId gaveUp = calls.dial("+6281200100061", IN_SLEMAN, "OP-3404-1");
        calls.callerHangsUp(gaveUp);
        CallId other = calls.dial("+6281200100062", IN_SLEMAN, "OP-3404-1");
        calls.answerAndHangUp(other, "OP-3404-1");
        CallDriver.await("the three calls are recorded", () -> ids(http.get("/api/calls/history", AUTH, SLEMAN_OPERATOR).json())
                .containsAll(List.of(earlier.value(), gaveUp.value(), other.value())));

        for (String written : List.of("%2B6281200100061", "081200100061", "6281200100061")) {
            JsonNode mine = http.get("/api/calls/history?caller=" + written, AUTH, SLEMAN_OPERATOR).json();
            assertThat(ids(mine)).as(written).containsExactly(gaveUp.value(), earlier.value());
            assertThat(mine.get(0).path("outcome").asString()).isEqualTo("ABANDONED");
            assertThat(mine.get(1).path("outcome").asString()).isEqualTo("ANSWERED");
        }
        assertThat(ids(http.get("/api/calls/history?caller=081200100061&limit=1", AUTH, SLEMAN_OPERATOR).json()))
                .containsExactly(gaveUp.value());
        assertThat(http.get("/api/calls/history?caller=081200100061", AUTH, BANTUL_OPERATOR).json())
                .as("another Polres sees none of Sleman's calls").isEmpty();
        assertThat(http.get("/api/calls/history?caller=anonymous", AUTH, SLEMAN_OPERATOR).json()).as("a withheld number").isEmpty();
        assertThat(http.get("/api/calls/history?caller=081200100061&since=2026-01-01T00:00:00Z", AUTH, SLEMAN_OPERATOR).status())
                .isEqualTo(400);
    }

    @Test
    void historyTakesALimitAndATimeWindowAndRefusesNonsense() {
        CallId first = calls.dial("+6281200100021", IN_SLEMAN, "OP-3404-1");
        calls.answerAndHangUp(first, "OP-3404-1");
        CallId second = calls.dial("+6281200100022", IN_SLEMAN, "OP-3404-1");
        calls.answerAndHangUp(second, "OP-3404-1");
        CallDriver.await("both calls are recorded", () -> ids(http.get("/api/calls/history", AUTH, SLEMAN_OPERATOR).json())
                .containsAll(List.of(first.value(), second.value())));

        assertThat(ids(http.get("/api/calls/history?limit=1", AUTH, SLEMAN_OPERATOR).json())).containsExactly(second.value());
        String secondOffered = find(http.get("/api/calls/history", AUTH, SLEMAN_OPERATOR).json(), second.value()).path("offeredAt").asString();
        assertThat(ids(http.get("/api/calls/history?since=" + secondOffered, AUTH, SLEMAN_OPERATOR).json()))
                .contains(second.value()).doesNotContain(first.value());
        assertThat(ids(http.get("/api/calls/history?until=" + secondOffered, AUTH, SLEMAN_OPERATOR).json()))
                .contains(first.value()).doesNotContain(second.value());
        assertThat(http.get("/api/calls/history?since=2999-01-01T00:00:00Z", AUTH, SLEMAN_OPERATOR).json()).isEmpty();

        for (String query : List.of("limit=0", "limit=1001", "limit=x", "since=yesterday",
                "since=2026-11-28T10:00:00Z&until=2026-11-28T09:00:00Z")) {
            Http.Response r = http.get("/api/calls/history?" + query, AUTH, SLEMAN_OPERATOR);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.contentType()).as(query).startsWith("application/problem+json");
        }
    }

    @Test
    void theStreamTellsASlemanOperatorOfTheSlemanCallButNotOfBantuls() throws Exception {
        try (EventStream sleman = EventStream.open(port, SLEMAN_OPERATOR); EventStream polda = EventStream.open(port, DIY_SUPERVISOR)) {
            CallId bantulCall = calls.dial("+6281200100032", IN_BANTUL, "OP-3402-1");
            CallId slemanCall = calls.dial("+6281200100031", IN_SLEMAN, "OP-3404-1");
            try {
                List<Event> seenBySleman = sleman.until(e -> e.name().equals("offered") && e.data().contains(slemanCall.value()));
                assertThat(seenBySleman).as("the Bantul call was offered first, on the same ordered stream")
                        .noneMatch(e -> e.data().contains(bantulCall.value()));
                JsonNode offered = Http.JSON.readTree(seenBySleman.get(seenBySleman.size() - 1).data());
                assertThat(offered.path("station").asString()).isEqualTo("POLRES-3404");
                assertThat(offered.path("state").asString()).isEqualTo("RINGING");

                List<Event> seenByPolda = polda.until(e -> e.name().equals("offered") && e.data().contains(slemanCall.value()));
                assertThat(seenByPolda).as("the Polda supervisor sees the Bantul call too")
                        .anyMatch(e -> e.name().equals("offered") && e.data().contains(bantulCall.value()));
            } finally {
                calls.answerAndHangUp(slemanCall, "OP-3404-1");
                calls.answerAndHangUp(bantulCall, "OP-3402-1");
            }
            assertThat(sleman.until(e -> e.name().equals("ended") && e.data().contains(slemanCall.value())))
                    .anyMatch(e -> e.name().equals("answered") && e.data().contains("OP-3404-1"))
                    .noneMatch(e -> e.data().contains(bantulCall.value()));
        }
    }

    @Test
    void theStreamNeedsALoginAndACallTakingRole() {
        assertThat(http.get("/api/calls/stream").status()).isEqualTo(401);
        assertThat(http.get("/api/calls/stream", AUTH, SLEMAN_OFFICER).status()).isEqualTo(403);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    record Event(String name, String data) {
    }

    /** A Server-Sent Events subscription read line by line on a background thread. */
    static final class EventStream implements AutoCloseable {
        private final Stream<String> lines;
        private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final Thread reader;

        private EventStream(Stream<String> lines) {
            this.lines = lines;
            this.reader = new Thread(() -> {
                try {
                    lines.forEach(received::add);
                } catch (RuntimeException e) {
                    // closed by the test
                }
            }, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static EventStream open(int port, String authorization) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/calls/stream"))
                    .header(AUTH, authorization).header("Accept", "text/event-stream")
                    .timeout(java.time.Duration.ofSeconds(20)) // until the response headers: a stream that never starts fails, not hangs
                    .GET().build();
            HttpResponse<Stream<String>> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request, HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            return new EventStream(response.body());
        }

        /** Events (comments skipped) up to and including the first that matches; fails after a deadline. */
        List<Event> until(java.util.function.Predicate<Event> last) throws InterruptedException {
            List<Event> events = new ArrayList<>();
            String name = "message";
            StringBuilder data = new StringBuilder();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (true) {
                long left = deadline - System.nanoTime();
                String line = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new AssertionError("no matching event within the deadline; events so far: " + events);
                }
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        Event e = new Event(name, data.toString());
                        events.add(e);
                        if (last.test(e)) {
                            return events;
                        }
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                }
            }
        }

        @Override
        public void close() {
            lines.close();
            reader.interrupt();
        }
    }

    static List<String> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path("id").asString()).toList();
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
