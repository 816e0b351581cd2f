package id.siaga.simulation;

import id.siaga.staffing.ErlangC;
import id.siaga.staffing.ServiceTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * The staffing planner's roster from a run's history, as {@code StaffingPlanner} builds a plan from a station's call
 * records: for each station calls arrive at first and each local hour, arrivals per hour are the hour's calls over the
 * days (abandoned ones too), the mean handling time is that of the hour's answered calls (talk and wrap-up; the whole
 * window's mean for an hour whose calls were all abandoned), and Erlang C gives the fewest operators for 90 % within
 * 10 s and for 95 % within 20 s; the plan is the larger of the two. The stations above (the Polda and Mabes, where
 * calls only arrive by escalation) keep the roster they had: the planner sizes a station by its own calls.
 *
 * <p>With the gate on, the history holds only the calls the gate let through to the phones, so the plan sizes what
 * operators would actually take: that is the planner "with the gate" of issue 16 part 7.
 */
public final class PlannerRoster {

    private PlannerRoster() {
    }

    /** The planner's roster for the stations calls arrive at, from {@code history}; the rest of {@code base} stays. */
    public static Roster from(DayResult history, Roster base, Scenario.Shape shape) {
        List<int[]> planned = new ArrayList<>();
        for (DayResult.StationHours station : history.history()) {
            planned.add(plan(station, history.days()));
        }
        return switch (shape) {
            case POLRES_POLDA_MABES -> new Roster("planner's", base.mabes(), base.polda(), planned);
            case POLDA_MABES -> new Roster("planner's", base.mabes(), planned.get(0), base.polres());
            case ONE_POOL -> new Roster("planner's", planned.get(0), base.polda(), base.polres());
        };
    }

    /** Operators for each local hour of one station. */
    static int[] plan(DayResult.StationHours station, int days) {
        long handled = 0;
        double seconds = 0;
        for (int h = 0; h < 24; h++) {
            handled += station.handled()[h];
            seconds += station.handlingSeconds()[h];
        }
        double windowMean = handled == 0 ? 0 : seconds / handled;
        int[] operators = new int[24];
        for (int h = 0; h < 24; h++) {
            double handling = station.handled()[h] > 0 ? station.handlingSeconds()[h] / station.handled()[h] : windowMean;
            operators[h] = operatorsFor(station.calls()[h] / (double) days, handling);
        }
        return operators;
    }

    /** The planner's rule for one hour: the larger of Erlang C's counts for 90 % within 10 s and 95 % within 20 s. */
    static int operatorsFor(double callsPerHour, double meanHandlingSeconds) {
        if (callsPerHour == 0 || meanHandlingSeconds <= 0) {
            return 0;
        }
        double load = ErlangC.offeredLoad(callsPerHour, meanHandlingSeconds);
        return Math.max(ErlangC.agentsFor(load, meanHandlingSeconds, ServiceTarget.WITHIN_10_S),
                ErlangC.agentsFor(load, meanHandlingSeconds, ServiceTarget.WITHIN_20_S));
    }
}
