package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.org.StationId;
import id.siaga.security.Role;
import id.siaga.security.UserAccount;
import id.siaga.security.UserAccountStore;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * The national rollout (issue 19) on the national reference data (../shared/data/indonesia) with the shipped names of Polri's
 * units: 36 Polda and 514 Polres, all LIVE as the data has them. Polda Metro Jaya puts Jakarta Utara back to PLANNED and
 * suspends Kepulauan Seribu: its counts say so, with the time of the change, and its stations carry the names Polri knows
 * them by. Its administrator sees every Polda's counts but only her own Polda's stations; a supervisor sees nothing. The
 * outlines of the 514 kab/kota come once, simplified, each with its Polda.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:rolloutapitests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/rolloutapitests-spool.jsonl", "siaga.telephony.enabled=false",
        "siaga.tracking.osmand-port=0", "siaga.org.dataset=NATIONAL", "siaga.org.station-names-file=classpath:org/station-names-national.csv",
        "siaga.access.users-file=classpath:demo/users.csv"})
class RolloutApiTests {

    static final String AUTH = "Authorization";
    static final String ADMIN = Http.basic("admin", "siaga110");
    static final String METRO_ADMIN = Http.basic("admin.metro", "siaga110");

    @LocalServerPort
    int port;
    @Autowired
    UserAccountStore users;
    @Autowired
    PasswordEncoder encoder;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
        if (users.find("admin.metro").isEmpty()) {
            users.save(new UserAccount("admin.metro", "AKBP Sri Wahyuni", encoder.encode("siaga110"), Set.of(Role.ADMIN), StationId.of("POLDA-METRO"),
                    true));
        }
    }

    @Test
    void everyPoldaWithItsStationsByStatusAndTheirRealNames() {
        JsonNode rollout = http.get("/api/admin/rollout", AUTH, ADMIN).json();
        List<JsonNode> poldas = list(rollout.path("poldas"));
        assertThat(poldas).hasSize(36);
        assertThat(poldas.stream().mapToInt(p -> p.path("total").asInt()).sum()).isEqualTo(36 + 514);
        assertThat(poldas).allMatch(p -> p.path("live").asInt() == p.path("total").asInt() && p.path("editable").asBoolean());
        JsonNode metro = polda(rollout, "POLDA-METRO");
        assertThat(metro.path("name").asString()).isEqualTo("Polda Metro Jaya");
        assertThat(metro.path("total").asInt()).isEqualTo(12);
        assertThat(metro.has("lastChange")).as("never changed").isFalse();
        Map<String, String> names = new HashMap<>();
        list(metro.path("stations")).forEach(s -> names.put(s.path("id").asString(), s.path("name").asString()));
        assertThat(names).containsEntry("POLRES-3171", "Polres Metro Jakarta Pusat").containsEntry("POLRES-3276", "Polres Metro Depok")
                .containsEntry("POLRES-3674", "Polres Tangerang Selatan");
        assertThat(station(polda(rollout, "POLDA-BALI"), "POLRES-5171").path("name").asString()).isEqualTo("Polresta Denpasar");
        assertThat(station(polda(rollout, "POLDA-BALI"), "POLRES-5171").path("referenceName").asString())
                .as("the names file's name is the station's own: giving it back restores that").isEqualTo("Polresta Denpasar");
        assertThat(station(polda(rollout, "POLDA-SUMUT"), "POLRES-1271").path("name").asString()).isEqualTo("Polrestabes Medan");

        assertThat(http.put("/api/stations/POLRES-3172/status", "{\"status\":\"PLANNED\",\"reason\":\"ruang operator belum siap\"}", AUTH, METRO_ADMIN)
                .status()).isEqualTo(200);
        assertThat(http.put("/api/stations/POLRES-3101/status", "{\"status\":\"SUSPENDED\",\"reason\":\"kabel laut putus\"}", AUTH, METRO_ADMIN)
                .status()).isEqualTo(200);

        JsonNode seen = http.get("/api/admin/rollout", AUTH, METRO_ADMIN).json();
        metro = polda(seen, "POLDA-METRO");
        assertThat(List.of(metro.path("live").asInt(), metro.path("planned").asInt(), metro.path("suspended").asInt(), metro.path("total").asInt()))
                .containsExactly(10, 1, 1, 12);
        assertThat(metro.path("shareLive").asDouble()).isEqualTo(10.0 / 12);
        assertThat(metro.path("lastChange").asString()).isNotBlank();
        assertThat(station(metro, "POLRES-3172").path("status").asString()).isEqualTo("PLANNED");
        assertThat(metro.path("editable").asBoolean()).isTrue();
        JsonNode bali = polda(seen, "POLDA-BALI");
        assertThat(bali.path("editable").asBoolean()).as("another Polda: counts only").isFalse();
        assertThat(bali.path("stations")).isEmpty();
        assertThat(bali.path("total").asInt()).isEqualTo(10);
        assertThat(http.put("/api/admin/stations/POLRES-5171/name", "{\"name\":\"Polresta Denpasar Kota\"}", AUTH, METRO_ADMIN).status())
                .isEqualTo(403);

        assertThat(http.get("/api/admin/rollout", AUTH, Http.basic("supervisor.mabes", "siaga110")).status()).isEqualTo(403);
    }

    @Test
    void theOutlinesOfEveryKabKotaWithItsPolda() {
        Http.Response r = http.get("/api/admin/rollout/areas", AUTH, ADMIN);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control").orElse("")).contains("max-age");
        List<JsonNode> features = list(r.json().path("features"));
        assertThat(features).hasSize(514);
        Set<String> poldas = new HashSet<>();
        features.forEach(f -> poldas.add(f.path("properties").path("polda").asString()));
        assertThat(poldas).hasSize(36);
        assertThat(features).allMatch(f -> f.path("geometry").path("coordinates").size() > 0);
        assertThat(r.body().length()).as("simplified: two megabytes at most").isLessThan(2_000_000);
        assertThat(http.get("/api/admin/rollout/areas", AUTH, ADMIN).body()).isEqualTo(r.body());
        Http.Response gzipped = http.get("/api/admin/rollout/areas", AUTH, ADMIN, "Accept-Encoding", "gzip, deflate");
        assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
        System.out.println("rollout areas: " + features.size() + " features, " + r.body().length() + " bytes, compressed "
                + gzipped.headers().firstValue("Content-Length").orElse("?"));
    }

    private static JsonNode polda(JsonNode rollout, String id) {
        return list(rollout.path("poldas")).stream().filter(p -> p.path("id").asString().equals(id)).findFirst().orElseThrow();
    }

    private static JsonNode station(JsonNode polda, String id) {
        return list(polda.path("stations")).stream().filter(s -> s.path("id").asString().equals(id)).findFirst().orElseThrow();
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
