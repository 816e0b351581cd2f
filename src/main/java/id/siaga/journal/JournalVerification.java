package id.siaga.journal;

import java.util.Optional;

/**
 * The result of walking the chain: how many entries were checked and, if the chain is broken, the first
 * sequence number at which it breaks and why.
 */
public record JournalVerification(long checked, Long firstBrokenSeq, String problem) {

    public static JournalVerification intact(long checked) {
        return new JournalVerification(checked, null, null);
    }

    public boolean isIntact() {
        return firstBrokenSeq == null;
    }

    public Optional<Long> brokenAt() {
        return Optional.ofNullable(firstBrokenSeq);
    }

    @Override
    public String toString() {
        return isIntact() ? "journal intact: " + checked + " entries checked"
                : "journal broken at seq " + firstBrokenSeq + ": " + problem + " (" + checked + " entries checked)";
    }
}
