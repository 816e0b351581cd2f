package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.app.PresenceService;
import id.siaga.journal.JournalEntry;
import id.siaga.journal.JournalStore;
import id.siaga.journal.SubjectKind;
import id.siaga.org.OperatorId;
import id.siaga.org.OperatorRoster;
import id.siaga.org.Presence;
import id.siaga.org.StationId;
import id.siaga.security.Role;
import id.siaga.security.UserAccount;
import id.siaga.security.UserAccountStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Kompol Sari, administrator of Polda DIY, sets up a third position at Polres Sleman over the API: she creates it, gives
 * it a phone (the password is shown to her once, only its HA1 is kept), seats Bripda Wulan at it, and every step is in
 * the journal. Polres Bantul's administrator may not touch Sleman's positions; an operator may not touch any.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:positionapitests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/positionapitests-spool.jsonl", "siaga.telephony.enabled=false"})
class PositionApiTests {

    static final String AUTH = "Authorization";
    static final String DIY_ADMIN = Http.basic("admin.diy", "rahasia-diy");
    static final String BANTUL_ADMIN = Http.basic("admin.bantul", "rahasia-bantul");
    static final String SLEMAN_OPERATOR = Http.basic("operator.sleman1", "siaga110");
    static final String BASE = "/api/admin/positions";

    @LocalServerPort
    int port;
    @Autowired
    UserAccountStore accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    OperatorRoster roster;
    @Autowired
    JournalStore journal;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PresenceService presence;

    Http http;

    @BeforeEach
    void accounts() {
        http = new Http(port);
        save("admin.diy", "Kompol Sari", "rahasia-diy", Role.ADMIN, "POLDA-DIY");
        save("admin.bantul", "AKP Budi", "rahasia-bantul", Role.ADMIN, "POLRES-3402");
        save("operator.sleman9", "Bripda Wulan", "rahasia-wulan", Role.OPERATOR, "POLRES-3404");
    }

    void save(String user, String name, String password, Role role, String station) {
        if (accounts.find(user).isEmpty()) {
            accounts.save(new UserAccount(user, name, encoder.encode(password), Set.of(role), StationId.of(station), true));
        }
    }

