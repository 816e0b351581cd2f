package id.siaga.reporting;

import id.siaga.supervision.AnswerTimes;
import java.time.Instant;
import java.util.List;

/**
 * A commander's report: one station and everything below it over one local day or month. Calls offered, answered,
 * abandoned (the caller hung up before an answer, or the server stopped while it rang) and refused (before they rang:
 * a refused call has no station yet, so only the root's report counts them, null elsewhere); the answer times against
 * the targets (from the offer to the answer, the shares of the answered calls, supervision's {@link AnswerTimes}); the
 * abandoned calls that got a call-back task and those called back (the task closed); the escalations by reason with the
 * operators who let those calls ring; the incidents by type and the time to the first unit on scene. The series hold
 * one bucket per local hour of a day or per day of a month. No caller numbers or locations.
 */
public record StationReport(String station, String stationName, String zone, ReportPeriod period, Instant from, Instant until,
                            Instant generatedAt, Calls calls, AnswerTimes.Figures answers, Callbacks callbacks, Escalations escalations,
                            List<TypeCount> incidentsByType, OnScene onScene, Series series, boolean partial) {

    /** Answer targets and the on-scene target the figures are shown against (Polri 2026). */
    public static final double TARGET_10S_PERCENT = 90;
    public static final double TARGET_20S_PERCENT = 95;
    public static final int TARGET_ON_SCENE_MINUTES = 10;

    public StationReport {
        incidentsByType = List.copyOf(incidentsByType);
    }

    /** {@code refused} is null except in the root station's report. */
    public record Calls(int offered, int answered, int abandoned, int cutOff, Integer refused) {
    }

    /** Of the abandoned calls: how many got a call-back task, how many were called back (the task closed). */
    public record Callbacks(int abandoned, int withTask, int calledBack, Double calledBackPercent) {
    }

    /** Escalations in total and by reason (the ladder's reason: TIMEOUT, ALL_DECLINED, NOBODY_READY, NOT_LIVE). */
    public record Escalations(int total, List<ReasonCount> byReason, List<OperatorRang> operators) {
        public Escalations {
            byReason = List.copyOf(byReason);
            operators = List.copyOf(operators);
        }
    }

    /** {@code label} is the reason in the users' words. */
    public record ReasonCount(String reason, String label, int count) {
    }

    /** An operator position that let calls ring unanswered at a station: how many escalations it missed there. */
    public record OperatorRang(String operator, String name, String station, String stationName, int missed) {
    }

    public record TypeCount(String type, int count) {
    }

    /**
     * Incidents whose clock started in the period, how many reached on scene, within the target; median and 90th
     * percentile in minutes (nearest rank, one decimal), null while none arrived.
     */
    public record OnScene(int incidents, int reachedOnScene, int withinTarget, Double withinTargetPercent, Double medianMinutes,
                          Double p90Minutes) {
    }

    /** Per bucket (hour of the day, or day of the month): calls offered, answered, abandoned; escalations. */
    public record Series(int[] offered, int[] answered, int[] abandoned, int[] escalations) {
    }
}
