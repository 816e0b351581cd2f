package id.siaga.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The supervisor board's figures for one station and everything below it, for the local day so far (from midnight
 * in the station's zone): calls ringing now and at which tier, answer times against the targets, abandoned calls,
 * escalations per station with the operators who let them ring, the operators whose phones declined calls, the time
 * to on-scene against its target with the incidents still waiting past it, the calls the media plane could not take
 * (not recorded, or not whole), and the per-hour series for the charts.
 * {@code truncated} says the day had more finished calls than one board reads (the figures then cover the newest).
 */
public record Board(String station, String stationName, String zone, String zoneId, LocalDate day, Instant dayStart, Instant asOf,
                    Targets targets, List<RingingCall> ringing, Map<Integer, Integer> ringingByTier, AnswerTimes.Figures answers,
                    int[] answeredByHour, int[] abandonedByHour, Escalations escalations, Declines declines,
                    OnSceneTimes.Figures onScene, MediaGaps media, boolean truncated) {

    /** The targets the figures are shown against (ARCHITECTURE.md, "Numbers that matter"). */
    public record Targets(double answeredWithin10sPercent, double answeredWithin20sPercent, int onSceneWithinMinutes) {
        public static final Targets POLRI_2026 = new Targets(90, 95, 10);
    }

    /** A call ringing now: where it is responsible, where it rings, at which tier, for how long. No caller data. */
    public record RingingCall(String call, String station, String stationName, String currentStation, String currentStationName, int tier,
                              Instant offeredAt, double secondsWaiting) {
    }

    /** Today's calls the media plane could not take, in total, and the latest of them, newest first. */
    public record MediaGaps(int total, List<MediaGap> latest) {
    }

    /** One such call: where it was responsible, when the media plane failed, at which step (offer, answer …) and why. */
    public record MediaGap(String call, String station, String stationName, Instant at, String step, String reason) {
    }

    /** Today's escalations: in total, per station (the station the call left), per local hour. */
    public record Escalations(int total, List<StationEscalations> byStation, int[] byHour) {
    }

    public record StationEscalations(String station, String name, int escalations, int skipped, List<OperatorMissed> operators) {
    }

    /** An operator position that let calls ring: its id, the operator's name and login, how many escalations it missed. */
    public record OperatorMissed(String operator, String name, String username, int missed) {
    }

    /** Today's calls declined at a phone (486 or 603), per station where it rang. */
    public record Declines(int total, List<StationDeclines> byStation) {
    }

    public record StationDeclines(String station, String name, int declined, List<OperatorDeclined> operators) {
    }

    /** An operator position whose phone declined calls: its id, the operator's name and login, how many calls. */
    public record OperatorDeclined(String operator, String name, String username, int declined) {
    }
}
