package id.siaga.simulation;

import java.util.List;

/**
 * The figures of one run over its measured days (warm-up days left out), totals over those days. Shares are of every
 * call of the kind offered, abandoned ones included: a genuine caller who gave up after 30 s was not answered within 10 s.
 *
 * @param scenario            the scenario's name
 * @param seed                the seed of every random draw
 * @param days                the measured days
 * @param gate                whether the gate was on
 * @param roster              the roster's label
 * @param operatorHoursPerDay the roster's operator-hours a day, every station
 * @param calls               what became of every call
 * @param genuine             answer times of genuine calls
 * @param all                 answer times of every call
 * @param escalations         calls that climbed
 * @param occupancy           operator time
 * @param gating              the gate's outcomes
 * @param history             calls and handling per station and local hour, as the staffing planner reads a history
 * @param events              events the run took (the warm-up's too)
 * @param simulatedCalls      calls the run simulated (the warm-up's too)
 */
public record DayResult(String scenario, long seed, int days, boolean gate, String roster, int operatorHoursPerDay, Calls calls,
                        Answers genuine, Answers all, Escalations escalations, Occupancy occupancy, Gating gating, List<StationHours> history,
                        long events, long simulatedCalls) {

    /**
     * @param offered              calls that arrived
     * @param answered             answered by an operator
     * @param abandoned            the caller hung up while it rang (gave up waiting)
     * @param abandonedAtGate      the caller hung up during the gate
     * @param refused              ended neither answered nor by the caller, or never ended: the model has no way to refuse a
     *                             call, so anything here is a fault (tests hold it at 0)
     */
    public record Calls(long offered, long genuine, long pranks, long answered, long abandoned, long abandonedAtGate, long refused) {
    }

    /** Answer times, from the caller's dialling (the gate's time included). */
    public record Answers(long calls, long answered, long within10s, long within20s, long abandoned, double meanWaitSeconds) {
        public double shareWithin10s() {
            return calls == 0 ? Double.NaN : within10s / (double) calls;
        }

        public double shareWithin20s() {
            return calls == 0 ? Double.NaN : within20s / (double) calls;
        }
    }

    /** Calls that climbed to the Polda and to Mabes, and calls that reached the top with nobody to ring (queued). */
    public record Escalations(long toPolda, long toMabes, long queuedAtTop) {
    }

    /**
     * @param onShiftHours operator-hours on shift
     * @param busyHours    of those, in calls (talk and wrap-up)
     * @param prankHours   of those, in calls that were not genuine
     */
    public record Occupancy(double onShiftHours, double busyHours, double prankHours) {
        public double share() {
            return onShiftHours == 0 ? 0 : busyHours / onShiftHours;
        }
    }

    /**
     * @param flagged          calls from numbers the reputation flagged as they arrived
     * @param genuineFlagged   of those, genuine
     * @param confirmed        sent on by the caller's 1
     * @param noKey            sent on after the wait, behind the unmarked calls
     * @param hungUp           the caller hung up at the gate
     * @param genuineConfirmed genuine callers who pressed 1
     * @param genuineNoKey     genuine callers who waited it out
     */
    public record Gating(long flagged, long genuineFlagged, long confirmed, long noKey, long hungUp, long genuineConfirmed, long genuineNoKey) {
    }

    /** One station's calls (offered to it first, by the ladder) and their handling, by local hour, over the measured days. */
    public record StationHours(String station, long[] calls, long[] handled, double[] handlingSeconds) {
    }

    public double perDay(long count) {
        return count / (double) days;
    }
}
