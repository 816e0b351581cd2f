package id.siaga.supervision;

import id.siaga.dispatch.IncidentClock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Today's time to on-scene against the target (10 minutes, Polri 2026), from each incident's clock (the call's answer,
 * or the report's creation, to the first unit on scene; {@link IncidentClock} judges met, missed or overdue): how many
 * of today's incidents reached ON_SCENE, the share of those within the target and the median, and the open incidents
 * already past the target with no unit on scene, oldest first, so the supervisor sees who is still waiting for the
 * police. Nothing here reads a store.
 */
public final class OnSceneTimes {

    private OnSceneTimes() {
    }

    /**
     * An incident of the board's stations and its clock as of now; {@code open} while it is not resolved, closed or
     * cancelled; {@code needsUnits} false for information requests and pranks, which nobody drives to.
     */
    public record TimedIncident(String incident, String station, String type, int priority, boolean open, boolean needsUnits,
                                IncidentClock clock) {
    }

    /** An open incident past the target with no unit on scene; {@code minutesWaiting} rounded to one decimal. */
    public record Overdue(String incident, String station, String stationName, String type, int priority, Instant start,
                          Instant dispatchedAt, double minutesWaiting) {
    }

    /**
     * The figures: {@code incidents} whose clock started today, how many of them reached ON_SCENE, how many of those
     * within the target; the share and the median (minutes, nearest rank, one decimal) are null while none has.
     * {@code partial}: there were more incidents than one board reads, the figures cover the newest.
     */
    public record Figures(int incidents, int reachedOnScene, int withinTarget, Double withinTargetPercent, Double medianMinutes,
                          List<Overdue> overdue, boolean partial) {
    }

    /**
     * @param incidents today's incidents and the open ones of earlier days, each once
     * @param stationName names a station for the overdue list
     * @param partial     the incidents are the newest of more than could be read
     */
    public static Figures of(Collection<TimedIncident> incidents, Instant dayStart, Function<String, String> stationName, boolean partial) {
        List<IncidentClock> today = incidents.stream().map(TimedIncident::clock).filter(c -> !c.start().isBefore(dayStart)).toList();
        double[] minutes = today.stream().filter(c -> c.onSceneAt() != null).mapToDouble(c -> c.elapsed().toMillis() / 60_000.0).sorted()
                .toArray();
        int within = (int) today.stream().filter(c -> c.state() == IncidentClock.State.MET).count();
        List<Overdue> overdue = incidents.stream()
                .filter(i -> i.open() && i.needsUnits() && i.clock().state() == IncidentClock.State.OVERDUE)
                .sorted(Comparator.comparing((TimedIncident i) -> i.clock().start()).thenComparing(TimedIncident::incident))
                .map(i -> new Overdue(i.incident(), i.station(), stationName.apply(i.station()), i.type(), i.priority(), i.clock().start(),
                        i.clock().dispatchedAt(), round(i.clock().elapsed().toMillis() / 60_000.0)))
                .toList();
        return new Figures(today.size(), minutes.length, within,
                minutes.length == 0 ? null : Math.round(1000.0 * within / minutes.length) / 10.0,
                minutes.length == 0 ? null : round(minutes[Math.max(0, (int) Math.ceil(0.5 * minutes.length) - 1)]), overdue, partial);
    }

    private static double round(double minutes) {
        return Math.round(minutes * 10) / 10.0;
    }
}
