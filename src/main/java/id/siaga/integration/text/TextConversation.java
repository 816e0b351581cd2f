package id.siaga.integration.text;

import id.siaga.org.StationId;
import java.time.Instant;
import java.util.Optional;

/**
 * One number's thread with 110. {@code station} is where the texter was located (the responsible station);
 * {@code offeredStation} how high the conversation has climbed while nobody took it, since {@code offeredAt};
 * {@code locatedBy} says how the station was found ({@link #AML}, {@link #INCIDENT}: the number's open incident, or
 * {@link #UNKNOWN}: the default station, "lokasi tidak diketahui"). The position is null when unknown, the incident
 * while it is not yet opened ({@link TextDesk}), {@code takenBy} and {@code takenAt} until an operator takes it,
 * {@code closedAt} while it is open.
 */
public record TextConversation(String id, String callerNumber, String channel, String incidentId, StationId station, StationId offeredStation,
                               Instant offeredAt, String locatedBy, Double latitude, Double longitude, Double uncertaintyMeters, boolean flagged,
                               String takenBy, Instant takenAt, boolean autoReplyQueued, Instant openedAt, Instant lastMessageAt, Instant closedAt) {

    public static final String AML = "AML";
    public static final String INCIDENT = "INCIDENT";
    public static final String UNKNOWN = "UNKNOWN";

    public boolean taken() {
        return takenBy != null;
    }

    public boolean open() {
        return closedAt == null;
    }

    public Optional<String> incident() {
        return Optional.ofNullable(incidentId);
    }

    /** Waiting for an operator: open and not taken. */
    public boolean waiting() {
        return open() && !taken();
    }
}
