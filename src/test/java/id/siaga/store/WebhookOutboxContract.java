package id.siaga.store;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.incident.DuplicatePolicy;
import id.siaga.incident.Incident;
import id.siaga.incident.IncidentStatus;
import id.siaga.incident.Incidents;
import id.siaga.integration.WebhookAddresses;
import id.siaga.integration.WebhookBackoff;
import id.siaga.integration.WebhookChanges;
import id.siaga.integration.WebhookEvent;
import id.siaga.integration.WebhookSender;
import id.siaga.integration.WebhookSignature;
import id.siaga.integration.WebhookSubscriber;
import id.siaga.location.DemoRegion;
import id.siaga.location.JurisdictionIndex;
import id.siaga.location.Jurisdictions;
import id.siaga.org.StationId;
import id.siaga.support.TestDatabase;
import id.siaga.support.WebhookReceiver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook outbox on each database: an incident change is stored with its outbox rows in one transaction, so a change
 * refused (made to a version somebody else changed) writes none; rows wait in the database while no worker runs and are
 * delivered by the next one (a restart: another pool, another worker); two nodes' workers on one outbox send each
 * event once; a receiver that fails its first attempts processes each event once; one that never answers well makes the row a dead letter after the attempts, and a replay
 * delivers it once it is back.
 */
abstract class WebhookOutboxContract {

    static final Jurisdictions REGION = DemoRegion.load();
    static final JurisdictionIndex INDEX = new JurisdictionIndex(REGION, 2_000);
    static final StationId SLEMAN = StationId.of("POLRES-3404");
    static final StationId BANTUL = StationId.of("POLRES-3402");
    static final JsonMapper JSON = JsonMapper.builder().build();

    TestDatabase db;
    JdbcTemplate jdbc;
    JdbcWebhookSubscriberStore subscribers;
    JdbcWebhookOutbox outbox;
    OutboxIncidentStore store;
    Incidents incidents;
    WebhookReceiver receiver;
    final List<String> deadLettered = new ArrayList<>();
    final List<AutoCloseable> closing = new ArrayList<>();

    abstract TestDatabase.Kind kind();

    @BeforeEach
    void open() {
        db = TestDatabase.create(kind());
        jdbc = new JdbcTemplate(db.dataSource());
        subscribers = new JdbcWebhookSubscriberStore(jdbc);
        outbox = new JdbcWebhookOutbox(jdbc);
        WebhookOutboxWriter writer = new WebhookOutboxWriter(jdbc, subscribers, new WebhookChanges(REGION::tree, JSON, Clock.systemUTC()), outbox,
                Clock.systemUTC());
        store = new OutboxIncidentStore(new JdbcIncidentStore(jdbc), writer);
        incidents = new Incidents(store, INDEX, new DuplicatePolicy(500, Duration.ofMinutes(30)),
                Clock.systemUTC());
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
        receiver.close();
        db.close();
    }

    WebhookSubscriber subscribe(String path, StationId station) {
        WebhookSubscriber s = WebhookSubscriber.create(path.substring(1), receiver.url(path), null, Set.of(), Set.of(station), new WebhookAddresses(true), Instant.now(), "admin");
        subscribers.add(s);
        receiver.secret(path, s.secret());
        return s;
    }

    /** A delivery worker of its own, on its own connection pool: a node, or the same node after a restart. */
    WebhookSender worker(int attempts) {
        return worker(attempts, new WebhookAddresses(true));
    }

    WebhookSender worker(int attempts, WebhookAddresses addresses) {
        DataSource pool = db.anotherPool("worker-" + closing.size());
        closing.add((AutoCloseable) pool);
        JdbcTemplate own = new JdbcTemplate(pool);
        WebhookSender sender = new WebhookSender(new JdbcWebhookOutbox(own), new JdbcWebhookSubscriberStore(own),
                new WebhookBackoff(Duration.ofMillis(10), Duration.ofMillis(40), Math::random), attempts, Duration.ofSeconds(5), Duration.ofMillis(20), 2,
                Duration.ofDays(7),
                (d, n, reason) -> {
                    synchronized (deadLettered) {
                        deadLettered.add(d.eventId());
                    }
                }, addresses, Clock.systemUTC());
        closing.add(sender);
        return sender;
    }

