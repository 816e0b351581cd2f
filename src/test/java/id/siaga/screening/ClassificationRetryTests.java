package id.siaga.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An operator's word answered 200 has its whole effect, also when it is the retry of one the database dropped half-way:
 * the classification was kept, the database went away before its mark, the operator was answered 503 and pressed the
 * key again once it was back. The same word again changes nothing else, and a mark already there keeps its time.
 */
class ClassificationRetryTests {

    static final Instant T0 = Instant.parse("2026-12-03T21:14:00Z");
    static final String NUMBER = "+6281200000088";

    final SilenceSignalTests.Marks store = new SilenceSignalTests.Marks();
    final List<Screening.Noted> journal = new ArrayList<>();
    final MovingClock clock = new MovingClock();
    final Screening screening = new Screening(store, new Reputation(Reputation.Policy.DEFAULT), journal::add, clock);

    @Test
    void aRetryOfAWordTheDatabaseDroppedBeforeItsMarkIsAnsweredWithTheMarkInPlace() {
        store.awayBeforeNextMark = true;
        assertThatThrownBy(() -> screening.classify("call-1", NUMBER, "POLRES-3404", Classification.PRANK, "operator.sleman1", false, null))
                .hasMessageContaining("away");
        assertThat(store.classified).as("the word was kept before the database went away").containsKey("call-1");
        assertThat(store.marks).isEmpty();

        clock.now = T0.plusSeconds(30);
        screening.classify("call-1", NUMBER, "POLRES-3404", Classification.PRANK, "operator.sleman1", false, null);

        assertThat(store.marks).extracting(Mark::call, Mark::kind).containsExactly(org.assertj.core.groups.Tuple.tuple("call-1", Mark.Kind.PRANK));
        assertThat(screening.reputation().of(NUMBER, clock.now).score()).isEqualTo(1.0);
    }

    @Test
    void theSameWordAgainLeavesTheMarkAsItWasAndJournalsNothing() {
        screening.classify("call-2", NUMBER, "POLRES-3404", Classification.PRANK, "operator.sleman1", false, null);
        clock.now = T0.plus(Duration.ofDays(7));
        screening.classify("call-2", NUMBER, "POLRES-3404", Classification.PRANK, "operator.sleman2", false, null);

        assertThat(store.marks).extracting(Mark::at).as("the mark keeps its first time (a week of decay)").containsExactly(T0);
        assertThat(screening.reputation().of(NUMBER, clock.now).score()).isEqualTo(0.5);
        assertThat(journal).extracting(Screening.Noted::type).containsExactly("CallClassified");
    }

    static final class MovingClock extends Clock {
        Instant now = T0;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
