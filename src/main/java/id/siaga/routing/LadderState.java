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
public record LadderState(List<Station> chain, int tier, Instant tierDeadline, List<Leg> ringing, boolean queued, boolean answered,
                          java.util.Map<OperatorId, Instant> restingUntil) {

    /** Without resting operators: see {@link #restingUntil()}. */
    public LadderState(List<Station> chain, int tier, Instant tierDeadline, List<Leg> ringing, boolean queued, boolean answered) {
        this(chain, tier, tierDeadline, ringing, queued, answered, java.util.Map.of());
    }

    /**
     * @param restingUntil operators whose phone just declined or failed for this call, and until when they are not
     *                     offered it again (at the top, where the call waits for anyone, this stops a ring-fail loop)
     */
    public LadderState {
        chain = List.copyOf(chain);
        ringing = List.copyOf(ringing);
        restingUntil = java.util.Map.copyOf(restingUntil);
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
        if (answered) {
            return Optional.empty();
        }
        if (tierDeadline != null) {
            return Optional.of(tierDeadline);
        }
        // waiting at the top: look again when the first resting operator may be offered the call again
        return restingUntil.values().stream().min(Instant::compareTo);
    }

    boolean resting(OperatorId operator, Instant now) {
        Instant until = restingUntil.get(operator);
        return until != null && now.isBefore(until);
    }

    public boolean isRinging(OperatorId operator) {
        return ringing.stream().anyMatch(l -> l.operator().equals(operator));
    }

    public Optional<Leg> leg(OperatorId operator) {
        return ringing.stream().filter(l -> l.operator().equals(operator)).findFirst();
    }

    LadderState with(int newTier, Instant deadline, List<Leg> legs, boolean isQueued) {
        return new LadderState(chain, newTier, deadline, legs, isQueued, answered, restingUntil);
    }

    /** Without the rests that are over at {@code now}: they no longer set {@link #wakeAt()}. */
    LadderState restsOverAt(Instant now) {
        java.util.Map<OperatorId, Instant> rest = new java.util.HashMap<>();
        restingUntil.forEach((op, t) -> {
            if (now.isBefore(t)) {
                rest.put(op, t);
            }
        });
        return rest.size() == restingUntil.size() ? this : new LadderState(chain, tier, tierDeadline, ringing, queued, answered, rest);
    }

    LadderState resting(OperatorId operator, Instant until, Instant now) {
        java.util.Map<OperatorId, Instant> rest = new java.util.HashMap<>();
        restingUntil.forEach((op, t) -> {
            if (now.isBefore(t)) {
                rest.put(op, t);
            }
        });
        rest.put(operator, until);
        return new LadderState(chain, tier, tierDeadline, ringing, queued, answered, rest);
    }
}
