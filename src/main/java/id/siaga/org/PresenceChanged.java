package id.siaga.org;

import java.time.Instant;

/** An operator's presence moved from one state to another. */
public record PresenceChanged(OperatorId operator, StationId station, Presence from, Presence to, Instant at) {
}
