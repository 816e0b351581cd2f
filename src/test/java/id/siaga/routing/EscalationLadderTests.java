package id.siaga.routing;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.org.GeoPoint;
import id.siaga.org.OperatorId;
import id.siaga.org.RolloutStatus;
import id.siaga.org.Station;
import id.siaga.org.StationId;
import id.siaga.org.StationKind;
import id.siaga.org.StationTimeZone;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ladder, told as stories with literal times: nothing here sleeps. */
class EscalationLadderTests {

    static final Instant T0 = Instant.parse("2026-11-28T20:00:00Z"); // 03:00 WIB
    static final Station MABES = station("MABES", StationKind.MABES, null, RolloutStatus.LIVE);
    static final Station DIY = station("POLDA-DIY", StationKind.POLDA, "MABES", RolloutStatus.LIVE);
    static final Station SLEMAN = station("POLRES-3404", StationKind.POLRES, "POLDA-DIY", RolloutStatus.LIVE);
    static final Station DEPOK = station("POLSEK-DEPOK", StationKind.POLSEK, "POLRES-3404", RolloutStatus.LIVE);
    static final List<Station> CHAIN = List.of(SLEMAN, DIY, MABES);

    final Map<StationId, List<OperatorId>> ready = new HashMap<>(Map.of(
            SLEMAN.id(), ops("OP-3404-1", "OP-3404-2"),
            DIY.id(), ops("OP-DIY-1"),
            MABES.id(), ops("OP-MABES-1")));
    final Availability availability = station -> ready.getOrDefault(station, List.of());
    final EscalationLadder widen = new EscalationLadder(RingPolicy.DEFAULT);

    @Test
    void aCallerInSlemanRingsBothSlemanOperatorsForTenSeconds() {
        LadderStep step = widen.start(CHAIN, availability, T0);
        assertThat(step.actions()).containsExactly(ring("OP-3404-1", SLEMAN, 0), ring("OP-3404-2", SLEMAN, 0));
        assertThat(step.state().current()).isEqualTo(SLEMAN);
        assertThat(step.state().wakeAt()).contains(T0.plusSeconds(10));
        assertThat(widen.tick(step.state(), availability, T0.plusMillis(9_999)).actions()).isEmpty();
    }

    @Test
    void slemanLetsItRingTenSecondsSoPoldaDiyIsAddedAndSlemanKeepsRinging() {
        LadderState s = widen.start(CHAIN, availability, T0).state();
        LadderStep step = widen.tick(s, availability, T0.plusSeconds(10));
        assertThat(step.actions()).containsExactly(
                new LadderAction.Escalated(SLEMAN.id(), DIY.id(), 1, EscalationReason.TIMEOUT, ops("OP-3404-1", "OP-3404-2")),
                ring("OP-DIY-1", DIY, 1));
        assertThat(step.state().ringing()).extracting(Leg::operator).containsExactlyElementsOf(ops("OP-3404-1", "OP-3404-2", "OP-DIY-1"));
        assertThat(step.state().wakeAt()).contains(T0.plusSeconds(20));

        LadderStep answered = widen.answered(step.state(), new OperatorId("OP-DIY-1"));
        assertThat(answered.actions()).containsExactly(cancel("OP-3404-1", SLEMAN, 0), cancel("OP-3404-2", SLEMAN, 0));
        assertThat(answered.state().answered()).isTrue();
        assertThat(answered.state().wakeAt()).isEmpty();
    }

    @Test
    void inMoveModeTheLowerTierIsCancelledWhenTheCallClimbs() {
        EscalationLadder move = new EscalationLadder(new RingPolicy(Map.of(StationKind.POLRES, Duration.ofSeconds(10)), EscalationMode.MOVE));
        LadderState s = move.start(CHAIN, availability, T0).state();
        LadderStep step = move.tick(s, availability, T0.plusSeconds(10));
        assertThat(step.actions()).startsWith(cancel("OP-3404-1", SLEMAN, 0), cancel("OP-3404-2", SLEMAN, 0));
        assertThat(step.state().ringing()).extracting(Leg::operator).containsExactly(new OperatorId("OP-DIY-1"));
    }

