package id.siaga.journal;

import java.time.Instant;

/**
 * One committed line of the journal. {@code hash = SHA-256(prevHash ‖ canonical form of the other
 * fields)}; see {@link JournalChain}. Times are kept to the microsecond, as both databases store them.
 */
public record JournalEntry(long seq, Instant at, String type, SubjectKind subjectKind, String subjectId,
                           String actor, String payload, String prevHash, String hash) {
}
