package id.siaga.journal;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Where committed journal entries live. Implementations throw {@link JournalStoreUnavailableException}
 * when the database cannot be reached, and nothing else for that case. */
public interface JournalStore {

    /** Inserts the entries, in order, in one transaction: all or none. */
    void append(List<JournalEntry> entries);

    /** The entry with the highest sequence number. */
    Optional<JournalEntry> last();

    /** Entries about one subject, newest first, at most {@code limit}. */
    List<JournalEntry> bySubject(SubjectKind kind, String subjectId, int limit);

    /** Every entry from {@code fromSeq} on, in sequence order. */
    void scan(long fromSeq, Consumer<JournalEntry> sink);

    /**
     * Entries of these types written at or after {@code from}, in sequence order: what start-up reads to find the
     * calls the journal shows unfinished.
     */
    void ofTypesSince(java.util.Set<String> types, java.time.Instant from, Consumer<JournalEntry> sink);

    /** Number of entries stored. */
    long count();
}
