package id.siaga.screening;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where classifications, marks and supervisors' words on numbers are kept (the database). */
public interface ScreeningStore {

    /** The latest word on what a call was; {@code reason} is a supervisor's, when one changed it. */
    record Classified(String call, String number, String station, Classification classification, String by, Instant at, String reason) {
    }

    /** A supervisor's word on a number: trusted or not, cleared at (null: never). */
    record NumberWord(String number, boolean trusted, Instant clearedAt, String by, String reason, Instant at) {
    }

    Optional<Classified> classification(String call);

    /** What each call of {@code station} classified from {@code from} (included) to {@code until} (excluded) was, by call id. */
    java.util.Map<String, Classification> classifiedAt(String station, Instant from, Instant until);

    /** Keeps the call's classification, replacing an earlier one. */
    void classify(Classified classified);

    /** Keeps a mark, replacing the one its call had from the same source. */
    void putMark(Mark mark);

    void removeMark(String call, Mark.Source source);

    /** Marks set at or after {@code from}, oldest first: what the reputation loads at start. */
    List<Mark> marksSince(Instant from);

    Optional<NumberWord> word(String number);

    /** Keeps a supervisor's word on a number, replacing the last one. */
    void putWord(NumberWord word);

    List<NumberWord> words();

    /** Deletes marks set before {@code cutoff}; returns how many. */
    int forgetMarksBefore(Instant cutoff);
}
