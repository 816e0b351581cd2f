package id.siaga.tracking;

import java.util.Map;

/**
 * One element of what a decoder read off the wire: a candidate fix, or why the element is not one (with the
 * device, when it could still be read, so the refusal can be journalled against it).
 */
record DecodedFix(PositionReport report, String deviceId, String problem, Map<String, Object> values) {

    static DecodedFix of(PositionReport report) {
        return new DecodedFix(report, report.deviceId(), null, Map.of());
    }

    static DecodedFix malformed(String deviceId, String problem, Map<String, Object> values) {
        return new DecodedFix(null, deviceId, problem, values);
    }

    boolean isMalformed() {
        return report == null;
    }
}
