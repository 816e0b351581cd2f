package id.siaga.routing;

import id.siaga.org.OperatorId;
import id.siaga.org.Station;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The escalation ladder as pure decisions: given a call's state, who is available and the time, what to
 * ring, cancel and record next. Tier 0 is the caller's station; each tier rings every available operator at
 * once for its station kind's ring time, then the call climbs to the parent. A station that is not LIVE or
 * has nobody available is skipped at once. In WIDEN mode lower tiers keep ringing; in MOVE mode they are
 * cancelled. The root never gives up: with nobody to ring the call is queued until someone is available.
 * Nothing here counts levels: a chain of any length works.
 */
public final class EscalationLadder {

    /** How long an operator whose phone declined or failed is not offered the same call again. */
    public static final java.time.Duration REST_AFTER_DECLINE = java.time.Duration.ofSeconds(10);

    /**
     * How long an operator whose phone another cluster node rings for another call is not offered this one again. She
     * did not decline: she is READY and her phone rings elsewhere, for at most that call's ring time, and BUSY once she
     * answers it. A short rest looks again soon without trying her phone in a loop.
     */
    public static final java.time.Duration REST_WHILE_RUNG_ELSEWHERE = java.time.Duration.ofSeconds(3);

    private final RingPolicy policy;

    public EscalationLadder(RingPolicy policy) {
        this.policy = policy;
    }

    public RingPolicy policy() {
        return policy;
    }

    /** Offers a new call to the first station of its chain (the caller's own) that can take it. */
    public LadderStep start(List<Station> chain, Availability availability, Instant now) {
        List<LadderAction> actions = new ArrayList<>();
        LadderState state = enter(LadderState.initial(chain), 0, availability, now, actions);
        return new LadderStep(state, actions);
    }

    /**
     * The call's wake-up time came, or availability changed: climb if the tier's ring time is over; at the
     * top, ring whoever has become available.
     */
    public LadderStep tick(LadderState state, Availability availability, Instant now) {
        List<LadderAction> actions = new ArrayList<>();
        if (state.answered()) {
            return new LadderStep(state, actions);
        }
        if (state.atTop()) {
            // at the top only presence changes and the end of a rest matter: an operator whose rest ends may be one
            // of a station below (the caller's own Polres first), not only of the top
            LadderState rested = state.restsOverAt(now); // an ended rest no longer wakes the call
            LadderStep offered = offerWaiting(rested, availability, now);
            if (!offered.actions().isEmpty()) {
                return offered;
            }
            return new LadderStep(ringAvailable(rested, availability, now, actions), actions);
        }
        if (state.tierDeadline() != null && !now.isBefore(state.tierDeadline())) {
            return new LadderStep(climb(state, EscalationReason.TIMEOUT, availability, now, actions), actions);
        }
        return new LadderStep(state, actions);
    }

    /**
     * One phone stopped ringing without answering (486, 603, a failure). If nobody is left ringing at the
     * current tier, the call climbs at once rather than waiting out the ring time.
     */
    public LadderStep legEnded(LadderState state, OperatorId operator, Availability availability, Instant now) {
        return legEnded(state, operator, REST_AFTER_DECLINE, availability, now);
    }

    /**
     * This node could not ring the phone because another node rings it for another call: the ladder goes on as for a
     * phone that failed, but she rests only {@link #REST_WHILE_RUNG_ELSEWHERE}, so the call is offered to her again
     * soon after that call has taken or freed her phone.
     */
    public LadderStep legRungElsewhere(LadderState state, OperatorId operator, Availability availability, Instant now) {
        return legEnded(state, operator, REST_WHILE_RUNG_ELSEWHERE, availability, now);
    }

    private LadderStep legEnded(LadderState state, OperatorId operator, java.time.Duration rest, Availability availability, Instant now) {
        List<LadderAction> actions = new ArrayList<>();
        if (state.answered() || !state.isRinging(operator)) {
            return new LadderStep(state, actions);
        }
        List<Leg> legs = state.ringing().stream().filter(l -> !l.operator().equals(operator)).toList();
        LadderState next = state.with(state.tier(), state.tierDeadline(), legs, state.queued())
                .resting(operator, now.plus(rest), now);
        boolean tierEmpty = legs.stream().noneMatch(l -> l.tier() == state.tier());
        if (tierEmpty && !state.atTop()) {
            next = climb(next, EscalationReason.ALL_DECLINED, availability, now, actions);
        } else if (tierEmpty) {
            next = ringAvailable(next, availability, now, actions);
        }
        return new LadderStep(next, actions);
    }

