package id.siaga.staffing;

/**
 * Erlang C: calls arriving at random (Poisson) to N operators, handling times exponential, a caller who finds every
 * operator busy waits in one queue and never hangs up (M/M/N). With A = arrival rate × mean handling time (the offered
 * load in Erlangs):
 * <ul>
 *   <li>Erlang B by its recursion, B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)), which stays within [0, 1] where the
 *       textbook's Aⁿ/n! overflows a double at about 170 operators;</li>
 *   <li>the probability of waiting C(N, A) = N·B / (N − A·(1 − B)), for N &gt; A;</li>
 *   <li>the service level SL(t) = 1 − C·e<sup>−(N − A)·t / h</sup> and the average speed of answer C·h / (N − A).</li>
 * </ul>
 * With N ≤ A the queue grows without end: every caller waits, the service level is 0. Caller abandonment (which this
 * model leaves out) makes real queues kinder than the figures, so the plan errs on the side of too many operators.
 */
public final class ErlangC {

    /**
     * The largest offered load computed: the recursion takes one step per operator, and a million Erlangs is a thousand
     * times Indonesia's 110 traffic at its busiest.
     */
    public static final double MAX_ERLANGS = 1_000_000;

    private ErlangC() {
    }

    /** The offered load in Erlangs: calls per hour × mean handling seconds / 3600. */
    public static double offeredLoad(double callsPerHour, double meanHandlingSeconds) {
        requireFinite(callsPerHour, "calls per hour");
        requireFinite(meanHandlingSeconds, "mean handling seconds");
        return erlangs(callsPerHour * meanHandlingSeconds / 3600.0);
    }

    /** Erlang B, the share of calls N operators would turn away with no queue; the step on the way to C. */
    static double erlangB(int agents, double erlangs) {
        requireAgents(agents);
        erlangs(erlangs);
        double b = 1.0;
        for (int n = 1; n <= agents; n++) {
            b = erlangs * b / (n + erlangs * b);
        }
        return b;
    }

    /** The probability a call has to wait: 0 with no load, 1 when {@code agents} do not exceed the load. */
    public static double probabilityOfWaiting(int agents, double erlangs) {
        requireAgents(agents);
        if (erlangs(erlangs) == 0) {
            return 0;
        }
        if (agents <= erlangs) {
            return 1;
        }
        return waitingFromB(agents, erlangs, erlangB(agents, erlangs));
    }

    /** The share of calls answered within {@code answerWithinSeconds}: 1 with no load, 0 when the queue never empties. */
    public static double serviceLevel(int agents, double erlangs, double meanHandlingSeconds, double answerWithinSeconds) {
        requirePositive(meanHandlingSeconds, "mean handling seconds");
        requireFinite(answerWithinSeconds, "answer-time target");
        if (answerWithinSeconds < 0) {
            throw new IllegalArgumentException("an answer-time target cannot be negative, got " + answerWithinSeconds);
        }
        double c = probabilityOfWaiting(agents, erlangs);
        if (c == 0) {
            return 1;
        }
        if (agents <= erlangs) {
            return 0;
        }
        return serviceLevelFromC(c, agents, erlangs, meanHandlingSeconds, answerWithinSeconds);
    }

    /** The mean wait of all calls (those answered at once count as 0) in seconds; infinite when the queue never empties. */
    public static double averageSpeedOfAnswer(int agents, double erlangs, double meanHandlingSeconds) {
        requirePositive(meanHandlingSeconds, "mean handling seconds");
        double c = probabilityOfWaiting(agents, erlangs);
        if (c == 0) {
            return 0;
        }
        if (agents <= erlangs) {
            return Double.POSITIVE_INFINITY;
        }
        return c * meanHandlingSeconds / (agents - erlangs);
    }

    /**
     * The fewest operators whose service level meets the target: 0 with no load, otherwise more than the load. One
     * pass of the recursion serves every count tried, so a load of thousands of Erlangs costs thousands of steps.
     */
    public static int agentsFor(double erlangs, double meanHandlingSeconds, ServiceTarget target) {
        requirePositive(meanHandlingSeconds, "mean handling seconds");
        if (erlangs(erlangs) == 0) {
            return 0;
        }
        double t = target.answerWithinSeconds();
        double b = 1.0;
        for (int n = 1; ; n++) {
            b = erlangs * b / (n + erlangs * b);
            if (n > erlangs && serviceLevelFromC(waitingFromB(n, erlangs, b), n, erlangs, meanHandlingSeconds, t) >= target.share()) {
                return n;
            }
        }
    }

    private static double waitingFromB(int agents, double erlangs, double b) {
        return agents * b / (agents - erlangs * (1 - b));
    }

    private static double serviceLevelFromC(double c, int agents, double erlangs, double meanHandlingSeconds, double answerWithinSeconds) {
        return 1 - c * Math.exp(-(agents - erlangs) * answerWithinSeconds / meanHandlingSeconds);
    }

    private static double erlangs(double erlangs) {
        requireFinite(erlangs, "offered load");
        if (erlangs < 0 || erlangs > MAX_ERLANGS) {
            throw new IllegalArgumentException("an offered load must be 0.." + (long) MAX_ERLANGS + " Erlangs, got " + erlangs);
        }
        return erlangs;
    }

    private static void requireAgents(int agents) {
        if (agents < 0) {
            throw new IllegalArgumentException("a number of operators cannot be negative, got " + agents);
        }
    }

    private static void requireFinite(double value, String what) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be a finite number, got " + value);
        }
    }

    private static void requirePositive(double value, String what) {
        requireFinite(value, what);
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be above 0, got " + value);
        }
    }
}
