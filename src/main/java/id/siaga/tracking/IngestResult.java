package id.siaga.tracking;

import java.util.List;

/**
 * What the pipeline did with one request or message: an outcome per fix in the order received, or
 * {@link #busy()} when the history queue had no room and nothing at all was taken (the sender should resend).
 */
public record IngestResult(boolean busy, List<IngestOutcome> outcomes) {

    static IngestResult refusedBusy() {
        return new IngestResult(true, List.of());
    }

    public long taken() {
        return outcomes.stream().filter(IngestOutcome::isTaken).count();
    }

    public long rejected() {
        return outcomes.size() - taken();
    }
}