    /**
     * Someone became available somewhere on the call's chain while it waits: at each station the call has already
     * reached (its own station first, then up to the current tier) where no phone rings for it yet, every available
     * operator who is not resting after a decline is rung. A queued call comes back down to a local operator who turns
     * READY this way, and at the top each waiting call takes its own operator, so the oldest call does not take every
     * operator while the next waits. The call stays at its tier: a tier's ring time is not restarted.
     */
    public LadderStep offerWaiting(LadderState state, Availability availability, Instant now) {
        List<LadderAction> actions = new ArrayList<>();
        if (state.answered() || state.tier() < 0) {
            return new LadderStep(state, actions);
        }
        List<Leg> legs = new ArrayList<>(state.ringing());
        for (int t = 0; t <= state.tier(); t++) {
            Station station = state.chain().get(t);
            boolean top = t == state.chain().size() - 1;
            if ((!station.isLive() && !top) || legs.stream().anyMatch(l -> l.station().equals(station.id()))) {
                continue;
            }
            LadderState sofar = state.with(state.tier(), state.tierDeadline(), legs, state.queued());
            for (Leg leg : freshLegs(sofar, station, t, availability)) {
                if (!state.resting(leg.operator(), now)) {
                    actions.add(new LadderAction.Ring(leg));
                    legs.add(leg);
                }
            }
        }
        boolean stillQueued = state.queued() && legs.isEmpty();
        return new LadderStep(state.with(state.tier(), state.tierDeadline(), legs, stillQueued), actions);
    }

    /** An operator answered: every other phone is cancelled and the ladder is done. */
    public LadderStep answered(LadderState state, OperatorId operator) {
        List<LadderAction> actions = new ArrayList<>();
        for (Leg leg : state.ringing()) {
            if (!leg.operator().equals(operator)) {
                actions.add(new LadderAction.Cancel(leg));
            }
        }
        List<Leg> winner = state.leg(operator).map(List::of).orElse(List.of());
        LadderState done = new LadderState(state.chain(), state.tier(), null, winner, false, true);
        return new LadderStep(done, actions);
    }

    /** The caller hung up: every phone is cancelled. */
    public LadderStep abandoned(LadderState state) {
        List<LadderAction> actions = new ArrayList<>();
        state.ringing().forEach(leg -> actions.add(new LadderAction.Cancel(leg)));
        return new LadderStep(new LadderState(state.chain(), state.tier(), null, List.of(), false, true), actions);
    }

    private LadderState climb(LadderState state, EscalationReason reason, Availability availability, Instant now,
                              List<LadderAction> actions) {
        int from = state.tier();
        List<OperatorId> missed = state.ringing().stream().filter(l -> l.tier() == from).map(Leg::operator).toList();
        List<Leg> kept = state.ringing();
        if (policy.mode() == EscalationMode.MOVE) {
            state.ringing().forEach(l -> actions.add(new LadderAction.Cancel(l)));
            kept = List.of();
        }
        actions.add(new LadderAction.Escalated(state.chain().get(from).id(), state.chain().get(from + 1).id(), from + 1, reason, missed));
        return enter(state.with(from, null, kept, false), from + 1, availability, now, actions);
    }

    /** Offers the call to the station at {@code tier}, skipping upwards past stations that cannot take it. */
    private LadderState enter(LadderState state, int tier, Availability availability, Instant now, List<LadderAction> actions) {
        int t = tier;
        LadderState s = state;
        while (true) {
            Station station = s.chain().get(t);
            boolean top = t == s.chain().size() - 1;
            s = s.with(t, null, s.ringing(), false);
            if (top) {
                return ringAvailable(s, availability, now, actions);
            }
            if (!station.isLive()) {
                actions.add(new LadderAction.Escalated(station.id(), s.chain().get(t + 1).id(), t + 1, EscalationReason.NOT_LIVE, List.of()));
                t++;
                continue;
            }
            List<Leg> fresh = freshLegs(s, station, t, availability);
            if (fresh.isEmpty()) {
                actions.add(new LadderAction.Escalated(station.id(), s.chain().get(t + 1).id(), t + 1, EscalationReason.NOBODY_READY, List.of()));
                t++;
                continue;
            }
            fresh.forEach(l -> actions.add(new LadderAction.Ring(l)));
            List<Leg> legs = new ArrayList<>(s.ringing());
            legs.addAll(fresh);
            return s.with(t, now.plus(policy.ringTime(station.kind())), legs, false);
        }
    }

    /** At the top: ring whoever is available; with nobody ringing at all, the call is queued. */
    private LadderState ringAvailable(LadderState s, Availability availability, Instant now, List<LadderAction> actions) {
        Station top = s.current();
        List<Leg> fresh = freshLegs(s, top, s.tier(), availability).stream().filter(l -> !s.resting(l.operator(), now)).toList();
        fresh.forEach(l -> actions.add(new LadderAction.Ring(l)));
        List<Leg> legs = new ArrayList<>(s.ringing());
        legs.addAll(fresh);
        boolean nobodyAtTop = legs.stream().noneMatch(l -> l.tier() == s.tier());
        if (nobodyAtTop && !s.queued()) {
            actions.add(new LadderAction.Queued(top.id()));
        }
        return s.with(s.tier(), null, legs, nobodyAtTop);
    }

    private static List<Leg> freshLegs(LadderState s, Station station, int tier, Availability availability) {
        List<Leg> fresh = new ArrayList<>();
        for (OperatorId op : availability.at(station.id())) {
            if (!s.isRinging(op) && fresh.stream().noneMatch(l -> l.operator().equals(op))) {
                fresh.add(new Leg(op, station.id(), tier));
            }
        }
        return fresh;
    }
}
