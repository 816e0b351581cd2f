package id.siaga.web;

import static id.siaga.web.CallDriver.IN_SLEMAN;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.journal.Journal;
import id.siaga.journal.JournalEntry;
import id.siaga.journal.SubjectKind;
import id.siaga.telephony.CallId;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Wrap-up and reputation over HTTP (issue 16): the operator classifies the call they took, a supervisor changes someone
 * else's with a reason, an incident makes a call genuine; a number with recent pranks is flagged in its next call's pop
 * and that call is rung and answered like any other; supervisors read, clear and trust numbers.
 */
class ScreeningApiTests extends CallApiTestBase {

    static final String SLEMAN_SUPERVISOR = Http.basic("supervisor.sleman", "siaga110");

    @Autowired
    Journal journal;

    Http.Response classify(CallId call, String what, String reason, String who) {
        String body = reason == null ? "{\"classification\":\"" + what + "\"}" : "{\"classification\":\"" + what + "\",\"reason\":\"" + reason + "\"}";
        return http.post("/api/calls/" + call.value() + "/classification", body, AUTH, who);
    }

    CallId answeredCall(String caller) {
        CallId call = calls.dial(caller, IN_SLEMAN, "OP-3404-1");
        calls.answerAndHangUp(call, "OP-3404-1");
        return call;
    }

    List<JournalEntry> story(CallId call, String type) {
        return journal.bySubject(SubjectKind.CALL, call.value(), 1000).stream().filter(e -> e.type().equals(type))
                .sorted(java.util.Comparator.comparingLong(JournalEntry::seq)).toList();
    }

