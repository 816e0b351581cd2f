package id.siaga.telephony;

import id.siaga.org.StationId;
import java.time.Instant;
import java.util.Optional;

/**
 * Somebody must call this number back: the caller hung up before an answer, or was cut off just after
 * one. Owned by the responsible station (the jurisdiction of the caller's location), whoever else rang.
 */
public record CallbackTask(String id, CallId call, String callerNumber, StationId station, Double latitude, Double longitude,
                           Instant createdAt, Status status, String claimedBy, Instant claimedAt, String closedBy,
                           Instant closedAt, String outcome) {

    public enum Status { OPEN, CLAIMED, CLOSED }

    public Optional<String> claimant() {
        return Optional.ofNullable(claimedBy);
    }

    /** @throws CallbackTaskConflictException unless the task is OPEN */
    CallbackTask claim(String by, Instant at) {
        if (status != Status.OPEN) {
            throw new CallbackTaskConflictException("call-back task " + id + " is " + status + (claimedBy == null ? "" : " by " + claimedBy));
        }
        return new CallbackTask(id, call, callerNumber, station, latitude, longitude, createdAt, Status.CLAIMED, by, at, null, null, null);
    }

    /** @throws CallbackTaskConflictException if the task is already CLOSED */
    CallbackTask close(String by, Instant at, String result) {
        if (status == Status.CLOSED) {
            throw new CallbackTaskConflictException("call-back task " + id + " is already closed");
        }
        return new CallbackTask(id, call, callerNumber, station, latitude, longitude, createdAt, Status.CLOSED,
                claimedBy == null ? by : claimedBy, claimedAt == null ? at : claimedAt, by, at, result);
    }
}
