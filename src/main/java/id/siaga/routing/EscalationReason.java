package id.siaga.routing;

/** Why a call left a station for its parent. */
public enum EscalationReason {
    /** The station's operators let it ring for the tier's whole ring time. */
    TIMEOUT,
    /** Every phone rung at the station declined or failed before the ring time was up. */
    ALL_DECLINED,
    /** The station had no READY operator when the call reached it: skipped at once. */
    NOBODY_READY,
    /** The station is not LIVE in the rollout (PLANNED or SUSPENDED): skipped at once. */
    NOT_LIVE
}
