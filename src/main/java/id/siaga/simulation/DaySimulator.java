package id.siaga.simulation;

import id.siaga.org.GeoPoint;
import id.siaga.org.OperatorId;
import id.siaga.org.RolloutStatus;
import id.siaga.org.Station;
import id.siaga.org.StationId;
import id.siaga.org.StationKind;
import id.siaga.org.StationTimeZone;
import id.siaga.routing.EscalationLadder;
import id.siaga.screening.Mark;
import id.siaga.screening.Reputation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A discrete-event simulation of a station's or a Polda's days over the call rules: a virtual clock ({@link Events}), no
 * sockets, no threads, every draw from one seed, so the same scenario and seed give the same figures every time.
 *
 * <p>Reused as they run in service: the escalation ladder (through {@link Floor}), the reputation that flags a number
 * ({@link Reputation} with its real policy, fed the virtual clock's instants and the marks each answered call's wrap-up
 * leaves). Modelled here: the arrivals (a Poisson stream per local hour, the hour's share of the day's calls), who calls
 * ({@link PrankPopulation} and fresh numbers for genuine calls), what each call is and costs ({@link Scenario.Handling}),
 * how long callers wait before hanging up, how operators pick up, the shifts, and the gate (issue 16 part 4) as the issue
 * states it: a flagged number's call hears the prompt for up to {@code keyWait}; 1 sends it on at normal priority, no key
 * sends it on behind calls without the mark, hanging up abandons it. The gate's only two ways out lead to the ladder;
 * nothing refuses or drops a call.
 */
public final class DaySimulator {

    private final Scenario scenario;
    private final long seed;
    private final Events events = new Events();
    private final Reputation reputation;
    private final Floor floor;
    private final Tally tally;
    private final PrankPopulation pranksters;
    private final List<List<Station>> chains = new ArrayList<>();
    private final List<List<SimOperator>> desksByRosterOrder = new ArrayList<>();
    private final List<int[]> rosterByDesk = new ArrayList<>();
    /** Streams split from the seed: callers (and what their calls are), arrival times, operators. */
    private final SplittableRandom callers;
    private final SplittableRandom arrivals;
    private int serial;

    private DaySimulator(Scenario scenario, long seed) {
        this.scenario = scenario;
        this.seed = seed;
        SplittableRandom master = new SplittableRandom(seed);
        this.callers = master.split();
        this.arrivals = master.split();
        SplittableRandom operatorRandom = master.split();
        SplittableRandom population = master.split();
        this.reputation = new Reputation(scenario.reputation());

        Map<StationId, Station> stations = new LinkedHashMap<>();
        Map<StationId, List<SimOperator>> desks = new LinkedHashMap<>();
        Station mabes = station("MABES", "Mabes", StationKind.MABES, null);
        add(stations, desks, mabes, scenario.roster().mabes());
        List<String> entryNames = new ArrayList<>();
        Scenario.Layout layout = scenario.layout();
        if (layout.shape() == Scenario.Shape.ONE_POOL) {
            chains.add(List.of(mabes));
            entryNames.add("Mabes");
        } else {
            Station polda = station("POLDA", layout.polda(), StationKind.POLDA, mabes.id());
            add(stations, desks, polda, scenario.roster().polda());
            if (layout.shape() == Scenario.Shape.POLDA_MABES) {
                chains.add(List.of(polda, mabes));
                entryNames.add(layout.polda());
            }
            for (int i = 0; i < layout.polres().size(); i++) {
                Station polres = station("POLRES-" + (i + 1), layout.polres().get(i), StationKind.POLRES, polda.id());
                add(stations, desks, polres, scenario.roster().polres().get(i));
                chains.add(List.of(polres, polda, mabes));
                entryNames.add(layout.polres().get(i));
            }
        }
        this.tally = new Tally(entryNames);
        this.floor = new Floor(new EscalationLadder(scenario.ringPolicy()), stations, desks, mabes.id(), events, operatorRandom,
                scenario.operators(), new Floor.Listener() {
            public void answered(SimCall call, SimOperator operator) {
                DaySimulator.this.answered(call, operator);
            }

            public void escalated(SimCall call, StationKind to) {
                tally.escalated(call, to);
            }

            public void queued(SimCall call) {
                tally.queued(call);
            }
        });
        Scenario.Traffic traffic = scenario.traffic();
        int populationSize = (int) Math.max(1, Math.round(scenario.callers().prankNumbersPerDailyPrank() * traffic.callsPerDay() * traffic.prankShare()));
        this.pranksters = new PrankPopulation(populationSize, scenario.callers().paretoShape(), population);
    }

