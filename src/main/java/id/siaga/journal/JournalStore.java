package id.siaga.journal;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Where committed journal entries live: one chain per node. Implementations throw {@link JournalStoreUnavailableException}
 * when the database cannot be reached, and nothing else for that case. */
public interface JournalStore {

    /** Inserts the entries, in order, in one transaction: all or none. */
    void append(List<JournalEntry> entries);

    /** The entry with the highest sequence number in {@code node}'s chain. */
    Optional<JournalEntry> last(String node);

    /** The nodes that have a chain, in name order. */
    List<String> nodes();

    /** Entries about one subject, from every node, newest first ({@link JournalEntry#IN_ORDER} reversed), at most {@code limit}. */
    List<JournalEntry> bySubject(SubjectKind kind, String subjectId, int limit);

    /** Every entry of {@code node}'s chain from {@code fromSeq} on, in sequence order. */
    void scan(String node, long fromSeq, Consumer<JournalEntry> sink);

    /**
     * Entries of these types written at or after {@code from}, from every node, in {@link JournalEntry#IN_ORDER}: what
     * start-up reads to find the calls the journal shows unfinished.
     */
    void ofTypesSince(java.util.Set<String> types, java.time.Instant from, Consumer<JournalEntry> sink);

    /** Number of entries stored, in all chains. */
    long count();
}
