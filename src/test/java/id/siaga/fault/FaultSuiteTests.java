package id.siaga.fault;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.support.PrivateMosquitto;
import id.siaga.support.PrivatePostgres;
import id.siaga.support.ServerProcess;
import id.siaga.support.Sipp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The fault suite: the server runs as its own process on a private PostgreSQL, with a private Mosquitto, under a mixed
 * load (incidents over the API, GPS fixes over the OsmAnd door and MQTT, 110 callers who talk and callers who hang up),
 * and one thing fails in the middle of it: the database stops for ten seconds ({@code pg_ctl stop -m immediate}), the
 * broker restarts, the server is killed ({@code kill -9}) and started again. Afterwards every item a client was told
 * had been taken must still be there: incidents and their journal entries, fixes in track history, every call
 * answered, called back or refused in the journal, and the journal's hash chain intact. Nothing else is compared: no
 * timings, no throughput.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteTests {

    /** How long a loss may take to heal (the history writer's retry, the journal spool's replay, the broker's redelivery). */
    static final Duration SETTLING = Duration.ofSeconds(30);
    static final String SLEMAN_OPERATOR = ServerApi.basic("operator.sleman1", "siaga110");

    Path dir;
    PrivatePostgres pg;
    PrivateMosquitto broker;
    ServerProcess server;
    int httpPort;
    int sipPort;
    int gpsPort;
    int phonePort;
    int starts;

    @BeforeAll
    void peers() throws IOException {
        Sipp.requireInstalled();
        dir = Files.createTempDirectory("siaga-faults-");
        pg = PrivatePostgres.start();
        broker = PrivateMosquitto.start();
        httpPort = ServerProcess.freePort();
        sipPort = ServerProcess.freePort();
        gpsPort = ServerProcess.freePort();
        phonePort = ServerProcess.freePort();
        server = startServer();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (pg != null) {
            pg.close();
        }
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary folder left behind
            }
        }
    }

    @Test
    @Order(1)
    void theDatabaseStoppedForTenSecondsUnderLoadLosesNothingAcknowledged() {
        MixedLoad load = load(1, new MixedLoad.Unit("SLM-R4-02", "860001040000102"), new MixedLoad.Unit("GK-R4-01", "860001030000101"));
        try (load; Sipp phone = operatorReady()) {
            load.start();
            sleep(3_000);
            load.awaitEveryKindAcknowledged();
            pg.stop(); // immediate: the database host is lost mid-load
            sleep(10_000);
            pg.startServer();
            sleep(3_000);
            load.stop();
        }
        assertNothingLost("PostgreSQL stopped for 10 s", load.ledger());
    }

    @Test
    @Order(2)
    void theBrokerKilledAndRestartedUnderLoadLosesNothingAcknowledged() {
        MixedLoad load = load(2, new MixedLoad.Unit("YK-R4-01", "860001710000101"), new MixedLoad.Unit("GK-R2-01", "860001030000201"));
        try (load; Sipp phone = operatorReady()) {
            load.start();
            sleep(3_000);
            load.awaitEveryKindAcknowledged();
            broker.kill(); // kill -9: the broker keeps what it had saved (it saves on every change)
            sleep(3_000);
            broker.startBroker();
            sleep(5_000); // the server's client reconnects on its own, with back-off
            load.stop();
        }
        assertNothingLost("Mosquitto killed (kill -9) and started again", load.ledger());
    }

    @Test
    @Order(3)
    void theServerKilledUnderLoadLosesNothingAcknowledged() {
        MixedLoad load = load(3, new MixedLoad.Unit("BTL-R4-01", "860001020000101"), new MixedLoad.Unit("KP-R4-01", "860001010000101"));
        try (load; Sipp phone = operatorReady()) {
            load.start();
            sleep(3_000);
            load.awaitEveryKindAcknowledged();
            load.awaitNextIncident(); // the harshest moment for it: just after an incident was answered 201
            server.kill();
            sleep(2_000); // the broker keeps taking the phone's fixes for the server's session
            load.stopNow();
        }
        server = startServer();
        assertNothingLost("server killed (kill -9) and started again", load.ledger());
    }

    private MixedLoad load(int scenario, MixedLoad.Unit osmAnd, MixedLoad.Unit mqtt) {
        if (!isUp()) {
            server = startServer();
        }
        try {
            return new MixedLoad(scenario, new MixedLoad.Target(httpPort, gpsPort, broker.port(), sipPort), osmAnd, mqtt,
                    Files.createDirectories(Path.of("target", "sipp")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean isUp() {
        return server != null && server.isAlive();
    }

    /** Polres Sleman's first operator turns READY; their phone (SIPp) answers each call after 200 ms. */
    private Sipp operatorReady() {
        var answer = new ServerApi(httpPort).ready("OP-3404-1", SLEMAN_OPERATOR);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Sipp.phone("phone-answer.xml", phonePort, 1_000, 200);
    }

    private void assertNothingLost(String fault, Ledger ledger) {
        RecoveryAudit.Losses losses = new RecoveryAudit(pg.jdbcUrl()).awaitSettled(ledger, SETTLING, server::output);
        JsonNode journal = new ServerApi(httpPort).journalVerification();
        System.out.println("fault suite, " + fault + ": acknowledged " + ledger.summary() + "\n  " + losses.summary() + "; journal "
                + journal);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(ledger.incidents).as("the load opened incidents").isNotEmpty();
        soft.assertThat(ledger.osmAndFixes).as("the load sent OsmAnd fixes").isNotEmpty();
        soft.assertThat(ledger.mqttFixes).as("the load published MQTT fixes").isNotEmpty();
        soft.assertThat(ledger.callsAnswered("200")).as("callers talked with the operator").isPositive();
        soft.assertThat(ledger.callsAnswered("487")).as("callers hung up while it rang").isPositive();
        soft.assertThat(losses.incidents()).as("%s: incidents answered 201 (of %d) and not kept", fault, ledger.incidents.size()).isEmpty();
        soft.assertThat(losses.incidentsNotJournalled()).as("%s: incidents answered 201 (of %d) without IncidentCreated in the journal",
                fault, ledger.incidents.size()).isEmpty();
        soft.assertThat(losses.osmAndFixes()).as("%s: OsmAnd fixes answered 200 (of %d) missing from track history", fault,
                ledger.osmAndFixes.size()).isEmpty();
        soft.assertThat(losses.mqttFixes()).as("%s: MQTT fixes the broker acknowledged (of %d) missing from track history", fault,
                ledger.mqttFixes.size()).isEmpty();
        soft.assertThat(losses.calls()).as("%s: calls given a final answer (%d) or cut off while ringing, neither answered, called back"
                + " nor refused", fault, ledger.answeredCalls().size()).isEmpty();
        soft.assertThat(journal.path("intact").asBoolean()).as("%s: the journal's hash chain is intact: %s", fault, journal).isTrue();
        soft.assertAll();
    }

    private ServerProcess startServer() {
        List<String> args = List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + pg.jdbcUrl(),
                "--spring.datasource.username=postgres", "--siaga.journal.spool-file=" + dir.resolve("journal-spool.jsonl"),
                "--siaga.telephony.sip-port=" + sipPort, "--siaga.telephony.phones.OP-3404-1=sip:op-3404-1@127.0.0.1:" + phonePort,
                "--siaga.tracking.osmand-port=" + gpsPort, "--siaga.tracking.osmand-address=127.0.0.1",
                "--siaga.tracking.mqtt.enabled=true", "--siaga.tracking.mqtt.broker-url=" + broker.url(), "--siaga.tracking.mqtt.client-id=siaga110-fault-suite",
                "--siaga.tracking.mqtt.retry-interval=1s");
        return ServerProcess.start("fault-" + ++starts, httpPort, args);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
