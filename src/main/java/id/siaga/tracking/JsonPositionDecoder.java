package id.siaga.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON forms of a position, read strictly (a number must be a JSON number: a string where a number belongs is
 * refused with a reason naming the field):
 * <ul>
 * <li>Traccar Client's JSON body: {@code {"device_id":..,"location":{"timestamp":..,"coords":{"latitude",
 * "longitude","speed" (m/s),"heading","altitude","accuracy"},"battery":{"level":0..1}}}} (the battery may also
 * stand beside {@code location});</li>
 * <li>the batch of a phone that buffered while out of coverage: a JSON array of such objects or
 * {@code {"positions":[...]}}; each element is decoded on its own, so one bad element costs only itself;</li>
 * <li>the MQTT payload on {@code siaga/units/{unitId}/position}: {@code {"lat","lon","timestamp" (epoch s/ms or
 * ISO),"speed" (m/s),"bearing","altitude","accuracy","batt" (percent),"deviceId" (optional)}}.</li>
 * </ul>
 */
final class JsonPositionDecoder {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonPositionDecoder() {
    }

    /** One Traccar Client JSON object. */
    static DecodedFix traccarJson(byte[] body, PositionSource source) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            return DecodedFix.malformed(null, "not JSON: " + firstLine(e), Map.of());
        }
        if (root == null || !root.isObject()) {
            return DecodedFix.malformed(null, "expected a JSON object", Map.of());
        }
        return traccarObject(root, source);
    }

    /** A batch: an array, {@code {"positions":[...]}}, or a single object; one result per element, in order. */
    static List<DecodedFix> batch(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            return List.of(DecodedFix.malformed(null, "not JSON: " + firstLine(e), Map.of()));
        }
        JsonNode elements = root;
        if (root != null && root.isObject() && root.has("positions")) {
            elements = root.get("positions");
        } else if (root != null && root.isObject()) {
            return List.of(traccarObject(root, PositionSource.JSON_BATCH));
        }
        if (elements == null || !elements.isArray()) {
            return List.of(DecodedFix.malformed(null, "expected a JSON array of positions or {\"positions\":[...]}", Map.of()));
        }
        List<DecodedFix> out = new ArrayList<>(elements.size());
        for (JsonNode element : elements.values()) {
            out.add(element.isObject() ? traccarObject(element, PositionSource.JSON_BATCH)
                    : DecodedFix.malformed(null, "batch element is not a JSON object", Map.of()));
        }
        return out;
    }

    static DecodedFix traccarObject(JsonNode root, PositionSource source) {
        String device = null;
        try {
            device = id(root.get("device_id"), "device_id");
            if (device == null) {
                return DecodedFix.malformed(null, "no device_id", Map.of());
            }
            JsonNode location = root.get("location");
            if (location == null || !location.isObject()) {
                throw new IllegalArgumentException("no location object");
            }
            Instant fixTime = time(location.get("timestamp"), "location.timestamp");
            JsonNode battery = location.has("battery") ? location.get("battery") : root.get("battery");
            Double level = battery != null && battery.isObject() ? number(battery, "level", "battery.level") : null;
            Double percent = level == null || level < 0 ? null : level * 100.0;
            JsonNode coords = location.get("coords");
            if (coords == null || !coords.isObject()) {
                throw new IllegalArgumentException("no location.coords object");
            }
            Double lat = number(coords, "latitude", "coords.latitude");
            Double lon = number(coords, "longitude", "coords.longitude");
            if (lat == null || lon == null) {
                throw new IllegalArgumentException("coords.latitude and coords.longitude are required");
            }
            return DecodedFix.of(new PositionReport(device, null, fixTime, lat, lon, number(coords, "speed", "coords.speed"),
                    number(coords, "heading", "coords.heading"), number(coords, "altitude", "coords.altitude"),
                    number(coords, "accuracy", "coords.accuracy"), percent, source));
        } catch (WrongType e) {
            return DecodedFix.malformed(device, e.getMessage(), Map.of(e.field, e.value));
        } catch (IllegalArgumentException e) {
            return DecodedFix.malformed(device, e.getMessage(), Map.of());
        }
    }

    /** The MQTT payload of a unit's topic; a refusal names the topic's unit. */
    static DecodedFix mqtt(String unitId, byte[] payload) {
        DecodedFix fix = mqttPayload(unitId, payload);
        return fix.isMalformed() ? fix.aboutUnit(unitId) : fix;
    }

    private static DecodedFix mqttPayload(String unitId, byte[] payload) {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (JacksonException e) {
            return DecodedFix.malformed(null, "not JSON: " + firstLine(e), Map.of());
        }
        if (root == null || !root.isObject()) {
            return DecodedFix.malformed(null, "expected a JSON object", Map.of());
        }
        String device = null;
        try {
            device = id(root.get("deviceId"), "deviceId");
            Instant fixTime = time(root.get("timestamp"), "timestamp");
            Double lat = number(root, "lat", "lat");
            Double lon = number(root, "lon", "lon");
            Double battery = number(root, "batt", "batt");
            if (lat == null && lon == null) {
                return DecodedFix.of(PositionReport.heartbeat(device, unitId, fixTime, battery, PositionSource.MQTT));
            }
            if (lat == null || lon == null) {
                throw new IllegalArgumentException("lat and lon must come together");
            }
            return DecodedFix.of(new PositionReport(device, unitId, fixTime, lat, lon, number(root, "speed", "speed"),
                    number(root, "bearing", "bearing"), number(root, "altitude", "altitude"), number(root, "accuracy", "accuracy"),
                    battery, PositionSource.MQTT));
        } catch (WrongType e) {
            return DecodedFix.malformed(device, e.getMessage(), Map.of(e.field, e.value));
        } catch (IllegalArgumentException e) {
            return DecodedFix.malformed(device, e.getMessage(), Map.of());
        }
    }

    private static String id(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString() && !node.stringValue().isBlank()) {
            String id = node.stringValue().trim();
            if (FixTimes.hasControlCharacter(id)) { // it would end up in the rejection log line as it is
                throw new IllegalArgumentException(field + " has a control character");
            }
            return id;
        }
        if (node.isIntegralNumber()) {
            return node.numberValue().toString();
        }
        throw new WrongType(field, "a string", node);
    }

    private static Double number(JsonNode parent, String name, String field) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw new WrongType(field, "a number", node);
        }
        return node.doubleValue();
    }

    private static Instant time(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return FixTimes.fromNumber(node.doubleValue());
        }
        if (node.isString()) {
            return FixTimes.parse(node.stringValue());
        }
        throw new WrongType(field, "a time (number or string)", node);
    }

    private static String firstLine(JacksonException e) {
        String m = e.getOriginalMessage();
        return m == null ? "unreadable" : FixTimes.abbreviate(m.lines().findFirst().orElse(m));
    }

    /** A field of the wrong JSON type; the message names the field and what it should be. */
    private static final class WrongType extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final String field;
        final String value;

        WrongType(String field, String expected, JsonNode got) {
            super(field + " must be " + expected + ", got " + FixTimes.abbreviate(got.toString()));
            this.field = field;
            this.value = FixTimes.abbreviate(got.toString());
        }
    }
}
