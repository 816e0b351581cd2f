package id.siaga.integration.eido;

import java.time.Instant;
import java.util.Objects;

/**
 * The 110 call an incident came from, as the telephony side knows it: when it was offered, answered and ended
 * ({@code endedAt} null while it lasts) and the caller's number (null when withheld).
 */
public record EidoCall(String callId, Instant offeredAt, Instant answeredAt, Instant endedAt, String callerNumber) {

    public EidoCall {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(offeredAt, "offeredAt");
    }
}
