package id.siaga.journal;

import java.time.Instant;
import java.util.Comparator;

/**
 * One committed line of the journal, in the chain of the node that wrote it. Each node of a cluster keeps its own
 * chain ({@code node}, then {@code seq} from 1, gap-free): {@code hash = SHA-256(prevHash ‖ canonical form of the other
 * fields)}; see {@link JournalChain}. Times are kept to the microsecond, as both databases store them.
 */
public record JournalEntry(String node, long seq, Instant at, String type, SubjectKind subjectKind, String subjectId,
                           String actor, String payload, String prevHash, String hash) {

    /**
     * The order entries are read in across chains: by time, then node, then sequence. Within one chain it is the
     * sequence order wherever the node's clock did not step back; across nodes time is the only order there is (the
     * nodes' clocks are kept by NTP, milliseconds apart, and what one call's story holds from two nodes — its offer on
     * one, its takeover on another — is seconds apart).
     */
    public static final Comparator<JournalEntry> IN_ORDER = Comparator.comparing(JournalEntry::at)
            .thenComparing(JournalEntry::node).thenComparingLong(JournalEntry::seq);

    /** The same entry as written by {@code node}: for spool lines written before entries named their node. */
    JournalEntry withNode(String node) {
        return new JournalEntry(node, seq, at, type, subjectKind, subjectId, actor, payload, prevHash, hash);
    }
}
