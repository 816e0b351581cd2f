package id.siaga.tracking;

import java.time.Instant;

/**
 * A fix as a device reported it, decoded from the wire but not yet identified or checked: the candidate the
 * {@link PositionPipeline} turns into a {@link Position} or a rejection. SI units, as {@link Position}.
 *
 * @param deviceId the device's own id (OsmAnd {@code id}); for MQTT the optional {@code deviceId} field, else null
 * @param unitId   the unit named by the door itself (the MQTT topic), null when the device has to tell
 * @param fixTime  when the device measured it; null when the device did not say (the server's time is used)
 * @param latitude 0 together with longitude 0 means "no new position, I am alive" (Traccar's heartbeat)
 */
public record PositionReport(String deviceId, String unitId, Instant fixTime, double latitude, double longitude,
                             Double speedMetersPerSecond, Double bearingDegrees, Double altitudeMeters, Double accuracyMeters,
                             Double batteryPercent, PositionSource source) {

    /** Traccar's "keep the last known position": refreshes last-seen, moves nothing. */
    public boolean isHeartbeat() {
        return latitude == 0.0 && longitude == 0.0;
    }

    /** A heartbeat from a device: alive at {@code fixTime}, position unknown. */
    static PositionReport heartbeat(String deviceId, String unitId, Instant fixTime, Double batteryPercent, PositionSource source) {
        return new PositionReport(deviceId, unitId, fixTime, 0.0, 0.0, null, null, null, null, batteryPercent, source);
    }
}
