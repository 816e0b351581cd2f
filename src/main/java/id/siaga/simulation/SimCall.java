package id.siaga.simulation;

import id.siaga.org.Station;
import id.siaga.org.StationId;
import id.siaga.routing.LadderState;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One simulated call: who calls and what the call is (drawn when it arrives, so a run with the gate and one without
 * see the same callers), and where it stands. Mutable, touched only by the engine's single thread of events.
 */
final class SimCall {

    enum Phase { GATE, RINGING, ANSWERED, ENDED }

    final int serial;
    final CallKind kind;
    final String number;
    final List<Station> chain;
    final int entryDesk;
    final long arrivedAt;
    final boolean measured;
    final double patienceSeconds;
    final double talkSeconds;
    final double wrapUpSeconds;
    /** One draw for the caller's choice at the gate, and the times of that choice. */
    final double gateChoice;
    final double keySeconds;
    final double hangUpSeconds;

    Phase phase = Phase.RINGING;
    boolean flagged;
    GateOutcome gateOutcome;
    /** Sent on by the gate without a key: offered behind calls without the mark. */
    boolean behind;
    LadderState ladder;
    Instant wakeAt;
    long answeredAt = -1;

    SimCall(int serial, CallKind kind, String number, List<Station> chain, int entryDesk, long arrivedAt, boolean measured, double patienceSeconds,
            double talkSeconds, double wrapUpSeconds, double gateChoice, double keySeconds, double hangUpSeconds) {
        this.serial = serial;
        this.kind = kind;
        this.number = number;
        this.chain = chain;
        this.entryDesk = entryDesk;
        this.arrivedAt = arrivedAt;
        this.measured = measured;
        this.patienceSeconds = patienceSeconds;
        this.talkSeconds = talkSeconds;
        this.wrapUpSeconds = wrapUpSeconds;
        this.gateChoice = gateChoice;
        this.keySeconds = keySeconds;
        this.hangUpSeconds = hangUpSeconds;
    }

    String id() {
        return "SIM-" + serial;
    }

    boolean ringing() {
        return phase == Phase.RINGING && ladder != null && !ladder.answered();
    }

    /** Offered before {@code other}: calls without the gate's "no key" mark first, then the oldest. */
    boolean before(SimCall other) {
        if (behind != other.behind) {
            return !behind;
        }
        return arrivedAt != other.arrivedAt ? arrivedAt < other.arrivedAt : serial < other.serial;
    }

    /**
     * As the real call's {@code waitsForSomeoneAt}: the call has reached one of these stations (its own first, up to its
     * tier) and no phone rings for it there.
     */
    boolean waitsForSomeoneAt(Set<StationId> where) {
        if (!ringing()) {
            return false;
        }
        for (int t = 0; t <= Math.max(0, ladder.tier()) && t < chain.size(); t++) {
            StationId s = chain.get(t).id();
            if (where.contains(s) && ladder.ringing().stream().noneMatch(l -> l.station().equals(s))) {
                return true;
            }
        }
        return false;
    }

    double waitedSeconds() {
        return (answeredAt - arrivedAt) / (double) Events.SECOND;
    }
}
