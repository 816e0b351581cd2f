package id.siaga.org;

/** Whether an operator can be offered a call right now. Only READY operators are rung. */
public enum Presence {
    READY, BUSY, AWAY, OFFLINE
}
