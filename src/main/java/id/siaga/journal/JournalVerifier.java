package id.siaga.journal;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks each node's chain in sequence order and names the first entry that does not follow from the one before it: a
 * missing sequence number, a previous-hash that does not match, or a hash that does not match the entry's own fields
 * (an edited row). Every chain is walked, also after one is found broken, so the answer says how each stands.
 */
public final class JournalVerifier {

    private JournalVerifier() {
    }

    public static JournalVerification verify(JournalStore store) {
        List<JournalVerification.Chain> chains = new ArrayList<>();
        for (String node : store.nodes()) {
            chains.add(verify(store, node));
        }
        return JournalVerification.of(chains);
    }

    static JournalVerification.Chain verify(JournalStore store, String node) {
        final class Walk {
            long expectedSeq = 1;
            String prevHash = JournalChain.GENESIS;
            long checked;
            Long brokenAt;
            String problem;
        }
        Walk w = new Walk();
        store.scan(node, 1, e -> {
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
        return new JournalVerification.Chain(node, w.checked, w.expectedSeq - 1, w.brokenAt, w.problem);
    }
}
