package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.NationalData;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A national installation from its first run, as the README tells it: the NATIONAL dataset has no logins; the first
 * administrator is made by {@code siaga.bootstrap.admin} and must change the password before anything else. Then the
 * accounts of Polri are made from the administration API: Mabes makes the administrator of Polda DIY, who makes
 * Polres Sleman's operator and can touch nobody of Polda Metro Jaya; a disabled operator's session ends at once; a
 * reset password must be changed at the next login; nobody disables themselves or removes the last administrator; every
 * change is in the journal, without a password or hash.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:accountsapitests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/accountsapitests-spool.jsonl", "siaga.telephony.enabled=false",
        "siaga.org.dataset=NATIONAL", "siaga.bootstrap.admin=admin.polri", "siaga.bootstrap.admin-name=Kombes Pol Admin Mabes",
        "siaga.bootstrap.password=Pertama-Kali-110"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountsApiTests {

    static final String AUTH = "Authorization";
    static final String ROOT = Http.basic("admin.polri", "Mabes-Polri-2026!");
    static final String DIY = Http.basic("admin.diy", "Yogyakarta-Istimewa-1");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void nationalData(DynamicPropertyRegistry registry) {
        registry.add("siaga.org.national-directory", () -> NationalData.directory().toString());
    }

    Http http() {
        return new Http(port);
    }

    @Test
    @Order(1)
    void theFirstAdministratorMustChangeTheBootstrapPasswordBeforeAnythingElse() {
        Http http = http();
        String first = Http.basic("admin.polri", "Pertama-Kali-110");
        Http.Response blocked = http.get("/api/admin/users", AUTH, first);
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.contentType()).startsWith("application/problem+json");
        assertThat(blocked.json().path("detail").asString()).contains("must be changed before anything else").contains("/account/password");
        assertThat(http.get("/api/console", AUTH, first).json().path("mustChangePassword").asBoolean()).isTrue();

        Http.Response tooShort = http.post("/api/account/password", body("Pertama-Kali-110", "pendek"), AUTH, first);
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().path("detail").asString()).isEqualTo("the password must be at least 10 characters long");
        assertThat(http.post("/api/account/password", body("Pertama-Kali-110", "admin.polri-2026"), AUTH, first).json().path("detail")
                .asString()).isEqualTo("the password must not contain the username");
        assertThat(http.post("/api/account/password", body("salah-sekali-110", "Mabes-Polri-2026!"), AUTH, first).json().path("detail")
                .asString()).isEqualTo("the current password is wrong");
        Http.Response changed = http.post("/api/account/password", body("Pertama-Kali-110", "Mabes-Polri-2026!"), AUTH, first);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("landing").asString()).isEqualTo("/admin/");

        assertThat(http.get("/api/me", AUTH, first).status()).as("the bootstrap password").isEqualTo(401);
        JsonNode me = http.get("/api/me", AUTH, ROOT).json();
        assertThat(me.path("station").path("id").asString()).isEqualTo("MABES");
        assertThat(me.path("roles").toString()).isEqualTo("[\"ADMIN\"]");
        Http.Response positions = http.get("/api/admin/positions?station=POLRES-3404", AUTH, ROOT);
        assertThat(positions.status()).isEqualTo(200);
        assertThat(positions.json().size()).as("a national install starts without the demo's desks (seated with the demo's usernames): "
                + positions.body()).isZero();
        JsonNode made = entry("admin.polri", "AdministratorBootstrapped");
        assertThat(made.path("actor").asString()).isEqualTo("system");
        assertThat(made.path("payload").path("passwordGenerated").asBoolean()).isFalse();
        assertThat(entry("admin.polri", "PasswordChanged").path("payload").path("wasRequired").asBoolean()).isTrue();
    }

    @Test
    @Order(2)
    void mabesMakesThePoldaAdministratorWhoManagesOnlyItsOwnPolda() {
        Http http = http();
        Http.Response issued = http.post("/api/admin/users", """
                {"username":"admin.diy","displayName":"Kompol Ratna Sari","roles":["ADMIN"],"station":"POLDA-DIY"}""", AUTH, ROOT);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.header("Cache-Control")).contains("no-store");
        String temporary = issued.json().path("temporaryPassword").asString();
        assertThat(temporary).matches("[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}");
        assertThat(issued.json().path("user").path("mustChangePassword").asBoolean()).isTrue();
        assertThat(issued.body()).doesNotContain("$2a$").doesNotContain("passwordHash");
        changePassword("admin.diy", temporary, "Yogyakarta-Istimewa-1");
        assertThat(http.post("/api/admin/users", """
                {"username":"admin.metro","displayName":"Kompol Budi","roles":["ADMIN"],"station":"POLDA-METRO"}""", AUTH, ROOT).status())
                .isEqualTo(201);
        assertThat(http.post("/api/admin/users", """
                {"username":"operator.jaksel1","displayName":"Bripka Sinta","roles":["OPERATOR"],"station":"POLRES-3174"}""", AUTH, ROOT)
                .status()).isEqualTo(201);

        Http.Response sleman = http.post("/api/admin/users", """
                {"username":"operator.sleman1","displayName":"Bripka Rina Wulandari","roles":["OPERATOR"],"station":"POLRES-3404"}""",
                AUTH, DIY);
        assertThat(sleman.status()).as(sleman.body()).isEqualTo(201);

        Http.Response peer = http.post("/api/admin/users", """
                {"username":"admin.diy2","displayName":"AKP Dua","roles":["ADMIN"],"station":"POLDA-DIY"}""", AUTH, DIY);
        assertThat(peer.status()).as("an administrator at its own Polda").isEqualTo(403);
        assertThat(peer.json().path("detail").asString()).startsWith("only an administrator above Polda Daerah Istimewa Yogyakarta may");
        Http.Response below = http.post("/api/admin/users", """
                {"username":"admin.sleman","displayName":"AKP Sleman","roles":["ADMIN"],"station":"POLRES-3404"}""", AUTH, DIY);
        assertThat(below.status()).as("an administrator of one of its Polres").isEqualTo(201);

        Http.Response elsewhere = http.post("/api/admin/users", """
                {"username":"operator.jaksel2","displayName":"Bripka X","roles":["OPERATOR"],"station":"POLRES-3174"}""", AUTH, DIY);
        assertThat(elsewhere.status()).as("a home station in Polda Metro Jaya").isEqualTo(403);
        assertThat(elsewhere.contentType()).startsWith("application/problem+json");
        assertThat(elsewhere.json().path("detail").asString()).contains("POLRES-3174").contains("outside the scope of admin.diy");

        for (Http.Response r : List.of(http.get("/api/admin/users/operator.jaksel1", AUTH, DIY),
                http.post("/api/admin/users/operator.jaksel1/enabled", "{\"enabled\":false}", AUTH, DIY),
                http.post("/api/admin/users/operator.jaksel1/password-reset", "", AUTH, DIY),
                http.patch("/api/admin/users/operator.jaksel1", "{\"displayName\":\"Diganti\"}", AUTH, DIY),
                http.patch("/api/admin/users/admin.metro", "{\"station\":\"POLDA-DIY\"}", AUTH, DIY))) {
            assertThat(r.status()).as(r.body()).isEqualTo(404);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().path("detail").asString()).endsWith("at your stations");
        }
        Http.Response moveOut = http.patch("/api/admin/users/operator.sleman1", "{\"station\":\"POLRES-3174\"}", AUTH, DIY);
        assertThat(moveOut.status()).as("moving its own operator to Jakarta").isEqualTo(403);
        assertThat(http.get("/api/admin/users/operator.jaksel1", AUTH, ROOT).json().path("displayName").asString()).isEqualTo("Bripka Sinta");

        List<String> seen = new ArrayList<>();
        http.get("/api/admin/users", AUTH, DIY).json().forEach(u -> seen.add(u.path("username").asString()));
        assertThat(seen).containsExactly("admin.diy", "admin.sleman", "operator.sleman1");
        List<String> operators = new ArrayList<>();
        http.get("/api/admin/users?role=OPERATOR&station=POLDA-METRO", AUTH, ROOT).json().forEach(u -> operators.add(u.path("username").asString()));
        assertThat(operators).containsExactly("operator.jaksel1");
        assertThat(http.post("/api/admin/users", """
                {"username":"operator.sleman1","displayName":"Lagi","roles":["OPERATOR"],"station":"POLRES-3404"}""", AUTH, DIY).status())
                .as("a taken username").isEqualTo(409);
        assertThat(http.post("/api/admin/users", """
                {"username":"Operator Sleman","displayName":"X","roles":["OPERATOR"],"station":"POLRES-3404"}""", AUTH, DIY).json()
                .path("detail").asString()).startsWith("username must be 3 to 64 lower-case letters");
        assertThat(http.get("/api/admin/users", AUTH, Http.basic("operator.sleman1", "x")).status()).isEqualTo(401);

        JsonNode created = entry("operator.sleman1", "UserCreated");
        assertThat(created.path("actor").asString()).isEqualTo("admin.diy");
        assertThat(created.path("payload").path("station").asString()).isEqualTo("POLRES-3404");
        assertThat(created.path("payload").path("roles").asString()).isEqualTo("OPERATOR");
        assertThat(created.path("payload").toString()).doesNotContain("password").doesNotContain("$2a$");
    }

    @Test
    @Order(3)
    void aDisabledOperatorsSessionEndsAtOnceAndAResetPasswordMustBeChangedAtTheNextLogin() {
        Http http = http();
        String temporary = http.post("/api/admin/users", """
                {"username":"operator.bantul1","displayName":"Bripka Siti Rahayu","roles":["OPERATOR"],"station":"POLRES-3402"}""", AUTH, DIY)
                .json().path("temporaryPassword").asString();
        FromAddress browser = new FromAddress("127.0.0.31", port);
        browser.get("/login");
        Http.Response landing = logIn(browser, "operator.bantul1", temporary);
        assertThat(landing.header("Location")).as("a temporary password lands on the password page").endsWith("/account/password");
        Http.Response page = browser.get("/operator/", "Accept", "text/html");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/account/password");
        assertThat(browser.get("/api/incidents").status()).isEqualTo(403);
        Http.Response changed = browser.post("/api/account/password", body(temporary, "Kopi-Tubruk-Bantul"), "X-XSRF-TOKEN",
                browser.cookie("XSRF-TOKEN"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("landing").asString()).isEqualTo("/operator/");
        assertThat(browser.get("/api/me").status()).as("the same session goes on").isEqualTo(200);

        Http.Response roles = http.patch("/api/admin/users/operator.bantul1", "{\"roles\":[\"OPERATOR\",\"DISPATCHER\"]}", AUTH, DIY);
        assertThat(roles.status()).isEqualTo(200);
        assertThat(browser.get("/api/me").json().path("roles").toString()).as("taken up by the open session")
                .contains("DISPATCHER");
        JsonNode change = entry("operator.bantul1", "UserChanged");
        assertThat(change.path("payload").path("before").path("roles").asString()).isEqualTo("OPERATOR");
        assertThat(change.path("payload").path("after").path("roles").asString()).isEqualTo("DISPATCHER OPERATOR");
        assertThat(change.path("payload").path("after").has("displayName")).as("only what changed").isFalse();

        Http.Response disabled = http.post("/api/admin/users/operator.bantul1/enabled", "{\"enabled\":false}", AUTH, DIY);
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
        Http.Response ended = browser.get("/api/me");
        assertThat(ended.status()).as("the open session ends at its next request").isEqualTo(401);
        assertThat(ended.json().path("detail").asString()).contains("the account was disabled");
        assertThat(browser.get("/api/me").status()).as("and stays ended").isEqualTo(401);
        assertThat(http.get("/api/me", AUTH, Http.basic("operator.bantul1", "Kopi-Tubruk-Bantul")).status()).isEqualTo(401);
        FromAddress again = new FromAddress("127.0.0.32", port);
        again.get("/login");
        assertThat(logIn(again, "operator.bantul1", "Kopi-Tubruk-Bantul").header("Location")).endsWith("/login?error");
        assertThat(entry("operator.bantul1", "UserDisabled").path("actor").asString()).isEqualTo("admin.diy");

        assertThat(http.post("/api/admin/users/operator.bantul1/enabled", "{\"enabled\":true}", AUTH, DIY).status()).isEqualTo(200);
        assertThat(http.get("/api/me", AUTH, Http.basic("operator.bantul1", "Kopi-Tubruk-Bantul")).status()).isEqualTo(200);
        FromAddress before = new FromAddress("127.0.0.33", port);
        before.get("/login");
        logIn(before, "operator.bantul1", "Kopi-Tubruk-Bantul");
        assertThat(before.get("/api/me").status()).isEqualTo(200);
        Http.Response reset = http.post("/api/admin/users/operator.bantul1/password-reset", "", AUTH, DIY);
        assertThat(reset.status()).isEqualTo(200);
        String second = reset.json().path("temporaryPassword").asString();
        assertThat(before.get("/api/me").status()).as("a reset ends the open sessions").isEqualTo(401);
        assertThat(http.get("/api/me", AUTH, Http.basic("operator.bantul1", "Kopi-Tubruk-Bantul")).status()).isEqualTo(401);
        assertThat(http.get("/api/incidents", AUTH, Http.basic("operator.bantul1", second)).status()).isEqualTo(403);
        changePassword("operator.bantul1", second, "Gudeg-Manggar-Bantul");
        assertThat(http.get("/api/me", AUTH, Http.basic("operator.bantul1", "Gudeg-Manggar-Bantul")).status()).isEqualTo(200);
        JsonNode resetEntry = entry("operator.bantul1", "UserPasswordReset");
        assertThat(resetEntry.path("actor").asString()).isEqualTo("admin.diy");
        assertThat(resetEntry.path("payload").toString()).doesNotContain(second).doesNotContain("$2a$");
    }

    @Test
    @Order(4)
    void nobodyDisablesThemselvesOrTheLastAdministrator() {
        Http http = http();
        Http.Response self = http.post("/api/admin/users/admin.polri/enabled", "{\"enabled\":false}", AUTH, ROOT);
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.json().path("detail").asString()).isEqualTo("you cannot disable your own account");
        Http.Response demote = http.patch("/api/admin/users/admin.polri", "{\"roles\":[\"SUPERVISOR\"]}", AUTH, ROOT);
        assertThat(demote.status()).isEqualTo(409);
        assertThat(http.post("/api/admin/users/admin.polri/password-reset", "", AUTH, ROOT).status()).isEqualTo(409);
        assertThat(http.patch("/api/admin/users/admin.polri", "{\"displayName\":\"Irjen Pol Admin\"}", AUTH, ROOT).status())
                .as("one's own name").isEqualTo(200);
        Http.Response polda = http.post("/api/admin/users/admin.diy/enabled", "{\"enabled\":false}", AUTH, DIY);
        assertThat(polda.status()).as("a Polda administrator disabling itself").isEqualTo(409);

        Http.Response second = http.post("/api/admin/users", """
                {"username":"admin.polri2","displayName":"AKBP Cadangan","roles":["ADMIN"],"station":"MABES"}""", AUTH, ROOT);
        String password = second.json().path("temporaryPassword").asString();
        changePassword("admin.polri2", password, "Cadangan-Mabes-2026");
        String backup = Http.basic("admin.polri2", "Cadangan-Mabes-2026");
        assertThat(http.post("/api/admin/users/admin.polri/enabled", "{\"enabled\":false}", AUTH, backup).status())
                .as("one root administrator disables the other while one is left").isEqualTo(200);
        assertThat(http.get("/api/me", AUTH, ROOT).status()).isEqualTo(401);
        assertThat(http.post("/api/admin/users/admin.polri/enabled", "{\"enabled\":true}", AUTH, backup).status()).isEqualTo(200);
        assertThat(http.get("/api/me", AUTH, ROOT).status()).isEqualTo(200);
    }

    private void changePassword(String username, String current, String chosen) {
        Http.Response r = http().post("/api/account/password", body(current, chosen), AUTH, Http.basic(username, current));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private JsonNode entry(String username, String type) {
        JsonNode entries = http().get("/api/journal?kind=USER&id=" + username, AUTH, ROOT).json();
        for (JsonNode e : entries) {
            if (e.path("type").asString().equals(type)) {
                return e;
            }
        }
        throw new AssertionError("no " + type + " for " + username + " in " + entries);
    }

    static String body(String current, String chosen) {
        return "{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + chosen + "\"}";
    }

    static Http.Response logIn(FromAddress browser, String username, String password) {
        String token = URLEncoder.encode(browser.cookie("XSRF-TOKEN"), StandardCharsets.UTF_8);
        return browser.form("/login", "username=" + username + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + token);
    }
}
