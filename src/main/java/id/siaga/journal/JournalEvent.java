package id.siaga.journal;

/**
 * An event that knows how the journal keeps it: its type, what it is about, and its payload. Capabilities that
 * may use the journal implement it with past-tense records ({@code CallEscalated}, …) and append them with
 * {@link Journal#append(JournalEvent, String)}; the stored row is the same as from the string form of append.
 */
public interface JournalEvent {

    /**
     * The journal's name for the event: by default the simple name of the class, so a record and its rows cannot
     * drift apart ({@code CallEscalated}, {@code IncidentCreated}: PascalCase, past tense).
     */
    default String type() {
        return getClass().getSimpleName();
    }

    SubjectKind subjectKind();

    String subjectId();

    /**
     * What the row stores: a map or a record of plain values (ids as their strings) that Jackson writes; the journal
     * writes it as canonical JSON with sorted keys. Absent values are left out or written as null exactly as the
     * event's readers expect.
     */
    Object payload();
}