    /** Runs the scenario's warm-up and measured days with this seed, and every call to its end. */
    public static DayResult run(Scenario scenario, long seed) {
        return new DaySimulator(scenario, seed).run();
    }

    private DayResult run() {
        int hours = 24 * (scenario.warmUpDays() + scenario.days());
        for (int h = 0; h < hours; h++) {
            int hour = h;
            events.at(h * Events.HOUR, () -> shift(hour));
        }
        nextArrival(0, hours * Events.HOUR);
        events.runAll();
        return tally.result(scenario, seed, events.ran(), serial);
    }

    // ---- shifts -------------------------------------------------------------------------------------

    /** The hour's roster: operators come on shift READY, those going off leave once their call is done. */
    private void shift(int absoluteHour) {
        int hour = absoluteHour % 24;
        boolean measured = absoluteHour >= 24 * scenario.warmUpDays();
        if (hour == 0) {
            reputation.forget(events.instant().minus(scenario.reputation().retention()), events.instant());
        }
        for (int d = 0; d < desksByRosterOrder.size(); d++) {
            List<SimOperator> desk = desksByRosterOrder.get(d);
            int wanted = rosterByDesk.get(d)[hour];
            if (measured) {
                tally.onShift(wanted * 3600.0);
            }
            for (int i = 0; i < desk.size(); i++) {
                SimOperator op = desk.get(i);
                if (i < wanted && !op.onShift) {
                    op.onShift = true;
                    floor.operatorReady(op);
                } else if (i >= wanted && op.onShift) {
                    if (op.busy) {
                        op.onShift = false;
                    } else {
                        floor.operatorLeaves(op);
                    }
                }
            }
        }
    }

    // ---- callers ------------------------------------------------------------------------------------

    /** The next arrival after {@code from}: a Poisson stream at each local hour's rate (memoryless across hours). */
    private void nextArrival(long from, long until) {
        long t = from;
        while (t < until) {
            long hourEnd = (t / Events.HOUR + 1) * Events.HOUR;
            double perSecond = scenario.traffic().callsInHour((int) ((t % Events.DAY) / Events.HOUR)) / 3600.0;
            if (perSecond > 0) {
                long next = t + Events.nanos(-Math.log(1 - arrivals.nextDouble()) / perSecond);
                if (next < hourEnd) {
                    long at = next;
                    events.at(at, () -> {
                        arrive();
                        nextArrival(at, until);
                    });
                    return;
                }
            }
            t = hourEnd;
        }
    }

    private void arrive() {
        Scenario.Traffic traffic = scenario.traffic();
        Scenario.Callers who = scenario.callers();
        Scenario.Handling handling = scenario.handling();
        Scenario.Gate gate = scenario.gate();
        CallKind kind = kind(traffic);
        String number = kind.genuine() && callers.nextDouble() >= who.genuineFromPrankNumbers() ? "+62899" + String.format("%07d", serial)
                : pranksters.pick(callers);
        int desk = chains.size() == 1 ? 0 : callers.nextInt(chains.size());
        double patience = (kind.genuine() ? who.genuinePatience() : who.prankPatience()).sample(callers);
        double talk = switch (kind) {
            case GENUINE -> handling.genuineTalk().sample(callers);
            case PRANK -> handling.prankTalk().sample(callers);
            case SILENT -> handling.silentTalk().sample(callers);
            case HUNG_UP -> handling.hungUpTalk().sample(callers);
        };
        double wrapUp = (kind.genuine() ? handling.genuineWrapUp() : handling.prankWrapUp()).sample(callers);
        double choice = callers.nextDouble();
        double key = gate.keyDelay().sample(callers);
        double hangUp = gate.prankHangUpAt().sample(callers);
        long now = events.now();
        SimCall call = new SimCall(serial++, kind, number, chains.get(desk), desk, now, now >= scenario.warmUpDays() * Events.DAY, patience,
                talk, wrapUp, choice, key, hangUp);

        call.flagged = reputation.arrived(number, events.instant()).flagged();
        tally.arrived(call);
        if (Double.isFinite(patience)) {
            events.after(patience, () -> giveUp(call));
        }
        if (gate.enabled() && call.flagged) {
            enterGate(call);
        } else {
            ring(call);
        }
    }