    @Test
    void theOperatorClassifiesTheCallTheyTookAndTheJournalSaysSo() {
        CallId call = answeredCall("+6281200180001");
        Http.Response done = classify(call, "PRANK", null, SLEMAN_OPERATOR);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("key").asInt()).isEqualTo(4);
        assertThat(http.get("/api/calls/" + call.value() + "/classification", AUTH, SLEMAN_OPERATOR).json().get("classification").asString())
                .isEqualTo("PRANK");
        assertThat(classify(call, "SILENT", null, SLEMAN_OPERATOR).status()).as("the same operator corrects a wrong key").isEqualTo(200);
        CallDriver.await("journalled twice", () -> story(call, "CallClassified").size() == 2);
        assertThat(story(call, "CallClassified").get(1).payload()).contains("\"classification\":\"SILENT\"").contains("\"was\":\"PRANK\"");
    }

    @Test
    void someoneElsesWordIsChangedOnlyByASupervisorWithAReason() {
        CallId call = answeredCall("+6281200180002");
        assertThat(classify(call, "PRANK", null, SLEMAN_OPERATOR).status()).isEqualTo(200);
        Http.Response other = classify(call, "GENUINE", null, SLEMAN_OPERATOR_2);
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.body()).contains("already classified PRANK by operator.sleman1");
        Http.Response noReason = classify(call, "GENUINE", null, DIY_SUPERVISOR);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("needs a reason");
        Http.Response changed = classify(call, "GENUINE", "the recording: a woman reports her neighbour beaten", DIY_SUPERVISOR);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("by").asString()).isEqualTo("supervisor.diy");
    }

    @Test
    void onlyAnAnsweredCallInScopeIsClassified() {
        CallId unanswered = calls.dial("+6281200180003", IN_SLEMAN, "OP-3404-1");
        try {
            Http.Response r = classify(unanswered, "PRANK", null, SLEMAN_OPERATOR);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("not answered");
        } finally {
            calls.answerAndHangUp(unanswered, "OP-3404-1");
        }
        assertThat(classify(unanswered, "PRANK", null, BANTUL_OPERATOR).status()).as("another Polres's call").isEqualTo(403);
        Http.Response long_ = classify(unanswered, "PRANK", "y".repeat(501), SLEMAN_OPERATOR);
        assertThat(long_.status()).as("a reason longer than its column: refused with a reason, not a 500").isEqualTo(400);
        assertThat(http.post("/api/calls/" + unanswered.value() + "/classification", "{\"classification\":\"JOKE\"}", AUTH, SLEMAN_OPERATOR)
                .status()).isEqualTo(400);
        assertThat(classify(unanswered, "PRANK", null, SLEMAN_OFFICER).status()).isEqualTo(403);
    }

    @Test
    void aNumberWithRecentPranksIsFlaggedInItsNextCallsPopAndTheCallIsRungAndAnsweredAllTheSame() {
        String caller = "+6281200180004";
        for (int i = 0; i < 3; i++) {
            assertThat(classify(answeredCall(caller), "PRANK", null, SLEMAN_OPERATOR).status()).isEqualTo(200);
        }
        CallId next = calls.dial(caller, IN_SLEMAN, "OP-3404-1"); // returns once OP-3404-1's phone rings
        JsonNode pop = StreamSupport.stream(http.get("/api/calls", AUTH, SLEMAN_OPERATOR).json().spliterator(), false)
                .filter(c -> c.get("id").asString().equals(next.value())).findFirst().orElseThrow();
        JsonNode screening = pop.get("screening");
        assertThat(screening.get("flagged").asBoolean()).isTrue();
        assertThat(screening.get("pranks7d").asInt()).isEqualTo(3);
        assertThat(screening.get("calls24h").asInt()).isEqualTo(4);
        calls.answer(next, "OP-3404-1");
        calls.hangUp(next);
        CallDriver.await("the flag is journalled", () -> !story(next, "CallFlagged").isEmpty());
        CallDriver.await("the answer is journalled (on the journal's own thread)", () -> !story(next, "CallAnswered").isEmpty());
        assertThat(story(next, "CallAnswered")).as("answered like any call").hasSize(1);

        JsonNode reputation = http.get("/api/numbers/" + caller + "/reputation", AUTH, DIY_SUPERVISOR).json();
        assertThat(reputation.get("marks").size()).isEqualTo(3);
        assertThat(reputation.get("standing").get("flagged").asBoolean()).isTrue();
        assertThat(http.get("/api/numbers/" + caller + "/reputation", AUTH, SLEMAN_OPERATOR).status()).isEqualTo(403);

        assertThat(http.post("/api/numbers/" + caller + "/clear", "{}", AUTH, DIY_SUPERVISOR).status()).as("a reason is required").isEqualTo(400);
        JsonNode cleared = http.post("/api/numbers/0" + caller.substring(3) + "/clear", "{\"reason\":\"orang tua menegur anaknya\"}", AUTH,
                DIY_SUPERVISOR).json();
        assertThat(cleared.get("standing").get("score").asDouble()).as("written the national way, the same number").isZero();
        assertThat(journal.bySubject(SubjectKind.CALLER, caller, 10)).extracting(JournalEntry::type).contains("NumberCleared");
    }

    @Test
    void anIncidentOpenedFromTheCallMakesItGenuineAndTakesItsPranksBack() {
        String caller = "+6281200180005";
        CallId call = calls.dial(caller, IN_SLEMAN, "OP-3404-1");
        calls.answer(call, "OP-3404-1");
        try {
            assertThat(classify(call, "PRANK", null, SLEMAN_OPERATOR).status()).as("a quick wrong key while the caller talks").isEqualTo(200);
            Http.Response incident = http.post("/api/incidents", "{\"type\":\"BRAWL\",\"callId\":\"" + call.value() + "\"}", AUTH, SLEMAN_OPERATOR);
            assertThat(incident.status()).as(incident.body()).isEqualTo(201);
        } finally {
            calls.hangUp(call);
        }
        JsonNode c = http.get("/api/calls/" + call.value() + "/classification", AUTH, SLEMAN_OPERATOR).json();
        assertThat(c.get("classification").asString()).isEqualTo("GENUINE");
        assertThat(c.get("by").asString()).as("the word of whoever opened the incident").isEqualTo("operator.sleman1");
        assertThat(c.get("reason").asString()).contains("was opened from the call");
        assertThat(classify(call, "GENUINE", null, SLEMAN_OPERATOR).status()).as("the operator's own J, 1 at wrap-up").isEqualTo(200);
        assertThat(classify(call, "GENUINE", null, SLEMAN_OPERATOR_2).status()).as("the same word again changes nothing").isEqualTo(200);
        assertThat(http.get("/api/numbers/" + caller + "/reputation", AUTH, DIY_SUPERVISOR).json().get("standing").get("score").asDouble()).isZero();
    }

    @Test
    void aTrustedNumberIsNeverFlaggedAndBadNumbersAreRefusedWithAReason() {
        String caller = "+6281200180006";
        for (int i = 0; i < 4; i++) {
            assertThat(classify(answeredCall(caller), "ABUSIVE", null, SLEMAN_OPERATOR).status()).isEqualTo(200);
        }
        assertThat(http.get("/api/numbers/" + caller + "/reputation", AUTH, DIY_SUPERVISOR).json().get("standing").get("flagged").asBoolean())
                .as("flagged before it is trusted").isTrue();
        Http.Response tooLong = http.put("/api/numbers/" + caller + "/trust", "{\"trusted\":true,\"reason\":\"" + "x".repeat(501) + "\"}", AUTH,
                DIY_SUPERVISOR);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("reason");
        assertThat(http.put("/api/numbers/" + caller + "/trust", "{\"trusted\":true,\"reason\":\"IGD\"}", AUTH, SLEMAN_SUPERVISOR).status())
                .as("a Polres supervisor does not trust a number for the whole country").isEqualTo(403);
        JsonNode trusted = http.put("/api/numbers/" + caller + "/trust", "{\"trusted\":true,\"reason\":\"IGD RSUP Dr. Sardjito\"}", AUTH,
                DIY_SUPERVISOR).json();
        assertThat(trusted.get("standing").get("trusted").asBoolean()).isTrue();
        assertThat(trusted.get("standing").get("flagged").asBoolean()).isFalse();
        Http.Response bad = http.get("/api/numbers/12x%3Cscript%3E/reputation", AUTH, DIY_SUPERVISOR);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("a number is");
    }
}
