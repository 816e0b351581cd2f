package id.siaga.org;

import java.util.Optional;

/**
 * Rollout status changes made by an administrator: the {@link StationDirectory} changed and the change recorded
 * with who made it and why. The stations API asks through this port; the recording (log, journal) belongs to
 * whoever implements it.
 */
public interface RolloutChanges {

    /** Sets a station's rollout status on behalf of {@code by}; empty when it already had it. No checklist is asked. */
    Optional<StationStatusChanged> changeStatus(StationId station, RolloutStatus status, String by, String reason);

    /**
     * The console's change: a reason is required ({@link IllegalArgumentException} without one), and LIVE requires the
     * station's {@link #checklist} met ({@link GoLiveRefusedException} otherwise) unless {@code overrideChecklist}, which
     * the caller allows only to an administrator of the whole country. The checklist as it stood is recorded with the
     * change.
     */
    Optional<StationStatusChanged> changeStatus(StationId station, RolloutStatus status, String by, String reason, boolean overrideChecklist);

    /** What the station needs before it goes LIVE, as it stands now. */
    GoLiveChecklist checklist(StationId station);
}
