package id.siaga.screening;

import java.time.Instant;

/**
 * A caller's number as the call pop shows it before the answer: its score (marks decayed by age, never below 0), whether
 * that flags it (over the threshold and not trusted), whether a supervisor marked it trusted, its marks of the last
 * seven days, when it last pranked, how often it called in the last hour and day (this call included), and whether
 * the number is withheld. A flag is a fact for the operator, never a reason to refuse the call.
 */
public record Standing(double score, boolean flagged, boolean trusted, int pranks7d, int silent7d, int hungUp7d, Instant lastPrankAt,
                       int calls1h, int calls24h, boolean withheld) {

    /** Nothing known (screening off, or a number never heard of). */
    public static final Standing UNKNOWN = new Standing(0, false, false, 0, 0, 0, null, 0, 0, false);
}
