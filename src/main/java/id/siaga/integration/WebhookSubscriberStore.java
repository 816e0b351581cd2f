package id.siaga.integration;

import java.util.List;
import java.util.Optional;

/** Where the webhook subscribers are kept (the database every node shares). */
public interface WebhookSubscriberStore {

    void add(WebhookSubscriber subscriber);

    /** Every subscriber, enabled or not, oldest first. */
    List<WebhookSubscriber> all();

    /** The enabled ones: those the outbox writes rows for. */
    List<WebhookSubscriber> enabled();

    Optional<WebhookSubscriber> find(String id);

    /** False when there is no such subscriber. */
    boolean disable(String id);

    /** Sends to it again (a subscriber disabled by hand or after its receiver failed). False when there is no such subscriber. */
    boolean enable(String id);

    /** Signs its deliveries with {@code secret} from now on, the old one no longer. False when there is no such subscriber. */
    boolean changeSecret(String id, String secret);
}
