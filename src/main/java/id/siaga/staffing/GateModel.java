package id.siaga.staffing;

import id.siaga.screening.Classification;
import id.siaga.screening.Mark;
import id.siaga.screening.Reputation;
import id.siaga.telephony.CallId;
import id.siaga.telephony.CallRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the gate would have kept from the operators (issue 16), replayed over a station's history with screening's own
 * rules: the calls are taken in the order they came, each number's reputation ({@link Reputation}, with the configured
 * half-life and threshold) as it stood when the call arrived says whether the gate would have held it, and the call's
 * classification at wrap-up then marks the number as it did then. A held call that was not a genuine emergency (a
 * prank, an abusive, silent or test call, a hang-up on answer…) is taken to end at the gate with probability
 * {@code hangUpShare}: its caller hangs up at "tekan 1" instead of reaching an operator. A held genuine call always
 * reaches one (its caller presses 1 or waits).
 *
 * <p>Assumptions, stated: the replay starts from a blank reputation at the window's first day (marks from before it
 * are not read, so the first days flag less than the live gate would); supervisors' clears and trusts are not replayed;
 * {@code hangUpShare} is a setting until the station's own gate has run long enough to measure it from its journal
 * ({@code CallGated} followed by an abandon before {@code GatePassed}).
 *
 * @param policy      the reputation's half-life and threshold, as screening has them
 * @param hangUpShare the share of held non-genuine callers who hang up at the prompt, 0 to 1
 */
public record GateModel(Reputation.Policy policy, double hangUpShare) {

    /** The calls the gate would have held (their number flagged on arrival), in a window's history. */
    public record Replay(Set<CallId> held, int heldGenuine, int heldOther) {
        public Replay {
            held = Set.copyOf(held);
        }

        boolean held(CallId call) {
            return held.contains(call);
        }
    }

    public GateModel {
        Objects.requireNonNull(policy, "policy");
        if (!(hangUpShare >= 0 && hangUpShare <= 1)) {
            throw new IllegalArgumentException("the share of held callers who hang up at the gate is 0 to 1, got " + hangUpShare);
        }
    }

    /** The history replayed: which calls the gate would have held, given each call's classification (absent: none given). */
    public Replay replay(List<CallRecord> records, Map<CallId, Classification> classes) {
        Reputation reputation = new Reputation(policy);
        List<CallRecord> inOrder = new ArrayList<>(records);
        inOrder.removeIf(r -> r.offeredAt() == null);
        inOrder.sort(Comparator.comparing(CallRecord::offeredAt));
        Set<CallId> held = new HashSet<>();
        int genuine = 0;
        int other = 0;
        for (CallRecord r : inOrder) {
            String number = r.callerNumber();
            if (!Reputation.known(number)) {
                continue; // a withheld number has no reputation: the gate never holds it
            }
            Classification cls = classes.get(r.id());
            if (reputation.arrived(number, r.offeredAt()).flagged()) {
                held.add(r.id());
                if (cls == Classification.GENUINE) {
                    genuine++;
                } else {
                    other++;
                }
            }
            if (cls != null) {
                cls.mark().ifPresent(kind -> reputation.mark(new Mark(number, r.offeredAt(), kind, r.id().value(), Mark.Source.CLASSIFIED)));
            }
            if (r.outcome() == CallRecord.Outcome.CUT_OFF && r.answeredAt() != null) {
                reputation.mark(new Mark(number, r.answeredAt(), Mark.Kind.HUNG_UP, r.id().value(), Mark.Source.SIGNAL));
            }
        }
        return new Replay(held, genuine, other);
    }

    /**
     * The expected share of this call that still reaches an operator with the gate on: 1 for a call the gate would not
     * hold or a genuine one, {@code 1 - hangUpShare} for a held call that was not genuine.
     */
    double reaches(CallRecord call, Replay replay, Map<CallId, Classification> classes) {
        if (!replay.held(call.id()) || classes.get(call.id()) == Classification.GENUINE) {
            return 1.0;
        }
        return 1.0 - hangUpShare;
    }
}
