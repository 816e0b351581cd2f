package id.siaga.simulation;

import id.siaga.routing.RingPolicy;
import id.siaga.screening.Reputation;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator from the command line (bench/simulate-day.sh): a scenario's days with the gate off and on, with today's
 * roster and the planner's, optionally the operators needed found by simulation, and the simulator's speed.
 *
 * <pre>
 * SimulateDay [--scenario=diy|national-polda|national-pool|mmn] [--calls=PER_DAY] [--prank-share=0.98] [--seed=1]
 *             [--days=7] [--warm-up=14] [--gate=off|on|both] [--roster=today|planner|both] [--size] [--json]
 *             [--entry-roster=DAY,NIGHT]   (today's roster at the stations calls arrive at: DAY 07:00-22:00, NIGHT else)
 *             [--calls-per-hour=200 --handling=180 --agents=14]   (mmn only)
 * </pre>
 */
public final class SimulateDay {

    /** 2.18 million calls a month (Polri, about 2015) over a mean month of 30.44 days. */
    static final double NATIONAL_CALLS_PER_DAY = 2_180_000 / 30.44;
    static final int POLDAS = 34;

    private SimulateDay() {
    }

    public static void main(String[] args) {
        Map<String, String> opts = options(args);
        Scenario scenario = scenario(opts);
        long seed = Long.parseLong(opts.getOrDefault("seed", "1"));
        boolean json = opts.containsKey("json");
        String gates = opts.getOrDefault("gate", "both");
        String rosters = opts.getOrDefault("roster", "both");
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long calls = 0;
        long cpuNanos = 0;
        for (boolean gate : gates.equals("both") ? List.of(false, true) : List.of(gates.equals("on"))) {
            Scenario s = scenario.withGate(gate ? Scenario.Gate.ON : Scenario.Gate.OFF);
            long start = cpu.getCurrentThreadCpuTime();
            DayResult today = DaySimulator.run(s, seed);
            cpuNanos += cpu.getCurrentThreadCpuTime() - start;
            calls += today.simulatedCalls();
            if (!rosters.equals("planner")) {
                print(today, json);
            }
            if (!rosters.equals("today")) {
                Roster planned = PlannerRoster.from(today, s.roster(), s.layout().shape());
                start = cpu.getCurrentThreadCpuTime();
                DayResult withPlan = DaySimulator.run(s.withRoster(planned), seed);
                cpuNanos += cpu.getCurrentThreadCpuTime() - start;
                calls += withPlan.simulatedCalls();
                if (!json) {
                    System.out.print(planned.describe(s.layout().polres()));
                }
                print(withPlan, json);
            }
            if (opts.containsKey("size")) {
                for (double target : new double[] {0.90, 0.95}) {
                    Optional<Sizing.Found> found = Sizing.cheapest(s, seed, target, 12);
                    String line = found.map(f -> String.format(java.util.Locale.ROOT,
                            "operators needed for %s of genuine calls within 10 s (gate %s): %s, %d operator-hours a day (%s within 10 s)",
                            Format.percent(target), gate ? "on" : "off", f.roster().label(), f.roster().operatorHoursPerDay(),
                            Format.percent(f.result().genuine().shareWithin10s())))
                            .orElse("operators needed for " + Format.percent(target) + " (gate " + (gate ? "on" : "off") + "): none up to 12 a station");
                    System.out.println(json ? "{\"sizing\":\"" + line + "\"}" : line);
                }
            }
        }
        if (!json) {
            System.out.printf(java.util.Locale.ROOT, "speed: %d simulated calls in %.2f s of CPU, %.0f calls per CPU second%n", calls,
                    cpuNanos / 1e9, calls / (cpuNanos / 1e9));
        }
    }

    static Scenario scenario(Map<String, String> o) {
        String name = o.getOrDefault("scenario", "diy");
        Scenario s = switch (name) {
            case "diy" -> Scenario.diy("Polda DIY, busy day", 1000);
            case "national-polda" -> nationalPolda();
            case "national-pool" -> nationalPool();
            case "mmn" -> Scenario.mmn(Double.parseDouble(o.getOrDefault("calls-per-hour", "200")), Double.parseDouble(o.getOrDefault("handling", "180")),
                    Integer.parseInt(o.getOrDefault("agents", "14")), 7);
            default -> throw new IllegalArgumentException("unknown scenario '" + name + "': diy, national-polda, national-pool or mmn");
        };
        if (o.containsKey("calls")) {
            s = s.withTraffic(s.traffic().withCallsPerDay(Double.parseDouble(o.get("calls"))));
        }
        if (o.containsKey("prank-share")) {
            s = s.withTraffic(s.traffic().withPrankShare(Double.parseDouble(o.get("prank-share"))));
        }
        if (o.containsKey("entry-roster")) {
            String[] dayNight = o.get("entry-roster").split(",");
            s = s.withRoster(Sizing.roster(s, Integer.parseInt(dayNight[0].trim()), Integer.parseInt(dayNight[1].trim())));
        }
        int warmUp = Integer.parseInt(o.getOrDefault("warm-up", String.valueOf(s.warmUpDays())));
        int days = Integer.parseInt(o.getOrDefault("days", String.valueOf(s.days())));
        return s.withDays(warmUp, days);
    }

    /**
     * One Polda's share of the national traffic: 2.18 million calls a month over 34 Poldas (about 2,100 a day each), 80 %
     * pranks (the national figure of about 2015), answered by the Polda as one pool with Mabes above; today's roster is
     * an assumption (6 by day, 3 at night at the Polda, 1 at Mabes for its overflow).
     */
    static Scenario nationalPolda() {
        Scenario diy = Scenario.diy("one Polda's share of 2.18 M calls a month", NATIONAL_CALLS_PER_DAY / POLDAS);
        return new Scenario(diy.name(), new Scenario.Layout(Scenario.Shape.POLDA_MABES, "Polda", List.of()),
                diy.traffic().withPrankShare(0.80), diy.callers(), diy.handling(), diy.operators(), Scenario.Gate.OFF,
                new Roster("today's (assumed)", Roster.allDay(1), Roster.dayAndNight(6, 3, 7, 22), List.of()), RingPolicy.DEFAULT,
                Reputation.Policy.DEFAULT, 14, 3);
    }

    /** The whole national traffic at one pool (Mabes, the ladder's root), 80 % pranks; 120 operators by day, 60 at night. */
    static Scenario nationalPool() {
        Scenario diy = Scenario.diy("2.18 M calls a month at one national pool", NATIONAL_CALLS_PER_DAY);
        return new Scenario(diy.name(), new Scenario.Layout(Scenario.Shape.ONE_POOL, "Mabes", List.of()), diy.traffic().withPrankShare(0.80),
                diy.callers(), diy.handling(), diy.operators(), Scenario.Gate.OFF,
                new Roster("assumed", Roster.dayAndNight(120, 60, 7, 22), Roster.allDay(0), List.of()), RingPolicy.DEFAULT,
                Reputation.Policy.DEFAULT, 7, 1);
    }

    private static void print(DayResult r, boolean json) {
        System.out.println(json ? Report.json(r) : Report.text(r));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (String a : args) {
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("options are --name=value, got '" + a + "'");
            }
            int eq = a.indexOf('=');
            o.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "" : a.substring(eq + 1));
        }
        return o;
    }
}
