package id.siaga.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Answer-time figures from literal seconds: the shares within 10/15/20 s, nearest-rank percentiles, the chart's buckets. */
class AnswerTimesTests {

    @Test
    void tenAnswersAndTwoAbandonedCallsGiveTheSharesAgainstTheTargets() {
        // nine answered within 10 s, one at 18 s: 90 % within 10 s (on target), 100 % within 20 s
        List<Double> seconds = List.of(1.0, 2.0, 3.5, 4.0, 5.0, 6.0, 7.0, 8.0, 10.0, 18.0);

        AnswerTimes.Figures f = AnswerTimes.of(seconds, 2, 1);

        assertThat(f.offered()).isEqualTo(12);
        assertThat(f.answered()).isEqualTo(10);
        assertThat(f.abandoned()).isEqualTo(2);
        assertThat(f.cutOff()).isEqualTo(1);
        assertThat(f.abandonedPercent()).isEqualTo(16.7);
        assertThat(f.within10Percent()).as("10.0 s counts as within 10 s").isEqualTo(90.0);
        assertThat(f.within15Percent()).isEqualTo(90.0);
        assertThat(f.within20Percent()).isEqualTo(100.0);
        assertThat(f.medianSeconds()).as("nearest rank: the 5th of 10").isEqualTo(5.0);
        assertThat(f.p90Seconds()).as("the 9th of 10").isEqualTo(10.0);
        assertThat(f.p95Seconds()).as("the 10th of 10").isEqualTo(18.0);
        assertThat(f.maxSeconds()).isEqualTo(18.0);
        assertThat(f.distribution()).extracting(AnswerTimes.Bucket::count).containsExactly(4, 4, 1, 1, 0, 0, 0);
        assertThat(f.distribution().get(0)).isEqualTo(new AnswerTimes.Bucket(0, 5.0, 4));
        assertThat(f.distribution().get(6)).as("the last bucket is open").isEqualTo(new AnswerTimes.Bucket(60, null, 0));
    }

    @Test
    void slowAnswersFallBelowTheTargetsAndIntoTheLongBuckets() {
        AnswerTimes.Figures f = AnswerTimes.of(List.of(9.9, 12.0, 25.0, 61.0), 0, 0);

        assertThat(f.within10Percent()).isEqualTo(25.0);
        assertThat(f.within15Percent()).isEqualTo(50.0);
        assertThat(f.within20Percent()).isEqualTo(50.0);
        assertThat(f.medianSeconds()).isEqualTo(12.0);
        assertThat(f.abandonedPercent()).isEqualTo(0.0);
        assertThat(f.distribution()).extracting(AnswerTimes.Bucket::count).containsExactly(0, 1, 1, 0, 1, 0, 1);
    }

    @Test
    void aDayWithOnlyAbandonedCallsHasNoSharesButCountsTheAbandoned() {
        AnswerTimes.Figures f = AnswerTimes.of(List.of(), 3, 0);

        assertThat(f.offered()).isEqualTo(3);
        assertThat(f.abandonedPercent()).isEqualTo(100.0);
        assertThat(f.within10Percent()).isNull();
        assertThat(f.medianSeconds()).isNull();
        assertThat(f.maxSeconds()).isNull();
        assertThat(f.distribution()).allMatch(b -> b.count() == 0);
    }

    @Test
    void aQuietDayHasNothingAtAll() {
        AnswerTimes.Figures f = AnswerTimes.of(List.of(), 0, 0);

        assertThat(f.offered()).isZero();
        assertThat(f.abandonedPercent()).isNull();
        assertThat(f.within20Percent()).isNull();
    }

    @Test
    void countsThatCannotBeAreRefused() {
        assertThatThrownBy(() -> AnswerTimes.of(List.of(3.0), 0, 2)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cut off 2");
        assertThatThrownBy(() -> AnswerTimes.of(List.of(), -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
