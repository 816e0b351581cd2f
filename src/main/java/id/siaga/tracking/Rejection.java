package id.siaga.tracking;

import java.util.Map;

/**
 * A refused position: why, what sent it and the offending values, as journalled.
 *
 * @param deviceId the sending device, null when it could not be read
 * @param unitId   the unit, when known (the journal entry's subject); null for unknown devices
 * @param values   the offending fields as received (abbreviated), for the journal
 */
public record Rejection(RejectReason reason, String detail, String deviceId, String unitId, PositionSource source,
                        Map<String, Object> values) {
}
