package id.siaga.journal;

/**
 * Walks the whole chain in sequence order and names the first entry that does not follow from the one
 * before it: a missing sequence number, a previous-hash that does not match, or a hash that does not
 * match the entry's own fields (an edited row).
 */
public final class JournalVerifier {

    private JournalVerifier() {
    }

    public static JournalVerification verify(JournalStore store) {
        final class Walk {
            long expectedSeq = 1;
            String prevHash = JournalChain.GENESIS;
            long checked;
            Long brokenAt;
            String problem;
        }
        Walk w = new Walk();
        store.scan(1, e -> {
            if (w.brokenAt != null) {
                return;
            }
            if (e.seq() != w.expectedSeq) {
                w.brokenAt = w.expectedSeq;
                w.problem = "sequence " + w.expectedSeq + " is missing (next present is " + e.seq() + ")";
            } else if (!e.prevHash().equals(w.prevHash)) {
                w.brokenAt = e.seq();
                w.problem = "previous-hash does not match the hash of entry " + (e.seq() - 1);
            } else if (!JournalChain.hashOf(e, w.prevHash).equals(e.hash())) {
                w.brokenAt = e.seq();
                w.problem = "hash does not match the entry's contents (the entry was altered)";
            } else {
                w.checked++;
                w.expectedSeq++;
                w.prevHash = e.hash();
            }
        });
        return w.brokenAt == null ? JournalVerification.intact(w.checked)
                : new JournalVerification(w.checked, w.brokenAt, w.problem);
    }
}
