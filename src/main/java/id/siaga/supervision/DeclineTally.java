package id.siaga.supervision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Declined calls per station (where the phone rang) and per operator position, today: the other half of "who let
 * calls ring". A phone that answers 486 or 603 stops ringing at once, so its operator never appears among those who
 * let an escalated call ring; this tally is where they show. Stations and operators come most-declined first.
 */
public final class DeclineTally {

    private DeclineTally() {
    }

    public record OperatorCount(String operator, int declined) {
    }

    public record StationCount(String station, int declined, List<OperatorCount> operators) {
    }

    public record Figures(int total, List<StationCount> byStation) {
    }

    /** Counts the declines at stations passing {@code inScope} from {@code dayStart} on. */
    public static Figures of(Collection<Decline> declines, Predicate<String> inScope, Instant dayStart) {
        Map<String, Map<String, Integer>> perStation = new TreeMap<>();
        int total = 0;
        for (Decline d : declines) {
            if (!inScope.test(d.station()) || d.at().isBefore(dayStart)) {
                continue;
            }
            total++;
            perStation.computeIfAbsent(d.station(), s -> new TreeMap<>()).merge(d.operator(), 1, Integer::sum);
        }
        List<StationCount> byStation = new ArrayList<>();
        perStation.forEach((station, ops) -> {
            List<OperatorCount> operators = ops.entrySet().stream().map(o -> new OperatorCount(o.getKey(), o.getValue()))
                    .sorted(Comparator.comparingInt(OperatorCount::declined).reversed().thenComparing(OperatorCount::operator)).toList();
            byStation.add(new StationCount(station, operators.stream().mapToInt(OperatorCount::declined).sum(), operators));
        });
        byStation.sort(Comparator.comparingInt(StationCount::declined).reversed().thenComparing(StationCount::station));
        return new Figures(total, List.copyOf(byStation));
    }
}
