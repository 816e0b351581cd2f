package id.siaga.simulation;

import id.siaga.routing.RingPolicy;
import id.siaga.screening.Reputation;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Everything one simulated run assumes, each part a record with stated defaults (docs/SIMULATOR.md lists them with
 * their reasons). Nothing here is measured from Siaga 110's traffic: the defaults are assumptions for a Polda's busy day,
 * named so a reader can change them.
 *
 * @param name       what the scenario is, for the report
 * @param layout     the stations and where calls arrive
 * @param traffic    how many calls, when, and what they are
 * @param callers    who calls: the prank numbers and how often each calls again, and how long callers wait
 * @param handling   what a call costs an operator, by what it turns out to be
 * @param operators  how operators pick up
 * @param gate       the prompt before a flagged number's call is rung
 * @param roster     operators on shift per station and hour
 * @param ringPolicy the ladder's ring times (the real {@link RingPolicy#DEFAULT}: 10 s at Polres and Polda, widening)
 * @param reputation when a number is flagged (the real {@link Reputation.Policy#DEFAULT}: 2.5 with a 7-day half-life)
 * @param warmUpDays days simulated before the measured ones so numbers carry the reputation of earlier weeks (their
 *                   figures are left out)
 * @param days       days measured
 */
public record Scenario(String name, Layout layout, Traffic traffic, Callers callers, Handling handling, Operators operators, Gate gate,
                       Roster roster, RingPolicy ringPolicy, Reputation.Policy reputation, int warmUpDays, int days) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(traffic, "traffic");
        Objects.requireNonNull(callers, "callers");
        Objects.requireNonNull(handling, "handling");
        Objects.requireNonNull(operators, "operators");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(roster, "roster");
        Objects.requireNonNull(ringPolicy, "ringPolicy");
        Objects.requireNonNull(reputation, "reputation");
        if (roster.polres().size() != layout.polres().size()) {
            throw new IllegalArgumentException("the roster has " + roster.polres().size() + " Polres, the layout " + layout.polres().size());
        }
        if (warmUpDays < 0 || days < 1) {
            throw new IllegalArgumentException("a run measures at least one day after 0 or more warm-up days, got " + warmUpDays + " and " + days);
        }
    }

    /** Where a call arrives and which stations stand above it. */
    public enum Shape {
        /** At one of the Polda's Polres, then the Polda, then Mabes: a Polda's day. */
        POLRES_POLDA_MABES,
        /** At the Polda, then Mabes: a Polda answering for its whole province as one pool. */
        POLDA_MABES,
        /** At one pool with nobody above (the ladder's root): a national pool, and the M/M/N check. */
        ONE_POOL
    }

    /**
     * @param polres the Polres's names; a call picks one at random, each equally likely (empty unless
     *               {@link Shape#POLRES_POLDA_MABES})
     */
    public record Layout(Shape shape, String polda, List<String> polres) {
        public Layout {
            polres = List.copyOf(polres);
            if ((shape == Shape.POLRES_POLDA_MABES) == polres.isEmpty()) {
                throw new IllegalArgumentException("Polres are named exactly when calls arrive at a Polres");
            }
        }

        /** Polda DIY's five Polres. */
        public static final Layout DIY = new Layout(Shape.POLRES_POLDA_MABES, "Polda DIY",
                List.of("Polresta Yogyakarta", "Polres Sleman", "Polres Bantul", "Polres Kulon Progo", "Polres Gunungkidul"));
    }

    /**
     * @param callsPerDay         the mean; each hour's calls are a Poisson stream at the hour's rate
     * @param hourlyProfile       24 weights, the share of the day's calls in each local hour (normalised here)
     * @param prankShare          calls that are not genuine emergencies (0.98: Polda DIY 2023)
     * @param silentShareOfPranks of those, silent calls (nobody speaks)
     * @param hungUpShareOfPranks of those, callers who hang up within seconds of the answer; the rest talk nonsense
     */
    public record Traffic(double callsPerDay, double[] hourlyProfile, double prankShare, double silentShareOfPranks, double hungUpShareOfPranks) {
        public Traffic {
            if (!(callsPerDay > 0) || Double.isInfinite(callsPerDay)) {
                throw new IllegalArgumentException("calls per day must be above 0, got " + callsPerDay);
            }
            if (hourlyProfile == null || hourlyProfile.length != 24 || Arrays.stream(hourlyProfile).anyMatch(w -> !(w >= 0))
                    || !(Arrays.stream(hourlyProfile).sum() > 0)) {
                throw new IllegalArgumentException("an hourly profile is 24 weights of 0 or more, not all 0");
            }
            double sum = Arrays.stream(hourlyProfile).sum();
            hourlyProfile = Arrays.stream(hourlyProfile).map(w -> w / sum).toArray();
            share(prankShare, "prank share");
            share(silentShareOfPranks, "silent share of pranks");
            share(hungUpShareOfPranks, "hang-up share of pranks");
            if (silentShareOfPranks + hungUpShareOfPranks > 1) {
                throw new IllegalArgumentException("silent and hang-up shares of pranks add up to more than 1");
            }
        }

        /**
         * Assumed, not measured: quiet from 01:00 to 05:00, rising from 06:00, a plateau 09:00–14:00, the peak 15:00–21:00
         * (after school and in the evening, when pranks cluster) at 7 % of the day an hour, falling after 22:00.
         */
        public static final double[] DIURNAL = {2.5, 1.5, 1.0, 0.8, 0.8, 1.2, 2.0, 3.0, 4.0, 4.5, 5.0, 5.0, 5.0, 4.7, 5.5, 6.0, 6.5, 6.5,
                6.5, 7.0, 7.0, 6.0, 4.5, 3.5};

        public Traffic withCallsPerDay(double calls) {
            return new Traffic(calls, hourlyProfile, prankShare, silentShareOfPranks, hungUpShareOfPranks);
        }

        public Traffic withPrankShare(double share) {
            return new Traffic(callsPerDay, hourlyProfile, share, silentShareOfPranks, hungUpShareOfPranks);
        }

        /** The expected calls in a local hour. */
        public double callsInHour(int hour) {
            return callsPerDay * hourlyProfile[hour];
        }
    }

    /**
     * @param prankNumbersPerDailyPrank the prank population's size over the day's expected pranks (3: 980 pranks a day
     *                                  come from 2,940 numbers)
     * @param paretoShape               each prank number calls at its own rate, drawn once from a Pareto law of this shape
     *                                  (1.3: a heavy tail, a few numbers calling many times a day, most once in weeks);
     *                                  each prank picks its number in proportion to the rates
     * @param genuineFromPrankNumbers   the share of genuine calls that come from a number of the prank population (the
     *                                  child who pranked last week and whose house burns tonight); the rest come from
     *                                  numbers never heard before
     * @param genuinePatience           how long a genuine caller waits unanswered before hanging up, from dialling
     * @param prankPatience             the same for a prankster
     */
    public record Callers(double prankNumbersPerDailyPrank, double paretoShape, double genuineFromPrankNumbers, Distribution genuinePatience,
                          Distribution prankPatience) {
        public Callers {
            if (!(prankNumbersPerDailyPrank > 0) || !(paretoShape > 1)) {
                throw new IllegalArgumentException("the prank population needs a size above 0 and a Pareto shape above 1");
            }
            share(genuineFromPrankNumbers, "genuine calls from prank numbers");
            Objects.requireNonNull(genuinePatience, "genuinePatience");
            Objects.requireNonNull(prankPatience, "prankPatience");
        }

        public static final Callers DEFAULT = new Callers(3.0, 1.3, 0.05, Distribution.shiftedExponential(20, 100),
                Distribution.shiftedExponential(5, 25));

        /** Nobody ever hangs up while waiting: Erlang C's callers. */
        public Callers patient() {
            return new Callers(prankNumbersPerDailyPrank, paretoShape, genuineFromPrankNumbers, Distribution.never(), Distribution.never());
        }
    }

    /**
     * Talk time from the answer by what the call turns out to be, then the wrap-up before the operator is READY again
     * (genuine: the report, 30 s as the staffing planner's default; the others: one classification key).
     */
    public record Handling(Distribution genuineTalk, Distribution prankTalk, Distribution silentTalk, Distribution hungUpTalk,
                           Distribution genuineWrapUp, Distribution prankWrapUp) {
        public static final Handling DEFAULT = new Handling(Distribution.logNormal(180, 1.0), Distribution.exponential(20),
                Distribution.exponential(15), Distribution.uniform(1, 5), Distribution.fixed(30), Distribution.fixed(5));
    }

    /**
     * @param answerDelay  from a phone starting to ring to the operator picking it up
     * @param letRingShare the share of ring offers an operator lets ring out (away from the desk, on another task)
     */
    public record Operators(Distribution answerDelay, double letRingShare) {
        public Operators {
            Objects.requireNonNull(answerDelay, "answerDelay");
            share(letRingShare, "let-ring share");
        }

        public static final Operators DEFAULT = new Operators(Distribution.shiftedExponential(2, 2), 0.05);
        /** Pick up at once, never let ring: Erlang C's servers. */
        public static final Operators INSTANT = new Operators(Distribution.fixed(0), 0);
    }

    /**
     * The gate before a flagged number's call is rung (issue 16 part 4): the caller hears "Jika ini keadaan darurat, tekan
     * 1"; pressing 1 sends the call on at normal priority (confirmed); no key within {@code keyWait} sends it on behind
     * calls without the mark; hanging up during the gate abandons it. Never dropped, never refused.
     *
     * @param enabled          off by default, as in the real settings
     * @param keyWait          how long the gate waits for a key, the prompt included (10 s: siaga.screening.gate.key-wait)
     * @param prompt           how long the prompt plays (4.3 s: media/prompts/gerbang.wav); a key is heard once it has played
     * @param keyDelay         from the prompt's end to the caller's key
     * @param prankHangUpAt    when a prankster who hangs up at the gate does, from its start
     * @param genuinePressOne  genuine callers who press 1 (the rest wait it out)
     * @param prankHangUp      pranksters who hang up at the prompt
     * @param prankPressOne    pranksters who press 1 (the rest wait it out)
     */
    public record Gate(boolean enabled, Duration keyWait, Duration prompt, Distribution keyDelay, Distribution prankHangUpAt, double genuinePressOne,
                       double prankHangUp, double prankPressOne) {
        public Gate {
            if (keyWait.compareTo(prompt) < 0 || prompt.isNegative()) {
                throw new IllegalArgumentException("the gate waits at least as long as its prompt plays");
            }
            share(genuinePressOne, "genuine callers pressing 1");
            share(prankHangUp, "pranksters hanging up at the gate");
            share(prankPressOne, "pranksters pressing 1");
            if (prankHangUp + prankPressOne > 1) {
                throw new IllegalArgumentException("pranksters hanging up and pressing 1 add up to more than 1");
            }
        }

        public static final Gate OFF = new Gate(false, Duration.ofSeconds(10), Duration.ofMillis(4300), Distribution.uniform(0.5, 3),
                Distribution.uniform(1, 5), 0.9, 0.6, 0.1);
        public static final Gate ON = OFF.enabled(true);

        public Gate enabled(boolean on) {
            return new Gate(on, keyWait, prompt, keyDelay, prankHangUpAt, genuinePressOne, prankHangUp, prankPressOne);
        }
    }

    /** Today's roster of a Polda: 2 per Polres by day (07:00–22:00), 1 at night; 2 at the Polda; 1 at Mabes for its overflow. */
    public static Roster todaysRoster(int polresCount) {
        return Roster.of("today's", Roster.allDay(1), Roster.allDay(2), Roster.dayAndNight(2, 1, 7, 22), polresCount);
    }

    /** Polda DIY's day at {@code callsPerDay}, with today's roster and the gate off. */
    public static Scenario diy(String name, double callsPerDay) {
        return new Scenario(name, Layout.DIY, new Traffic(callsPerDay, Traffic.DIURNAL, 0.98, 0.2, 0.3), Callers.DEFAULT, Handling.DEFAULT,
                Operators.DEFAULT, Gate.OFF, todaysRoster(Layout.DIY.polres().size()), RingPolicy.DEFAULT, Reputation.Policy.DEFAULT, 14, 7);
    }

    /**
     * Erlang C's own world, M/M/N: one pool of {@code agents} at the ladder's root, Poisson arrivals at the same rate every
     * hour, exponential handling with no wrap-up, no pranks, operators who pick up at once, callers who never hang up.
     */
    public static Scenario mmn(double callsPerHour, double meanHandlingSeconds, int agents, int days) {
        double[] flat = new double[24];
        Arrays.fill(flat, 1);
        Distribution handling = Distribution.exponential(meanHandlingSeconds);
        return new Scenario("M/M/" + agents + ", " + callsPerHour + " calls/h of " + meanHandlingSeconds + " s",
                new Layout(Shape.ONE_POOL, "pool", List.of()), new Traffic(callsPerHour * 24, flat, 0, 0, 0), Callers.DEFAULT.patient(),
                new Handling(handling, handling, handling, handling, Distribution.fixed(0), Distribution.fixed(0)), Operators.INSTANT, Gate.OFF,
                new Roster("flat", Roster.allDay(agents), Roster.allDay(0), List.of()), RingPolicy.DEFAULT, Reputation.Policy.DEFAULT, 0, days);
    }

    public Scenario withGate(Gate newGate) {
        return new Scenario(name, layout, traffic, callers, handling, operators, newGate, roster, ringPolicy, reputation, warmUpDays, days);
    }

    public Scenario withRoster(Roster newRoster) {
        return new Scenario(name, layout, traffic, callers, handling, operators, gate, newRoster, ringPolicy, reputation, warmUpDays, days);
    }

    public Scenario withTraffic(Traffic newTraffic) {
        return new Scenario(name, layout, newTraffic, callers, handling, operators, gate, roster, ringPolicy, reputation, warmUpDays, days);
    }

    public Scenario withDays(int newWarmUpDays, int newDays) {
        return new Scenario(name, layout, traffic, callers, handling, operators, gate, roster, ringPolicy, reputation, newWarmUpDays, newDays);
    }

    public Scenario with(Callers newCallers, Handling newHandling, Operators newOperators) {
        return new Scenario(name, layout, traffic, newCallers, newHandling, newOperators, gate, roster, ringPolicy, reputation, warmUpDays, days);
    }

    public Scenario named(String newName) {
        return new Scenario(newName, layout, traffic, callers, handling, operators, gate, roster, ringPolicy, reputation, warmUpDays, days);
    }

    private static void share(double value, String what) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("the " + what + " must be 0 to 1, got " + value);
        }
    }
}
