package id.siaga.staffing;

import id.siaga.org.Station;
import id.siaga.telephony.CallRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a station's finished calls into its {@link StaffingPlan}: each call belongs to the local hour it was offered
 * in; arrivals per hour are the hour's calls over the window's days (abandoned calls too: had someone answered, they
 * would have cost the same); the mean handling time is the {@link HandlingTime} of the hour's answered calls; Erlang C
 * sizes each hour for {@link ServiceTarget#WITHIN_10_S} and {@link ServiceTarget#WITHIN_20_S}. A plain function of the
 * records and the days: no clock, no store.
 */
public final class StaffingPlanner {

    /** The wrap-up a call costs after it ends unless configured otherwise: the report's last fields and the next READY. */
    public static final Duration DEFAULT_WRAP_UP = Duration.ofSeconds(30);
    static final ServiceTarget TEN = ServiceTarget.WITHIN_10_S;
    static final ServiceTarget TWENTY = ServiceTarget.WITHIN_20_S;

    private final HandlingTime handlingTime;

    public StaffingPlanner(HandlingTime handlingTime) {
        this.handlingTime = Objects.requireNonNull(handlingTime, "handlingTime");
    }

    /**
     * The plan for {@code station} from its calls offered on the local days {@code firstDay} (included) to {@code untilDay}
     * (excluded); calls outside those days are left out.
     */
    public StaffingPlan plan(Station station, LocalDate firstDay, LocalDate untilDay, List<CallRecord> records, boolean truncated) {
        if (!firstDay.isBefore(untilDay)) {
            throw new IllegalArgumentException("a plan needs at least one day, got " + firstDay + " .. " + untilDay);
        }
        ZoneId zone = station.timeZone().zone();
        int days = (int) ChronoUnit.DAYS.between(firstDay, untilDay);
        Instant from = firstDay.atStartOfDay(zone).toInstant();
        Instant until = untilDay.atStartOfDay(zone).toInstant();

        int[] calls = new int[24];
        double[] handledSeconds = new double[24];
        int[] handled = new int[24];
        Map<CallRecord.Outcome, double[]> outcomes = new EnumMap<>(CallRecord.Outcome.class); // calls, measured, seconds
        int total = 0;
        for (CallRecord r : records) {
            Instant offered = r.offeredAt();
            if (offered == null || offered.isBefore(from) || !offered.isBefore(until)) {
                continue;
            }
            int hour = offered.atZone(zone).getHour();
            calls[hour]++;
            total++;
            double[] o = outcomes.computeIfAbsent(r.outcome(), k -> new double[3]);
            o[0]++;
            Optional<Duration> took = handlingTime.of(r);
            if (took.isPresent()) {
                double seconds = took.get().toMillis() / 1000.0;
                handled[hour]++;
                handledSeconds[hour] += seconds;
                o[1]++;
                o[2] += seconds;
            }
        }
        int allHandled = 0;
        double allSeconds = 0;
        for (int h = 0; h < 24; h++) {
            allHandled += handled[h];
            allSeconds += handledSeconds[h];
        }
        Double windowMean = allHandled == 0 ? null : allSeconds / allHandled;

        List<StaffingPlan.HourPlan> hours = new ArrayList<>(24);
        Integer peak = 0;
        for (int h = 0; h < 24; h++) {
            StaffingPlan.HourPlan plan = hour(h, calls[h], days, handled[h] == 0 ? null : handledSeconds[h] / handled[h], windowMean);
            hours.add(plan);
            if (plan.basis() == StaffingPlan.Basis.NO_HANDLING_TIME) {
                peak = null;
            } else if (peak != null) {
                peak = Math.max(peak, plan.operators());
            }
        }
        List<StaffingPlan.OutcomeHandling> byOutcome = new ArrayList<>();
        outcomes.forEach((outcome, o) -> byOutcome.add(new StaffingPlan.OutcomeHandling(outcome, (int) o[0], (int) o[1],
                o[1] == 0 ? null : round(o[2] / o[1], 1))));
        return new StaffingPlan(station.id().value(), station.name(), station.timeZone().name(), zone.getId(), firstDay,
                untilDay.minusDays(1), days, total, byOutcome, peak, truncated, hours);
    }

    private static StaffingPlan.HourPlan hour(int hour, int calls, int days, Double hourMean, Double windowMean) {
        if (calls == 0) {
            return new StaffingPlan.HourPlan(hour, 0, 0, null, StaffingPlan.Basis.NO_CALLS, 0, 0, 0, 0, null, null, null, null);
        }
        double arrivals = (double) calls / days;
        StaffingPlan.Basis basis = hourMean != null ? StaffingPlan.Basis.MEASURED
                : windowMean != null ? StaffingPlan.Basis.WINDOW_MEAN : StaffingPlan.Basis.NO_HANDLING_TIME;
        if (basis == StaffingPlan.Basis.NO_HANDLING_TIME) {
            return new StaffingPlan.HourPlan(hour, calls, round(arrivals, 2), null, basis, 0, null, null, null, null, null, null, null);
        }
        double handling = hourMean != null ? hourMean : windowMean;
        if (handling <= 0) {
            // every call answered and ended in the same millisecond with no wrap-up: nothing kept an operator
            return new StaffingPlan.HourPlan(hour, calls, round(arrivals, 2), 0.0, basis, 0, 0, 0, 0, null, null, null, null);
        }
        double load = ErlangC.offeredLoad(arrivals, handling);
        int for10 = ErlangC.agentsFor(load, handling, TEN);
        int for20 = ErlangC.agentsFor(load, handling, TWENTY);
        int operators = Math.max(for10, for20);
        return new StaffingPlan.HourPlan(hour, calls, round(arrivals, 2), round(handling, 1), basis, round(load, 3), for10, for20, operators,
                percentDown(ErlangC.serviceLevel(operators, load, handling, TEN.answerWithinSeconds())),
                percentDown(ErlangC.serviceLevel(operators, load, handling, TWENTY.answerWithinSeconds())),
                round(100 * load / operators, 1), round(ErlangC.averageSpeedOfAnswer(operators, load, handling), 1));
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /** A share as a percentage with one decimal, rounded down: a plan never shows a service level it does not reach. */
    static double percentDown(double share) {
        return Math.floor(share * 1000 + 1e-9) / 10;
    }
}
