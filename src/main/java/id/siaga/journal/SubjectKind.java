package id.siaga.journal;

/** What a journal event is about. */
public enum SubjectKind {
    CALL, INCIDENT, UNIT, OPERATOR, STATION, USER, SYSTEM,
    /** A node of the cluster (joined, lost, left). */
    NODE,
    /** A caller's number (its reputation: cleared, trusted). */
    CALLER
}
