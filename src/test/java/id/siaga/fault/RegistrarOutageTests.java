package id.siaga.fault;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.PrivatePostgres;
import id.siaga.support.ServerProcess;
import id.siaga.support.Sipp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The registrations live in the database; this is what a phone and a caller see when it goes away. Polres Sleman's first
 * position registers its phone with digest and takes a call; PostgreSQL stops (immediate: a lost database host). The
 * phone's next REGISTER cannot be kept, so it is answered 500 with Retry-After 10, never 200; the next 110 call still
 * rings the phone where it registered (the bindings the node last read) and is answered. Once the database is back, the
 * phone registers again as before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrarOutageTests {

    static final Map<String, String> IN_SLEMAN = Map.of("lat", "-7.71560", "lon", "110.35580");

    Path dir;
    PrivatePostgres pg;
    ServerProcess server;
    int httpPort;
    int sipPort;
    int phonePort;

    @BeforeAll
    void serverOnAPrivatePostgres() throws IOException {
        Sipp.requireInstalled();
        dir = Files.createTempDirectory("siaga-registrar-outage-");
        pg = PrivatePostgres.start();
        httpPort = ServerProcess.freePort();
        sipPort = ServerProcess.freePort();
        phonePort = ServerProcess.freePort();
        server = ServerProcess.start("registrar-outage", httpPort, List.of("--spring.profiles.active=postgres",
                "--spring.datasource.url=" + pg.jdbcUrl(), "--spring.datasource.username=postgres",
                "--siaga.journal.spool-file=" + dir.resolve("journal-spool.jsonl"), "--siaga.telephony.sip-port=" + sipPort,
                "--siaga.tracking.osmand-port=0"));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void whileTheDatabaseIsAwayARegisterGets500WithRetryAfterAndCallsStillRingThePhone() {
        assertThat(register("register.xml")).as("registered through the node").isZero();
        var ready = new ServerApi(httpPort).ready("OP-3404-1", ServerApi.basic("operator.sleman1", "siaga110"));
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);

        try (Sipp phone = Sipp.phone("phone-answer.xml", phonePort, 2, 200)) {
            assertThat(call("081200017001")).as("the first call reaches the registered phone").isZero();

            pg.stop();
            try {
                assertThat(register("register-unavailable.xml")).as("a REGISTER the database cannot keep: 500 with Retry-After 10\n"
                        + server.output()).isZero();
                assertThat(call("081200017002")).as("the next call still rings the phone where it registered\n" + server.output()).isZero();
            } finally {
                pg.startServer();
            }
            assertThat(phone.await(30)).as(phone.output()).isZero();
        }
        assertThat(registerOnceTheDatabaseAnswers()).as("registered again once the database is back\n" + server.output()).isZero();
    }

    private int register(String scenario) {
        try (Sipp register = Sipp.client(scenario, ServerProcess.freePort(), "127.0.0.1:" + sipPort, Map.of("user", "op-3404-1",
                "contact_port", String.valueOf(phonePort), "expires", "3600"), List.of("-au", "op-3404-1", "-ap", "siaga110"))) {
            return register.await(30);
        }
    }

    /** The first REGISTERs after the restart may meet pooled connections the database closed; the phone retries, as told. */
    private int registerOnceTheDatabaseAnswers() {
        int exit = -1;
        for (int attempt = 0; attempt < 10 && exit != 0; attempt++) {
            exit = register("register.xml");
        }
        return exit;
    }

    private int call(String number) {
        Map<String, String> keys = new HashMap<>(IN_SLEMAN);
        keys.put("caller", number);
        try (Sipp caller = Sipp.caller("caller-pidf.xml", ServerProcess.freePort(), "127.0.0.1:" + sipPort, "110", keys, 6000, 1)) {
            return caller.await(60);
        }
    }
}
