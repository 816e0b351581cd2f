package id.siaga.simulation;

import id.siaga.org.OperatorId;
import id.siaga.org.Station;
import id.siaga.org.StationId;
import id.siaga.org.StationKind;
import id.siaga.routing.Availability;
import id.siaga.routing.EscalationLadder;
import id.siaga.routing.LadderAction;
import id.siaga.routing.LadderStep;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The operators' floor under the real {@link EscalationLadder}: every decision of whom to ring, when a tier's ring time
 * is over and when a call climbs Polres → Polda → Mabes is the ladder's own (start, tick, legEnded, offerWaiting,
 * answered, abandoned). What the ladder is asked mirrors telephony's call loop ({@code CallCoordinator}, {@code
 * RingStage}, {@code Ringable}): a new call rings every READY operator of its station at once (at the root, minus those
 * ringing for another waiting call); when phones stop ringing or an operator turns READY, the waiting calls that reached
 * that station with no phone ringing there are offered again, oldest first, each to operators not ringing for another.
 *
 * <p>Modelled rather than reused: the operators themselves. An operator rung picks up after a drawn answer delay, or lets
 * the offer ring out (the let-ring share); one rung for several calls picks the call without the gate's "no key" mark
 * first, then the oldest. A busy operator's phone keeps ringing for the calls it was rung for (the ladder's leg stays
 * until the tier's time is up, as in service) and the operator may pick one up once READY again. At the root, where the
 * ladder never times a tier out, an offer let ring ends after {@link #NO_ANSWER_AT_ROOT_SECONDS} as the phone's own
 * no-answer (the ladder's legEnded).
 */
final class Floor {

    /** A phone's own no-answer time for an offer at the root that nobody picks up (an assumption). */
    static final double NO_ANSWER_AT_ROOT_SECONDS = 20;

    /** What the engine hears of the floor. */
    interface Listener {
        void answered(SimCall call, SimOperator operator);

        void escalated(SimCall call, StationKind to);

        void queued(SimCall call);
    }

    private final EscalationLadder ladder;
    private final Map<StationId, Station> stations;
    private final Map<StationId, List<SimOperator>> desks;
    private final Map<OperatorId, SimOperator> operators;
    private final StationId root;
    private final Events events;
    private final SplittableRandom random;
    private final Scenario.Operators behaviour;
    private final Listener listener;
    /** Unanswered calls on the ladder, in the order they began ringing: the real loop's order. */
    private final List<SimCall> waiting = new ArrayList<>();

    Floor(EscalationLadder ladder, Map<StationId, Station> stations, Map<StationId, List<SimOperator>> desks, StationId root, Events events,
          SplittableRandom random, Scenario.Operators behaviour, Listener listener) {
        this.ladder = ladder;
        this.stations = stations;
        this.desks = desks;
        this.root = root;
        this.events = events;
        this.random = random;
        this.behaviour = behaviour;
        this.listener = listener;
        this.operators = new java.util.HashMap<>();
        desks.values().forEach(ops -> ops.forEach(op -> operators.put(op.id, op)));
    }

    /** The call is offered to its chain's first station that can take it. */
    void start(SimCall call) {
        call.phase = SimCall.Phase.RINGING;
        waiting.add(call);
        apply(call, ladder.start(call.chain, forCall(call), events.instant()));
    }

    /** The call's wake-up time came: the tier's ring time may be over. */
    void wake(SimCall call) {
        if (call.ringing()) {
            apply(call, ladder.tick(call.ladder, forCall(call), events.instant()));
        }
    }

    /** The caller hung up while it rang: every phone stops. */
    void callerLeft(SimCall call) {
        waiting.remove(call);
        apply(call, ladder.abandoned(call.ladder));
    }

    /** The operator reaches for the phone: the best call still ringing on it that they mean to take. */
    void pickUp(SimOperator op, long reach) {
        if (reach != op.reach) {
            return; // given up: the phone stopped ringing for every call the operator meant to take
        }
        op.pickUpPending = false;
        if (!op.ready()) {
            return;
        }
        SimCall best = null;
        for (Iterator<SimCall> it = op.willing.iterator(); it.hasNext(); ) {
            SimCall c = it.next();
            if (!c.ringing() || !c.ladder.isRinging(op.id)) {
                it.remove();
            } else if (best == null || c.before(best)) {
                best = c;
            }
        }
        if (best == null) {
            return;
        }
        op.stopRinging(best);
        waiting.remove(best);
        op.busy = true;
        LadderStep step = ladder.answered(best.ladder, op.id);
        best.phase = SimCall.Phase.ANSWERED;
        best.answeredAt = events.now();
        apply(best, step);
        listener.answered(best, op);
    }

    /** The operator is READY again (after a call's wrap-up) or came on shift. */
    void operatorReady(SimOperator op) {
        if (!op.ready()) {
            return;
        }
        if (!op.willing.isEmpty()) {
            schedulePickUp(op);
        }
        offerWaiting(Set.of(op.station));
    }

    /** The operator's shift ended while READY: the phone stops ringing for every call (the ladder hears each leg end). */
    void operatorLeaves(SimOperator op) {
        op.onShift = false;
        for (SimCall call : new ArrayList<>(op.ringingFor)) {
            op.stopRinging(call);
            if (call.ringing() && call.ladder.isRinging(op.id)) {
                apply(call, ladder.legEnded(call.ladder, op.id, forCall(call), events.instant()));
            }
        }
    }

    /** Waiting calls that reached one of these stations with no phone ringing there, in the order the operators see them. */
    void offerWaiting(Set<StationId> where) {
        List<SimCall> order = new ArrayList<>(waiting);
        order.sort(Comparator.comparing((SimCall c) -> c.behind)); // stable: oldest first within each
        for (SimCall call : order) {
            if (call.waitsForSomeoneAt(where)) {
                apply(call, ladder.offerWaiting(call.ladder, forWaiting(call), events.instant()));
            }
        }
    }

    int waitingCalls() {
        return waiting.size();
    }

    /** READY operators of a station; at the root, minus those ringing for another waiting call (telephony's Ringable). */
    private Availability forCall(SimCall call) {
        return station -> {
            List<OperatorId> ready = new ArrayList<>();
            boolean atRoot = station.equals(root);
            for (SimOperator op : desks.getOrDefault(station, List.of())) {
                if (op.ready() && !(atRoot && op.ringingForOtherThan(call))) {
                    ready.add(op.id);
                }
            }
            return ready;
        };
    }

    /** READY operators of a station not ringing for any other call: each is offered one waiting call. */
    private Availability forWaiting(SimCall call) {
        return station -> {
            List<OperatorId> ready = new ArrayList<>();
            for (SimOperator op : desks.getOrDefault(station, List.of())) {
                if (op.ready() && !op.ringingForOtherThan(call)) {
                    ready.add(op.id);
                }
            }
            return ready;
        };
    }

    /** The ladder's decisions carried out: phones rung and stopped, escalations counted, the next wake-up set. */
    private void apply(SimCall call, LadderStep step) {
        Set<StationId> freed = null;
        for (LadderAction action : step.actions()) {
            if (action instanceof LadderAction.Ring r) {
                ring(call, operators.get(r.leg().operator()), r.leg().tier() == call.chain.size() - 1);
            } else if (action instanceof LadderAction.Cancel c) {
                operators.get(c.leg().operator()).stopRinging(call);
                freed = freed == null ? new HashSet<>() : freed;
                freed.add(c.leg().station());
            } else if (action instanceof LadderAction.Escalated e) {
                listener.escalated(call, stations.get(e.to()).kind());
            } else if (action instanceof LadderAction.Queued) {
                listener.queued(call);
            }
        }
        call.ladder = step.state();
        if (call.ringing()) {
            call.ladder.wakeAt().filter(at -> !at.equals(call.wakeAt)).ifPresent(at -> {
                call.wakeAt = at;
                events.at(Events.nanosOf(at), () -> wake(call));
            });
        }
        if (freed != null) {
            Set<StationId> where = freed;
            // as the real loop: phones that stopped ringing for this call may take a waiting one, right after
            events.at(events.now(), () -> offerWaiting(where));
        }
    }

    private void ring(SimCall call, SimOperator op, boolean atRoot) {
        op.ringingFor.add(call);
        if (random.nextDouble() < behaviour.letRingShare()) {
            if (atRoot) {
                events.after(NO_ANSWER_AT_ROOT_SECONDS, () -> noAnswer(op, call));
            }
            return;
        }
        op.willing.add(call);
        if (op.ready()) {
            schedulePickUp(op);
        }
    }

    private void schedulePickUp(SimOperator op) {
        if (!op.pickUpPending) {
            op.pickUpPending = true;
            long reach = ++op.reach;
            events.after(behaviour.answerDelay().sample(random), () -> pickUp(op, reach));
        }
    }

    private void noAnswer(SimOperator op, SimCall call) {
        if (call.ringing() && call.ladder.isRinging(op.id)) {
            op.stopRinging(call);
            apply(call, ladder.legEnded(call.ladder, op.id, forCall(call), events.instant()));
        }
    }
}