    @Test
    void theDemoPositionsAreSeededIntoTheDatabaseWithTheirPhones() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operator_position WHERE created_by = 'seed classpath:demo/operators.csv'", Integer.class))
                .isEqualTo(12);
        assertThat(jdbc.queryForObject("SELECT ha1 FROM position_phone WHERE position_id = 'OP-3404-1'", String.class))
                .isEqualTo("4c3e1f11ee7626d9afaf6d290051a35c");
        JsonNode sleman = http.get(BASE + "/OP-3404-1", AUTH, DIY_ADMIN).json();
        assertThat(sleman.path("username").asString()).isEqualTo("operator.sleman1");
        assertThat(sleman.path("phone").path("kind").asString()).isEqualTo("REGISTERING");
        assertThat(sleman.path("phone").path("sipUser").asString()).isEqualTo("op-3404-1");
        assertThat(sleman.path("phone").path("registration").path("state").asString()).isEqualTo("NEVER_REGISTERED");
    }

    @Test
    void aPoldaAdministratorCreatesAPositionWithAPhoneWhosePasswordIsShownOnceAndNeverStored() throws Exception {
        Http.Response created = http.post(BASE, "{\"id\":\"OP-3404-9\",\"station\":\"POLRES-3404\",\"name\":\"Meja 3 Sleman\"}", AUTH, DIY_ADMIN);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("enabled").asBoolean()).isTrue();
        assertThat(created.json().path("phone").path("kind").asString()).isEqualTo("NONE");
        assertThat(roster.find(new OperatorId("OP-3404-9"))).as("in force at once").isPresent();

        Http.Response phone = http.put(BASE + "/OP-3404-9/phone", "{\"kind\":\"REGISTERING\"}", AUTH, DIY_ADMIN);
        assertThat(phone.status()).as(phone.body()).isEqualTo(200);
        assertThat(phone.header("Cache-Control")).contains("no-store");
        String sipUser = phone.json().path("sipUser").asString();
        String password = phone.json().path("password").asString();
        assertThat(sipUser).isEqualTo("op-3404-9");
        assertThat(password).hasSize(20);
        assertThat(phone.json().path("realm").asString()).isEqualTo("siaga110");

        String ha1 = jdbc.queryForObject("SELECT ha1 FROM position_phone WHERE position_id = 'OP-3404-9'", String.class);
        assertThat(ha1).isEqualTo(md5(sipUser + ":siaga110:" + password));
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM position_phone WHERE position_id = 'OP-3404-9'");
        assertThat(rows.toString()).doesNotContain(password);

        Http.Response again = http.get(BASE + "/OP-3404-9", AUTH, DIY_ADMIN);
        assertThat(again.body()).doesNotContain(password).doesNotContain(ha1);
        assertThat(again.json().path("phone").path("registration").path("state").asString()).isEqualTo("NEVER_REGISTERED");
        assertThat(http.get(BASE + "?station=POLRES-3404", AUTH, DIY_ADMIN).body()).contains("OP-3404-9").doesNotContain(password);

        Http.Response renewed = http.post(BASE + "/OP-3404-9/phone/credentials", "", AUTH, DIY_ADMIN);
        assertThat(renewed.status()).as(renewed.body()).isEqualTo(200);
        String second = renewed.json().path("password").asString();
        assertThat(second).isNotEqualTo(password);
        assertThat(renewed.json().path("sipUser").asString()).as("same phone, new secret").isEqualTo(sipUser);
        assertThat(jdbc.queryForObject("SELECT ha1 FROM position_phone WHERE position_id = 'OP-3404-9'", String.class))
                .isEqualTo(md5(sipUser + ":siaga110:" + second));

        List<JournalEntry> story = oldestFirst("OP-3404-9");
        assertThat(story).extracting(JournalEntry::type).containsSubsequence("PositionCreated", "PositionPhoneSet", "PositionPhoneCredentialsRenewed");
        assertThat(story).allSatisfy(e -> assertThat(e.payload()).doesNotContain(password).doesNotContain(second));
        assertThat(story).allSatisfy(e -> assertThat(e.actor()).isEqualTo("admin.diy"));
    }

    @Test
    void anOperatorOfTheStationIsSeatedAndTheRosterKnowsHerAtOnce() {
        http.post(BASE, "{\"id\":\"OP-3404-8\",\"station\":\"POLRES-3404\",\"name\":\"Meja 4 Sleman\"}", AUTH, DIY_ADMIN);
        assertThat(problem(http.put(BASE + "/OP-3404-8/seat", "{\"username\":\"supervisor.sleman\"}", AUTH, DIY_ADMIN), 400))
                .contains("not an operator");
        assertThat(problem(http.put(BASE + "/OP-3404-8/seat", "{\"username\":\"operator.bantul1\"}", AUTH, DIY_ADMIN), 400))
                .contains("POLRES-3402");
        assertThat(problem(http.put(BASE + "/OP-3404-8/seat", "{\"username\":\"operator.sleman1\"}", AUTH, DIY_ADMIN), 409))
                .contains("OP-3404-1");

        Http.Response seated = http.put(BASE + "/OP-3404-8/seat", "{\"username\":\"operator.sleman9\"}", AUTH, DIY_ADMIN);
        assertThat(seated.status()).as(seated.body()).isEqualTo(200);
        assertThat(seated.json().path("username").asString()).isEqualTo("operator.sleman9");
        assertThat(roster.byUsername("operator.sleman9")).get().extracting(o -> o.id().value()).isEqualTo("OP-3404-8");

        Http.Response renamed = http.put(BASE + "/OP-3404-8/name", "{\"name\":\"Meja Darurat Sleman\"}", AUTH, DIY_ADMIN);
        assertThat(renamed.json().path("name").asString()).isEqualTo("Meja Darurat Sleman");
        assertThat(roster.find(new OperatorId("OP-3404-8"))).get().extracting(o -> o.name()).isEqualTo("Meja Darurat Sleman");

        Http.Response unseated = http.delete(BASE + "/OP-3404-8/seat", AUTH, DIY_ADMIN);
        assertThat(unseated.json().path("username").asString("")).as(unseated.body()).isEmpty();
        assertThat(roster.byUsername("operator.sleman9")).isEmpty();

        Http.Response disabled = http.put(BASE + "/OP-3404-8/enabled", "{\"enabled\":false}", AUTH, DIY_ADMIN);
        assertThat(disabled.json().path("enabled").asBoolean()).as(disabled.body()).isFalse();
        assertThat(roster.find(new OperatorId("OP-3404-8"))).as("never rung").isEmpty();
        assertThat(http.get(BASE + "?station=POLRES-3404", AUTH, DIY_ADMIN).body()).as("still listed").contains("OP-3404-8");

        assertThat(oldestFirst("OP-3404-8")).extracting(JournalEntry::type)
                .containsSubsequence("PositionCreated", "PositionSeated", "PositionRenamed", "PositionUnseated", "PositionDisabled");
    }

    @Test
    void aStaticContactMustBeASipUri() {
        http.post(BASE, "{\"id\":\"OP-3404-7\",\"station\":\"POLRES-3404\",\"name\":\"Meja PBX\"}", AUTH, DIY_ADMIN);
        assertThat(problem(http.put(BASE + "/OP-3404-7/phone", "{\"kind\":\"STATIC\",\"contact\":\"http://10.0.0.5\"}", AUTH, DIY_ADMIN), 400))
                .contains("sip:");
        Http.Response set = http.put(BASE + "/OP-3404-7/phone", "{\"kind\":\"STATIC\",\"contact\":\"sip:meja@10.0.0.5:5060\"}", AUTH, DIY_ADMIN);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().path("phone").path("kind").asString()).isEqualTo("STATIC");
        assertThat(set.json().path("phone").path("contact").asString()).isEqualTo("sip:meja@10.0.0.5:5060");
        assertThat(http.delete(BASE + "/OP-3404-7/phone", AUTH, DIY_ADMIN).json().path("phone").path("kind").asString()).isEqualTo("NONE");
    }

    @Test
    void anAdministratorOutsideTheStationsSubtreeIsRefused() {
        assertThat(problem(http.post(BASE, "{\"id\":\"OP-3404-6\",\"station\":\"POLRES-3404\",\"name\":\"Meja\"}", AUTH, BANTUL_ADMIN), 403))
                .contains("POLRES-3404");
        assertThat(problem(http.put(BASE + "/OP-3404-1/phone", "{\"kind\":\"REGISTERING\"}", AUTH, BANTUL_ADMIN), 403)).isNotBlank();
        assertThat(problem(http.get(BASE + "?station=POLDA-DIY", AUTH, BANTUL_ADMIN), 403)).isNotBlank();
        assertThat(http.get(BASE, AUTH, BANTUL_ADMIN).json()).extracting(p -> p.path("station").asString()).containsOnly("POLRES-3402");
        assertThat(problem(http.get(BASE, AUTH, SLEMAN_OPERATOR), 403)).isNotBlank();
        assertThat(problem(http.post(BASE, "{\"id\":\"OP-3402-1\",\"station\":\"POLRES-3402\",\"name\":\"Meja\"}", AUTH, BANTUL_ADMIN), 409))
                .contains("exists");
        assertThat(problem(http.post(BASE, "{\"id\":\"bad id!\",\"station\":\"POLRES-3402\",\"name\":\"Meja\"}", AUTH, BANTUL_ADMIN), 400))
                .doesNotContain("Exception");
    }

    @Test
    void aPositionReadyWithoutARegisteredPhoneIsFlaggedToTheSupervisors() {
        OperatorId sleman = new OperatorId("OP-3404-2");
        presence.change(sleman, Presence.READY, "test");
        try {
            JsonNode ops = http.get("/api/operators?station=POLRES-3404", AUTH, Http.basic("supervisor.sleman", "siaga110")).json();
            JsonNode op = java.util.stream.StreamSupport.stream(ops.spliterator(), false)
                    .filter(o -> o.path("id").asString().equals("OP-3404-2")).findFirst().orElseThrow();
            assertThat(op.path("presence").asString()).isEqualTo("READY");
            assertThat(op.path("phoneReachable").asBoolean(true)).as("its phone never registered").isFalse();
        } finally {
            presence.change(sleman, Presence.OFFLINE, "test");
        }
    }

    /** The position's journal entries, oldest first. */
    private List<JournalEntry> oldestFirst(String position) {
        List<JournalEntry> story = new java.util.ArrayList<>(journal.bySubject(SubjectKind.OPERATOR, position, 100));
        story.sort(java.util.Comparator.comparing(JournalEntry::seq));
        return story;
    }

    private static String problem(Http.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).contains("application/problem+json");
        return r.json().path("detail").asString();
    }

    private static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
