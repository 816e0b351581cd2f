package id.siaga.dispatch;

import id.siaga.org.StationId;
import java.time.Duration;
import java.time.Instant;

/**
 * A unit as the unit board shows it: effective status (OFFLINE when its GPS is silent), the assignment and
 * incident it works on, its last fix and how long ago it was last heard.
 */
public record UnitView(String id, String callSign, UnitKind kind, StationId station, UnitStatus status, UnitStatus dutyStatus,
                       Instant statusSince, String assignment, String incident, Double latitude, Double longitude, Instant fixTime,
                       Instant lastSeen, Duration lastSeenAgo) {
}
