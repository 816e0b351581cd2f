package id.siaga.app;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The journal writer.
 *
 * @param spoolFile     where entries wait while the database is away; on local disk, never on the database's
 *                      volume. Production: a path on the node's own SSD.
 * @param maxBatch      most entries per group commit. 1000 keeps a batch under a few hundred kilobytes and
 *                      well inside one round trip's worth of work on PostgreSQL.
 * @param queueCapacity entries that may wait for the writer before {@code append} blocks the caller
 *                      (back-pressure instead of running out of memory).
 * @param retryInterval how often the writer probes a database that went away. One second: spooled events
 *                      reach the database soon after it returns, without hammering it while it restarts.
 */
@ConfigurationProperties("siaga.journal")
public record JournalProperties(
        @DefaultValue("./data/journal-spool.jsonl") String spoolFile,
        @DefaultValue("1000") int maxBatch,
        @DefaultValue("100000") int queueCapacity,
        @DefaultValue("1s") Duration retryInterval) {

    public JournalProperties {
        if (maxBatch < 1 || maxBatch > 100_000) {
            throw new IllegalArgumentException("siaga.journal.max-batch must be between 1 and 100000, got " + maxBatch);
        }
        if (queueCapacity < maxBatch) {
            throw new IllegalArgumentException("siaga.journal.queue-capacity must be at least siaga.journal.max-batch, got " + queueCapacity);
        }
        if (retryInterval.isNegative() || retryInterval.isZero()) {
            throw new IllegalArgumentException("siaga.journal.retry-interval must be positive, got " + retryInterval);
        }
    }
}
