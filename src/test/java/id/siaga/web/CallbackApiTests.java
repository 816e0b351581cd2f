package id.siaga.web;

import static id.siaga.web.CallDriver.IN_BANTUL;
import static id.siaga.web.CallDriver.IN_SLEMAN;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.telephony.CallId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Call-back tasks over real HTTP: a caller in Sleman hangs up while Polres Sleman's phones ring; a Sleman
 * operator sees the task (a Bantul operator does not), claims it, calls back and closes it with what came of
 * it; claiming a taken task or closing a closed one is 409.
 */
class CallbackApiTests extends CallApiTestBase {

    @Test
    void aSlemanCallerWhoHangsUpIsCalledBackBySlemanAndBantulNeverSeesTheTask() {
        CallId sleman = abandoned("+6281200200001", IN_SLEMAN, "OP-3404-1");
        CallId bantul = abandoned("+6281200200002", IN_BANTUL, "OP-3402-1");
        JsonNode slemanTask = taskOf(sleman, DIY_SUPERVISOR);
        JsonNode bantulTask = taskOf(bantul, DIY_SUPERVISOR);
        assertThat(slemanTask.path("station").asString()).isEqualTo("POLRES-3404");
        assertThat(slemanTask.path("status").asString()).isEqualTo("OPEN");
        assertThat(slemanTask.path("callerNumber").asString()).isEqualTo("+6281200200001");
        assertThat(slemanTask.path("latitude").asDouble()).isEqualTo(-7.7156);

        JsonNode slemanList = http.get("/api/callbacks", AUTH, SLEMAN_OPERATOR).json();
        assertThat(calls(slemanList)).contains(sleman.value()).doesNotContain(bantul.value());
        assertThat(calls(http.get("/api/callbacks", AUTH, BANTUL_OPERATOR).json())).contains(bantul.value()).doesNotContain(sleman.value());
        String bantulId = bantulTask.path("id").asString();
        Http.Response foreign = http.post("/api/callbacks/" + bantulId + "/claim", "", AUTH, SLEMAN_OPERATOR);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(http.post("/api/callbacks/" + bantulId + "/close", "{\"outcome\":\"x\"}", AUTH, SLEMAN_OPERATOR).status()).isEqualTo(403);

        String id = slemanTask.path("id").asString();
        Http.Response claimed = http.post("/api/callbacks/" + id + "/claim", "", AUTH, SLEMAN_OPERATOR);
        assertThat(claimed.status()).isEqualTo(200);
        assertThat(claimed.json().path("status").asString()).isEqualTo("CLAIMED");
        assertThat(claimed.json().path("claimedBy").asString()).isEqualTo("operator.sleman1");

        Http.Response taken = http.post("/api/callbacks/" + id + "/claim", "", AUTH, SLEMAN_OPERATOR_2);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.contentType()).startsWith("application/problem+json");
        assertThat(taken.json().path("detail").asString()).contains("CLAIMED by operator.sleman1");

        Http.Response closed = http.post("/api/callbacks/" + id + "/close", "{\"outcome\":\"called back: a misdial, no emergency\"}",
                AUTH, SLEMAN_OPERATOR);
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().path("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.json().path("outcome").asString()).isEqualTo("called back: a misdial, no emergency");
        assertThat(closed.json().path("closedBy").asString()).isEqualTo("operator.sleman1");

        Http.Response again = http.post("/api/callbacks/" + id + "/close", "{\"outcome\":\"again\"}", AUTH, SLEMAN_OPERATOR);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("detail").asString()).contains("already closed");
        assertThat(http.post("/api/callbacks/" + id + "/claim", "", AUTH, SLEMAN_OPERATOR_2).status()).isEqualTo(409);

        assertThat(calls(http.get("/api/callbacks", AUTH, SLEMAN_OPERATOR).json())).doesNotContain(sleman.value());
        JsonNode withClosed = http.get("/api/callbacks?includeClosed=true", AUTH, SLEMAN_OPERATOR).json();
        assertThat(calls(withClosed)).contains(sleman.value()).doesNotContain(bantul.value());