    @Test
    void polresAndPoldaNeverAnswerSoMabesRingsAndNeverGivesUp() {
        LadderState s = widen.start(CHAIN, availability, T0).state();
        s = widen.tick(s, availability, T0.plusSeconds(10)).state();
        LadderStep toMabes = widen.tick(s, availability, T0.plusSeconds(20));
        assertThat(toMabes.actions()).containsExactly(
                new LadderAction.Escalated(DIY.id(), MABES.id(), 2, EscalationReason.TIMEOUT, ops("OP-DIY-1")),
                ring("OP-MABES-1", MABES, 2));
        assertThat(toMabes.state().atTop()).isTrue();
        assertThat(toMabes.state().wakeAt()).as("the top has no ring time").isEmpty();
        assertThat(widen.tick(toMabes.state(), availability, T0.plus(Duration.ofHours(1))).actions()).isEmpty();
    }

    @Test
    void aStationWithNobodyReadyIsSkippedAtOnce() {
        ready.put(SLEMAN.id(), List.of());
        LadderStep step = widen.start(CHAIN, availability, T0);
        assertThat(step.actions()).containsExactly(
                new LadderAction.Escalated(SLEMAN.id(), DIY.id(), 1, EscalationReason.NOBODY_READY, List.of()),
                ring("OP-DIY-1", DIY, 1));
        assertThat(step.state().wakeAt()).contains(T0.plusSeconds(10));
    }

    @Test
    void aPlannedStationIsSkippedEvenWithOperatorsReady() {
        Station planned = station("POLRES-3404", StationKind.POLRES, "POLDA-DIY", RolloutStatus.PLANNED);
        LadderStep step = widen.start(List.of(planned, DIY, MABES), availability, T0);
        assertThat(step.actions()).containsExactly(
                new LadderAction.Escalated(planned.id(), DIY.id(), 1, EscalationReason.NOT_LIVE, List.of()),
                ring("OP-DIY-1", DIY, 1));
    }

    @Test
    void whenEveryPhoneAtATierDeclinesTheCallClimbsWithoutWaiting() {
        LadderState s = widen.start(CHAIN, availability, T0).state();
        s = widen.legEnded(s, new OperatorId("OP-3404-1"), availability, T0.plusSeconds(2)).state();
        assertThat(s.current()).isEqualTo(SLEMAN);
        LadderStep step = widen.legEnded(s, new OperatorId("OP-3404-2"), availability, T0.plusSeconds(3));
        assertThat(step.actions()).containsExactly(
                new LadderAction.Escalated(SLEMAN.id(), DIY.id(), 1, EscalationReason.ALL_DECLINED, List.of()),
                ring("OP-DIY-1", DIY, 1));
        assertThat(step.state().wakeAt()).contains(T0.plusSeconds(13));
    }

    @Test
    void withNobodyAnywhereTheCallQueuesAtMabesAndRingsWhenSomeoneIsReady() {
        ready.clear();
        LadderStep step = widen.start(CHAIN, availability, T0);
        assertThat(step.actions()).containsExactly(
                new LadderAction.Escalated(SLEMAN.id(), DIY.id(), 1, EscalationReason.NOBODY_READY, List.of()),
                new LadderAction.Escalated(DIY.id(), MABES.id(), 2, EscalationReason.NOBODY_READY, List.of()),
                new LadderAction.Queued(MABES.id()));
        assertThat(step.state().queued()).isTrue();
        assertThat(widen.tick(step.state(), availability, T0.plusSeconds(30)).actions()).as("queued once, not again").isEmpty();

        ready.put(MABES.id(), ops("OP-MABES-2"));
        LadderStep rung = widen.tick(step.state(), availability, T0.plusSeconds(40));
        assertThat(rung.actions()).containsExactly(ring("OP-MABES-2", MABES, 2));
        assertThat(rung.state().queued()).isFalse();

        LadderStep declined = widen.legEnded(rung.state(), new OperatorId("OP-MABES-2"), station -> List.of(), T0.plusSeconds(45));
        assertThat(declined.actions()).containsExactly(new LadderAction.Queued(MABES.id()));
    }

    @Test
    void atTheTopAPhoneThatDeclinesRestsBeforeItIsOfferedTheSameCallAgain() {
        ready.put(SLEMAN.id(), List.of());
        ready.put(DIY.id(), List.of());
        LadderState s = widen.start(CHAIN, availability, T0).state();
        assertThat(s.ringing()).extracting(Leg::operator).containsExactly(new OperatorId("OP-MABES-1"));
        LadderStep declined = widen.legEnded(s, new OperatorId("OP-MABES-1"), availability, T0.plusSeconds(1));
        assertThat(declined.actions()).as("not rung again at once, though still READY").containsExactly(new LadderAction.Queued(MABES.id()));
        assertThat(declined.state().wakeAt()).contains(T0.plusSeconds(1).plus(EscalationLadder.REST_AFTER_DECLINE));
        assertThat(widen.tick(declined.state(), availability, T0.plusSeconds(5)).actions()).isEmpty();
        assertThat(widen.tick(declined.state(), availability, T0.plusSeconds(11)).actions()).containsExactly(ring("OP-MABES-1", MABES, 2));
    }

