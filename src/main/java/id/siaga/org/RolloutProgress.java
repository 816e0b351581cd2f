package id.siaga.org;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How far the rollout has come, Polda by Polda (the 2021 launch went live Polda by Polda): for each Polda, how many of its
 * stations (its own answering point and every one below it) are PLANNED, LIVE or SUSPENDED, and when a status among them
 * last changed.
 */
public final class RolloutProgress {

    private RolloutProgress() {
    }

    /** One Polda's progress; {@code stations} is its subtree, parents before children. */
    public record PoldaProgress(Station polda, Map<RolloutStatus, Integer> counts, List<Station> stations, Optional<Instant> lastChange) {

        public int total() {
            return stations.size();
        }

        public int live() {
            return counts.get(RolloutStatus.LIVE);
        }

        /** LIVE stations over all, 0 to 1. */
        public double shareLive() {
            return total() == 0 ? 0 : (double) live() / total();
        }
    }

    /**
     * Every Polda of the tree (the stations of kind POLDA, anywhere in it), by name; {@code changedAt} says when each station's
     * status was last changed at run time (stations without an entry never were).
     */
    public static List<PoldaProgress> of(StationTree tree, Map<StationId, Instant> changedAt) {
        List<PoldaProgress> out = new ArrayList<>();
        for (Station polda : tree.all()) {
            if (polda.kind() != StationKind.POLDA) {
                continue;
            }
            List<Station> stations = tree.subtree(polda.id());
            Map<RolloutStatus, Integer> counts = new EnumMap<>(RolloutStatus.class);
            for (RolloutStatus s : RolloutStatus.values()) {
                counts.put(s, 0);
            }
            Instant last = null;
            for (Station s : stations) {
                counts.merge(s.status(), 1, Integer::sum);
                Instant at = changedAt.get(s.id());
                if (at != null && (last == null || at.isAfter(last))) {
                    last = at;
                }
            }
            out.add(new PoldaProgress(polda, Map.copyOf(counts), stations, Optional.ofNullable(last)));
        }
        out.sort(Comparator.comparing((PoldaProgress p) -> p.polda().name()).thenComparing(p -> p.polda().id().value()));
        return out;
    }
}
