package id.siaga.incident;

import id.siaga.location.IndonesianNumbers;
import java.time.Instant;

/**
 * What the taker of a report knows when they open an incident. {@code priority} null means the type's default;
 * {@code location} may be null only for types that need no units; a 110 call gives {@code callId} and the
 * time it was answered (the on-scene clock starts there), any other channel names itself. The caller's number is
 * kept as calls key it ({@code +62812…}) however it was typed, so the caller's earlier reports are found again.
 */
public record NewIncident(IncidentType type, Integer priority, IncidentLocation location, String address, String description,
                          String callerNumber, String callerName, Channel channel, String callId, Instant callAnsweredAt) {

    public NewIncident {
        if (type == null) {
            throw new IllegalArgumentException("type is required");
        }
        if (priority != null) {
            Incident.requirePriority(priority);
        }
        if (location == null && type.needsUnits()) {
            throw new IllegalArgumentException("a location is required for " + type + ": units are sent there");
        }
        if (channel == null) {
            throw new IllegalArgumentException("channel is required");
        }
        callId = Texts.optional("callId", callId, 64);
        if (channel.isCall() != (callId != null)) {
            throw new IllegalArgumentException(channel.isCall() ? "an incident from a 110 call must name the call"
                    : "only channel CALL_110 links a call; " + channel.name() + " cannot");
        }
        if (callId == null && callAnsweredAt != null) {
            throw new IllegalArgumentException("callAnsweredAt belongs to a call");
        }
        address = Texts.optional("address", address, Texts.MAX_ADDRESS);
        description = Texts.optional("description", description, Texts.MAX_DESCRIPTION);
        callerNumber = Texts.optional("callerNumber", callerNumber, Texts.MAX_CALLER_NUMBER);
        if (callerNumber != null) {
            callerNumber = IndonesianNumbers.normalize(callerNumber).orElse(callerNumber);
        }
        callerName = Texts.optional("callerName", callerName, Texts.MAX_CALLER_NAME);
    }

    /** The priority the incident starts with. */
    int startingPriority() {
        return priority == null ? type.defaultPriority() : priority;
    }
}
