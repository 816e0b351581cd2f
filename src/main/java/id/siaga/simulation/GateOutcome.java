package id.siaga.simulation;

/** How a call left the gate. None of them drops or refuses the call: the first two ring it, the last is the caller's. */
public enum GateOutcome {
    /** The caller pressed 1: rung at normal priority, marked confirmed. */
    CONFIRMED,
    /** No key within the wait: rung all the same, behind calls without the mark at the same tier. */
    NO_KEY,
    /** The caller hung up during the gate: abandoned by the caller. */
    HUNG_UP
}
