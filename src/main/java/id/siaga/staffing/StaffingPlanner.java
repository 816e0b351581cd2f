package id.siaga.staffing;

import id.siaga.org.Station;
import id.siaga.screening.Classification;
import id.siaga.telephony.CallId;
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
    private final GateModel gate;

    public StaffingPlanner(HandlingTime handlingTime) {
        this(handlingTime, null);
    }

    /** With {@code gate} (null: none), each plan also sizes each hour for the calls that would still reach an operator. */
    public StaffingPlanner(HandlingTime handlingTime, GateModel gate) {
        this.handlingTime = Objects.requireNonNull(handlingTime, "handlingTime");
        this.gate = gate;
    }

    /** {@link #plan(Station, LocalDate, LocalDate, List, Map, boolean)} with no call classified. */
    public StaffingPlan plan(Station station, LocalDate firstDay, LocalDate untilDay, List<CallRecord> records, boolean truncated) {
        return plan(station, firstDay, untilDay, records, Map.of(), truncated);
    }

    /**
     * The plan for {@code station} from its calls offered on the local days {@code firstDay} (included) to {@code untilDay}
     * (excluded); calls outside those days are left out. {@code classes} are the calls' classifications at wrap-up (a
     * call absent was not classified): each class's handling time is shown, and the gate's replay reads them.
     */
    public StaffingPlan plan(Station station, LocalDate firstDay, LocalDate untilDay, List<CallRecord> records, Map<CallId, Classification> classes,
                             boolean truncated) {
        if (!firstDay.isBefore(untilDay)) {
            throw new IllegalArgumentException("a plan needs at least one day, got " + firstDay + " .. " + untilDay);
        }
        ZoneId zone = station.timeZone().zone();
        int days = (int) ChronoUnit.DAYS.between(firstDay, untilDay);
        Instant from = firstDay.atStartOfDay(zone).toInstant();
        Instant until = untilDay.atStartOfDay(zone).toInstant();

        List<CallRecord> inWindow = records.stream()
                .filter(r -> r.offeredAt() != null && !r.offeredAt().isBefore(from) && r.offeredAt().isBefore(until)).toList();
        GateModel.Replay replay = gate == null ? null : gate.replay(inWindow, classes);
        double[] calls = new double[24];
        double[] handledSeconds = new double[24];
        double[] handled = new double[24];
        double[] gatedCalls = new double[24]; // the same, weighed by the share of each call that reaches an operator with the gate
        double[] gatedSeconds = new double[24];
        double[] gatedHandled = new double[24];
        Map<CallRecord.Outcome, double[]> outcomes = new EnumMap<>(CallRecord.Outcome.class); // calls, measured, seconds
        Map<Classification, double[]> byClass = new EnumMap<>(Classification.class);
        double[] unclassified = new double[3];
        int total = 0;
        for (CallRecord r : inWindow) {
            int hour = r.offeredAt().atZone(zone).getHour();
            double reaches = replay == null ? 1.0 : gate.reaches(r, replay, classes);
            calls[hour]++;
            gatedCalls[hour] += reaches;
            total++;
            double[] o = outcomes.computeIfAbsent(r.outcome(), k -> new double[3]);
            Classification cls = classes.get(r.id());
            double[] c = cls == null ? unclassified : byClass.computeIfAbsent(cls, k -> new double[3]);
            o[0]++;
            c[0]++;
            Optional<Duration> took = handlingTime.of(r);
            if (took.isPresent()) {
                double seconds = took.get().toMillis() / 1000.0;
                handled[hour]++;
                handledSeconds[hour] += seconds;
                gatedHandled[hour] += reaches;
                gatedSeconds[hour] += reaches * seconds;
                o[1]++;
                o[2] += seconds;
                c[1]++;
                c[2] += seconds;
            }
        }
        List<StaffingPlan.HourPlan> hours = hours(calls, handled, handledSeconds, days);
        List<StaffingPlan.OutcomeHandling> byOutcome = new ArrayList<>();
        outcomes.forEach((outcome, o) -> byOutcome.add(new StaffingPlan.OutcomeHandling(outcome, (int) o[0], (int) o[1],
                o[1] == 0 ? null : round(o[2] / o[1], 1))));
        List<StaffingPlan.ClassHandling> classHandling = new ArrayList<>();
        byClass.forEach((cls, c) -> classHandling.add(new StaffingPlan.ClassHandling(cls.name(), (int) c[0], (int) c[1],
                c[1] == 0 ? null : round(c[2] / c[1], 1))));
        if (unclassified[0] > 0) {
            classHandling.add(new StaffingPlan.ClassHandling(StaffingPlan.ClassHandling.UNCLASSIFIED, (int) unclassified[0], (int) unclassified[1],
                    unclassified[1] == 0 ? null : round(unclassified[2] / unclassified[1], 1)));
        }
        StaffingPlan.WithGate withGate = null;
        if (replay != null) {
            List<StaffingPlan.HourPlan> gated = hours(gatedCalls, gatedHandled, gatedSeconds, days);
            double reaching = 0;
            for (double g : gatedCalls) {
                reaching += g;
            }
            withGate = new StaffingPlan.WithGate(replay.held().size(), replay.heldGenuine(), replay.heldOther(), gate.hangUpShare(),
                    round(total - reaching, 1), peak(gated), gated);
        }
        return new StaffingPlan(station.id().value(), station.name(), station.timeZone().name(), zone.getId(), firstDay,
                untilDay.minusDays(1), days, total, byOutcome, classHandling, peak(hours), truncated, hours, withGate);
    }

    /** Each hour sized from its calls and their handling (weighed counts: a call the gate may stop counts for its chance to reach one). */
    private static List<StaffingPlan.HourPlan> hours(double[] calls, double[] handled, double[] handledSeconds, int days) {
        double allHandled = 0;
        double allSeconds = 0;
        for (int h = 0; h < 24; h++) {
            allHandled += handled[h];
            allSeconds += handledSeconds[h];
        }
        Double windowMean = allHandled < 1e-9 ? null : allSeconds / allHandled;
        List<StaffingPlan.HourPlan> hours = new ArrayList<>(24);
        for (int h = 0; h < 24; h++) {
            hours.add(hour(h, calls[h], days, handled[h] < 1e-9 ? null : handledSeconds[h] / handled[h], windowMean));
        }
        return hours;
    }

    /** The most operators any hour needs; null when some hour had calls but nothing to size them from. */
    private static Integer peak(List<StaffingPlan.HourPlan> hours) {
        Integer peak = 0;
        for (StaffingPlan.HourPlan plan : hours) {
            if (plan.basis() == StaffingPlan.Basis.NO_HANDLING_TIME) {
                return null;
            }
            peak = Math.max(peak, plan.operators());
        }
        return peak;
    }

    private static StaffingPlan.HourPlan hour(int hour, double weighedCalls, int days, Double hourMean, Double windowMean) {
        int calls = (int) Math.round(weighedCalls);
        if (weighedCalls < 1e-9) {
            return new StaffingPlan.HourPlan(hour, 0, 0, null, StaffingPlan.Basis.NO_CALLS, 0, 0, 0, 0, null, null, null, null);
        }
        double arrivals = weighedCalls / days;
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
