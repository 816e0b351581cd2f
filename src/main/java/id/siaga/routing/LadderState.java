package id.siaga.routing;

import id.siaga.org.OperatorId;
import id.siaga.org.Station;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where one call stands on the ladder: the chain of stations from the caller's station to the root, the
 * tier now being offered, when that tier's ring time runs out, and every phone ringing. Immutable.
 */
public record LadderState(List<Station> chain, int tier, Instant tierDeadline, List<Leg> ringing, boolean queued, boolean answered) {

    public LadderState {
        chain = List.copyOf(chain);
        ringing = List.copyOf(ringing);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a ladder needs at least one station");
        }
    }

    static LadderState initial(List<Station> chain) {
        return new LadderState(chain, -1, null, List.of(), false, false);
    }

    /** The station now being offered the call. */
    public Station current() {
        return chain.get(Math.max(0, tier));
    }

    public boolean atTop() {
        return tier == chain.size() - 1;
    }

    /** When the ladder must be asked again; empty at the top, where only presence changes matter. */
    public Optional<Instant> wakeAt() {
        return answered ? Optional.empty() : Optional.ofNullable(tierDeadline);
    }

    public boolean isRinging(OperatorId operator) {
        return ringing.stream().anyMatch(l -> l.operator().equals(operator));
    }

    public Optional<Leg> leg(OperatorId operator) {
        return ringing.stream().filter(l -> l.operator().equals(operator)).findFirst();
    }

    LadderState with(int newTier, Instant deadline, List<Leg> legs, boolean isQueued) {
        return new LadderState(chain, newTier, deadline, legs, isQueued, answered);
    }
}
