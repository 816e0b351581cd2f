package id.siaga.journal;

/** What a journal event is about. */
public enum SubjectKind {
    CALL, INCIDENT, UNIT, OPERATOR, STATION, USER, SYSTEM,
    /** A caller's number (its reputation: cleared, trusted). */
    CALLER
}
