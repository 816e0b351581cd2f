package id.siaga.org;

/** Where an answering point stands in the phased rollout; only a LIVE point is offered calls. */
public enum RolloutStatus {
    PLANNED, LIVE, SUSPENDED
}
