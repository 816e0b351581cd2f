package id.siaga.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A caller silent in the first seconds after the answer, as the recording showed: a light mark on the number set by
 * the signal (never a person's word), and a note in the call's journal with what was measured, also for a caller with
 * no audio at all and for a withheld number (noted, not marked).
 */
class SilenceSignalTests {

    static final Instant ANSWERED = Instant.parse("2026-12-03T21:14:00Z");
    static final String NUMBER = "+6281200000077";

    final Marks store = new Marks();
    final List<Screening.Noted> journal = new ArrayList<>();
    final Screening screening = new Screening(store, new Reputation(Reputation.Policy.DEFAULT), journal::add,
            Clock.fixed(ANSWERED.plusSeconds(60), ZoneOffset.UTC));

    @Test
    void aSilentCallerMarksTheNumberAsASignalAndTheCallsJournalSaysWhatWasHeard() {
        screening.silentOnAnswer("call-1", NUMBER, ANSWERED, new Screening.Silence(Duration.ofSeconds(5), true, -61.5, -45));

        assertThat(store.marks).containsExactly(new Mark(NUMBER, ANSWERED, Mark.Kind.SILENT, "call-1", Mark.Source.SIGNAL));
        assertThat(screening.reputation().explain(NUMBER, ANSWERED.plusSeconds(60)).marks()).extracting(c -> c.mark().kind())
                .containsExactly(Mark.Kind.SILENT);
        assertThat(screening.reputation().of(NUMBER, ANSWERED.plusSeconds(60)).flagged()).as("a silent call alone never flags").isFalse();
        assertThat(journal).containsExactly(new Screening.Noted("CallerSilent", Screening.Noted.About.CALL, "call-1", "recording",
                Map.of("window_ms", 5_000L, "caller_audio", true, "loudest_dbov", -61.5, "threshold_dbov", -45.0)));
    }

    @Test
    void aCallerWithNoAudioAtAllIsNotedApartAndAWithheldNumberIsNotedButNotMarked() {
        screening.silentOnAnswer("call-2", NUMBER, ANSWERED, new Screening.Silence(Duration.ofSeconds(5), false, -120, -45));
        screening.silentOnAnswer("call-3", "anonymous", ANSWERED, new Screening.Silence(Duration.ofSeconds(5), true, -70, -45));

        assertThat(store.marks).extracting(Mark::call).containsExactly("call-2");
        assertThat(journal.get(0).facts()).containsEntry("caller_audio", false).doesNotContainKey("loudest_dbov");
        assertThat(journal.get(1).subject()).isEqualTo("call-3");
        assertThat(journal.get(1).facts()).containsEntry("caller_audio", true);
    }

    @Test
    void theOperatorsWordOnTheSameCallIsAMarkOfItsOwn() {
        screening.silentOnAnswer("call-4", NUMBER, ANSWERED, new Screening.Silence(Duration.ofSeconds(5), true, -58, -45));
        screening.classify("call-4", NUMBER, "POLRES-3404", Classification.GENUINE, "operator.sleman1", false, null);

        assertThat(store.marks).extracting(Mark::kind, Mark::source).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Mark.Kind.SILENT, Mark.Source.SIGNAL),
                org.assertj.core.groups.Tuple.tuple(Mark.Kind.GENUINE, Mark.Source.CLASSIFIED));
        assertThat(screening.reputation().of(NUMBER, ANSWERED.plusSeconds(60)).score()).as("the genuine call outweighs its own silence").isZero();
    }

    /** The store in memory: only marks and classifications matter here. */
    static final class Marks implements ScreeningStore {
        final List<Mark> marks = new ArrayList<>();
        final Map<String, Classified> classified = new java.util.HashMap<>();
        /** The database goes away right after the next classification is kept, before its mark. */
        boolean awayBeforeNextMark;

        @Override
        public Optional<Classified> classification(String call) {
            return Optional.ofNullable(classified.get(call));
        }

        @Override
        public java.util.Map<String, Classification> classifiedAt(String station, Instant from, Instant until) {
            return java.util.Map.of();
        }

        @Override
        public void classify(Classified c) {
            classified.put(c.call(), c);
        }

        @Override
        public void putMark(Mark mark) {
            if (awayBeforeNextMark) {
                awayBeforeNextMark = false;
                throw new IllegalStateException("the database is away");
            }
            marks.removeIf(m -> m.call().equals(mark.call()) && m.source() == mark.source());
            marks.add(mark);
        }

        @Override
        public void removeMark(String call, Mark.Source source) {
            marks.removeIf(m -> m.call().equals(call) && m.source() == source);
        }

        @Override
        public List<Mark> marksSince(Instant from) {
            return marks.stream().filter(m -> !m.at().isBefore(from)).toList();
        }

        @Override
        public Optional<NumberWord> word(String number) {
            return Optional.empty();
        }

        @Override
        public void putWord(NumberWord word) {
        }

        @Override
        public List<NumberWord> words() {
            return List.of();
        }

        @Override
        public int forgetMarksBefore(Instant cutoff) {
            return 0;
        }
    }
}
