package id.siaga.simulation;

import id.siaga.org.StationKind;
import java.util.ArrayList;
import java.util.List;

/** The counters of one run: what happened to the measured days' calls and operators. */
final class Tally {

    private final List<SimCall> measured = new ArrayList<>();
    private long genuineAnswered;
    private long genuineWithin10;
    private long genuineWithin20;
    private long genuineAbandoned;
    private double genuineWaitSum;
    private long answered;
    private long within10;
    private long within20;
    private long abandoned;
    private long abandonedAtGate;
    private double waitSum;
    private long toPolda;
    private long toMabes;
    private long queued;
    private double onShiftSeconds;
    private double busySeconds;
    private double prankSeconds;
    private long flagged;
    private long genuineFlagged;
    private final long[] gate = new long[GateOutcome.values().length];
    private long genuineConfirmed;
    private long genuineNoKey;
    private final String[] stationNames;
    private final long[][] stationCalls;
    private final long[][] stationHandled;
    private final double[][] stationSeconds;

    Tally(List<String> stationNames) {
        this.stationNames = stationNames.toArray(String[]::new);
        stationCalls = new long[this.stationNames.length][24];
        stationHandled = new long[this.stationNames.length][24];
        stationSeconds = new double[this.stationNames.length][24];
    }

    void arrived(SimCall call) {
        if (!call.measured) {
            return;
        }
        measured.add(call);
        if (call.flagged) {
            flagged++;
            genuineFlagged += call.kind.genuine() ? 1 : 0;
        }
    }

    /** The call reached its station's phones (past the gate, if it met one): the planner's history counts it. */
    void offeredToStation(SimCall call) {
        if (call.measured) {
            stationCalls[call.entryDesk][hourOf(call.arrivedAt)]++;
        }
    }

    void answered(SimCall call) {
        if (!call.measured) {
            return;
        }
        double waited = call.waitedSeconds();
        answered++;
        within10 += waited <= 10 ? 1 : 0;
        within20 += waited <= 20 ? 1 : 0;
        waitSum += waited;
        if (call.kind.genuine()) {
            genuineAnswered++;
            genuineWithin10 += waited <= 10 ? 1 : 0;
            genuineWithin20 += waited <= 20 ? 1 : 0;
            genuineWaitSum += waited;
        }
        double cost = call.talkSeconds + call.wrapUpSeconds;
        busySeconds += cost;
        prankSeconds += call.kind.genuine() ? 0 : cost;
        stationHandled[call.entryDesk][hourOf(call.arrivedAt)]++;
        stationSeconds[call.entryDesk][hourOf(call.arrivedAt)] += cost;
    }

    void abandoned(SimCall call, boolean atGate) {
        if (!call.measured) {
            return;
        }
        if (atGate) {
            abandonedAtGate++;
        } else {
            abandoned++;
        }
        genuineAbandoned += call.kind.genuine() ? 1 : 0;
    }

    void gate(SimCall call, GateOutcome outcome) {
        if (!call.measured) {
            return;
        }
        gate[outcome.ordinal()]++;
        if (call.kind.genuine()) {
            genuineConfirmed += outcome == GateOutcome.CONFIRMED ? 1 : 0;
            genuineNoKey += outcome == GateOutcome.NO_KEY ? 1 : 0;
        }
    }

    void escalated(SimCall call, StationKind to) {
        if (call.measured) {
            toPolda += to == StationKind.POLDA ? 1 : 0;
            toMabes += to == StationKind.MABES ? 1 : 0;
        }
    }

    void queued(SimCall call) {
        queued += call.measured ? 1 : 0;
    }

    void onShift(double operatorSeconds) {
        onShiftSeconds += operatorSeconds;
    }

    DayResult result(Scenario s, long seed, long events, long simulatedCalls) {
        long genuine = measured.stream().filter(c -> c.kind.genuine()).count();
        // a call that never ended, or ended neither answered nor by its caller, is counted refused: the model has no such way
        long accounted = answered + abandoned + abandonedAtGate;
        long neverEnded = measured.stream().filter(c -> c.phase != SimCall.Phase.ENDED).count();
        long refused = neverEnded + Math.max(0, measured.size() - neverEnded - accounted);
        List<DayResult.StationHours> history = new ArrayList<>();
        for (int i = 0; i < stationNames.length; i++) {
            history.add(new DayResult.StationHours(stationNames[i], stationCalls[i].clone(), stationHandled[i].clone(), stationSeconds[i].clone()));
        }
        return new DayResult(s.name(), seed, s.days(), s.gate().enabled(), s.roster().label(), s.roster().operatorHoursPerDay(),
                new DayResult.Calls(measured.size(), genuine, measured.size() - genuine, answered, abandoned, abandonedAtGate, refused),
                new DayResult.Answers(genuine, genuineAnswered, genuineWithin10, genuineWithin20, genuineAbandoned,
                        genuineAnswered == 0 ? 0 : genuineWaitSum / genuineAnswered),
                new DayResult.Answers(measured.size(), answered, within10, within20, abandoned + abandonedAtGate, answered == 0 ? 0 : waitSum / answered),
                new DayResult.Escalations(toPolda, toMabes, queued),
                new DayResult.Occupancy(onShiftSeconds / 3600, busySeconds / 3600, prankSeconds / 3600),
                new DayResult.Gating(flagged, genuineFlagged, gate[GateOutcome.CONFIRMED.ordinal()], gate[GateOutcome.NO_KEY.ordinal()],
                        gate[GateOutcome.HUNG_UP.ordinal()], genuineConfirmed, genuineNoKey),
                history, events, simulatedCalls);
    }

    private static int hourOf(long at) {
        return (int) ((at % Events.DAY) / Events.HOUR);
    }
}
