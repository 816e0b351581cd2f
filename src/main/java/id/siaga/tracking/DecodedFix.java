package id.siaga.tracking;

import java.util.Map;

/**
 * One element of what a decoder read off the wire: a candidate fix, or why the element is not one (with the
 * device or the unit the door named, when known, so the refusal can be journalled against the unit).
 */
record DecodedFix(PositionReport report, String deviceId, String unitId, String problem, Map<String, Object> values) {

    static DecodedFix of(PositionReport report) {
        return new DecodedFix(report, report.deviceId(), report.unitId(), null, Map.of());
    }

    static DecodedFix malformed(String deviceId, String problem, Map<String, Object> values) {
        return new DecodedFix(null, deviceId, null, problem, values);
    }

    /** The same refusal, about the unit the door named (the MQTT topic's). */
    DecodedFix aboutUnit(String unit) {
        return new DecodedFix(report, deviceId, unit, problem, values);
    }

    boolean isMalformed() {
        return report == null;
    }
}
