package id.siaga.dispatch;

/**
 * What a field unit moves with, which sets its speed for the ETA estimate.
 */
public enum UnitKind {
    /** Patrol car (R4, "mobil patroli"). */
    PATROL_CAR,
    /** Patrol motorbike (R2), quicker through Indonesian urban traffic. */
    MOTORBIKE,
    /** Officers on foot (a post, a market, an event). */
    FOOT
}
