package id.siaga.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A Polda DIY day told as figures: the same seed gives the same day, and every call ends answered or abandoned by its caller. */
class DaySimulatorTests {

    /** A short run: three days to build reputations, two measured, 400 calls a day over DIY's five Polres. */
    static Scenario diy() {
        return Scenario.diy("test", 400).withDays(3, 2);
    }

    @Test
    void theSameSeedGivesTheSameFiguresAndAnotherSeedOtherFigures() {
        for (Scenario.Gate gate : List.of(Scenario.Gate.OFF, Scenario.Gate.ON)) {
            Scenario s = diy().withGate(gate);
            DayResult once = DaySimulator.run(s, 42);
            DayResult again = DaySimulator.run(s, 42);
            assertThat(Report.json(again)).isEqualTo(Report.json(once));
            assertThat(history(again)).isEqualTo(history(once));
            DayResult other = DaySimulator.run(s, 43);
            assertThat(Report.json(other)).isNotEqualTo(Report.json(once));
            assertThat(other.calls().offered()).isNotEqualTo(once.calls().offered());
        }
    }

    @Test
    void everyCallEndsAnsweredOrAbandonedByItsCallerWithTheGateOffAndOn() {
        for (Scenario.Gate gate : List.of(Scenario.Gate.OFF, Scenario.Gate.ON)) {
            DayResult r = DaySimulator.run(diy().withGate(gate), 7);
            assertConserved(r);
            assertThat(r.calls().answered()).isPositive();
            assertThat(r.calls().abandoned()).as("pranksters give up while it rings").isPositive();
        }
    }

    @Test
    void withNobodyAtAnyPolresEveryCallClimbsToThePoldaAndAtNightWithNobodyThereToMabes() {
        // the Polda has nobody from 00:00 to 06:00: its calls go on to Mabes's one operator and queue there
        Roster roster = Roster.of("empty Polres", Roster.allDay(1), Roster.dayAndNight(2, 0, 6, 24), Roster.allDay(0), 5);
        DayResult r = DaySimulator.run(diy().withRoster(roster), 3);
        assertConserved(r);
        long rung = Arrays.stream(history(r)).sum();
        assertThat(r.escalations().toPolda()).as("every call that reached the phones skipped its empty Polres").isEqualTo(rung);
        assertThat(r.escalations().toMabes()).isPositive();
        assertThat(r.escalations().queuedAtTop()).isPositive();
    }

    @Test
    void repeatCallersAreFlaggedByTheRealReputationAsTheirPranksAreMarked() {
        DayResult r = DaySimulator.run(diy(), 5);
        assertThat(r.gating().flagged()).isPositive().isLessThan(r.calls().pranks());
        assertThat(r.occupancy().prankHours()).isPositive().isLessThan(r.occupancy().busyHours());
    }

    @Test
    void theGateSendsOnOrLosesToItsCallerEveryCallWhateverTheCallerDoes() {
        Scenario.Gate on = Scenario.Gate.ON;
        List<Scenario.Gate> everyOutcome = List.of(
                gate(on, 1, 1, 0), // every prankster hangs up, every genuine caller presses 1
                gate(on, 0, 0, 1), // every prankster presses 1, no genuine caller does
                gate(on, 1, 0, 0), // nobody hangs up or presses: every call waits the prompt out
                on);
        for (Scenario.Gate gate : everyOutcome) {
            Scenario s = diy().withGate(gate).with(new Scenario.Callers(3.0, 1.3, 0.5, Distribution.never(), Distribution.never()),
                    Scenario.Handling.DEFAULT, Scenario.Operators.DEFAULT);
            DayResult r = DaySimulator.run(s, 11);
            DayResult.Gating g = r.gating();
            assertConserved(r);
            assertThat(g.flagged()).isPositive();
            assertThat(g.confirmed() + g.noKey() + g.hungUp()).as("every flagged call met the gate").isEqualTo(g.flagged());
            assertThat(r.calls().abandonedAtGate()).as("only a caller's hang-up ends a call at the gate").isEqualTo(g.hungUp());
            assertThat(Arrays.stream(history(r)).sum()).as("every other call reached the phones").isEqualTo(r.calls().offered() - g.hungUp());
            assertThat(r.calls().abandoned()).as("patient callers never give up").isZero();
            assertThat(r.genuine().answered()).as("every genuine call answered, flagged or not").isEqualTo(r.genuine().calls());
        }
        DayResult all = DaySimulator.run(diy().withGate(on), 11);
        assertThat(all.gating().confirmed()).isPositive();
        assertThat(all.gating().noKey()).isPositive();
        assertThat(all.gating().hungUp()).isPositive();
    }

    @Test
    void withTheGateOffNoCallMeetsIt() {
        DayResult r = DaySimulator.run(diy(), 5);
        assertThat(r.gating().confirmed() + r.gating().noKey() + r.gating().hungUp()).isZero();
        assertThat(r.calls().abandonedAtGate()).isZero();
    }

    static Scenario.Gate gate(Scenario.Gate g, double genuinePressOne, double prankHangUp, double prankPressOne) {
        return new Scenario.Gate(true, g.keyWait(), g.prompt(), g.keyDelay(), g.prankHangUpAt(), genuinePressOne, prankHangUp, prankPressOne);
    }

    /** Every call ended, answered or abandoned by its caller (while it rang or at the gate); none refused, none lost. */
    static void assertConserved(DayResult r) {
        DayResult.Calls c = r.calls();
        assertThat(c.refused()).isZero();
        assertThat(Report.refusedGenuine(r)).isZero();
        assertThat(c.answered() + c.abandoned() + c.abandonedAtGate()).isEqualTo(c.offered());
        assertThat(c.genuine() + c.pranks()).isEqualTo(c.offered());
        assertThat(r.genuine().answered() + r.genuine().abandoned()).isEqualTo(r.genuine().calls());
    }

    /** Calls that reached each station's phones, hour by hour, every station in a row. */
    static long[] history(DayResult r) {
        return r.history().stream().flatMapToLong(h -> Arrays.stream(h.calls())).toArray();
    }
}
