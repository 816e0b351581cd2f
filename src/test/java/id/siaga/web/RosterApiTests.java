package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.ManualClock;
import id.siaga.telephony.registrar.Registrar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
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
 * The rosters of Polda DIY and the go-live checklist over real HTTP, on a clock held at 08:00 WIB on Tuesday 3 March
 * 2026 and moved by hand. Sleman's supervisor plans Sleman's two positions; Kulon Progo, suspended, has one position
 * whose phone registers (the registrar's state a SIP REGISTER leaves) and no roster until the test writes one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:rosterapitests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/rosterapitests-spool.jsonl", "siaga.telephony.enabled=false"})
class RosterApiTests {

    static final String AUTH = "Authorization";
    static final String SLEMAN_SUPERVISOR = Http.basic("supervisor.sleman", "siaga110");
    static final String BANTUL_SUPERVISOR = Http.basic("supervisor.bantul", "siaga110");
    static final String SLEMAN_OPERATOR = Http.basic("operator.sleman1", "siaga110");
    static final String ADMIN = Http.basic("admin", "siaga110");
    static final Instant EIGHT_WIB = Instant.parse("2026-03-03T01:00:00Z");
    static final ManualClock CLOCK = new ManualClock(EIGHT_WIB);

    @TestConfiguration
    static class HeldClock {
        @Bean
        @Primary
        Clock heldClock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    Registrar registrar;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aSupervisorPlansTheirStationAndTheRosterRefusesOverlapsAndStrangers() {
        Http.Response planned = http.post("/api/stations/POLRES-3404/roster",
                "{\"position\":\"OP-3404-1\",\"username\":\"operator.sleman1\",\"from\":\"2026-03-04T07:00\",\"to\":\"2026-03-04T15:00\"}",
                AUTH, SLEMAN_SUPERVISOR);
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        assertThat(planned.json().path("from").asString()).isEqualTo("2026-03-04T00:00:00Z");
        String shift = planned.json().path("id").asString();

        Http.Response samePosition = http.post("/api/stations/POLRES-3404/roster",
                "{\"position\":\"OP-3404-1\",\"username\":\"operator.sleman2\",\"from\":\"2026-03-04T14:00\",\"to\":\"2026-03-04T20:00\"}",
                AUTH, SLEMAN_SUPERVISOR);
        assertThat(samePosition.status()).isEqualTo(409);
        assertThat(samePosition.contentType()).startsWith("application/problem+json");
        assertThat(samePosition.json().path("detail").asString()).contains("OP-3404-1").contains("operator.sleman1").contains("2026-03-04 07:00");

        Http.Response samePerson = http.post("/api/stations/POLRES-3404/roster",
                "{\"position\":\"OP-3404-2\",\"username\":\"operator.sleman1\",\"from\":\"2026-03-04T10:00+07:00\",\"to\":\"2026-03-04T12:00+07:00\"}",
                AUTH, SLEMAN_SUPERVISOR);
        assertThat(samePerson.status()).isEqualTo(409);
        assertThat(samePerson.json().path("detail").asString()).contains("operator.sleman1 already works");

        Http.Response back2back = http.post("/api/stations/POLRES-3404/roster",
                "{\"position\":\"OP-3404-1\",\"username\":\"operator.sleman2\",\"from\":\"2026-03-04T15:00\",\"to\":\"2026-03-04T23:00\"}",
                AUTH, SLEMAN_SUPERVISOR);
        assertThat(back2back.status()).as("the next shift may start when the last ends").isEqualTo(201);

        assertThat(problem(http.post("/api/stations/POLRES-3404/roster",
                "{\"position\":\"OP-3404-2\",\"username\":\"operator.sleman2\",\"from\":\"2026-03-05T00:00\",\"to\":\"2026-03-05T17:00\"}",
                AUTH, SLEMAN_SUPERVISOR), 400)).contains("at most 16 hours");
        assertThat(problem(http.post("/api/stations/POLRES-3404/roster",
                "{\"position\":\"OP-3402-1\",\"username\":\"operator.sleman2\",\"from\":\"2026-03-05T07:00\",\"to\":\"2026-03-05T08:00\"}",
                AUTH, SLEMAN_SUPERVISOR), 400)).contains("not at station POLRES-3404");
        assertThat(problem(http.post("/api/stations/POLRES-3404/roster",
                "{\"position\":\"OP-3404-2\",\"username\":\"operator.kota1\",\"from\":\"2026-03-05T07:00\",\"to\":\"2026-03-05T08:00\"}",
                AUTH, SLEMAN_SUPERVISOR), 400)).contains("outside the stations you plan");
        assertThat(problem(http.post("/api/stations/POLRES-3404/roster",
                "{\"position\":\"OP-3404-2\",\"username\":\"operator.bantul1\",\"from\":\"2026-03-05T07:00\",\"to\":\"2026-03-05T08:00\"}",
                AUTH, Http.basic("supervisor.diy", "siaga110")), 400)).as("within the Polda's planning, but never seated at a Sleman desk")
                .contains("operator.bantul1 belongs to Polres Bantul; the positions of Polres Sleman are for its own operators");
        assertThat(problem(http.post("/api/stations/POLRES-3404/roster",
                "{\"position\":\"OP-3404-2\",\"username\":\"supervisor.sleman\",\"from\":\"2026-03-05T07:00\",\"to\":\"2026-03-05T08:00\"}",
                AUTH, SLEMAN_SUPERVISOR), 400)).contains("not an active operator");
        assertThat(problem(http.post("/api/stations/POLRES-3404/roster",
                "{\"position\":\"OP-3404-2\",\"username\":\"operator.sleman2\",\"from\":\"2026-03-05T09:00\",\"to\":\"2026-03-05T08:00\"}",
                AUTH, SLEMAN_SUPERVISOR), 400)).contains("end after it starts");
        assertThat(problem(http.post("/api/stations/POLRES-3404/roster",
                "{\"position\":\"OP-3404-2\",\"username\":\"operator.sleman2\",\"from\":\"tomorrow\",\"to\":\"2026-03-05T08:00\"}",
                AUTH, SLEMAN_SUPERVISOR), 400)).contains("from must be a date and time");

        // out of scope: Sleman's supervisor at Bantul, Bantul's at Sleman, an operator anywhere
        assertThat(http.post("/api/stations/POLRES-3402/roster",
                "{\"position\":\"OP-3402-1\",\"username\":\"operator.bantul1\",\"from\":\"2026-03-04T07:00\",\"to\":\"2026-03-04T15:00\"}",
                AUTH, SLEMAN_SUPERVISOR).status()).isEqualTo(403);
        assertThat(http.delete("/api/stations/POLRES-3404/roster/" + shift, AUTH, BANTUL_SUPERVISOR).status()).isEqualTo(403);
        assertThat(http.get("/api/stations/POLRES-3404/roster", AUTH, SLEMAN_OPERATOR).status()).isEqualTo(403);

        JsonNode week = http.get("/api/stations/POLRES-3404/roster?from=2026-03-02&days=7", AUTH, SLEMAN_SUPERVISOR).json();
        assertThat(week.path("timeZone").asString()).isEqualTo("WIB");
        assertThat(week.path("positions")).hasSize(2);
        assertThat(week.path("shifts")).hasSize(2);

        Http.Response moved = http.put("/api/stations/POLRES-3404/roster/" + shift,
                "{\"position\":\"OP-3404-1\",\"username\":\"operator.sleman1\",\"from\":\"2026-03-04T06:00\",\"to\":\"2026-03-04T15:00\"}",
                AUTH, SLEMAN_SUPERVISOR);
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(http.delete("/api/stations/POLRES-3404/roster/" + shift, AUTH, SLEMAN_SUPERVISOR).status()).isEqualTo(204);
        assertThat(http.delete("/api/stations/POLRES-3404/roster/" + shift, AUTH, SLEMAN_SUPERVISOR).status()).isEqualTo(404);

        List<String> types = journalTypes("POLRES-3404", "ShiftPlanned", 4);
        assertThat(types).contains("ShiftPlanned", "ShiftChanged", "ShiftRemoved");
    }

    @Test
    void aDayIsCopiedForwardWholeOrNotAtAll() {
        post201("/api/stations/POLRES-3471/roster", "OP-3471-1", "operator.kota1", "2026-03-10T07:00", "2026-03-10T19:00");
        post201("/api/stations/POLRES-3471/roster", "OP-3471-1", "operator.kota2", "2026-03-10T19:00", "2026-03-11T07:00");
        Http.Response copied = http.post("/api/stations/POLRES-3471/roster/copy", "{\"from\":\"2026-03-10\",\"days\":1,\"to\":\"2026-03-17\"}",
                AUTH, ADMIN);
        assertThat(copied.status()).as(copied.body()).isEqualTo(201);
        assertThat(copied.json()).hasSize(2);
        assertThat(copied.json().get(1).path("to").asString()).isEqualTo("2026-03-18T00:00:00Z");
        Http.Response again = http.post("/api/stations/POLRES-3471/roster/copy", "{\"from\":\"2026-03-10\",\"days\":1,\"to\":\"2026-03-17\"}",
                AUTH, ADMIN);
        assertThat(again.status()).isEqualTo(409);
        assertThat(http.get("/api/stations/POLRES-3471/roster?from=2026-03-17&days=1", AUTH, ADMIN).json().path("shifts")).hasSize(2);
    }

    @Test
    void theDayShowsPlannedAgainstReadyPositionsFromARealReadyPeriod() {
        post201("/api/stations/POLRES-3403/roster", "OP-3403-1", "operator.gunungkidul1", "2026-03-03T08:00", "2026-03-03T12:00");
        String operator = Http.basic("operator.gunungkidul1", "siaga110");
        CLOCK.advance(Duration.ofMinutes(30));
        assertThat(http.put("/api/operators/OP-3403-1/presence", "{\"presence\":\"READY\"}", AUTH, operator).status()).isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(90));
        assertThat(http.put("/api/operators/OP-3403-1/presence", "{\"presence\":\"AWAY\"}", AUTH, operator).status()).isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(75));

        JsonNode day = http.get("/api/stations/POLRES-3403/roster/hours?day=2026-03-03", AUTH, Http.basic("supervisor.diy", "siaga110")).json();
        JsonNode hours = day.path("hours");
        assertThat(hours).hasSize(24);
        assertThat(hours.get(7).path("planned").asDouble()).isEqualTo(0.0);
        assertThat(hours.get(7).path("ready").asDouble()).isEqualTo(0.0);
        assertThat(hours.get(7).path("understaffed").asBoolean()).isFalse();
        assertThat(hours.get(8).path("planned").asDouble()).isEqualTo(1.0);
        assertThat(hours.get(8).path("ready").asDouble()).as("READY from 08:30").isEqualTo(0.5);
        assertThat(hours.get(8).path("understaffed").asBoolean()).isTrue();
        assertThat(hours.get(9).path("ready").asDouble()).isEqualTo(1.0);
        assertThat(hours.get(9).path("understaffed").asBoolean()).isFalse();
        assertThat(hours.get(10).path("ready").asDouble()).as("AWAY from 10:00").isEqualTo(0.0);
        assertThat(hours.get(10).path("understaffed").asBoolean()).isTrue();
        assertThat(hours.get(11).path("ready").asDouble()).as("the first quarter of the hour has passed").isEqualTo(0.0);
        assertThat(hours.get(12).path("planned").asDouble()).isEqualTo(0.0);
        assertThat(hours.get(12).path("ready").isNumber()).as("an hour still to come").isFalse();
        CLOCK.advance(Duration.ofMinutes(-195));
    }

    @Test
    void theLiveChecklistRefusesAStationWithoutARegisteredPhoneAndAcceptsOnceRegisteredAndRostered() {
        Http.Response suspended = http.put("/api/stations/POLRES-3401/status", "{\"status\":\"SUSPENDED\",\"reason\":\"server dipindah\"}", AUTH, ADMIN);
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
        assertThat(problem(http.put("/api/stations/POLRES-3401/status", "{\"status\":\"LIVE\"}", AUTH, ADMIN), 400)).contains("reason");

        Http.Response refused = http.put("/api/stations/POLRES-3401/status", "{\"status\":\"LIVE\",\"reason\":\"siap\"}", AUTH, ADMIN);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(items(refused.json().path("unmet"))).containsExactly("PHONE", "ROSTER");
        assertThat(refused.json().path("detail").asString()).contains("no position of Polres Kulon Progo has a registered phone");
        assertThat(http.get("/api/stations/POLRES-3401", AUTH, ADMIN).json().path("station").path("status").asString()).isEqualTo("SUSPENDED");

        // the position's phone registers, as a REGISTER through the SIP edge leaves it
        registrar.register("op-3401-1", "sip:op-3401-1@192.0.2.41:5060", OptionalLong.of(3600), "reg-kulonprogo", 1, CLOCK.instant());
        JsonNode checklist = http.get("/api/stations/POLRES-3401/go-live", AUTH, ADMIN).json();
        assertThat(checklist.path("checks").get(0).path("met").asBoolean()).isTrue();
        assertThat(checklist.path("checks").get(0).path("positions").get(0).asString()).isEqualTo("Bripka Wahyu Hidayat");
        assertThat(checklist.path("checks").get(1).path("met").asBoolean()).isFalse();
        assertThat(items(http.put("/api/stations/POLRES-3401/status", "{\"status\":\"LIVE\",\"reason\":\"siap\"}", AUTH, ADMIN).json()
                .path("unmet"))).containsExactly("ROSTER");

        // a roster for the next 24 hours: 07:00 until 23:00, then 23:00 until 09:00 the next day
        post201("/api/stations/POLRES-3401/roster", "OP-3401-1", "operator.kulonprogo1", "2026-03-03T07:00", "2026-03-03T23:00");
        JsonNode gap = http.get("/api/stations/POLRES-3401/go-live", AUTH, ADMIN).json().path("checks").get(1);
        assertThat(gap.path("met").asBoolean()).isFalse();
        assertThat(gap.path("gapFrom").asString()).isEqualTo("2026-03-03T16:00:00Z");
        post201("/api/stations/POLRES-3401/roster", "OP-3401-1", "operator.kulonprogo1", "2026-03-03T23:00", "2026-03-04T09:00");

        Http.Response live = http.put("/api/stations/POLRES-3401/status", "{\"status\":\"LIVE\",\"reason\":\"siap melayani 110\"}", AUTH, ADMIN);
        assertThat(live.status()).as(live.body()).isEqualTo(200);
        assertThat(live.json().path("status").asString()).isEqualTo("LIVE");
        JsonNode entry = journal("POLRES-3401", e -> "StationStatusChanged".equals(e.path("type").asString())
                && "LIVE".equals(e.path("payload").path("to").asString()));
        assertThat(entry.path("payload").path("reason").asString()).isEqualTo("siap melayani 110");
        assertThat(entry.path("payload").path("checklist")).hasSize(3).allMatch(c -> c.path("met").asBoolean());
        assertThat(entry.path("payload").path("checklistOverridden").asBoolean()).isFalse();
    }

    @Test
    void onlyAnAdministratorOfTheWholeCountryPutsAStationLiveOverItsChecklist() {
        assertThat(http.put("/api/stations/POLRES-3402/status", "{\"status\":\"PLANNED\",\"reason\":\"pelatihan\"}", AUTH, ADMIN).status()).isEqualTo(200);
        assertThat(http.put("/api/stations/POLRES-3402/status", "{\"status\":\"LIVE\",\"reason\":\"uji\",\"override\":true}", AUTH,
                BANTUL_SUPERVISOR).status()).isEqualTo(403);
        Http.Response over = http.put("/api/stations/POLRES-3402/status", "{\"status\":\"LIVE\",\"reason\":\"darurat banjir\",\"override\":true}",
                AUTH, ADMIN);
        assertThat(over.status()).as(over.body()).isEqualTo(200);
        JsonNode entry = journal("POLRES-3402", e -> "LIVE".equals(e.path("payload").path("to").asString()));
        assertThat(entry.path("payload").path("checklistOverridden").asBoolean()).isTrue();
        assertThat(entry.path("payload").path("reason").asString()).isEqualTo("darurat banjir");
    }

    private void post201(String path, String position, String user, String from, String to) {
        Http.Response r = http.post(path, "{\"position\":\"" + position + "\",\"username\":\"" + user + "\",\"from\":\"" + from + "\",\"to\":\"" + to + "\"}",
                AUTH, ADMIN);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private static String problem(Http.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        return r.json().path("detail").asString();
    }

    private static List<String> items(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    /** The journal entry of the station that matches, once the journal has written it. */
    private JsonNode journal(String station, java.util.function.Predicate<JsonNode> match) {
        for (int attempt = 0; attempt < 100; attempt++) {
            for (JsonNode e : http.get("/api/journal?kind=STATION&id=" + station, AUTH, ADMIN).json()) {
                if (match.test(e)) {
                    return e;
                }
            }
            sleep();
        }
        throw new AssertionError("no matching journal entry of " + station);
    }

    private List<String> journalTypes(String station, String type, int atLeast) {
        List<String> types = new ArrayList<>();
        for (int attempt = 0; attempt < 100; attempt++) {
            types.clear();
            http.get("/api/journal?kind=STATION&id=" + station, AUTH, ADMIN).json().forEach(e -> types.add(e.path("type").asString()));
            if (types.size() >= atLeast && types.contains("ShiftRemoved")) {
                return types;
            }
            sleep();
        }
        return types;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
