package id.siaga.tracking;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OsmAnd / Traccar HTTP position protocol: one position as name=value pairs in the query string of a GET or
 * POST, or in an {@code application/x-www-form-urlencoded} POST body (both are read; the body wins). Traccar's
 * semantics: {@code id} or {@code deviceid}; {@code lat}+{@code lon} or {@code location=lat,lon};
 * {@code timestamp} as epoch seconds or milliseconds, ISO-8601 or {@code yyyy-MM-dd HH:mm:ss} (UTC), missing →
 * the server's time; {@code speed} in knots; {@code bearing} or {@code heading}; {@code altitude};
 * {@code accuracy}; {@code batt} (percent). {@code lat=0&lon=0}, or no coordinates at all, is a heartbeat.
 * A JSON body (Traccar Client's newer form) goes to {@link JsonPositionDecoder}.
 */
final class OsmAndPositionDecoder {

    /** One knot in metres per second: a nautical mile (1852 m) per hour. */
    static final double METERS_PER_SECOND_PER_KNOT = 1852.0 / 3600.0;

    private OsmAndPositionDecoder() {
    }

    /**
     * Reads one request. {@code uri} is the request target (path and query), {@code contentType} may be null,
     * {@code body} may be empty.
     */
    static List<DecodedFix> decode(String uri, String contentType, byte[] body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (body.length > 0 && (type.contains("json") || (type.isEmpty() && firstNonBlank(body) == '{'))) {
            return List.of(JsonPositionDecoder.traccarJson(body, PositionSource.OSMAND_HTTP));
        }
        Map<String, String> fields = new HashMap<>();
        try {
            int q = uri.indexOf('?');
            if (q >= 0) {
                parseForm(uri.substring(q + 1), fields);
            }
            if (body.length > 0 && (type.isEmpty() || type.startsWith("application/x-www-form-urlencoded") || type.startsWith("text/plain"))) {
                parseForm(new String(body, StandardCharsets.UTF_8).trim(), fields);
            }
        } catch (IllegalArgumentException e) {
            return List.of(DecodedFix.malformed(shownId(first(fields, "id", "deviceid")), e.getMessage(), Map.of()));
        }
        return List.of(fromFields(fields));
    }

    static DecodedFix fromFields(Map<String, String> fields) {
        String device = first(fields, "id", "deviceid");
        if (device == null || device.isBlank()) {
            return DecodedFix.malformed(null, "no device id (id or deviceid)", Map.of());
        }
        device = device.trim();
        if (FixTimes.hasControlCharacter(device)) { // it would end up in the rejection log line as it is
            return DecodedFix.malformed(null, "device id has a control character", Map.of());
        }
        String field = null;
        String value = null;
        try {
            Instant fixTime = null;
            if ((value = fields.get(field = "timestamp")) != null && !value.isBlank()) {
                fixTime = FixTimes.parse(value);
            }
            String lat = fields.get("lat");
            String lon = fields.get("lon");
            String location = fields.get("location");
            if (lat == null && lon == null && location != null) {
                field = "location";
                value = location;
                int comma = location.indexOf(',');
                if (comma < 0) {
                    throw new IllegalArgumentException("location must be lat,lon");
                }
                lat = location.substring(0, comma);
                lon = location.substring(comma + 1);
            }
            Double battery = number(fields, "batt");
            if (lat == null && lon == null) {
                return DecodedFix.of(PositionReport.heartbeat(device, null, fixTime, battery, PositionSource.OSMAND_HTTP));
            }
            if (lat == null || lon == null) {
                return DecodedFix.malformed(device, "lat and lon must come together", Map.of(lat == null ? "lon" : "lat",
                        FixTimes.abbreviate(lat == null ? lon : lat)));
            }
            double latitude = parse(field = "lat", value = lat);
            double longitude = parse(field = "lon", value = lon);
            field = null;
            Double knots = number(fields, "speed");
            Double bearing = number(fields, "bearing");
            if (bearing == null) {
                bearing = number(fields, "heading");
            }
            return DecodedFix.of(new PositionReport(device, null, fixTime, latitude, longitude,
                    knots == null ? null : knots * METERS_PER_SECOND_PER_KNOT, bearing, number(fields, "altitude"),
                    number(fields, "accuracy"), battery, PositionSource.OSMAND_HTTP));
        } catch (IllegalArgumentException e) {
            Map<String, Object> values = e instanceof NumberInField n ? Map.of(n.field, n.text)
                    : field == null || value == null ? Map.of() : Map.of(field, FixTimes.abbreviate(value));
            return DecodedFix.malformed(device, e.getMessage(), values);
        }
    }

    private static double parse(String field, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " is not a number: '" + FixTimes.abbreviate(text) + "'");
        }
    }

    private static Double number(Map<String, String> fields, String field) {
        String text = fields.get(field);
        if (text == null || text.isBlank()) {
            return null;
        }
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new NumberInField(field, text);
        }
        if (!Double.isFinite(v)) {
            throw new NumberInField(field, text);
        }
        return v;
    }

    /** An optional measurement that is not a finite number; the message names the field. */
    private static final class NumberInField extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final String field;
        final String text;

        NumberInField(String field, String text) {
            super(field + " is not a finite number: '" + FixTimes.abbreviate(text) + "'");
            this.field = field;
            this.text = FixTimes.abbreviate(text);
        }
    }

    /** The device id a refusal names, trimmed; none when it has a control character (it would go into the log line as it is). */
    private static String shownId(String id) {
        return id == null || id.isBlank() || FixTimes.hasControlCharacter(id.trim()) ? null : id.trim();
    }

    private static String first(Map<String, String> fields, String a, String b) {
        String v = fields.get(a);
        return v != null ? v : fields.get(b);
    }

    /** Splits {@code a=1&b=2}, percent- and plus-decoding names and values; a repeated name keeps its last value. */
    static void parseForm(String form, Map<String, String> into) {
        int start = 0;
        int n = form.length();
        while (start < n) {
            int amp = form.indexOf('&', start);
            int end = amp < 0 ? n : amp;
            if (end > start) {
                int eq = form.indexOf('=', start);
                if (eq < 0 || eq > end) {
                    into.put(component(form, start, end), "");
                } else {
                    into.put(component(form, start, eq), component(form, eq + 1, end));
                }
            }
            start = end + 1;
        }
    }

    private static String component(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%' || c == '+') {
                try {
                    return URLDecoder.decode(s.substring(from, to), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("bad percent-encoding in '" + FixTimes.abbreviate(s.substring(from, to)) + "'");
                }
            }
        }
        return s.substring(from, to);
    }

    private static int firstNonBlank(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b;
            }
        }
        return -1;
    }
}
