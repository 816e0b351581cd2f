package id.siaga.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A number's reputation with literal times: a 7-day half-life, a threshold of 3, clearing and trusting. */
class ReputationTests {

    static final Instant T0 = Instant.parse("2026-12-01T14:14:00Z");
    static final String NUMBER = "+6281200000099";

    final Reputation reputation = new Reputation(Reputation.Policy.DEFAULT);

    Mark prank(int call, Instant at) {
        return new Mark(NUMBER, at, Mark.Kind.PRANK, "call-" + call, Mark.Source.CLASSIFIED);
    }

    @Test
    void aMarkWeighsHalfAfterEachHalfLife() {
        reputation.mark(prank(1, T0));
        assertThat(reputation.of(NUMBER, T0).score()).isEqualTo(1.0);
        assertThat(reputation.of(NUMBER, T0.plus(Duration.ofDays(7))).score()).isEqualTo(0.5);
        assertThat(reputation.of(NUMBER, T0.plus(Duration.ofDays(14))).score()).isEqualTo(0.25);
        assertThat(reputation.of(NUMBER, T0.plus(Duration.ofDays(3))).score()).isCloseTo(Math.pow(0.5, 3 / 7.0), within(0.01));
    }

    @Test
    void threeFreshPranksFlagTheNumberAndAWeekLaterTheyNoLongerDo() {
        for (int i = 0; i < 3; i++) {
            reputation.mark(prank(i, T0.plus(Duration.ofHours(i))));
        }
        Standing now = reputation.of(NUMBER, T0.plus(Duration.ofHours(2)));
        assertThat(now.flagged()).isTrue();
        assertThat(now.pranks7d()).isEqualTo(3);
        assertThat(now.lastPrankAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
        Standing weekLater = reputation.of(NUMBER, T0.plus(Duration.ofDays(8)));
        assertThat(weekLater.flagged()).as("1.4 after 8 days").isFalse();
        assertThat(weekLater.pranks7d()).isZero();
        assertThat(weekLater.lastPrankAt()).as("still said when it last pranked").isEqualTo(T0.plus(Duration.ofHours(2)));
    }

    @Test
    void aGenuineCallTakesThreePranksBackAndTheScoreNeverGoesBelowZero() {
        for (int i = 0; i < 3; i++) {
            reputation.mark(prank(i, T0));
        }
        reputation.mark(new Mark(NUMBER, T0, Mark.Kind.GENUINE, "call-9", Mark.Source.CLASSIFIED));
        assertThat(reputation.of(NUMBER, T0).score()).isZero();
        assertThat(reputation.of(NUMBER, T0).flagged()).isFalse();
        reputation.mark(new Mark(NUMBER, T0, Mark.Kind.GENUINE, "call-10", Mark.Source.CLASSIFIED));
        assertThat(reputation.of(NUMBER, T0).score()).isZero();
    }

    @Test
    void aReclassifiedCallReplacesItsMarkAndAnUnmarkedOneWeighsNothing() {
        reputation.mark(prank(1, T0));
        reputation.mark(new Mark(NUMBER, T0, Mark.Kind.SILENT, "call-1", Mark.Source.CLASSIFIED));
        assertThat(reputation.of(NUMBER, T0).score()).isEqualTo(0.5);
        reputation.mark(new Mark(NUMBER, T0, Mark.Kind.HUNG_UP, "call-1", Mark.Source.SIGNAL));
        assertThat(reputation.of(NUMBER, T0).score()).as("one mark per source").isEqualTo(1.0);
        reputation.unmark(NUMBER, "call-1", Mark.Source.CLASSIFIED);
        assertThat(reputation.of(NUMBER, T0).score()).isEqualTo(0.5);
    }

    @Test
    void clearingForgetsTheMarksBeforeItButNotAfter() {
        for (int i = 0; i < 5; i++) {
            reputation.mark(prank(i, T0));
        }
        reputation.clear(NUMBER, T0.plusSeconds(60));
        assertThat(reputation.of(NUMBER, T0.plusSeconds(60)).score()).isZero();
        reputation.mark(prank(7, T0.plusSeconds(120)));
        assertThat(reputation.of(NUMBER, T0.plusSeconds(120)).score()).isEqualTo(1.0);
        assertThat(reputation.explain(NUMBER, T0.plusSeconds(120)).marks()).as("what counts is explained").hasSize(1);
    }

    @Test
    void silentCallsAndHangUpsAloneNeverFlagANumber() {
        for (int i = 0; i < 8; i++) {
            reputation.mark(new Mark(NUMBER, T0, i % 2 == 0 ? Mark.Kind.SILENT : Mark.Kind.HUNG_UP, "call-" + i, Mark.Source.SIGNAL));
        }
        Standing s = reputation.of(NUMBER, T0);
        assertThat(s.score()).isEqualTo(4.0);
        assertThat(s.flagged()).as("a caller who cannot speak is not a prankster").isFalse();
        reputation.mark(prank(99, T0));
        assertThat(reputation.of(NUMBER, T0).flagged()).isTrue();
    }

    @Test
    void aNumberThatPranksAllDayKeepsOnlyItsNewestMarksInMemory() {
        for (int i = 0; i < Reputation.MARKS_KEPT + 50; i++) {
            reputation.mark(prank(i, T0.plusSeconds(i)));
        }
        Reputation.Explanation e = reputation.explain(NUMBER, T0.plusSeconds(Reputation.MARKS_KEPT + 50));
        assertThat(e.marks()).hasSize(Reputation.MARKS_KEPT);
        assertThat(e.marks()).extracting(c -> c.mark().call()).as("the oldest went first").doesNotContain("call-0", "call-49").contains("call-50");
        assertThat(e.standing().flagged()).isTrue();
    }

    @Test
    void aTrustedNumberIsNeverFlagged() {
        for (int i = 0; i < 10; i++) {
            reputation.mark(prank(i, T0));
        }
        reputation.trust(NUMBER, true);
        Standing s = reputation.of(NUMBER, T0);
        assertThat(s.trusted()).isTrue();
        assertThat(s.flagged()).isFalse();
        assertThat(s.score()).as("the facts stay visible").isEqualTo(10.0);
        reputation.trust(NUMBER, false);
        assertThat(reputation.of(NUMBER, T0).flagged()).isTrue();
    }

    @Test
    void callsAreCountedOverTheLastHourAndDay() {
        reputation.arrived(NUMBER, T0.minus(Duration.ofHours(30)));
        reputation.arrived(NUMBER, T0.minus(Duration.ofHours(5)));
        reputation.arrived(NUMBER, T0.minus(Duration.ofMinutes(20)));
        Standing s = reputation.arrived(NUMBER, T0);
        assertThat(s.calls1h()).isEqualTo(2);
        assertThat(s.calls24h()).isEqualTo(3);
    }

    @Test
    void aWithheldNumberHasNoReputationButSaysSo() {
        Standing s = reputation.arrived("anonymous", T0);
        assertThat(s.withheld()).isTrue();
        assertThat(s.flagged()).isFalse();
        reputation.mark(new Mark("anonymous", T0, Mark.Kind.PRANK, "call-1", Mark.Source.CLASSIFIED));
        assertThat(reputation.size()).isZero();
    }

    @Test
    void marksPastTheRetentionAreForgottenAndSoIsANumberWithNothingLeft() {
        reputation.mark(prank(1, T0));
        reputation.arrived(NUMBER, T0);
        Instant later = T0.plus(Duration.ofDays(91));
        assertThat(reputation.forget(later.minus(Reputation.Policy.DEFAULT.retention()), later)).isEqualTo(1);
        assertThat(reputation.size()).isZero();
    }
}
