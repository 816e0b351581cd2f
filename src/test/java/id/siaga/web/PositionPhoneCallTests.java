package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.app.PresenceService;
import id.siaga.journal.Journal;
import id.siaga.journal.JournalEntry;
import id.siaga.journal.JournalStore;
import id.siaga.org.OperatorRoster;
import id.siaga.org.Presence;
import id.siaga.org.StationId;
import id.siaga.security.Role;
import id.siaga.security.UserAccount;
import id.siaga.security.UserAccountStore;
import id.siaga.support.SipTestPorts;
import id.siaga.support.Sipp;
import id.siaga.telephony.SipEdgeTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * A position set up at run time takes a 110 call, with nothing but the API: Polda DIY's administrator creates "Meja 5" at
 * Polres Sleman, gives it a phone and seats Bripda Nia at it. A SIPp phone registers with the credentials the answer
 * showed, the console sees it registered, Bripda Nia says READY, a caller in Sleman dials 110 and her phone rings and
 * answers. When the phone unregisters, the console sees the registration expired.
 */
@SipEdgeTest
class PositionPhoneCallTests {

    static final String EDGE = "127.0.0.1:" + SipEdgeTest.EDGE;
    static final String AUTH = "Authorization";
    static final String DIY_ADMIN = Http.basic("admin.diy", "rahasia-diy");
    static final String NIA = Http.basic("operator.sleman5", "rahasia-nia");
    static final String POSITION = "/api/admin/positions/OP-3404-5";

    @LocalServerPort
    int port;
    @Autowired
    UserAccountStore accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    OperatorRoster roster;
    @Autowired
    PresenceService presence;
    @Autowired
    JournalStore journal;

    @BeforeAll
    static void sippInstalled() {
        Sipp.requireInstalled();
    }

    @BeforeEach
    void everyoneOfflineAndTheAccountsExist() {
        roster.all().forEach(o -> presence.change(o.id(), Presence.OFFLINE, "test"));
        if (accounts.find("admin.diy").isEmpty()) {
            accounts.save(new UserAccount("admin.diy", "Kompol Sari", encoder.encode("rahasia-diy"), Set.of(Role.ADMIN), StationId.of("POLDA-DIY"), true));
        }
        if (accounts.find("operator.sleman5").isEmpty()) {
            accounts.save(new UserAccount("operator.sleman5", "Bripda Nia", encoder.encode("rahasia-nia"), Set.of(Role.OPERATOR),
                    StationId.of("POLRES-3404"), true));
        }
    }

    @Test
    void aPositionCreatedAtRunTimeRegistersItsPhoneGoesReadyAndAnswersA110Call() {
        Http http = new Http(port);
        int phonePort = SipTestPorts.free();
        Http.Response created = http.post("/api/admin/positions", "{\"id\":\"OP-3404-5\",\"station\":\"POLRES-3404\",\"name\":\"Meja 5 Sleman\"}",
                AUTH, DIY_ADMIN);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode credentials = http.put(POSITION + "/phone", "{\"kind\":\"REGISTERING\"}", AUTH, DIY_ADMIN).json();
        String sipUser = credentials.path("sipUser").asString();
        String password = credentials.path("password").asString();
        assertThat(http.put(POSITION + "/seat", "{\"username\":\"operator.sleman5\"}", AUTH, DIY_ADMIN).status()).isEqualTo(200);
        try {
            try (Sipp wrong = Sipp.client("register-refused.xml", SipTestPorts.free(), EDGE, Map.of("user", sipUser,
                    "contact_port", String.valueOf(phonePort), "expires", "600"), List.of("-au", sipUser, "-ap", "siaga110"))) {
                assertThat(wrong.await(30)).as("the demo password is not this phone's\n" + wrong.output()).isZero();
            }
            assertThat(register(sipUser, password, phonePort, "600")).isZero();
            JsonNode registration = http.get(POSITION, AUTH, DIY_ADMIN).json().path("phone").path("registration");
            assertThat(registration.path("state").asString()).as(registration.toString()).isEqualTo("REGISTERED");
            assertThat(registration.path("contacts").get(0).path("contact").asString()).contains(":" + phonePort);
            assertThat(registration.path("contacts").get(0).path("expiresAt").asString()).isNotBlank();

            Http.Response ready = http.put("/api/operators/OP-3404-5/presence", "{\"presence\":\"READY\"}", AUTH, NIA);
            assertThat(ready.status()).as(ready.body()).isEqualTo(200);
            assertThat(ready.json().path("phoneReachable").asBoolean()).isTrue();

            Map<String, String> caller = new HashMap<>(Map.of("lat", "-7.71560", "lon", "110.35580", "caller", "081200000519"));
            try (Sipp phone = Sipp.phone("phone-answer.xml", phonePort, 1, 300);
                 Sipp call = Sipp.caller("caller-pidf.xml", SipTestPorts.free(), EDGE, "110", caller, 3000, 1)) {
                assertThat(call.await(40)).as(call.output()).isZero();
                assertThat(phone.await(40)).as(phone.output()).isZero();
            }
            assertThat(answered("+6281200000519")).contains("\"operator\":\"OP-3404-5\"").contains("\"station\":\"POLRES-3404\"");

            assertThat(register(sipUser, password, phonePort, "0")).isZero();
            JsonNode after = http.get(POSITION, AUTH, DIY_ADMIN).json().path("phone").path("registration");
            assertThat(after.path("state").asString()).as(after.toString()).isEqualTo("EXPIRED");
            assertThat(after.path("lastBoundUntil").asString()).isNotBlank();
        } finally {
            http.put(POSITION + "/enabled", "{\"enabled\":false}", AUTH, DIY_ADMIN);
        }
    }

    private int register(String user, String password, int contactPort, String expires) {
        try (Sipp register = Sipp.client("register.xml", SipTestPorts.free(), EDGE, Map.of("user", user, "contact_port", String.valueOf(contactPort),
                "expires", expires), List.of("-au", user, "-ap", password))) {
            int exit = register.await(30);
            assertThat(exit).as(register.output()).isZero();
            return exit;
        }
    }

    /** The CallAnswered payload of the call from this number, once it is journalled. */
    private String answered(String callerNumber) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            List<JournalEntry> entries = new ArrayList<>();
            journal.scan(Journal.DEFAULT_NODE, 1, entries::add);
            String call = entries.stream().filter(e -> e.type().equals("CallOffered") && e.payload().contains("\"caller\":\"" + callerNumber + "\""))
                    .map(JournalEntry::subjectId).reduce((a, b) -> b).orElse(null);
            if (call != null) {
                var answer = entries.stream().filter(e -> e.type().equals("CallAnswered") && e.subjectId().equals(call)).findFirst();
                if (answer.isPresent()) {
                    return answer.get().payload();
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return "";
    }
}