    Incident brawlInSleman() {
        return incidents.create(IncidentStoreContract.brawlCall(-7.7156, 110.3558, "call-" + java.util.UUID.randomUUID()), "dispatcher.sleman", SLEMAN).incident();
    }

    int rows(WebhookSubscriber s) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM webhook_delivery WHERE subscriber_id = ?", Integer.class, s.id());
    }

    @Test
    void aChangeIsStoredWithItsOutboxRowsAndARefusedChangeWritesNone() {
        WebhookSubscriber sleman = subscribe("/sleman", SLEMAN);
        WebhookSubscriber bantul = subscribe("/bantul", BANTUL);

        Incident opened = brawlInSleman();
        assertThat(rows(sleman)).as("incident.created for Sleman's subscriber, written with the incident").isEqualTo(1);
        assertThat(rows(bantul)).as("nothing for another station's").isZero();

        Incident moved = incidents.moveTo(opened.id(), IncidentStatus.DISPATCHED, "dispatcher.sleman", null);
        assertThat(jdbc.queryForList("SELECT event_type FROM webhook_delivery WHERE subscriber_id = ? ORDER BY created_at", String.class, sleman.id()))
                .containsExactlyInAnyOrder(WebhookEvent.INCIDENT_CREATED, WebhookEvent.INCIDENT_STATUS_CHANGED);

        Incident stale = opened.moveTo(IncidentStatus.CANCELLED, "dispatcher.sleman", "salah input", Instant.now());
        assertThat(incidents.find(opened.id()).orElseThrow().version()).isEqualTo(moved.version());
        boolean stored = store.update(List.of(stale));
        assertThat(stored).as("a change over a version somebody else changed is refused").isFalse();
        assertThat(rows(sleman)).as("and writes no outbox row").isEqualTo(2);
        assertThat(outbox.count("PENDING")).isEqualTo(2);
    }

    @Test
    void rowsWaitForTheNextWorkerAndAFlakyReceiverProcessesEachEventOnce() {
        WebhookSubscriber sleman = subscribe("/sleman", SLEMAN);
        receiver.failFirst("/sleman", 2);

        Incident opened = brawlInSleman();
        incidents.moveTo(opened.id(), IncidentStatus.DISPATCHED, "dispatcher.sleman", null);
        assertThat(outbox.count("PENDING")).as("no worker runs: the rows wait in the database").isEqualTo(2);

        worker(5).start(); // the server started again: a new worker on its own connections
        var processed = receiver.awaitProcessed("/sleman", p -> p.size() == 2, Duration.ofSeconds(30));
        assertThat(processed.values()).anySatisfy(b -> assertThat(b).contains(WebhookEvent.INCIDENT_CREATED).contains(opened.id().value()))
                .anySatisfy(b -> assertThat(b).contains(WebhookEvent.INCIDENT_STATUS_CHANGED).contains("\"to\":\"DISPATCHED\""))
                .allSatisfy(b -> assertThat(b).doesNotContain("Bu Sari").doesNotContain("6281200000001"));
        for (String event : processed.keySet()) {
            List<WebhookReceiver.Request> tries = receiver.requests("/sleman").stream().filter(r -> r.eventId().equals(event)).toList();
            assertThat(tries).as("two refused, then taken; the same event id each time").hasSizeGreaterThanOrEqualTo(3);
            assertThat(tries).extracting(WebhookReceiver.Request::answered).startsWith(503, 503, 200);
            assertThat(tries).allSatisfy(r -> assertThat(WebhookSignature.verify(sleman.secret(), r.timestamp(), r.signature(), r.body(), Instant.now()))
                    .isTrue());
        }
        awaitCount("DELIVERED", 2);
        assertThat(rows(sleman)).isEqualTo(2);
    }

    @Test
    void aSubscriberWhoseNameNowResolvesInsideTheNetworkIsSentNothing() {
        // accepted when binmas.example pointed outside; its DNS now answers this machine (rebinding)
        WebhookSubscriber rebound = new WebhookSubscriber("rebound", "Binmas", java.net.URI.create(receiver.url("/rebound").replace("127.0.0.1",
                "binmas.example")), "a-secret-of-enough-length", Set.of(), Set.of(SLEMAN), true, Instant.now(), "admin");
        subscribers.add(rebound);
        worker(2, new WebhookAddresses(false, host -> new java.net.InetAddress[] {java.net.InetAddress.getLoopbackAddress()})).start();

        brawlInSleman();
        awaitCount("DEAD", 1);
        assertThat(outbox.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.lastStatus()).as("no request, so no answer").isNull();
            assertThat(d.lastError()).contains("binmas.example").contains("127.0.0.1").contains("loopback");
        });
        assertThat(receiver.requests("/rebound")).isEmpty();
    }

    @Test
    void aReceiverThatStaysDownGetsADeadLetterWhichAReplayDelivers() {
        WebhookSubscriber sleman = subscribe("/sleman", SLEMAN);
        receiver.down("/sleman", true);
        worker(3).start();

        Incident opened = brawlInSleman();
        awaitCount("DEAD", 1);
        var dead = outbox.deadLetters();
        assertThat(dead).singleElement().satisfies(d -> {
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(d.lastStatus()).isEqualTo(503);
            assertThat(d.lastError()).contains("503");
            assertThat(d.body()).contains(opened.id().value());
        });
        assertThat(receiver.requests("/sleman")).hasSize(3);
        // the row turns DEAD first, then the worker tells of it: wait for the telling, not just the row
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (deadLetteredCount() == 0 && System.nanoTime() < end) {
            sleep(20);
        }
        synchronized (deadLettered) {
            assertThat(deadLettered).containsExactly(dead.get(0).eventId());
        }

        receiver.down("/sleman", false);
        assertThat(outbox.replay(dead.get(0).eventId(), sleman.id(), Instant.now())).isTrue();
        assertThat(receiver.awaitProcessed("/sleman", p -> p.size() == 1, Duration.ofSeconds(30))).containsOnlyKeys(dead.get(0).eventId());
        awaitCount("DELIVERED", 1);
        assertThat(outbox.deadLetters()).isEmpty();
        assertThat(outbox.replay(dead.get(0).eventId(), sleman.id(), Instant.now())).as("a delivered row is no dead letter").isFalse();

        assertThat(outbox.forgetDelivered(Instant.now().minus(Duration.ofDays(7)))).as("delivered today: kept").isZero();
        assertThat(outbox.forgetDelivered(Instant.now().plusSeconds(1))).as("the sweep a week later").isEqualTo(1);
        assertThat(rows(sleman)).isZero();
    }

    @Test
    void twoNodesWorkersNeverSendOneAttemptTwice() {
        subscribe("/sleman", SLEMAN);
        for (int i = 0; i < 6; i++) {
            brawlInSleman();
        }
        worker(3).start();
        worker(3).start();

        var processed = receiver.awaitProcessed("/sleman", p -> p.size() == 6, Duration.ofSeconds(30));
        awaitCount("DELIVERED", 6);
        assertThat(receiver.requests("/sleman")).as("each event sent once: a claim is one worker's").hasSize(6)
                .extracting(WebhookReceiver.Request::eventId).containsExactlyInAnyOrderElementsOf(processed.keySet());
    }

    void awaitCount(String status, int n) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (outbox.count(status) != n) {
            assertThat(System.nanoTime()).as("rows " + status + ": " + outbox.count(status) + ", expected " + n).isLessThan(end);
            sleep(20);
        }
    }

    int deadLetteredCount() {
        synchronized (deadLettered) {
            return deadLettered.size();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
