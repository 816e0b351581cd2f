package id.siaga.simulation;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The numbers pranks come from (modelled: no traffic was measured for it). The population has a fixed size; each number
 * gets its own calling rate once, drawn from a Pareto law (a heavy tail: a few numbers call many times a day, most call
 * once in weeks), and each prank picks its number in proportion to those rates. Over the days the same numbers come back,
 * so their marks build up and {@link id.siaga.screening.Reputation} flags the persistent ones, as it would in service.
 */
final class PrankPopulation {

    private final double[] cumulative;

    /** {@code size} numbers, rates Pareto with {@code shape} (the scale cancels out: only the proportions matter). */
    PrankPopulation(int size, double shape, SplittableRandom random) {
        if (size < 1) {
            throw new IllegalArgumentException("a prank population has at least one number, got " + size);
        }
        cumulative = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += Math.pow(1 - random.nextDouble(), -1 / shape);
            cumulative[i] = sum;
        }
        for (int i = 0; i < size; i++) {
            cumulative[i] /= sum;
        }
    }

    int size() {
        return cumulative.length;
    }

    /** The number of the next prank (or of a genuine call from a prank number). */
    String pick(SplittableRandom random) {
        int i = Arrays.binarySearch(cumulative, random.nextDouble());
        return number(i < 0 ? Math.min(-i - 1, cumulative.length - 1) : i);
    }

    /** The share of all pranks made by the busiest {@code share} of the numbers: how concentrated the pranks are. */
    double shareOfPranksFromTop(double share) {
        double[] weights = new double[cumulative.length];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
        }
        Arrays.sort(weights);
        int top = (int) Math.ceil(share * weights.length);
        double sum = 0;
        for (int i = weights.length - top; i < weights.length; i++) {
            sum += weights[i];
        }
        return sum;
    }

    private static String number(int index) {
        return "+62812" + String.format("%07d", index);
    }
}
