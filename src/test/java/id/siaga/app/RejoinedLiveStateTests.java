package id.siaga.app;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.journal.InMemoryJournalStore;
import id.siaga.journal.Journal;
import id.siaga.journal.JournalSpool;
import id.siaga.org.Operator;
import id.siaga.org.OperatorId;
import id.siaga.org.OperatorRoster;
import id.siaga.org.Presence;
import id.siaga.org.PresenceBoard;
import id.siaga.org.StationId;
import id.siaga.telephony.CallId;
import id.siaga.telephony.CallView;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Node siaga-a is cut off from the database long enough for siaga-b to take it over while its calls go on: siaga-b deletes
 * siaga-a's phone claims and sets the operator siaga-a had made BUSY READY. When siaga-a rejoins it claims again the
 * phones its calls still ring and makes BUSY again the operators in its calls, so siaga-b rings neither. Both nodes share
 * the presence and phones tables (in memory here; NATS in a cluster). A node restarted after a kill finds the operator its
 * previous process left BUSY and sets it READY.
 */
class RejoinedLiveStateTests {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T01:00:00Z"), ZoneOffset.UTC);
    static final StationId SLEMAN = StationId.of("POLRES-3404");
    static final OperatorId TALKING = new OperatorId("OP-3404-1");
    static final OperatorId RINGING = new OperatorId("OP-3404-2");
    static final OperatorRoster ROSTER = new OperatorRoster(List.of(new Operator(TALKING, "Operator Sleman 1", SLEMAN, "operator.sleman1"),
            new Operator(RINGING, "Operator Sleman 2", SLEMAN, "operator.sleman2")));

    @TempDir
    Path dir;

    final InMemorySharedTable presenceTable = new InMemorySharedTable();
    final InMemorySharedTable phonesTable = new InMemorySharedTable();
    final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    @Test
    void aNodeTakenOverWhileAliveClaimsItsRingingPhonesAgainAndMakesTheOperatorsInItsCallsBusyAgain() {
        Node a = node("siaga-a");
        Node b = node("siaga-b");
        a.presence.change(TALKING, Presence.READY, "console");
        a.presence.change(RINGING, Presence.READY, "console");
        a.presence.change(TALKING, Presence.BUSY, "sip"); // answered a call on siaga-a
        assertThat(a.claims.claim(RINGING, CallId.random())).as("siaga-a rings the second operator's phone for another call").isTrue();
        assertThat(b.claims.ringingElsewhere()).contains(RINGING);
        assertThat(b.board.presenceOf(TALKING)).isEqualTo(Presence.BUSY);

        // siaga-b takes siaga-a over
        b.claims.nodeLost("siaga-a");
        b.replication.nodeLost("siaga-a");
        assertThat(phonesTable.valueOf(RINGING.value())).isEmpty();
        assertThat(presenceTable.valueOf(TALKING.value())).contains("siaga-b READY");
        assertThat(b.claims.ringingElsewhere()).doesNotContain(RINGING);

        // siaga-a rejoins, its two calls still live
        List<CallView> live = List.of(view("c1", TALKING.value(), List.of()), view("c2", null, List.of(RINGING.value())));
        a.claims.rejoined(NatsPhoneClaims.ringingIn(live));
        a.replication.rejoined(PresenceReplication.busyIn(live, op -> 1));

        assertThat(phonesTable.valueOf(RINGING.value())).as("the phone siaga-a's call rings").contains("siaga-a");
        assertThat(b.claims.ringingElsewhere()).as("siaga-b does not ring it").contains(RINGING);
        assertThat(presenceTable.valueOf(TALKING.value())).as("the operator in siaga-a's call").contains("siaga-a BUSY");
        assertThat(b.board.presenceOf(TALKING)).as("siaga-b rings nobody in a call on siaga-a").isEqualTo(Presence.BUSY);
        assertThat(a.board.presenceOf(TALKING)).isEqualTo(Presence.BUSY);
        assertThat(a.board.presenceOf(RINGING)).as("a phone that only rings stays READY").isEqualTo(Presence.READY);
    }

    @Test
    void anOperatorStillBusyOnTheRejoinedNodesBoardIsToldToTheOthersAllTheSame() {
        Node a = node("siaga-a");
        Node b = node("siaga-b");
        a.presence.change(TALKING, Presence.BUSY, "sip");
        presenceTable.put(TALKING.value(), "siaga-b READY"); // the takeover's READY, written while siaga-a did not hear the bus
        a.board.change(TALKING, Presence.BUSY);

        a.replication.rejoined(Set.of(TALKING));

        assertThat(presenceTable.valueOf(TALKING.value())).contains("siaga-a BUSY");
        assertThat(b.board.presenceOf(TALKING)).isEqualTo(Presence.BUSY);
    }

