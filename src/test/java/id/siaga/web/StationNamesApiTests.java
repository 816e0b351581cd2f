package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.location.Jurisdictions;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.org.StationNameStore;
import id.siaga.org.StationStatusStore;
import id.siaga.security.Role;
import id.siaga.security.UserAccount;
import id.siaga.security.UserAccountStore;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Station names (issue 19): the demo's administrator at Mabes calls Polres Sleman "Polresta Sleman"; every view of the
 * stations says so at once, the journal keeps the name before and after, and a node that reads the database afresh (another
 * node, or this one restarted) knows it too. A names file with a bad line is refused naming its line, and nothing of it is
 * taken. Polda DIY's administrator may rename Polda DIY's stations, not Mabes; a supervisor renames nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:stationnamesapitests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/stationnamesapitests-spool.jsonl", "siaga.telephony.enabled=false",
        "siaga.tracking.osmand-port=0"})
class StationNamesApiTests {

    static final String AUTH = "Authorization";
    static final String ADMIN = Http.basic("admin", "siaga110");
    static final String DIY_ADMIN = Http.basic("admin.diy", "siaga110");
    static final String DIY_SUPERVISOR = Http.basic("supervisor.diy", "siaga110");

    @LocalServerPort
    int port;
    @Autowired
    UserAccountStore users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Jurisdictions jurisdictions;
    @Autowired
    StationStatusStore statuses;
    @Autowired
    StationNameStore names;
    @Autowired
    StationDirectory directory;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
        if (users.find("admin.diy").isEmpty()) {
            users.save(new UserAccount("admin.diy", "Kompol Dewi Anggraeni", encoder.encode("siaga110"), Set.of(Role.ADMIN),
                    StationId.of("POLDA-DIY"), true));
        }
    }

    @Test
    void aRenamedStationIsKnownByItsNewNameEverywhereJournalledAndAfterARestart() {
        // another node: a directory of the same files over the same database, as it was before the change
        StationDirectory otherNode = new StationDirectory(jurisdictions.tree(), statuses, names, Clock.systemUTC());

        Http.Response r = http.put("/api/admin/stations/POLRES-3404/name", "{\"name\":\"  Polresta   Sleman \"}", AUTH, ADMIN);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("station").path("name").asString()).isEqualTo("Polresta Sleman");
        assertThat(r.json().path("referenceName").asString()).isEqualTo("Polres Sleman");

        assertThat(http.get("/api/stations/POLRES-3404", AUTH, ADMIN).json().path("station").path("name").asString()).isEqualTo("Polresta Sleman");
        assertThat(names(http.get("/api/stations", AUTH, DIY_SUPERVISOR).json())).contains("Polresta Sleman").doesNotContain("Polres Sleman");
        assertThat(http.get("/api/locate?lat=-7.7160&lon=110.3550", AUTH, ADMIN).json().path("station").path("name").asString())
                .isEqualTo("Polresta Sleman");

        JsonNode journal = http.get("/api/journal?kind=STATION&id=POLRES-3404", AUTH, ADMIN).json();
        JsonNode renamed = StreamSupport.stream(journal.spliterator(), false).filter(e -> e.path("type").asString().equals("StationRenamed"))
                .findFirst().orElseThrow();
        assertThat(renamed.path("actor").asString()).isEqualTo("admin");
        assertThat(renamed.path("payload").toString()).contains("Polres Sleman").contains("Polresta Sleman");

        assertThat(otherNode.tree().get(StationId.of("POLRES-3404")).name()).isEqualTo("Polres Sleman");
        assertThat(otherNode.refresh()).isTrue();
        assertThat(otherNode.tree().get(StationId.of("POLRES-3404")).name()).isEqualTo("Polresta Sleman");
        StationDirectory restarted = new StationDirectory(jurisdictions.tree(), statuses, names, Clock.systemUTC());
        assertThat(restarted.tree().get(StationId.of("POLRES-3404")).name()).isEqualTo("Polresta Sleman");

        // the same name again changes nothing; the files' name back forgets the override
        assertThat(http.put("/api/admin/stations/POLRES-3404/name", "{\"name\":\"Polresta Sleman\"}", AUTH, ADMIN).status()).isEqualTo(200);
        Http.Response back = http.delete("/api/admin/stations/POLRES-3404/name", AUTH, ADMIN);
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.json().path("station").path("name").asString()).isEqualTo("Polres Sleman");
        assertThat(names.all()).doesNotContainKey(StationId.of("POLRES-3404"));
        assertThat(otherNode.refresh()).isTrue();
        assertThat(otherNode.tree().get(StationId.of("POLRES-3404")).name()).isEqualTo("Polres Sleman");
    }

    @Test
    void aNamesFileIsTakenWholeOrRefusedNamingEveryBadLine() {
        String bad = """
                id,name
                POLRES-3471,Polresta Yogyakarta
                POLRES-9999,Polres Nowhere
                POLRES-3402,
                POLRES-3471,Polres Kota Yogya
                """;
        Http.Response r = http.postBody("/api/admin/stations/names", "text/csv", bad, AUTH, ADMIN);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        List<Long> lines = StreamSupport.stream(r.json().path("lines").spliterator(), false).map(l -> l.path("line").asLong()).toList();
        assertThat(lines).containsExactly(3L, 4L, 5L);
        assertThat(r.json().path("lines").get(0).path("problem").asString()).contains("POLRES-9999");
        assertThat(r.json().path("lines").get(2).path("problem").asString()).contains("line 2");
        assertThat(r.json().path("detail").asString()).contains("line 3").contains("nothing was changed");
        assertThat(name("POLRES-3471")).as("the good line is not taken either").isEqualTo("Polres Kota Yogyakarta");

        Http.Response unquoted = http.postBody("/api/admin/stations/names", "text/csv", "id,name\nPOLRES-3471,\"Polresta Yogya\n", AUTH, ADMIN);
        assertThat(unquoted.status()).as(unquoted.body()).isEqualTo(400);
        assertThat(unquoted.json().path("lines").get(0).path("line").asLong()).isPositive();

        String good = """
                # names as Polri uses them
                id,name
                POLRES-3471,Polresta Yogyakarta
                POLRES-3402,"Polres Bantul"
                """;
        Http.Response ok = http.postBody("/api/admin/stations/names", "text/csv", good, AUTH, ADMIN);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().path("given").asInt()).isEqualTo(2);
        assertThat(ok.json().path("changed").asInt()).isEqualTo(1);
        assertThat(name("POLRES-3471")).isEqualTo("Polresta Yogyakarta");
        assertThat(http.delete("/api/admin/stations/POLRES-3471/name", AUTH, ADMIN).status()).isEqualTo(200);
    }

    @Test
    void anAdministratorRenamesOnlyHerOwnSubtree() {
        assertThat(http.put("/api/admin/stations/MABES/name", "{\"name\":\"Markas Besar Polri\"}", AUTH, DIY_ADMIN).status()).isEqualTo(403);
        assertThat(http.put("/api/admin/stations/POLRES-3403/name", "{\"name\":\"Polres Gunung Kidul\"}", AUTH, DIY_SUPERVISOR).status())
                .isEqualTo(403);
        Http.Response outside = http.postBody("/api/admin/stations/names", "text/csv", "id,name\nPOLRES-3403,Polres Gunung Kidul\nMABES,Markas Besar\n",
                AUTH, DIY_ADMIN);
        assertThat(outside.status()).as(outside.body()).isEqualTo(403);
        assertThat(outside.contentType()).startsWith("application/problem+json");
        assertThat(outside.json().path("lines").get(0).path("line").asLong()).isEqualTo(3);
        assertThat(name("POLRES-3403")).isEqualTo("Polres Gunungkidul");
        assertThat(name("MABES")).isEqualTo("Mabes Polri");

        for (String body : List.of("{\"name\":\"\"}", "{\"name\":\"ab\"}", "{\"name\":\"" + "x".repeat(101) + "\"}", "{\"name\":\"Polres\\u0007Bel\"}",
                "{\"name\":\"1234\"}", "{}")) {
            Http.Response r = http.put("/api/admin/stations/POLRES-3403/name", body, AUTH, DIY_ADMIN);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.contentType()).as(body).startsWith("application/problem+json");
        }
        assertThat(http.put("/api/admin/stations/NOPE/name", "{\"name\":\"Polres Nope\"}", AUTH, DIY_ADMIN).status()).isEqualTo(404);

        Http.Response own = http.put("/api/admin/stations/POLRES-3403/name", "{\"name\":\"Polres Gunung Kidul\"}", AUTH, DIY_ADMIN);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(name("POLRES-3403")).isEqualTo("Polres Gunung Kidul");
        assertThat(http.delete("/api/admin/stations/POLRES-3403/name", AUTH, DIY_ADMIN).status()).isEqualTo(200);
    }

    private String name(String id) {
        return directory.tree().get(StationId.of(id)).name();
    }

    private static List<String> names(JsonNode stations) {
        return StreamSupport.stream(stations.spliterator(), false).map(s -> s.path("name").asString()).toList();
    }
}
