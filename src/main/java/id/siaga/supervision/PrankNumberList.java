package id.siaga.supervision;

import java.time.Instant;
import java.util.List;

/**
 * The persistent prank numbers of a station's subtree, for follow-up by the local Bhabinkamtibmas: each number that
 * pranked at least {@code atLeast} times in the last {@code days} days and belongs to a station of the scope (the one
 * that took most of its pranks), with its last measured position.
 */
public record PrankNumberList(String station, String stationName, int days, int atLeast, Instant asOf, List<Entry> numbers) {

    public record Entry(String number, int pranks, String station, String stationName, Instant lastCall, double score, boolean flagged,
                        Position lastPosition) {
    }

    /** Where the number's latest located call put the caller: the source (PIDF-LO, AML, cell) and its uncertainty when it gave one. */
    public record Position(String call, Instant at, String source, double latitude, double longitude, Double uncertaintyMeters) {
    }
}
