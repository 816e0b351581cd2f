package id.siaga.integration.text;

import java.time.Instant;

/**
 * One message of a conversation. An inbound message ({@link Direction#IN}, status {@link Status#RECEIVED}) carries the
 * gateway's message id; an outbound one (a reply, {@code automatic} for the first reply Siaga 110 sends by itself) is
 * {@link Status#PENDING} in the outbox until the gateway took it ({@link Status#SENT}) or the last attempt failed
 * ({@link Status#FAILED}, with {@code lastError}).
 */
public record TextMessage(String id, String conversationId, Direction direction, String gatewayMessageId, String body, String author,
                          boolean automatic, Instant at, Status status, int attempts, String lastError, Instant finishedAt) {

    public enum Direction { IN, OUT }

    public enum Status { RECEIVED, PENDING, SENT, FAILED }
}