        JsonNode story = CallDriver.awaitValue("the journal holds the closing", () -> http.get("/api/calls/" + sleman.value(), AUTH,
                SLEMAN_OPERATOR).json(), d -> CallApiTests.types(d).contains("CallbackTaskClosed"));
        assertThat(CallApiTests.types(story)).containsSubsequence("CallOffered", "CallRouted", "LegRang", "CallAbandoned",
                "CallbackTaskOpened", "CallbackTaskClaimed", "CallbackTaskClosed");
        assertThat(story.path("record").path("outcome").asString()).isEqualTo("ABANDONED");
        assertThat(story.path("record").has("answeredBy")).isFalse();
    }

    @Test
    void whenAConsoleHearsTheCallEndedItsCallBackTaskIsAlreadyListed() throws Exception {
        java.util.concurrent.CompletableFuture<List<String>> listedAtEnd = new java.util.concurrent.CompletableFuture<>();
        java.util.function.Consumer<id.siaga.telephony.CallUpdate> console = u -> {
            if (u.event().equals("ended") && u.call().callerNumber().equals("+6281200200031")) {
                // what a console does on "ended": reload the call-back list
                listedAtEnd.complete(calls(http.get("/api/callbacks", AUTH, SLEMAN_OPERATOR).json()));
            }
        };
        coordinator.addListener(console);
        try {
            CallId call = abandoned("+6281200200031", IN_SLEMAN, "OP-3404-1");
            assertThat(listedAtEnd.get(10, java.util.concurrent.TimeUnit.SECONDS)).contains(call.value());
        } finally {
            coordinator.removeListener(console);
        }
    }

    @Test
    void closingNeedsAnOutcomeOfAtMost500Characters() {
        String id = taskOf(abandoned("+6281200200011", IN_SLEMAN, "OP-3404-1"), SLEMAN_OPERATOR).path("id").asString();
        for (String body : List.of("{}", "{\"outcome\":\"\"}", "{\"outcome\":\"   \"}", "{\"outcome\":null}", "",
                "{\"outcome\":\"" + "x".repeat(501) + "\"}", "{\"outcome\":")) {
            Http.Response r = http.post("/api/callbacks/" + id + "/close", body, AUTH, SLEMAN_OPERATOR);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.contentType()).as(body).startsWith("application/problem+json");
        }
        assertThat(http.post("/api/callbacks/" + id + "/close", "{}", AUTH, SLEMAN_OPERATOR).json().path("detail").asString())
                .as("the reason names the field").contains("outcome");
        Http.Response longest = http.post("/api/callbacks/" + id + "/close", "{\"outcome\":\"" + "x".repeat(500) + "\"}", AUTH, SLEMAN_OPERATOR);
        assertThat(longest.status()).isEqualTo(200);
        assertThat(longest.json().path("claimedBy").asString()).as("closing an open task claims it too").isEqualTo("operator.sleman1");
    }

    @Test
    void twoOperatorsClaimingAtTheSameMomentLeaveExactlyOneClaimant() throws Exception {
        String id = taskOf(abandoned("+6281200200021", IN_SLEMAN, "OP-3404-1"), SLEMAN_OPERATOR).path("id").asString();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Http.Response>> claims = List.of(() -> http.post("/api/callbacks/" + id + "/claim", "", AUTH, SLEMAN_OPERATOR),
                    () -> http.post("/api/callbacks/" + id + "/claim", "", AUTH, SLEMAN_OPERATOR_2));
            List<Integer> statuses = pool.invokeAll(claims).stream().map(CallbackApiTests::status).toList();
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unknownTasksAre404AndFieldOfficersHaveNoAccess() {
        Http.Response unknown = http.post("/api/callbacks/no-such-task/claim", "", AUTH, SLEMAN_OPERATOR);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/callbacks", AUTH, SLEMAN_OFFICER).status()).isEqualTo(403);
        assertThat(http.get("/api/callbacks").status()).isEqualTo(401);
        assertThat(http.get("/api/callbacks?limit=0", AUTH, SLEMAN_OPERATOR).status()).isEqualTo(400);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** A caller dials 110 and hangs up while the operator's phone rings. */
    CallId abandoned(String callerNumber, id.siaga.location.LocationFix where, String ringsAt) {
        CallId call = calls.dial(callerNumber, where, ringsAt);
        calls.callerHangsUp(call);
        return call;
    }

    /** The call-back task of a call, as {@code who} lists it, once it has been opened. */
    JsonNode taskOf(CallId call, String who) {
        JsonNode list = CallDriver.awaitValue("a call-back task is open for " + call, () -> http.get("/api/callbacks", AUTH, who).json(),
                l -> calls(l).contains(call.value()));
        return StreamSupport.stream(list.spliterator(), false).filter(t -> t.path("call").asString().equals(call.value())).findFirst()
                .orElseThrow();
    }

    static List<String> calls(JsonNode tasks) {
        return StreamSupport.stream(tasks.spliterator(), false).map(t -> t.path("call").asString()).toList();
    }

    private static int status(Future<Http.Response> f) {
        try {
            return f.get().status();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
