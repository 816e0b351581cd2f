package id.siaga.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The prank figures of a station's subtree for the supervisor board: today by local hour, the last {@code days} days
 * by local day, each station over those days, and the numbers that pranked most often (masked to their last digits
 * for a user whose scope does not hold the station the number belongs to).
 */
public record PrankFigures(String station, String stationName, String zone, LocalDate day, Instant asOf, int days, Counts today,
                           List<Counts> todayByHour, List<DayCounts> byDay, Counts window, List<StationCounts> stations, boolean stationsTruncated,
                           List<TopNumber> topNumbers) {

    /**
     * Calls and what they were: offered, answered, classified (any outcome), prank, abusive, silent and genuine, cut off
     * by the caller within seconds of the answer ({@code hungUp}); the prank share of the answered calls (null without
     * any, or while none is classified: 0 % would say no pranks when nobody said), and the operators' minutes (answer to end) on pranks, abusive and silent calls.
     */
    public record Counts(long calls, long answered, long classified, long prank, long abusive, long silent, long genuine, long hungUp,
                         Double prankPercent, double prankMinutes, double abusiveMinutes, double silentMinutes) {
    }

    public record DayCounts(LocalDate day, Counts counts) {
    }

    public record StationCounts(String station, String name, Counts counts) {
    }

    /**
     * A number that pranked again and again: {@code number} in full, or masked ({@code masked}) outside its owning
     * station's line; its prank calls within the scope and everywhere in the window; the station it belongs to; its
     * latest prank call; its reputation now (score, flagged).
     */
    public record TopNumber(String number, boolean masked, int pranks, int pranksEverywhere, String owner, String ownerName, Instant lastCall,
                            double score, boolean flagged) {
    }
}
