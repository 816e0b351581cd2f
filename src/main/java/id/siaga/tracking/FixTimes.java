package id.siaga.tracking;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The timestamp forms trackers send, as Traccar reads them: epoch seconds (also with a fraction), epoch
 * milliseconds (any whole number from {@value #MILLIS_FROM} up: 2^31 seconds is 2038, so a number that large
 * is milliseconds), ISO-8601 with or without offset (without: UTC), and {@code yyyy-MM-dd HH:mm:ss} in UTC.
 */
final class FixTimes {

    static final long MILLIS_FROM = Integer.MAX_VALUE;
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

    private FixTimes() {
    }

    /** The instant, or an IllegalArgumentException saying what was not understood. */
    static Instant parse(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty timestamp");
        }
        char c = t.charAt(0);
        if (Character.isDigit(c) && t.indexOf('-') < 0 && t.indexOf(':') < 0) {
            return epoch(t);
        }
        try {
            if (t.indexOf('T') > 0) {
                char last = t.charAt(t.length() - 1);
                boolean zoned = last == 'Z' || last == 'z' || t.lastIndexOf('+') > 9 || t.lastIndexOf('-') > 9;
                return zoned ? OffsetDateTime.parse(t).toInstant() : LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            }
            return LocalDateTime.parse(t, SPACED).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("unreadable timestamp '" + abbreviate(t) + "'");
        }
    }

    /** A JSON number: epoch seconds or milliseconds by the same rule. */
    static Instant fromNumber(double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("timestamp " + value + " is not a time");
        }
        if (value >= MILLIS_FROM) {
            return Instant.ofEpochMilli((long) value);
        }
        long seconds = (long) value;
        return Instant.ofEpochSecond(seconds, Math.round((value - seconds) * 1e9));
    }

    private static Instant epoch(String t) {
        try {
            if (t.indexOf('.') >= 0) {
                return fromNumber(Double.parseDouble(t));
            }
            long v = Long.parseLong(t);
            return v >= MILLIS_FROM ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unreadable timestamp '" + abbreviate(t) + "'");
        }
    }

    /** Whether a tracker's text holds a control character (a line break, a terminal escape): no id of a real device does. */
    static boolean hasControlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * What a tracker sent, made fit for a refusal's reason (which goes into a log line and the journal): control
     * characters (a line break that would forge a log line, a terminal escape) shown as '?', and cut at 40 characters
     * and "…", never cutting a character outside the Basic Multilingual Plane (an emoji) in half.
     */
    static String abbreviate(String s) {
        int end = s.length() <= 40 ? s.length() : Character.isHighSurrogate(s.charAt(39)) ? 39 : 40;
        StringBuilder shown = new StringBuilder(end + 1);
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            shown.append(Character.isISOControl(c) ? '?' : c);
        }
        return end == s.length() ? shown.toString() : shown.append('…').toString();
    }
}
