package id.siaga.staffing;

import id.siaga.telephony.CallRecord;
import java.time.LocalDate;
import java.util.List;

/**
 * How many operators one station needs at each hour of its local day, from its calls over whole past days
 * ({@code firstDay} to {@code lastDay}, both included, in the station's zone): the calls it was responsible for, per
 * hour averaged over the days, their mean handling time, the offered load, the operators Erlang C says meet 90 % within
 * 10 s and 95 % within 20 s, and the larger of the two as the plan with the service levels and occupancy it gives.
 * Every call counts, pranks and silent calls too; {@code withGate} sizes the same hours for the calls that would still
 * reach an operator with the gate on ({@link GateModel}).
 *
 * @param calls         the calls of the window (answered or not)
 * @param byOutcome     what each outcome's calls cost an operator
 * @param byClass       what each classification's calls cost an operator (a prank's seconds, a real report's minutes)
 * @param peakOperators the most operators any hour needs; {@code null} when some hour had calls but no handling time
 *                      could be measured in the whole window
 * @param truncated     the window held more calls than one plan reads: it was shortened to the newest whole days read
 * @param hours         twenty-four hours, 0 (00:00–01:00 local time) to 23
 * @param withGate      the same plan with the gate on; null when the planner has no gate model
 */
public record StaffingPlan(String station, String name, String zone, String zoneId, LocalDate firstDay, LocalDate lastDay, int days,
                           int calls, List<OutcomeHandling> byOutcome, List<ClassHandling> byClass, Integer peakOperators, boolean truncated,
                           List<HourPlan> hours, WithGate withGate) {

    /**
     * The calls given one classification at wrap-up ({@code classification}: its name, or {@link #UNCLASSIFIED}) and
     * their mean handling time where known.
     */
    public record ClassHandling(String classification, int calls, int measured, Double meanHandlingSeconds) {
        /** The calls nobody classified (unanswered ones among them). */
        public static final String UNCLASSIFIED = "UNCLASSIFIED";
    }

    /**
     * The plan with the gate on: {@code held} calls of the window would have met it (their number flagged on arrival),
     * {@code heldGenuine} of them genuine emergencies (which always go on), {@code heldOther} not; {@code expectedStopped}
     * calls would have ended at the gate ({@code heldOther} × {@code hangUpShare}); {@code hours} sized for the rest.
     */
    public record WithGate(int held, int heldGenuine, int heldOther, double hangUpShare, double expectedStopped, Integer peakOperators,
                           List<HourPlan> hours) {
    }

    /** Where an hour's figures come from. */
    public enum Basis {
        /** No call in this hour on any day of the window: 0 operators, which is no history rather than a forecast. */
        NO_CALLS,
        /** The hour's own answered calls give its mean handling time. */
        MEASURED,
        /** The hour had calls but none answered (all abandoned): the mean handling time of the whole window stands in. */
        WINDOW_MEAN,
        /** The hour had calls but no call of the window was answered: there is nothing to size from. */
        NO_HANDLING_TIME
    }

    /**
     * The calls that ended one way, and the mean handling time of those whose length is known ({@code measured});
     * {@code null} when none is.
     */
    public record OutcomeHandling(CallRecord.Outcome outcome, int calls, int measured, Double meanHandlingSeconds) {
    }

    /**
     * One hour of the local day.
     *
     * @param calls                       calls offered in this hour over the whole window
     * @param arrivalsPerHour             {@code calls} / days
     * @param meanHandlingSeconds         talk plus wrap-up; {@code null} when {@code basis} is NO_CALLS or NO_HANDLING_TIME
     * @param operatorsFor10s             fewest operators for 90 % within 10 s ({@code null}: cannot be sized)
     * @param operatorsFor20s             fewest operators for 95 % within 20 s
     * @param operators                   the plan: the larger of the two
     * @param serviceLevel10sPercent      the share Erlang C predicts within 10 s with {@code operators} (rounded down)
     * @param serviceLevel20sPercent      the same within 20 s
     * @param occupancyPercent            offered load / operators: how busy each operator would be
     * @param averageSpeedOfAnswerSeconds the mean wait with {@code operators}
     */
    public record HourPlan(int hour, int calls, double arrivalsPerHour, Double meanHandlingSeconds, Basis basis, double offeredLoadErlangs,
                           Integer operatorsFor10s, Integer operatorsFor20s, Integer operators, Double serviceLevel10sPercent,
                           Double serviceLevel20sPercent, Double occupancyPercent, Double averageSpeedOfAnswerSeconds) {
    }
}
