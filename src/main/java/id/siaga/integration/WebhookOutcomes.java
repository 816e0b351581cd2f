package id.siaga.integration;

/** What the delivery worker reports beyond each row's own state: the wiring journals a dead letter. */
public interface WebhookOutcomes {

    /** The row's last attempt failed (or its subscriber is gone or disabled): it is a dead letter now. */
    void deadLettered(WebhookOutbox.Delivery delivery, int attempts, String reason);
}
