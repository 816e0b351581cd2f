package id.siaga.location;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The value checks both AML parsers share. A position value is returned in a form a {@link LocationFix}
 * accepts or refused with an {@link UnusableLocation} whose reason names the field and shows the value;
 * a handset value (number, IMSI, IMEI, network) that is malformed is dropped, its reason added to the
 * report's {@code ignored} list.
 */
final class AmlValues {

    /**
     * Half the Earth's circumference: a radius beyond it covers the whole planet and says nothing. It is not
     * a plausibility limit (a cell fix of 30 km is real); it only keeps nonsense out of the fix.
     */
    static final double MAX_RADIUS_METERS = 20_037_508;
    /** A position or call time outside 2000..2100 is a handset clock or a parser gone wrong, not a moment. */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private AmlValues() {
    }

    static double decimal(String field, String value) throws UnusableLocation {
        if (value.length() > 40 || !isPlainDecimal(value)) {
            throw new UnusableLocation(field + " " + UnusableLocation.shown(value) + " is not a decimal number");
        }
        double d = Double.parseDouble(value);
        if (!Double.isFinite(d)) {
            throw new UnusableLocation(field + " " + UnusableLocation.shown(value) + " is not a finite number");
        }
        return d;
    }

    /**
     * A plain decimal, {@code [+-]?(digits[.digits]|.digits)([eE][+-]?1-3 digits)?}: no NaN, Infinity, hex
     * floats or Java's 'd' suffix, which Double.parseDouble would take. A scan, not a regex: it runs for
     * every number of every message.
     */
    static boolean isPlainDecimal(String value) {
        int i = 0;
        int n = value.length();
        if (i < n && (value.charAt(i) == '+' || value.charAt(i) == '-')) {
            i++;
        }
        int integerDigits = 0;
        while (i < n && isDigit(value.charAt(i))) {
            i++;
            integerDigits++;
        }
        int fractionDigits = 0;
        if (i < n && value.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(value.charAt(i))) {
                i++;
                fractionDigits++;
            }
        }
        if (integerDigits == 0 && fractionDigits == 0) {
            return false;
        }
        if (i < n && (value.charAt(i) == 'e' || value.charAt(i) == 'E')) {
            i++;
            if (i < n && (value.charAt(i) == '+' || value.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && isDigit(value.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits < 1 || exponentDigits > 3) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code name=value} as the message wrote it, for reasons: "lt=+95.00000". */
    static String written(String field, String value) {
        String shown = UnusableLocation.shown(value, 24);
        return field + "=" + shown.substring(1, shown.length() - 1);
    }

    static double latitude(String field, String value) throws UnusableLocation {
        double d = decimal(field, value);
        if (d < -90 || d > 90) {
            throw new UnusableLocation(written(field, value) + " is out of range -90..90");
        }
        return d;
    }

    static double longitude(String field, String value) throws UnusableLocation {
        double d = decimal(field, value);
        if (d < -180 || d > 180) {
            throw new UnusableLocation(written(field, value) + " is out of range -180..180");
        }
        return d;
    }

    /** A radius or accuracy in metres: finite, not negative, not larger than the planet. */
    static double radius(String field, String value) throws UnusableLocation {
        double d = decimal(field, value);
        if (d < 0 || d > MAX_RADIUS_METERS) {
            throw new UnusableLocation(written(field, value) + " is not a radius in metres (0.." + (long) MAX_RADIUS_METERS + ")");
        }
        return d;
    }

    /** Unix time in milliseconds, between 2000 and 2100. */
    static Instant epochMillis(String field, String value) throws UnusableLocation {
        if (!digits(value, 1, 15)) {
            throw new UnusableLocation(field + " " + UnusableLocation.shown(value) + " is not Unix time in milliseconds");
        }
        Instant at = Instant.ofEpochMilli(Long.parseLong(value));
        if (at.isBefore(EARLIEST) || !at.isBefore(LATEST)) {
            throw new UnusableLocation(field + " " + UnusableLocation.shown(value) + " (" + at + ") is not between 2000 and 2100");
        }
        return at;
    }

    static boolean digits(String value, int minLength, int maxLength) {
        if (value.length() < minLength || value.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** An IMSI: 6 to 15 digits (Android's SMS sends the first six and zeros). */
    static boolean isImsi(String value) {
        return digits(value, 6, 15);
    }

    /** An IMEI: 15 digits, 16 for an IMEISV, 14 when the check digit was left off. */
    static boolean isImei(String value) {
        return digits(value, 14, 16);
    }

    /** Free text from a handset (a model name), made safe for a screen and a log line and cut short. */
    static String text(String value, int limit) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), limit));
        for (int i = 0; i < value.length() && out.length() < limit; i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        return out.toString().trim();
    }

    /** The caller's number as {@code +62…}; empty when absent or not a number (then noted). */
    static Optional<String> callerNumber(String raw, List<String> ignored) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        Optional<String> number = IndonesianNumbers.normalize(raw);
        if (number.isEmpty()) {
            ignored.add("caller number " + UnusableLocation.shown(raw) + " is not a phone number");
        }
        return number;
    }

    /** An IMSI or IMEI that passes {@code valid}; empty when absent or malformed (then noted as "is not {@code what}"). */
    static Optional<String> identifier(String field, String value, Predicate<String> valid, String what, List<String> ignored) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (valid.test(value)) {
            return Optional.of(value);
        }
        ignored.add(field + " " + UnusableLocation.shown(value) + " is not " + what);
        return Optional.empty();
    }

    /** The network of an MCC and MNC field pair; empty when both are absent or either is malformed (then noted). */
    static Optional<MobileNetworkId> network(String mcc, String mnc, List<String> ignored) {
        if (mcc == null && mnc == null) {
            return Optional.empty();
        }
        Optional<MobileNetworkId> network = MobileNetworkId.of(mcc, mnc);
        if (network.isEmpty()) {
            ignored.add("mcc/mnc " + UnusableLocation.shown(mcc) + "/" + UnusableLocation.shown(mnc) + " is not a network code");
        }
        return network;
    }

    /** A parser bug must not cost a caller the call: it is rejected like bad input, named as a bug. */
    static String bug(RuntimeException e) {
        return "AML parser bug (" + e.getClass().getName() + "): " + UnusableLocation.shown(e.getMessage(), 120);
    }
}
