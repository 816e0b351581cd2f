package id.siaga.supervision;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Escalations per station (the station the call left) with the operators who let those calls ring there, and per
 * local hour. Operators are counted once per escalation they missed; stations and operators come most-missed first.
 */
public final class EscalationTally {

    private EscalationTally() {
    }

    /** A station's escalations today: how many calls left it, how many of them were skipped, who let them ring. */
    public record StationCount(String station, int escalations, int skipped, List<OperatorCount> operators) {
    }

    /** How many of the station's escalations rang at this operator's position unanswered. */
    public record OperatorCount(String operator, int missed) {
    }

    /** The tally: per station, per hour (the zone's local hours) and the total. */
    public record Figures(int total, List<StationCount> byStation, int[] byHour) {
    }

    /** Counts the escalations whose {@code from} station passes {@code inScope}. */
    public static Figures of(Collection<Escalation> escalations, Predicate<String> inScope, Instant dayStart, ZoneId zone) {
        Map<String, int[]> perStation = new TreeMap<>();
        Map<String, Map<String, Integer>> missedAt = new TreeMap<>();
        List<Instant> moments = new ArrayList<>();
        for (Escalation e : escalations) {
            if (!inScope.test(e.from())) {
                continue;
            }
            moments.add(e.at());
            int[] n = perStation.computeIfAbsent(e.from(), s -> new int[2]);
            n[0]++;
            if (e.missed().isEmpty()) {
                n[1]++;
            }
            Map<String, Integer> ops = missedAt.computeIfAbsent(e.from(), s -> new LinkedHashMap<>());
            for (String op : e.missed()) {
                ops.merge(op, 1, Integer::sum);
            }
        }
        List<StationCount> byStation = new ArrayList<>();
        perStation.forEach((station, n) -> {
            List<OperatorCount> ops = missedAt.getOrDefault(station, Map.of()).entrySet().stream()
                    .map(o -> new OperatorCount(o.getKey(), o.getValue()))
                    .sorted(Comparator.comparingInt(OperatorCount::missed).reversed().thenComparing(OperatorCount::operator)).toList();
            byStation.add(new StationCount(station, n[0], n[1], ops));
        });
        byStation.sort(Comparator.comparingInt(StationCount::escalations).reversed().thenComparing(StationCount::station));
        return new Figures(moments.size(), List.copyOf(byStation), HourlyCounts.of(moments, dayStart, zone));
    }
}
