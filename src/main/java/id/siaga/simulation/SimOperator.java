package id.siaga.simulation;

import id.siaga.org.OperatorId;
import id.siaga.org.StationId;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One operator position: on shift or not, in a call (talk and wrap-up) or READY, and the calls ringing on its phone,
 * of which it means to pick up the ones it is not letting ring.
 */
final class SimOperator {

    final OperatorId id;
    final StationId station;
    boolean onShift;
    boolean busy;
    boolean pickUpPending;
    /** Counts the operator's reaches for the phone: one given up (the phone stopped ringing) is not carried out. */
    long reach;
    /** Calls whose leg rings on this phone, in the order they began. */
    final Set<SimCall> ringingFor = new LinkedHashSet<>();
    /** Of those, the ones this operator will pick up (the rest it lets ring). */
    final Set<SimCall> willing = new LinkedHashSet<>();

    SimOperator(OperatorId id, StationId station) {
        this.id = id;
        this.station = station;
    }

    /** READY as presence says it: on shift and not in a call. A phone that rings is still READY. */
    boolean ready() {
        return onShift && !busy;
    }

    boolean ringingForOtherThan(SimCall call) {
        return ringingFor.size() > (ringingFor.contains(call) ? 1 : 0);
    }

    /**
     * The phone stopped ringing for this call. With nothing left on it to take, the operator gives up the reach under
     * way: the next call to ring starts a new one, with its own answer delay.
     */
    void stopRinging(SimCall call) {
        ringingFor.remove(call);
        willing.remove(call);
        if (willing.isEmpty() && pickUpPending) {
            pickUpPending = false;
            reach++;
        }
    }
}
