package id.siaga.reporting;

import id.siaga.supervision.AnswerTimes;
import id.siaga.supervision.Escalation;
import id.siaga.supervision.EscalationTally;
import id.siaga.supervision.OnSceneTimes;
import id.siaga.telephony.CallRecord;
import id.siaga.telephony.CallbackTask;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Builds a {@link StationReport} from plain inputs: the period's call records, the call-back tasks, the escalations
 * read from the journal, the incidents with their clocks. Whatever lies outside the period or the scope is left out
 * here, so a reader may hand over more. The answer times are supervision's {@link AnswerTimes}, the escalations its
 * {@link EscalationTally}, the on-scene share and median its {@link OnSceneTimes}: the board and the report agree.
 */
public final class StationReportBuilder {

    /** Labels of the ladder's reasons, in the users' words. */
    static final Map<String, String> REASONS = Map.of("TIMEOUT", "Tidak diangkat dalam waktu dering", "ALL_DECLINED", "Semua menolak",
            "NOBODY_READY", "Tidak ada operator siap", "NOT_LIVE", "Stasiun belum aktif");

    private StationReportBuilder() {
    }

    /** Who and what the report is of; {@code root}: the top of the tree (the only report that counts refused calls). */
    public record Subject(String station, String stationName, String zoneName, ZoneId zone, Set<String> scope, boolean root) {
        public Subject {
            scope = Set.copyOf(scope);
        }
    }

    /**
     * The inputs. {@code refusedAt}: when each refused call was refused (network-wide); {@code operatorName} and
     * {@code stationName} name ids for the page (returning the id when unknown); {@code partial}: a reader met its limit.
     */
    public record Inputs(Collection<CallRecord> records, Collection<CallbackTask> tasks, Collection<Escalation> escalations,
                         Collection<OnSceneTimes.TimedIncident> incidents, Collection<Instant> refusedAt, Function<String, String> operatorName,
                         Function<String, String> stationName, boolean partial) {
    }

    public static StationReport build(Subject subject, ReportPeriod period, Inputs in, Instant generatedAt) {
        ZoneId zone = subject.zone();
        Instant from = period.start(zone);
        Instant until = period.end(zone);
        int n = period.buckets();
        int[] offered = new int[n];
        int[] answered = new int[n];
        int[] abandonedSeries = new int[n];
        int[] escalationSeries = new int[n];

        List<Double> secondsToAnswer = new ArrayList<>();
        Set<String> abandonedCalls = new HashSet<>();
        int cutOff = 0;
        for (CallRecord r : in.records()) {
            int bucket = period.bucketOf(r.offeredAt(), zone);
            if (bucket < 0 || !subject.scope().contains(r.station())) {
                continue;
            }
            offered[bucket]++;
            if (r.answeredAt() != null) {
                answered[bucket]++;
                secondsToAnswer.add(Duration.between(r.offeredAt(), r.answeredAt()).toMillis() / 1000.0);
                if (r.outcome() == CallRecord.Outcome.CUT_OFF) {
                    cutOff++;
                }
            } else if (r.outcome() == CallRecord.Outcome.ABANDONED || r.outcome() == CallRecord.Outcome.INTERRUPTED) {
                abandonedSeries[bucket]++;
                abandonedCalls.add(r.id().value());
            }
        }
        AnswerTimes.Figures answers = AnswerTimes.of(secondsToAnswer, abandonedCalls.size(), cutOff);
        Integer refused = subject.root() ? (int) in.refusedAt().stream().filter(at -> period.bucketOf(at, zone) >= 0).count() : null;
        StationReport.Calls calls = new StationReport.Calls(answers.offered(), answers.answered(), answers.abandoned(), cutOff, refused);

        Set<String> withTask = new HashSet<>();
        Set<String> calledBack = new HashSet<>();
        for (CallbackTask t : in.tasks()) {
            String call = t.call().value();
            if (abandonedCalls.contains(call)) {
                withTask.add(call);
                if (t.status() == CallbackTask.Status.CLOSED) {
                    calledBack.add(call);
                }
            }
        }
        StationReport.Callbacks callbacks = new StationReport.Callbacks(abandonedCalls.size(), withTask.size(), calledBack.size(),
                percent(calledBack.size(), abandonedCalls.size()));

        List<Escalation> inPeriod = in.escalations().stream().filter(e -> period.bucketOf(e.at(), zone) >= 0).toList();
        EscalationTally.Figures tally = EscalationTally.of(inPeriod, subject.scope()::contains, from, zone);
        Map<String, Integer> reasons = new TreeMap<>();
        for (Escalation e : inPeriod) {
            if (subject.scope().contains(e.from())) {
                reasons.merge(e.reason(), 1, Integer::sum);
                escalationSeries[period.bucketOf(e.at(), zone)]++;
            }
        }
        List<StationReport.ReasonCount> byReason = reasons.entrySet().stream()
                .map(r -> new StationReport.ReasonCount(r.getKey(), REASONS.getOrDefault(r.getKey(), r.getKey()), r.getValue()))
                .sorted(Comparator.comparingInt(StationReport.ReasonCount::count).reversed()).toList();
        List<StationReport.OperatorRang> operators = new ArrayList<>();
        for (EscalationTally.StationCount s : tally.byStation()) {
            for (EscalationTally.OperatorCount o : s.operators()) {
                operators.add(new StationReport.OperatorRang(o.operator(), in.operatorName().apply(o.operator()), s.station(),
                        in.stationName().apply(s.station()), o.missed()));
            }
        }
        operators.sort(Comparator.comparingInt(StationReport.OperatorRang::missed).reversed().thenComparing(StationReport.OperatorRang::name));

        List<OnSceneTimes.TimedIncident> incidents = in.incidents().stream()
                .filter(i -> subject.scope().contains(i.station()) && period.bucketOf(i.clock().start(), zone) >= 0).toList();
        Map<String, Integer> types = new TreeMap<>();
        incidents.forEach(i -> types.merge(i.type(), 1, Integer::sum));
        List<StationReport.TypeCount> byType = types.entrySet().stream().map(t -> new StationReport.TypeCount(t.getKey(), t.getValue()))
                .sorted(Comparator.comparingInt(StationReport.TypeCount::count).reversed()).toList();
        OnSceneTimes.Figures scene = OnSceneTimes.of(incidents, from, in.stationName(), in.partial());
        double[] minutes = incidents.stream().map(OnSceneTimes.TimedIncident::clock).filter(c -> c.onSceneAt() != null)
                .mapToDouble(c -> c.elapsed().toMillis() / 60_000.0).sorted().toArray();
        StationReport.OnScene onScene = new StationReport.OnScene(scene.incidents(), scene.reachedOnScene(), scene.withinTarget(),
                scene.withinTargetPercent(), scene.medianMinutes(), nearestRank(minutes, 90));

        return new StationReport(subject.station(), subject.stationName(), subject.zoneName(), period, from, until, generatedAt, calls, answers,
                callbacks, new StationReport.Escalations(tally.total(), byReason, operators),
                byType, onScene, new StationReport.Series(offered, answered, abandonedSeries, escalationSeries), in.partial());
    }

    static Double nearestRank(double[] sorted, double p) {
        if (sorted.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return Math.round(sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] * 10) / 10.0;
    }

    private static Double percent(int part, int whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
    }
}
