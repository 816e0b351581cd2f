package id.siaga.app;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.cluster.SharedTable;
import id.siaga.cluster.internal.NatsTables;
import id.siaga.journal.InMemoryJournalStore;
import id.siaga.journal.Journal;
import id.siaga.journal.JournalSpool;
import id.siaga.org.Operator;
import id.siaga.org.OperatorId;
import id.siaga.org.OperatorRoster;
import id.siaga.org.Presence;
import id.siaga.org.PresenceBoard;
import id.siaga.org.StationId;
import id.siaga.support.CuttableLink;
import id.siaga.support.PrivateNats;
import id.siaga.telephony.CallId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes, siaga-a and siaga-b, share presence and phone claims over a NATS JetStream of the test's own, which goes
 * away and comes back. A presence change made on siaga-a while the bus is away reaches siaga-b once the bus is back,
 * unless siaga-b changed the operator meanwhile (its change reached every node and wins); the phone siaga-a's call rings
 * is claimed again when the bus comes back without its disk.
 *
 * <p>Awaits are bounded at 10 s: a bound, not a measure (the client's own recovery of a watch takes ~30 s, which fails here).
 */
class LiveStateAcrossBusOutageTests {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T01:00:00Z"), ZoneOffset.UTC);
    static final Duration TIMEOUT = Duration.ofMillis(500);
    static final StationId SLEMAN = StationId.of("POLRES-3404");
    static final OperatorId RINA = new OperatorId("OP-3404-1");
    static final OperatorId DEWI = new OperatorId("OP-3404-2");
    static final OperatorRoster ROSTER = new OperatorRoster(List.of(new Operator(RINA, "Bripka Rina", SLEMAN, "operator.sleman1"),
            new Operator(DEWI, "Briptu Dewi", SLEMAN, "operator.sleman2")));

    @TempDir
    Path dir;

    final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    @Test
    void aPresenceChangeMadeWhileTheBusIsDownReachesTheOtherNodeOnceItIsBack() throws Exception {
        PrivateNats bus = closing(PrivateNats.notStarted());
        bus.startServer();
        Node a = node("siaga-a", bus.url());
        Node b = node("siaga-b", bus.url());
        a.presence.change(RINA, Presence.READY, "console");
        await("siaga-b sees Rina READY", () -> b.board.presenceOf(RINA) == Presence.READY, bus);

        bus.kill();
        a.presence.change(RINA, Presence.AWAY, "console"); // Rina steps away while the bus is down: siaga-a alone knows
        assertThat(b.board.presenceOf(RINA)).isEqualTo(Presence.READY);
        bus.startServer();
        long restarted = System.nanoTime();

        await("siaga-b sees Rina AWAY once the bus is back", () -> b.board.presenceOf(RINA) == Presence.AWAY, bus);
        System.out.printf("a presence change made while the bus was down reached the other node %d ms after the restart%n",
                (System.nanoTime() - restarted) / 1_000_000);
        assertThat(value(b, RINA)).contains("siaga-a AWAY");
        assertThat(a.board.presenceOf(RINA)).isEqualTo(Presence.AWAY);

        // her own later change is this process's: its echo leaves siaga-a's board alone, and siaga-b follows
        a.presence.change(RINA, Presence.BUSY, "sip");
        await("siaga-b sees Rina BUSY", () -> b.board.presenceOf(RINA) == Presence.BUSY, bus);
        assertThat(a.board.presenceOf(RINA)).as("not taken for an earlier process's BUSY and set READY").isEqualTo(Presence.BUSY);
    }

    @Test
    void aChangeAnotherNodeMadeMeanwhileIsNotOverwrittenWhenTheBusIsBack() throws Exception {
        PrivateNats bus = closing(PrivateNats.notStarted());
        bus.startServer();
        CuttableLink link = closing(new CuttableLink(bus.port()));
        Node a = node("siaga-a", "nats://127.0.0.1:" + link.port());
        Node b = node("siaga-b", bus.url());
        CountDownLatch aBusBack = new CountDownLatch(2); // once at once (connected), once when the link is back
        a.presenceTable.onReconnected(aBusBack::countDown); // after the replication's own: run in the order they were given
        a.presence.change(DEWI, Presence.READY, "console");
        await("siaga-b sees Dewi READY", () -> b.board.presenceOf(DEWI) == Presence.READY, bus);

        link.cut();
        await("siaga-a is cut off", () -> !a.tables.connected(), bus);
        a.presence.change(DEWI, Presence.AWAY, "console"); // not taken by the bus
        b.presence.change(DEWI, Presence.BUSY, "sip"); // she answers a call on siaga-b: every node but siaga-a hears it
        link.restore();

        await("siaga-a hears siaga-b's BUSY", () -> a.board.presenceOf(DEWI) == Presence.BUSY, bus);
        assertThat(aBusBack.await(10, TimeUnit.SECONDS)).as("siaga-a's changes the bus did not take were written or given up").isTrue();
        assertThat(value(b, DEWI)).as("siaga-b's later change holds").contains("siaga-b BUSY");
        assertThat(b.board.presenceOf(DEWI)).isEqualTo(Presence.BUSY);
    }

    @Test
    void thePhoneANodesCallRingsIsClaimedAgainWhenTheBusComesBackWithoutItsDisk() throws Exception {
        PrivateNats bus = closing(PrivateNats.notStarted());
        bus.startServer();
        Node a = node("siaga-a", bus.url());
        Node b = node("siaga-b", bus.url());
        assertThat(a.claims.claim(RINA, CallId.random())).isTrue();
        a.claims.ringingHere(Set.of(RINA)); // as the call loop says after each step
        await("siaga-b does not ring Rina's phone", () -> b.claims.ringingElsewhere().contains(RINA), bus);

        bus.kill();
        bus.loseStorage();
        bus.startServer();

        await("siaga-a claims the phone again in the bucket made again", () -> claimOf(b, RINA).equals(Optional.of("siaga-a")), bus);
        assertThat(b.claims.ringingElsewhere()).contains(RINA);
        assertThat(b.claims.claim(RINA, CallId.random())).as("siaga-b cannot take it").isFalse();

        a.claims.ringingHere(Set.of()); // the call moved on
        await("given up", () -> claimOf(b, RINA).isEmpty(), bus);
    }

    private Node node(String name, String url) {
        NatsTables tables = closing(new NatsTables(url, "outage", name, TIMEOUT));
        Journal journal = closing(new Journal(name, new InMemoryJournalStore(), new JournalSpool(dir.resolve(name + "-spool.jsonl")), CLOCK, 100,
                10_000, Duration.ofMillis(50)));
        PresenceBoard board = new PresenceBoard(ROSTER, CLOCK);
        PresenceService presence = new PresenceService(board, journal, new id.siaga.org.InMemoryPresenceHistory(), event -> { });
        SharedTable presenceTable = tables.table("presence");
        SharedTable phonesTable = tables.table("phones");
        PresenceReplication replication = new PresenceReplication(presenceTable, name, presence, Set::of);
        NatsPhoneClaims claims = new NatsPhoneClaims(phonesTable, name, ROSTER, stations -> { });
        replication.start();
        claims.start();
        return new Node(tables, board, presence, presenceTable, phonesTable, claims);
    }

    record Node(NatsTables tables, PresenceBoard board, PresenceService presence, SharedTable presenceTable, SharedTable phonesTable,
                NatsPhoneClaims claims) {
    }

    private static Optional<String> value(Node node, OperatorId operator) {
        return node.presenceTable.get(operator.value()).flatMap(SharedTable.Entry::value);
    }

    private static Optional<String> claimOf(Node node, OperatorId operator) {
        try {
            return node.phonesTable.get(operator.value()).flatMap(SharedTable.Entry::value);
        } catch (SharedTable.Unavailable e) {
            return Optional.of("(bus unavailable)");
        }
    }

    private <T extends AutoCloseable> T closing(T c) {
        closing.add(c);
        return c;
    }

    private static void await(String description, BooleanSupplier ok, PrivateNats bus) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        boolean passed = ok.getAsBoolean();
        while (!passed && System.nanoTime() < deadline) {
            Thread.sleep(50);
            passed = ok.getAsBoolean();
        }
        assertThat(passed).as(description + "\n" + bus.log()).isTrue();
    }
}