    private CallKind kind(Scenario.Traffic traffic) {
        if (callers.nextDouble() >= traffic.prankShare()) {
            return CallKind.GENUINE;
        }
        double u = callers.nextDouble();
        return u < traffic.silentShareOfPranks() ? CallKind.SILENT
                : u < traffic.silentShareOfPranks() + traffic.hungUpShareOfPranks() ? CallKind.HUNG_UP : CallKind.PRANK;
    }

    // ---- the gate -----------------------------------------------------------------------------------

    /** The prompt plays; the caller's choice (drawn when the call arrived) decides how and when the call leaves the gate. */
    private void enterGate(SimCall call) {
        Scenario.Gate gate = scenario.gate();
        call.phase = SimCall.Phase.GATE;
        double wait = gate.keyWait().toMillis() / 1000.0;
        double pressedAt = Math.min(wait, gate.prompt().toMillis() / 1000.0 + call.keySeconds);
        GateOutcome outcome;
        double at;
        if (call.kind.genuine()) {
            outcome = call.gateChoice < gate.genuinePressOne() ? GateOutcome.CONFIRMED : GateOutcome.NO_KEY;
            at = outcome == GateOutcome.CONFIRMED ? pressedAt : wait;
        } else if (call.gateChoice < gate.prankHangUp()) {
            outcome = GateOutcome.HUNG_UP;
            at = Math.min(wait, call.hangUpSeconds);
        } else {
            outcome = call.gateChoice < gate.prankHangUp() + gate.prankPressOne() ? GateOutcome.CONFIRMED : GateOutcome.NO_KEY;
            at = outcome == GateOutcome.CONFIRMED ? pressedAt : wait;
        }
        events.after(at, () -> leaveGate(call, outcome));
    }

    /** Every way out of the gate: two ring the call, the third is the caller's own hang-up. */
    private void leaveGate(SimCall call, GateOutcome outcome) {
        if (call.phase != SimCall.Phase.GATE) {
            return; // the caller gave up first
        }
        call.gateOutcome = outcome;
        tally.gate(call, outcome);
        switch (outcome) {
            case CONFIRMED -> ring(call);
            case NO_KEY -> {
                call.behind = true;
                ring(call);
            }
            case HUNG_UP -> end(call, true);
        }
    }

    // ---- the call's life ----------------------------------------------------------------------------

    private void ring(SimCall call) {
        tally.offeredToStation(call);
        floor.start(call);
    }

    private void giveUp(SimCall call) {
        if (call.phase == SimCall.Phase.GATE) {
            call.gateOutcome = GateOutcome.HUNG_UP;
            tally.gate(call, GateOutcome.HUNG_UP);
            end(call, true);
        } else if (call.ringing()) {
            floor.callerLeft(call);
            end(call, false);
        }
    }

    private void end(SimCall call, boolean atGate) {
        call.phase = SimCall.Phase.ENDED;
        tally.abandoned(call, atGate);
    }

    /** Talk, then the wrap-up's mark on the number, then READY again. */
    private void answered(SimCall call, SimOperator operator) {
        tally.answered(call);
        events.after(call.talkSeconds, () -> {
            call.phase = SimCall.Phase.ENDED;
            reputation.mark(new Mark(call.number, events.instant(), call.kind.mark, call.id(), call.kind.source));
            events.after(call.wrapUpSeconds, () -> {
                operator.busy = false;
                if (operator.onShift) {
                    floor.operatorReady(operator);
                }
            });
        });
    }

    // ---- the stations -------------------------------------------------------------------------------

    private void add(Map<StationId, Station> stations, Map<StationId, List<SimOperator>> desks, Station station, int[] roster) {
        int most = 0;
        for (int h : roster) {
            most = Math.max(most, h);
        }
        List<SimOperator> ops = new ArrayList<>();
        for (int i = 0; i < most; i++) {
            ops.add(new SimOperator(new OperatorId("OP-" + station.id().value() + "-" + (i + 1)), station.id()));
        }
        stations.put(station.id(), station);
        desks.put(station.id(), ops);
        desksByRosterOrder.add(ops);
        rosterByDesk.add(roster);
    }

    private static Station station(String id, String name, StationKind kind, StationId parent) {
        return new Station(new StationId(id), name, kind, parent, RolloutStatus.LIVE, new GeoPoint(-7.8, 110.37), StationTimeZone.WIB);
    }
}
