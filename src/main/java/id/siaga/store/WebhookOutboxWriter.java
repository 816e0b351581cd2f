package id.siaga.store;

import id.siaga.integration.WebhookChanges;
import id.siaga.integration.WebhookEvent;
import id.siaga.integration.WebhookSubscriber;
import id.siaga.integration.WebhookSubscriberStore;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the outbox decorators of the incident and dispatch stores share: the transaction they open around the wrapped
 * store's own (which joins it: the same data source), the subscribers to write rows for, and the writing.
 */
public final class WebhookOutboxWriter {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final WebhookSubscriberStore subscribers;
    private final WebhookChanges changes;
    private final JdbcWebhookOutbox outbox;
    private final Clock clock;

    public WebhookOutboxWriter(JdbcTemplate jdbc, WebhookSubscriberStore subscribers, WebhookChanges changes, JdbcWebhookOutbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        this.subscribers = subscribers;
        this.changes = changes;
        this.outbox = outbox;
        this.clock = clock;
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    TransactionTemplate tx() {
        return tx;
    }

    WebhookChanges changes() {
        return changes;
    }

    /** The enabled subscribers now; none means there is nothing to write and the change is stored as without webhooks. */
    List<WebhookSubscriber> subscribers() {
        return subscribers.enabled();
    }

    /** Writes each event for each subscriber that wants it, on the current transaction's connection. */
    void write(List<WebhookEvent> events, List<WebhookSubscriber> to) {
        if (!events.isEmpty()) {
            outbox.enqueue(changes.rows(events, to), clock.instant());
        }
    }
}
