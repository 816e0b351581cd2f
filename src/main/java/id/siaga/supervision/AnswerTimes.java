package id.siaga.supervision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Today's answer-time figures from plain numbers: how many seconds each answered call rang before the answer,
 * and how many callers gave up. The shares "within 10, 15, 20 s" are of the answered calls (the way the Polri and
 * NENA targets are stated); abandoned calls are counted beside them, with their share of all calls offered, because
 * a caller who hung up while it rang is the failure that matters most and must not vanish into a percentage.
 * Percentiles are nearest-rank. Nothing here knows about calls, stations or time zones.
 */
public final class AnswerTimes {

    /** The bucket edges of the distribution chart, in seconds; the last bucket is open-ended. */
    static final double[] EDGES = {0, 5, 10, 15, 20, 30, 60};

    private AnswerTimes() {
    }

    /** One bar of the distribution: answers that took at least {@code fromSeconds} and less than {@code toSeconds} (null: no end). */
    public record Bucket(double fromSeconds, Double toSeconds, int count) {
    }

    /**
     * The figures. Shares are percentages rounded to one decimal, null while nothing has been answered; seconds are
     * rounded to one decimal, null likewise.
     */
    public record Figures(int offered, int answered, int abandoned, int cutOff, Double abandonedPercent, Double within10Percent,
                          Double within15Percent, Double within20Percent, Double medianSeconds, Double p90Seconds, Double p95Seconds,
                          Double maxSeconds, List<Bucket> distribution) {
    }

    /**
     * @param secondsToAnswer one entry per answered call (cut-off calls included: they were answered)
     * @param abandoned calls whose caller hung up before any answer
     * @param cutOff answered calls the caller ended within seconds (already among {@code secondsToAnswer})
     */
    public static Figures of(Collection<Double> secondsToAnswer, int abandoned, int cutOff) {
        if (abandoned < 0 || cutOff < 0 || cutOff > secondsToAnswer.size()) {
            throw new IllegalArgumentException("counts out of range: abandoned " + abandoned + ", cut off " + cutOff + " of "
                    + secondsToAnswer.size() + " answered");
        }
        double[] sorted = secondsToAnswer.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int answered = sorted.length;
        int offered = answered + abandoned;
        return new Figures(offered, answered, abandoned, cutOff, offered == 0 ? null : percent(abandoned, offered),
                within(sorted, 10), within(sorted, 15), within(sorted, 20), percentile(sorted, 50), percentile(sorted, 90),
                percentile(sorted, 95), answered == 0 ? null : round(sorted[answered - 1]), distribution(sorted));
    }

    /** Share of the answers (in percent) that came at or before {@code seconds}; null when there are none. */
    static Double within(double[] sorted, double seconds) {
        if (sorted.length == 0) {
            return null;
        }
        int n = 0;
        while (n < sorted.length && sorted[n] <= seconds) {
            n++;
        }
        return percent(n, sorted.length);
    }

    /** Nearest-rank percentile: the smallest value with at least {@code p} percent of the values at or below it. */
    static Double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return round(sorted[Math.max(0, Math.min(sorted.length, rank) - 1)]);
    }

    static List<Bucket> distribution(double[] sorted) {
        List<Bucket> buckets = new ArrayList<>(EDGES.length);
        for (int i = 0; i < EDGES.length; i++) {
            double from = EDGES[i];
            Double to = i + 1 < EDGES.length ? EDGES[i + 1] : null;
            int count = 0;
            for (double s : sorted) {
                if (s >= from && (to == null || s < to)) {
                    count++;
                }
            }
            buckets.add(new Bucket(from, to, count));
        }
        return buckets;
    }

    private static double percent(int part, int whole) {
        return Math.round(1000.0 * part / whole) / 10.0;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }
}
