package id.siaga.simulation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Operators needed, found by simulation rather than by formula: the cheapest roster of a simple family that reaches a
 * share of genuine calls answered within 10 s. The family: at each station calls arrive at, {@code day} operators from
 * 07:00 to 22:00 and {@code night} the other hours (night ≤ day), the stations above as the scenario has them; candidates
 * are tried from the fewest operator-hours up, each with the same seed, and the first that reaches the target wins.
 */
public final class Sizing {

    /** The cheapest roster found and its run; empty when none up to {@code maxPerStation} reaches the target. */
    public record Found(int day, int night, Roster roster, DayResult result) {
    }

    private Sizing() {
    }

    public static Optional<Found> cheapest(Scenario scenario, long seed, double genuineWithin10s, int maxPerStation) {
        List<int[]> candidates = new ArrayList<>();
        for (int night = 1; night <= maxPerStation; night++) {
            for (int day = night; day <= maxPerStation; day++) {
                candidates.add(new int[] {day, night});
            }
        }
        candidates.sort(Comparator.comparingInt((int[] c) -> 15 * c[0] + 9 * c[1]).thenComparingInt(c -> c[0]));
        for (int[] c : candidates) {
            Roster roster = roster(scenario, c[0], c[1]);
            DayResult r = DaySimulator.run(scenario.withRoster(roster), seed);
            if (r.genuine().shareWithin10s() >= genuineWithin10s) {
                return Optional.of(new Found(c[0], c[1], roster, r));
            }
        }
        return Optional.empty();
    }

    static Roster roster(Scenario s, int day, int night) {
        int[] hours = Roster.dayAndNight(day, night, 7, 22);
        String label = day + " by day, " + night + " at night";
        Roster base = s.roster();
        return switch (s.layout().shape()) {
            case POLRES_POLDA_MABES -> Roster.of(label, base.mabes(), base.polda(), hours, s.layout().polres().size());
            case POLDA_MABES -> new Roster(label, base.mabes(), hours, base.polres());
            case ONE_POOL -> new Roster(label, hours, base.polda(), base.polres());
        };
    }
}
