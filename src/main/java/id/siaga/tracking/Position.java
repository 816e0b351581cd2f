package id.siaga.tracking;

import java.time.Instant;

/**
 * One accepted GPS fix of a field unit, in SI units whatever the wire said (OsmAnd sends knots; this holds
 * metres per second). Optional measurements are null when the device did not send them.
 *
 * @param unitId          the unit the device belongs to
 * @param deviceId        the device that sent it (a unit may carry several: car tracker, officers' radios)
 * @param fixTime         when the device measured it
 * @param receivedAt      when Siaga 110 received it
 * @param speedMetersPerSecond ground speed, null if not sent
 * @param bearingDegrees  course over ground, 0-360 clockwise from north, null if not sent
 * @param accuracyMeters  horizontal accuracy (radius), null if not sent
 * @param batteryPercent  device battery 0-100, null if not sent
 */
public record Position(String unitId, String deviceId, Instant fixTime, double latitude, double longitude, Double speedMetersPerSecond,
                       Double bearingDegrees, Double altitudeMeters, Double accuracyMeters, Double batteryPercent, PositionSource source,
                       Instant receivedAt) {
}