    @Test
    void aPolsekChainOfFourLevelsClimbsThroughEveryLevel() {
        ready.put(DEPOK.id(), ops("OP-DEPOK-1"));
        LadderState s = widen.start(List.of(DEPOK, SLEMAN, DIY, MABES), availability, T0).state();
        assertThat(s.wakeAt()).as("Polsek rings 8 s").contains(T0.plusSeconds(8));
        s = widen.tick(s, availability, T0.plusSeconds(8)).state();
        assertThat(s.current()).isEqualTo(SLEMAN);
        s = widen.tick(s, availability, T0.plusSeconds(18)).state();
        assertThat(s.current()).isEqualTo(DIY);
        s = widen.tick(s, availability, T0.plusSeconds(28)).state();
        assertThat(s.current()).isEqualTo(MABES);
        assertThat(s.ringing()).hasSize(5);
    }

    @Test
    void theCallerHangingUpCancelsEveryPhone() {
        LadderState s = widen.start(CHAIN, availability, T0).state();
        s = widen.tick(s, availability, T0.plusSeconds(10)).state();
        LadderStep gone = widen.abandoned(s);
        assertThat(gone.actions()).hasSize(3).allMatch(a -> a instanceof LadderAction.Cancel);
        assertThat(gone.state().ringing()).isEmpty();
    }

    @Test
    void aCallerAtMabesItselfIsOfferedToMabesOnly() {
        LadderStep step = widen.start(List.of(MABES), availability, T0);
        assertThat(step.actions()).containsExactly(ring("OP-MABES-1", MABES, 0));
    }

    @Test
    void aCallQueuedAtMabesComesBackDownToTheSlemanOperatorWhoTurnsReady() {
        ready.clear(); // 03:00, nobody READY anywhere: the call climbs past Sleman and Polda DIY and waits at Mabes
        LadderStep queued = widen.start(CHAIN, availability, T0);
        assertThat(queued.state().queued()).isTrue();
        assertThat(queued.actions()).contains(new LadderAction.Queued(MABES.id()));

        ready.put(SLEMAN.id(), ops("OP-3404-2")); // 40 s later an operator at the caller's own Polres is back
        LadderStep offered = widen.offerWaiting(queued.state(), availability, T0.plusSeconds(40));

        assertThat(offered.actions()).containsExactly(ring("OP-3404-2", SLEMAN, 0));
        assertThat(offered.state().queued()).isFalse();
        assertThat(offered.state().atTop()).as("the call stays at the top: Mabes operators who turn READY are offered it too").isTrue();
        ready.put(MABES.id(), ops("OP-MABES-1"));
        LadderStep mabes = widen.offerWaiting(offered.state(), availability, T0.plusSeconds(41));
        assertThat(mabes.actions()).containsExactly(ring("OP-MABES-1", MABES, 2));
        ready.put(MABES.id(), ops("OP-MABES-1", "OP-MABES-2"));
        assertThat(widen.offerWaiting(mabes.state(), availability, T0.plusSeconds(42)).actions())
                .as("one Mabes phone per waiting call: a second one is left for the next caller in the queue").isEmpty();
    }

    @Test
    void aWaitingCallIsOfferedToItsOwnPolresFirstThenUpTheChainButNeverAboveWhereItIs() {
        EscalationLadder move = new EscalationLadder(new RingPolicy(Map.of(StationKind.POLRES, Duration.ofSeconds(10),
                StationKind.POLDA, Duration.ofSeconds(10)), EscalationMode.MOVE));
        ready.remove(SLEMAN.id());
        LadderState atPolda = move.start(CHAIN, availability, T0).state(); // Sleman had nobody: Polda DIY rings
        assertThat(atPolda.tier()).isEqualTo(1);

        ready.put(SLEMAN.id(), ops("OP-3404-1"));
        ready.put(DIY.id(), ops("OP-DIY-1", "OP-DIY-2"));
        LadderStep offered = move.offerWaiting(atPolda, availability, T0.plusSeconds(4));

        assertThat(offered.actions()).as("Polda DIY already rings OP-DIY-1 for it: OP-DIY-2 stays free for another waiting call")
                .containsExactly(ring("OP-3404-1", SLEMAN, 0));
        assertThat(offered.state().tier()).isEqualTo(1);
        assertThat(offered.state().wakeAt()).as("Polda's ring time is not restarted").isEqualTo(atPolda.wakeAt());
        assertThat(offered.state().ringing()).extracting(Leg::operator).doesNotContain(new OperatorId("OP-MABES-1"));
    }

