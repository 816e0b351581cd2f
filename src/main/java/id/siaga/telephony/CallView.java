package id.siaga.telephony;

import id.siaga.screening.Standing;
import java.time.Instant;
import java.util.List;

/**
 * A live call as consoles and the API see it. {@code station} is the responsible station (the caller's
 * jurisdiction); {@code currentStation} and {@code tier} say how far up the ladder it has climbed;
 * {@code ringingStations} are the stations whose phones ring now, or hold the call once answered (for
 * station-scoped views). The location is the call's best fix so far (see {@code LocationFusion}): its
 * uncertainty radius in metres (null when unknown), the source's method word, and its age in seconds. {@code keys} are
 * the keys the caller pressed ("" none); {@code mediaProblem} says why the media plane could not take the call (its
 * step and reason: the call is then not recorded, and nothing is played to the caller), null while it could.
 * {@code screening} is the caller's number as screening knew it when the call arrived: its reputation, shown in the
 * call pop so the operator knows before answering ("5 pranks in 7 days"); the call is answered all the same.
 * {@code gate} is how the call met the gate (null: it did not; WAITING while its caller hears "tekan 1", CONFIRMED
 * after 1, NO_KEY after the wait without a key, SKIPPED when the gate could not speak to the caller);
 * {@code silentAskedAt} when the operator had the silent caller asked for 5 5, {@code silentEmergencyAt} when 5 5 came,
 * {@code silentProblem} why the ask's prompt could not be played (null: it was, or nobody asked).
 */
public record CallView(String id, String callerNumber, String state, String station, String currentStation, int tier,
                       Instant offeredAt, double secondsWaiting, Instant answeredAt, String answeredBy, List<String> ringing,
                       List<String> ringingStations, Double latitude, Double longitude, String locationSource,
                       Double uncertaintyMeters, String locationMethod, Double locationAgeSeconds, String keys,
                       String mediaProblem, Standing screening, String gate, Instant silentAskedAt, Instant silentEmergencyAt,
                       String silentProblem) {
}
