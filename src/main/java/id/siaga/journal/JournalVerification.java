package id.siaga.journal;

import java.util.List;
import java.util.Optional;

/**
 * The result of walking every node's chain: how many entries were checked in all and per chain and, if a chain is
 * broken, the first one found broken (node, sequence number, why).
 */
public record JournalVerification(long checked, String brokenNode, Long firstBrokenSeq, String problem, List<Chain> chains) {

    /** One node's chain: how many entries were checked, the last sequence reached, and where it broke if it did. */
    public record Chain(String node, long checked, long lastSeq, Long firstBrokenSeq, String problem) {

        public boolean isIntact() {
            return firstBrokenSeq == null;
        }
    }

    public JournalVerification {
        chains = List.copyOf(chains);
    }

    /** The verification of all chains together. */
    public static JournalVerification of(List<Chain> chains) {
        long checked = chains.stream().mapToLong(Chain::checked).sum();
        return chains.stream().filter(c -> !c.isIntact()).findFirst()
                .map(b -> new JournalVerification(checked, b.node(), b.firstBrokenSeq(), b.problem(), chains))
                .orElseGet(() -> new JournalVerification(checked, null, null, null, chains));
    }

    public boolean isIntact() {
        return firstBrokenSeq == null;
    }

    public Optional<Long> brokenAt() {
        return Optional.ofNullable(firstBrokenSeq);
    }

    @Override
    public String toString() {
        return isIntact() ? "journal intact: " + checked + " entries checked in " + chains.size() + (chains.size() == 1 ? " chain" : " chains")
                : "journal broken in the chain of node " + brokenNode + " at seq " + firstBrokenSeq + ": " + problem + " (" + checked
                        + " entries checked)";
    }
}