    @Test
    void aRestartedNodeSetsReadyTheOperatorItsKilledPredecessorLeftBusyAndAppliesItsOtherValues() {
        Node b = node("siaga-b");
        // left by siaga-a's previous process, killed while its operator talked; its other operator had gone AWAY
        presenceTable.put(TALKING.value(), "siaga-a BUSY");
        presenceTable.put(RINGING.value(), "siaga-a AWAY");
        assertThat(b.board.presenceOf(TALKING)).isEqualTo(Presence.BUSY);

        Node a = node("siaga-a"); // the new process reads the table at start

        assertThat(a.board.presenceOf(TALKING)).as("no call of this process keeps the operator BUSY").isEqualTo(Presence.READY);
        assertThat(presenceTable.valueOf(TALKING.value())).contains("siaga-a READY");
        assertThat(b.board.presenceOf(TALKING)).as("every node may ring the operator again").isEqualTo(Presence.READY);
        assertThat(a.board.presenceOf(RINGING)).as("the previous process's other values hold").isEqualTo(Presence.AWAY);
        assertThat(presenceTable.valueOf(RINGING.value())).contains("siaga-a AWAY");

        a.presence.change(TALKING, Presence.BUSY, "sip"); // this process's own BUSY, back from the bus, is left alone
        assertThat(a.board.presenceOf(TALKING)).isEqualTo(Presence.BUSY);
        assertThat(presenceTable.valueOf(TALKING.value())).contains("siaga-a BUSY");
    }

    @Test
    void onlyAnOperatorAnsweringAsManyCallsAsItHasLinesIsBusy() {
        List<CallView> live = List.of(view("c1", "OP-HUNT", List.of()), view("c2", TALKING.value(), List.of()), view("c3", null, List.of("OP-HUNT")));
        Map<String, Integer> lines = Map.of("OP-HUNT", 2);
        assertThat(PresenceReplication.busyIn(live, op -> lines.getOrDefault(op.value(), 1))).containsExactly(TALKING);
        assertThat(NatsPhoneClaims.ringingIn(live)).containsExactly(new OperatorId("OP-HUNT"));
    }

    /**
     * Bripka Rina answers a call on siaga-a. siaga-b, which did not hear siaga-a for a while, writes her READY (a takeover
     * of a node that was alive, or an older value sent late): siaga-a does not apply it, since she is in its call, and tells
     * every node BUSY again, so siaga-b does not ring her mid-call. Once her call has ended a READY from siaga-b is applied.
     */
    @Test
    void anotherNodesReadyForAnOperatorInACallHereIsNotAppliedAndBusyIsToldAgain() {
        Set<OperatorId> talkingOnA = new java.util.concurrent.CopyOnWriteArraySet<>();
        Node a = node("siaga-a", () -> talkingOnA);
        Node b = node("siaga-b");
        a.presence.change(TALKING, Presence.BUSY, "sip");
        talkingOnA.add(TALKING);

        b.presence.change(TALKING, Presence.READY, "cluster: node siaga-a was lost");

        assertThat(a.board.presenceOf(TALKING)).as("in a call on siaga-a").isEqualTo(Presence.BUSY);
        assertThat(presenceTable.valueOf(TALKING.value())).contains("siaga-a BUSY");
        assertThat(b.board.presenceOf(TALKING)).as("siaga-b rings nobody in a call on siaga-a").isEqualTo(Presence.BUSY);

        talkingOnA.clear(); // the call ended
        b.presence.change(TALKING, Presence.READY, "console");
        assertThat(a.board.presenceOf(TALKING)).isEqualTo(Presence.READY);
    }

    private Node node(String name) {
        return node(name, Set::of);
    }

    private Node node(String name, java.util.function.Supplier<Set<OperatorId>> busyHere) {
        Journal journal = new Journal(name, new InMemoryJournalStore(), new JournalSpool(dir.resolve(name + "-spool.jsonl")), CLOCK, 100, 10_000,
                Duration.ofMillis(50));
        closing.add(journal);
        PresenceBoard board = new PresenceBoard(ROSTER, CLOCK);
        PresenceService presence = new PresenceService(board, journal, new id.siaga.org.InMemoryPresenceHistory(), event -> { });
        PresenceReplication replication = new PresenceReplication(presenceTable, name, presence, busyHere);
        NatsPhoneClaims claims = new NatsPhoneClaims(phonesTable, name, ROSTER, stations -> { });
        replication.start();
        claims.start();
        return new Node(board, presence, replication, claims);
    }

    record Node(PresenceBoard board, PresenceService presence, PresenceReplication replication, NatsPhoneClaims claims) {
    }

    static CallView view(String id, String answeredBy, List<String> ringing) {
        return new CallView(id, "+6281299917300", answeredBy == null ? "RINGING" : "ANSWERED", SLEMAN.value(), SLEMAN.value(), 0,
                CLOCK.instant(), 1, answeredBy == null ? null : CLOCK.instant(), answeredBy, ringing, List.of(SLEMAN.value()), null, null,
                null, null, null, null, null, null, null, null, null, null, null);
    }
}