    @Test
    void anOperatorWhoJustDeclinedTheCallIsNotOfferedItAgainWhileResting() {
        ready.clear();
        ready.put(MABES.id(), ops("OP-MABES-1"));
        LadderState ringing = widen.start(CHAIN, availability, T0).state();
        LadderState declined = widen.legEnded(ringing, new OperatorId("OP-MABES-1"), station -> List.of(), T0.plusSeconds(1)).state();

        assertThat(widen.offerWaiting(declined, availability, T0.plusSeconds(2)).actions()).isEmpty();
        assertThat(widen.offerWaiting(declined, availability, T0.plusSeconds(1).plus(EscalationLadder.REST_AFTER_DECLINE)).actions())
                .containsExactly(ring("OP-MABES-1", MABES, 2));
    }

    /**
     * Two callers at once on two nodes, Bripka Rina the only READY phone: the other node rang her first, so this node's
     * call climbs to Mabes and waits. Her phone is freed (and she is READY again) within her short rest; when the rest
     * ends the waiting call comes back down to her, though she is an operator of Sleman and the call waits at the top.
     */
    @Test
    void aPhoneRungByAnotherNodeIsOfferedTheWaitingCallAgainWhenItsShortRestEnds() {
        ready.clear();
        ready.put(SLEMAN.id(), ops("OP-3404-1"));
        LadderState ringing = widen.start(CHAIN, availability, T0).state();
        LadderStep refused = widen.legRungElsewhere(ringing, new OperatorId("OP-3404-1"), availability, T0);
        assertThat(refused.state().queued()).isTrue();
        assertThat(refused.state().wakeAt()).contains(T0.plus(EscalationLadder.REST_WHILE_RUNG_ELSEWHERE));
        assertThat(widen.offerWaiting(refused.state(), availability, T0.plusSeconds(2)).actions()).as("resting").isEmpty();

        LadderStep again = widen.tick(refused.state(), availability, T0.plus(EscalationLadder.REST_WHILE_RUNG_ELSEWHERE));
        assertThat(again.actions()).containsExactly(ring("OP-3404-1", SLEMAN, 0));
        assertThat(again.state().queued()).isFalse();
        assertThat(again.state().wakeAt()).as("her rest is over: nothing wakes the call at the top").isEmpty();
        assertThat(EscalationLadder.REST_WHILE_RUNG_ELSEWHERE).isLessThan(EscalationLadder.REST_AFTER_DECLINE);

        // her rest ended while she was still rung elsewhere (not available): the call stays queued, said once, and
        // is not woken again by a rest that is over
        LadderStep stillAway = widen.tick(refused.state(), station -> List.of(), T0.plus(EscalationLadder.REST_WHILE_RUNG_ELSEWHERE));
        assertThat(stillAway.actions()).isEmpty();
        assertThat(stillAway.state().queued()).isTrue();
        assertThat(stillAway.state().wakeAt()).isEmpty();
    }

    @Test
    void anAnsweredCallIsOfferedToNobody() {
        LadderState s = widen.start(CHAIN, availability, T0).state();
        LadderState answered = widen.answered(s, new OperatorId("OP-3404-1")).state();
        ready.put(DIY.id(), ops("OP-DIY-1"));
        assertThat(widen.offerWaiting(answered, availability, T0.plusSeconds(3)).actions()).isEmpty();
    }

    static LadderAction ring(String op, Station s, int tier) {
        return new LadderAction.Ring(new Leg(new OperatorId(op), s.id(), tier));
    }

    static LadderAction cancel(String op, Station s, int tier) {
        return new LadderAction.Cancel(new Leg(new OperatorId(op), s.id(), tier));
    }

    static List<OperatorId> ops(String... ids) {
        return java.util.Arrays.stream(ids).map(OperatorId::new).toList();
    }

    static Station station(String id, StationKind kind, String parent, RolloutStatus status) {
        return new Station(StationId.of(id), id, kind, parent == null ? null : StationId.of(parent), status, new GeoPoint(-7.7, 110.4),
                StationTimeZone.WIB);
    }
}
