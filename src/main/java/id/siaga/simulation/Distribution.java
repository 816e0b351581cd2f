package id.siaga.simulation;

import java.util.SplittableRandom;

/**
 * A duration drawn at random, in seconds: how long a caller talks, how long an operator takes to pick up, how long a
 * caller waits before hanging up. Each kind says its mean and its shape in {@link #describe()}, so every assumption of
 * a scenario can be printed next to its figures.
 */
public sealed interface Distribution {

    /** One draw, in seconds; {@link Double#POSITIVE_INFINITY} for {@link Never}. */
    double sample(SplittableRandom random);

    /** The mean in seconds. */
    double meanSeconds();

    /** The shape and its parameters, for the report: "exponential, mean 20 s". */
    String describe();

    static Distribution fixed(double seconds) {
        return new Fixed(seconds);
    }

    static Distribution exponential(double meanSeconds) {
        return new Exponential(meanSeconds);
    }

    static Distribution logNormal(double meanSeconds, double coefficientOfVariation) {
        return new LogNormal(meanSeconds, coefficientOfVariation);
    }

    static Distribution shiftedExponential(double minimumSeconds, double meanAboveMinimumSeconds) {
        return new ShiftedExponential(minimumSeconds, meanAboveMinimumSeconds);
    }

    static Distribution uniform(double fromSeconds, double toSeconds) {
        return new Uniform(fromSeconds, toSeconds);
    }

    static Distribution never() {
        return new Never();
    }

    /** Always the same. */
    record Fixed(double seconds) implements Distribution {
        public Fixed {
            requireNonNegative(seconds, "a fixed duration");
        }

        public double sample(SplittableRandom random) {
            return seconds;
        }

        public double meanSeconds() {
            return seconds;
        }

        public String describe() {
            return "fixed " + Format.seconds(seconds);
        }
    }

    /** Memoryless: Erlang C's assumption for handling times, and a Poisson stream's gaps. */
    record Exponential(double mean) implements Distribution {
        public Exponential {
            requirePositive(mean, "an exponential mean");
        }

        public double sample(SplittableRandom random) {
            return -mean * Math.log(1 - random.nextDouble());
        }

        public double meanSeconds() {
            return mean;
        }

        public String describe() {
            return "exponential, mean " + Format.seconds(mean);
        }
    }

    /**
     * Log-normal with this mean and coefficient of variation (standard deviation / mean): the usual shape of talk times
     * (Brown et al., "Statistical analysis of a telephone call center", JASA 2005).
     */
    record LogNormal(double mean, double cv) implements Distribution {
        public LogNormal {
            requirePositive(mean, "a log-normal mean");
            requirePositive(cv, "a coefficient of variation");
        }

        public double sample(SplittableRandom random) {
            double sigma2 = Math.log(1 + cv * cv);
            double mu = Math.log(mean) - sigma2 / 2;
            return Math.exp(mu + Math.sqrt(sigma2) * gaussian(random));
        }

        public double meanSeconds() {
            return mean;
        }

        public String describe() {
            return "log-normal, mean " + Format.seconds(mean) + ", cv " + cv;
        }

        /** Box-Muller, one of the pair: two draws per sample keep the stream simple to reason about. */
        private static double gaussian(SplittableRandom random) {
            double u = 1 - random.nextDouble();
            double v = random.nextDouble();
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        }
    }

    /** A minimum, then memoryless: an operator's reach for the phone. */
    record ShiftedExponential(double minimum, double meanAbove) implements Distribution {
        public ShiftedExponential {
            requireNonNegative(minimum, "a minimum");
            requireNonNegative(meanAbove, "a mean above the minimum");
        }

        public double sample(SplittableRandom random) {
            return meanAbove == 0 ? minimum : minimum - meanAbove * Math.log(1 - random.nextDouble());
        }

        public double meanSeconds() {
            return minimum + meanAbove;
        }

        public String describe() {
            return Format.seconds(minimum) + " + exponential, mean " + Format.seconds(minimum + meanAbove);
        }
    }

    /** Any time between two, equally likely. */
    record Uniform(double from, double to) implements Distribution {
        public Uniform {
            requireNonNegative(from, "a uniform's start");
            if (!(to >= from)) {
                throw new IllegalArgumentException("a uniform's end must not be before its start, got " + from + " .. " + to);
            }
        }

        public double sample(SplittableRandom random) {
            return from + (to - from) * random.nextDouble();
        }

        public double meanSeconds() {
            return (from + to) / 2;
        }

        public String describe() {
            return "uniform " + Format.seconds(from) + " to " + Format.seconds(to);
        }
    }

    /** It never happens: a caller who never hangs up while waiting (Erlang C's infinite patience). */
    record Never() implements Distribution {
        public double sample(SplittableRandom random) {
            return Double.POSITIVE_INFINITY;
        }

        public double meanSeconds() {
            return Double.POSITIVE_INFINITY;
        }

        public String describe() {
            return "never";
        }
    }

    private static void requirePositive(double value, String what) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be above 0 and finite, got " + value);
        }
    }

    private static void requireNonNegative(double value, String what) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be 0 or more and finite, got " + value);
        }
    }
}
