package id.siaga.tracking;

import java.util.List;

/**
 * What the pipeline did with one request or message: an outcome per fix in the order received, or {@link #busy()}
 * when its fixes could not be kept (the history queue had no room, or neither the database nor the local spool took
 * them in time): then nothing of it counts as received, and the sender must resend it all (HTTP 503, MQTT not
 * acknowledged). A fix kept after all is stored once however often it is resent.
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
