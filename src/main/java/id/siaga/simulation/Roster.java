package id.siaga.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Operators on shift at each station for each hour of the local day (0 = 00:00–01:00): Mabes, the Polda and each Polres
 * of the scenario's layout, in its order. An operator who is on a call when the shift ends finishes the call and its
 * wrap-up first; one who comes on shift is READY at once.
 *
 * @param label  what the roster is, for the report ("today's", "planner's")
 * @param mabes  Mabes's operators who take this scenario's calls (the national pool's share of them)
 * @param polda  the Polda's operators
 * @param polres each Polres's operators, in the layout's order
 */
public record Roster(String label, int[] mabes, int[] polda, List<int[]> polres) {

    public Roster {
        Objects.requireNonNull(label, "label");
        mabes = hours(mabes, "Mabes");
        polda = hours(polda, "the Polda");
        List<int[]> copy = new ArrayList<>();
        for (int i = 0; i < polres.size(); i++) {
            copy.add(hours(polres.get(i), "Polres " + (i + 1)));
        }
        polres = List.copyOf(copy);
    }

    /** Mabes's 24 hourly counts (a copy). */
    @Override
    public int[] mabes() {
        return mabes.clone();
    }

    /** The Polda's 24 hourly counts (a copy). */
    @Override
    public int[] polda() {
        return polda.clone();
    }

    /** Each Polres's 24 hourly counts (copies). */
    @Override
    public List<int[]> polres() {
        return polres.stream().map(int[]::clone).toList();
    }

    /** The same count every hour. */
    public static int[] allDay(int operators) {
        int[] h = new int[24];
        Arrays.fill(h, operators);
        return h;
    }

    /** {@code day} operators from {@code fromHour} (included) to {@code untilHour} (excluded), {@code night} the other hours. */
    public static int[] dayAndNight(int day, int night, int fromHour, int untilHour) {
        int[] h = new int[24];
        for (int i = 0; i < 24; i++) {
            h[i] = i >= fromHour && i < untilHour ? day : night;
        }
        return h;
    }

    /** The same roster at every Polres. */
    public static Roster of(String label, int[] mabes, int[] polda, int[] eachPolres, int polresCount) {
        return new Roster(label, mabes, polda, java.util.Collections.nCopies(polresCount, eachPolres));
    }

    public Roster labelled(String newLabel) {
        return new Roster(newLabel, mabes, polda, polres);
    }

    /** Operator-hours a day over every station. */
    public int operatorHoursPerDay() {
        int sum = Arrays.stream(mabes).sum() + Arrays.stream(polda).sum();
        for (int[] p : polres) {
            sum += Arrays.stream(p).sum();
        }
        return sum;
    }

    /** One line per station: "Polda 2 2 2 … (48 h)". */
    public String describe(List<String> polresNames) {
        StringBuilder out = new StringBuilder();
        out.append(line("Mabes", mabes)).append(line("Polda", polda));
        for (int i = 0; i < polres.size(); i++) {
            out.append(line(i < polresNames.size() ? polresNames.get(i) : "Polres " + (i + 1), polres.get(i)));
        }
        return out.toString();
    }

    private static String line(String name, int[] hours) {
        StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT, "  %-22s", name));
        for (int h : hours) {
            b.append(String.format(java.util.Locale.ROOT, "%3d", h));
        }
        return b.append("  (").append(Arrays.stream(hours).sum()).append(" h)\n").toString();
    }

    private static int[] hours(int[] hours, String where) {
        if (hours == null || hours.length != 24) {
            throw new IllegalArgumentException("a roster gives 24 hourly counts for " + where);
        }
        for (int h : hours) {
            if (h < 0) {
                throw new IllegalArgumentException("a roster cannot have fewer than 0 operators, got " + h + " for " + where);
            }
        }
        return hours.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Roster r) || !label.equals(r.label) || !Arrays.equals(mabes, r.mabes) || !Arrays.equals(polda, r.polda)
                || polres.size() != r.polres.size()) {
            return false;
        }
        for (int i = 0; i < polres.size(); i++) {
            if (!Arrays.equals(polres.get(i), r.polres.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(label, Arrays.hashCode(mabes), Arrays.hashCode(polda));
        for (int[] p : polres) {
            h = 31 * h + Arrays.hashCode(p);
        }
        return h;
    }

    @Override
    public String toString() {
        return "Roster[" + label + ", " + operatorHoursPerDay() + " operator-hours a day]";
    }
}
