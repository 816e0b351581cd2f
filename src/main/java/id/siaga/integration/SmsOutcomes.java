package id.siaga.integration;

/** What became of an SMS handed to the gateway; {@code app} journals it. */
public interface SmsOutcomes {

    void delivered(SmsMessage message, int attempt);

    /** An attempt failed; {@code willRetry} is false when the webhook gives up on this message. */
    void failed(SmsMessage message, int attempt, String reason, boolean willRetry);
}
